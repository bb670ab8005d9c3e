// Renders our data back into the notation the article prints, so the fidelity test can compare
// strings with the article itself. Only the article's own conventions live here.
import { isCurrencyUnit, type Measure } from '../../data';

export const NOT_REPORTED_MARK = '—';

const CURRENCY_SYMBOL = { CNY: '¥', EUR: '€', GBP: '£', USD: '$' } as const;

const COMPACT_STEPS = [
  { size: 1e12, letter: 'T', word: 'trillion' },
  { size: 1e9, letter: 'B', word: 'billion' },
  { size: 1e6, letter: 'M', word: 'million' },
] as const;

/** 1200 → '1,200', 1.8 → '1.8', 1.25 → '1.25'. */
export function formatPlain(value: number, decimals?: number): string {
  return value.toLocaleString('en-US', {
    minimumFractionDigits: decimals ?? 0,
    maximumFractionDigits: decimals ?? 2,
  });
}

function step(value: number) {
  return COMPACT_STEPS.find(({ size }) => Math.abs(value) >= size);
}

/** 130e9 → '130B', 1.8e12 → '1.8T', 800e6 → '800M'. */
export function formatCompact(value: number): string {
  const found = step(value);
  return found ? `${formatPlain(value / found.size)}${found.letter}` : formatPlain(value);
}

/** Benchmark table, parameters column: '~130B (est.)', '72B', '—'. */
export function renderParameters(measure: Measure): string {
  if (measure.kind === 'not-reported') return NOT_REPORTED_MARK;
  const approx = measure.approx === true ? '~' : '';
  const estimated = measure.estimated === true ? ' (est.)' : '';
  return `${approx}${formatCompact(measure.value)}${estimated}`;
}

/** A plain table number: '82.3', '92.0', '—'; `scale` is the header's unit (¥B → 1e9). */
export function renderTableNumber(measure: Measure, scale = 1): string {
  if (measure.kind === 'not-reported') return NOT_REPORTED_MARK;
  return formatPlain(measure.value / scale, measure.decimals);
}

/** Competitive table, valuation column: '¥1 Trillion', '¥500B'. */
export function renderValuation(measure: Measure): string {
  if (measure.kind === 'not-reported') return NOT_REPORTED_MARK;
  const symbol = isCurrencyUnit(measure.unit) ? CURRENCY_SYMBOL[measure.unit] : '';
  if (measure.value >= 1e12) return `${symbol}${formatPlain(measure.value / 1e12)} Trillion`;
  return `${symbol}${formatCompact(measure.value)}`;
}

/** Market table, year column: '2024', '2026 (proj.)'. */
export function renderYear(measure: Measure): string {
  if (measure.kind === 'not-reported') return NOT_REPORTED_MARK;
  return measure.projected === true ? `${measure.value} (proj.)` : String(measure.value);
}

/** A figure as the article's prose writes it, without its "over" bound. */
function proseCore(measure: Extract<Measure, { kind: 'figure' }>): string {
  const { value, unit } = measure;
  switch (unit) {
    case 'CNY':
      // Yuan are written compactly in the prose: ¥800M, ¥1T, ¥45B.
      return `¥${formatCompact(value)}`;
    case 'EUR':
    case 'GBP':
    case 'USD': {
      // Other currencies spell the scale out: €270 million, $4 billion.
      const found = step(value);
      const amount = found
        ? `${formatPlain(value / found.size)} ${found.word}`
        : formatPlain(value);
      return `${CURRENCY_SYMBOL[unit]}${amount}`;
    }
    case 'percent':
      return `${formatPlain(value)}%`;
    case 'ratio':
      return `${formatPlain(value)}x`;
    case 'stars':
      return `${formatPlain(value)} stars`;
    case 'parameters': {
      const found = step(value);
      return found
        ? `${formatPlain(value / found.size)}-${found.word} parameter`
        : formatPlain(value);
    }
    case 'year':
      return String(value);
    case 'points':
      return formatPlain(value, measure.decimals);
  }
}

/** Every way the prose may print a figure: 'over €1 billion' is also written 'surpassing …'. */
export function renderProseForms(measure: Measure): string[] {
  if (measure.kind === 'not-reported') return [];
  const core = proseCore(measure);
  return measure.bound === 'over' ? [`over ${core}`, `surpassing ${core}`] : [core];
}

/** The main prose form: 'over €1 billion', '70%', '¥800M'. */
export function renderProse(measure: Measure): string {
  return renderProseForms(measure)[0] ?? NOT_REPORTED_MARK;
}

/**
 * True when `needle` occurs in `text` as a whole figure: '2x' is not found in '12x' or '2xl'.
 * `notPrecededBy` rejects occurrences whose preceding text matches it.
 */
export function containsFigure(text: string, needle: string, notPrecededBy?: RegExp): boolean {
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = text.slice(Math.max(0, at - 1), at);
    const after = text.slice(at + needle.length, at + needle.length + 2);
    const touchesBefore = /^[\p{L}\p{N}]/u.test(needle) && /[\p{L}\p{N}.,]$/u.test(before);
    const touchesAfter = /^[\p{L}\p{N}]|^[.,]\p{N}/u.test(after);
    const rejected = notPrecededBy?.test(text.slice(0, at)) ?? false;
    if (!touchesBefore && !touchesAfter && !rejected) return true;
  }
  return false;
}

/** Words the prose uses for an "over" bound, right before the figure. */
const BOUND_WORDS = /\b(?:over|surpassing|more than)\s$/;

/**
 * True when `text` states this figure with the same bound: 'over €1 billion' for a bounded
 * figure, and for an unbounded one an occurrence that is not preceded by "over".
 */
export function mentionsFigure(text: string, measure: Measure): boolean {
  if (measure.kind === 'not-reported') return false;
  if (measure.bound === 'over') {
    return renderProseForms(measure).some((form) => containsFigure(text, form));
  }
  return containsFigure(text, renderProse(measure), BOUND_WORDS);
}
