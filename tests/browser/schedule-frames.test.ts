import { describe, expect, it } from 'vitest';
import {
  createWorkQueue,
  SLICES_BETWEEN_FRAMES,
  type Job,
} from '@/entrypoints/content/schedule-work';

/** A job that keeps the thread busy for `totalMs`, checking the deadline every millisecond. */
function busyFor(totalMs: number): Job {
  let left = totalMs;
  return {
    run(deadline) {
      while (left > 0) {
        const until = performance.now() + 1;
        while (performance.now() < until);
        left--;
        if (performance.now() >= deadline) return left === 0;
      }
      return true;
    },
  };
}

describe('the work queue and the frames in between', () => {
  it('lets the browser paint a frame every few slices of a long job', async () => {
    // Each slice and each frame, in the order they happened.
    const events: string[] = [];
    let counting = true;
    const frame = () => {
      if (!counting) return;
      events.push('frame');
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    const queue = createWorkQueue({
      sliceMs: 4,
      afterSlice: () => events.push('slice'),
      onError: (error) => {
        throw error;
      },
    });
    queue.push(busyFor(120));
    await queue.whenIdle();
    counting = false;
    queue.destroy();
    // Never more slices in a row than allowed between two frames.
    const runs = events
      .join(' ')
      .split('frame')
      .map((part) => part.split('slice').length - 1);
    expect(events.filter((event) => event === 'slice').length).toBeGreaterThan(10);
    expect(Math.max(...runs)).toBeLessThanOrEqual(SLICES_BETWEEN_FRAMES);
  });

  it('paints before the next slice when asked', async () => {
    const events: string[] = [];
    const queue = createWorkQueue({
      sliceMs: 4,
      afterSlice: () => {
        events.push('slice');
        if (events.length === 1) {
          queue.paintNext();
          requestAnimationFrame(() => events.push('frame'));
        }
      },
      onError: (error) => {
        throw error;
      },
    });
    queue.push(busyFor(20));
    await queue.whenIdle();
    queue.destroy();
    expect(events.slice(0, 3)).toEqual(['slice', 'frame', 'slice']);
  });
});
