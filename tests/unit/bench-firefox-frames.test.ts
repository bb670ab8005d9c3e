import { describe, expect, it } from 'vitest';
import {
  firefoxLines,
  frameStats,
  longerWithUs,
  type FirefoxPageFrames,
} from '../../scripts/bench-support/firefox-frames.ts';

describe('bench: Firefox frames', () => {
  it('counts only the frames from the given start, and those over 50 ms as long', () => {
    const frames: [number, number][] = [
      [0, 400],
      [400, 16],
      [416, 51],
      [467, 50],
      [517, 120],
    ];
    expect(frameStats(frames, 400)).toEqual({ longestMs: 120, longFrames: 2 });
    expect(frameStats(frames, 0)).toEqual({ longestMs: 400, longFrames: 3 });
    expect(frameStats(frames, 1000)).toEqual({ longestMs: 0, longFrames: 0 });
  });

  it('flags a page only when its longest frame is long and clearly longer with us', () => {
    const page = (withMs: number, withoutMs: number): FirefoxPageFrames => ({
      page: 'gen-100k',
      loads: 2,
      with: { longestMs: withMs, longFrames: withMs > 50 ? 1 : 0 },
      without: { longestMs: withoutMs, longFrames: withoutMs > 50 ? 1 : 0 },
    });
    expect(longerWithUs(page(240, 64))).toBe(true);
    expect(longerWithUs(page(70, 64))).toBe(false);
    expect(longerWithUs(page(45, 20))).toBe(false);
    expect(firefoxLines([page(240, 64)])).toEqual([
      'Firefox gen-100k: longest frame 240/64 ms with/without, frames over 50 ms 1/1 (median of 2) LONGER WITH US',
    ]);
  });
});
