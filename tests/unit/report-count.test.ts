import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCountReporter } from '@/entrypoints/content/report-count';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the count reporter', () => {
  it('sends the first count at once, then the latest a few times a second', () => {
    const sent: number[] = [];
    const reporter = createCountReporter((count) => sent.push(count));
    reporter.update(1);
    expect(sent).toEqual([1]);
    reporter.update(2);
    reporter.update(5);
    reporter.update(9);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([1, 9]);
    reporter.update(9);
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([1, 9]);
  });

  it('sends 0 when it stops, if it had sent anything else', () => {
    const sent: number[] = [];
    const reporter = createCountReporter((count) => sent.push(count));
    reporter.update(3);
    reporter.update(4);
    reporter.destroy();
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([3, 0]);
    reporter.update(8);
    expect(sent).toEqual([3, 0]);
    const quiet: number[] = [];
    createCountReporter((count) => quiet.push(count)).destroy();
    expect(quiet).toEqual([]);
  });
});
