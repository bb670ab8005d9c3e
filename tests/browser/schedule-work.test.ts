import { describe, expect, it } from 'vitest';
import { createWorkQueue, type Job } from '@/entrypoints/content/schedule-work';

/** A job that needs `steps` steps of about `stepMs` each, checking the deadline between steps. */
function busyJob(steps: number, stepMs: number): Job & { left: number } {
  const job = {
    left: steps,
    run(deadline: number) {
      while (job.left > 0) {
        const until = performance.now() + stepMs;
        while (performance.now() < until);
        job.left--;
        if (performance.now() >= deadline) return job.left === 0;
      }
      return true;
    },
  };
  return job;
}

describe('the work queue', () => {
  it('runs long work in several slices', async () => {
    let slices = 0;
    const queue = createWorkQueue({
      sliceMs: 5,
      afterSlice: () => slices++,
      onError: (error) => {
        throw error;
      },
    });
    const job = busyJob(60, 1);
    queue.push(job);
    await queue.whenIdle();
    expect(job.left).toBe(0);
    // 60 ms of work in 5 ms slices.
    expect(slices).toBeGreaterThanOrEqual(8);
    queue.destroy();
  });

  it('runs urgent jobs first and keeps going after a job that throws', async () => {
    const order: string[] = [];
    const errors: unknown[] = [];
    const queue = createWorkQueue({ afterSlice: () => undefined, onError: (e) => errors.push(e) });
    queue.push({ run: () => (order.push('a'), true) });
    queue.push({
      run: () => {
        throw new Error('bad job');
      },
    });
    queue.push({ run: () => (order.push('c'), true) });
    queue.push({ run: () => (order.push('urgent'), true) }, { urgent: true });
    await queue.whenIdle();
    expect(order).toEqual(['urgent', 'a', 'c']);
    expect(errors).toHaveLength(1);
    queue.destroy();
  });

  it('does nothing more once destroyed', async () => {
    let ran = false;
    const queue = createWorkQueue({ afterSlice: () => undefined, onError: () => undefined });
    queue.push({ run: () => (ran = true) });
    queue.destroy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toBe(false);
    await queue.whenIdle();
  });
});
