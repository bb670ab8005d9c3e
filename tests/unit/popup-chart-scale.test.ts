import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axisTicks } from '../../components/charts/chart-scale';

describe('axisTicks', () => {
  it('uses round steps from zero to at least the maximum', () => {
    expect(axisTicks(95)).toEqual([0, 25, 50, 75, 100]);
    expect(axisTicks(2500e9)).toEqual([0, 1e12, 2e12, 3e12]);
    expect(axisTicks(45e9)).toEqual([0, 20e9, 40e9, 60e9]);
  });

  it('falls back to a unit axis for no data', () => {
    expect(axisTicks(0)).toEqual([0, 1]);
    expect(axisTicks(Number.NaN)).toEqual([0, 1]);
  });

  it('always starts at 0, covers the maximum, and steps evenly', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e15, noNaN: true }), (max) => {
        const ticks = axisTicks(max);
        expect(ticks[0]).toBe(0);
        expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max * (1 - 1e-9));
        expect(ticks.length).toBeLessThanOrEqual(11);
        const step = ticks[1]!;
        ticks.forEach((tick, index) => expect(tick).toBeCloseTo(index * step, 6));
      }),
    );
  });
});
