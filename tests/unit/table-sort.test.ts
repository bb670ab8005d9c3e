import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestIndexes, flipDirection, sortRows, type SortKey } from '../../core/table-sort';

interface Row {
  name: string;
  score: SortKey;
}

const rows: Row[] = [
  { name: 'a', score: 82.3 },
  { name: 'b', score: undefined },
  { name: 'c', score: 95 },
  { name: 'd', score: 0 },
  { name: 'e', score: 82.3 },
];
const names = (list: Row[]) => list.map((row) => row.name);

describe('sortRows', () => {
  it('orders reported values and keeps not-reported last going up', () => {
    const sorted = sortRows({ rows, keyOf: (row) => row.score, direction: 'ascending' });
    expect(names(sorted)).toEqual(['d', 'a', 'e', 'c', 'b']);
  });

  it('keeps not-reported last going down too, so it is never ranked as zero', () => {
    const sorted = sortRows({ rows, keyOf: (row) => row.score, direction: 'descending' });
    expect(names(sorted)).toEqual(['c', 'a', 'e', 'd', 'b']);
  });

  it('does not change the rows it was given', () => {
    const copy = [...rows];
    sortRows({ rows, keyOf: (row) => row.score, direction: 'descending' });
    expect(rows).toEqual(copy);
  });

  it('sorts text with the locale and numbers inside names by value', () => {
    const models = [{ name: 'Qwen-72B' }, { name: 'GLM-4' }, { name: 'GLM-130B' }];
    const sorted = sortRows({
      rows: models,
      keyOf: (row) => row.name,
      direction: 'ascending',
      locale: 'en-US',
    });
    expect(sorted.map((row) => row.name)).toEqual(['GLM-4', 'GLM-130B', 'Qwen-72B']);
  });

  it('treats NaN as not reported', () => {
    const sorted = sortRows({
      rows: [{ v: Number.NaN }, { v: 1 }],
      keyOf: (row) => row.v,
      direction: 'ascending',
    });
    expect(sorted.map((row) => row.v)).toEqual([1, Number.NaN]);
  });

  it('for any column: a permutation, monotonic, missing values at the end', () => {
    const key = fc.option(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(key, { maxLength: 30 }),
        fc.constantFrom('ascending', 'descending'),
        (keys, direction) => {
          const indexed = keys.map((value, index) => ({ value, index }));
          const sorted = sortRows({ rows: indexed, keyOf: (row) => row.value, direction });
          expect([...sorted].map((row) => row.index).sort((a, b) => a - b)).toEqual(
            indexed.map((row) => row.index),
          );
          const firstMissing = sorted.findIndex((row) => row.value === undefined);
          if (firstMissing >= 0) {
            expect(sorted.slice(firstMissing).every((row) => row.value === undefined)).toBe(true);
          }
          const values = sorted.flatMap((row) => (row.value === undefined ? [] : [row.value]));
          for (let i = 1; i < values.length; i += 1) {
            const [before, after] = [values[i - 1]!, values[i]!];
            expect(direction === 'ascending' ? before <= after : before >= after).toBe(true);
          }
        },
      ),
    );
  });
});

describe('flipDirection', () => {
  it('swaps the direction', () => {
    expect(flipDirection('ascending')).toBe('descending');
    expect(flipDirection('descending')).toBe('ascending');
  });
});

describe('bestIndexes', () => {
  it('marks the highest value, skipping not-reported', () => {
    expect([...bestIndexes([78.9, 76.3, undefined, 74.1], 'higher')]).toEqual([0]);
  });

  it('marks the lowest value when lower is better', () => {
    expect([...bestIndexes([3, 1, undefined, 2], 'lower')]).toEqual([1]);
  });

  it('marks every tied best value', () => {
    expect([...bestIndexes([5, 9, 9, 1], 'higher')]).toEqual([1, 2]);
  });

  it('marks nothing when fewer than two values are reported', () => {
    expect(bestIndexes([undefined, 4, undefined], 'higher').size).toBe(0);
    expect(bestIndexes([], 'higher').size).toBe(0);
  });

  it('never lets a missing value win, even against negatives', () => {
    expect([...bestIndexes([-5, undefined, -2], 'higher')]).toEqual([2]);
  });
});
