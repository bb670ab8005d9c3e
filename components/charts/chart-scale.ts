// Step sizes a reader can add up at a glance: 1, 2, 2.5 and 5 times a power of ten.
const NICE_STEPS = [1, 2, 2.5, 5, 10] as const;

/**
 * Evenly spaced axis ticks from 0 to a round number at or above `max`, about `count` steps.
 * Axes start at zero so bar lengths and line heights compare honestly.
 */
export function axisTicks(max: number, count = 4): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = (NICE_STEPS.find((nice) => nice * power >= rough) ?? 10) * power;
  const steps = Math.ceil(max / step - 1e-9);
  // Multiplying (not adding) keeps float error from piling up: 0.1 * 3, not 0.1 + 0.1 + 0.1.
  return Array.from({ length: steps + 1 }, (_, index) => Number((index * step).toPrecision(12)));
}
