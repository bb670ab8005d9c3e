/** A value a table column is ordered by; `undefined` is the article's "not reported". */
export type SortKey = number | string | undefined;

export type SortDirection = 'ascending' | 'descending';

/** Which end of a column is the best one: scores are better high, costs low. */
export type Better = 'higher' | 'lower';

export interface SortRowsOptions<R> {
  rows: readonly R[];
  keyOf: (row: R) => SortKey;
  direction: SortDirection;
  /** Locale for text keys, so Chinese names sort as a Chinese reader expects. */
  locale?: string;
}

function compareKeys(a: number | string, b: number | string, collator: Intl.Collator): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  // A column should hold one kind of key; if it mixes, numbers come before text.
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return collator.compare(a, b);
}

/**
 * The rows ordered by their key. Rows whose value is not reported always come last, whichever the
 * direction, in their original order: a missing figure is never ranked as if it were zero. Equal
 * keys keep their original order too (the sort is stable).
 */
export function sortRows<R>({ rows, keyOf, direction, locale }: SortRowsOptions<R>): R[] {
  const collator = new Intl.Collator(locale, { numeric: true });
  const sign = direction === 'ascending' ? 1 : -1;
  const reported: { row: R; key: number | string; index: number }[] = [];
  const missing: R[] = [];
  rows.forEach((row, index) => {
    const key = keyOf(row);
    if (key === undefined || (typeof key === 'number' && Number.isNaN(key))) missing.push(row);
    else reported.push({ row, key, index });
  });
  reported.sort((a, b) => sign * compareKeys(a.key, b.key, collator) || a.index - b.index);
  return [...reported.map((entry) => entry.row), ...missing];
}

/** The direction a second click on the same column gives. */
export function flipDirection(direction: SortDirection): SortDirection {
  return direction === 'ascending' ? 'descending' : 'ascending';
}

// With a single reported value there is nothing to compare it with, so nothing is "best".
const MIN_VALUES_TO_RANK = 2;

/**
 * Positions of the best value in a column (every one of them on a tie). Not-reported values
 * never win; a column with fewer than two reported values has no best.
 */
export function bestIndexes(values: readonly (number | undefined)[], better: Better): Set<number> {
  const reported = values.filter(
    (value): value is number => value !== undefined && !Number.isNaN(value),
  );
  if (reported.length < MIN_VALUES_TO_RANK) return new Set();
  const best = better === 'higher' ? Math.max(...reported) : Math.min(...reported);
  const indexes = new Set<number>();
  values.forEach((value, index) => {
    if (value === best) indexes.add(index);
  });
  return indexes;
}
