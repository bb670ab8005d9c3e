/**
 * Runs the page engine's work in short slices so no task we add comes near the 50 ms a reader
 * can feel, whatever the page's size. Each job does as much as fits before the slice's deadline
 * and says whether it finished; unfinished jobs continue in the next slice.
 */

/** Time one slice may take. Far below 50 ms, so a slice stays short on slow machines too. */
export const SLICE_MS = 8;
/**
 * Slices run back to back at most this many times before the queue waits for the browser to
 * paint a frame: Chromium (156) lets a stream of posted tasks hold back rendering for 80 ms and
 * more, and a highlight registered early is only seen once a frame is painted.
 */
export const SLICES_BETWEEN_FRAMES = 3;

export interface Job {
  /** Works until `deadline` (a performance.now() time); returns true when finished. */
  run(deadline: number): boolean;
}

export interface WorkQueue {
  /** Queues a job; `urgent` jobs (what the reader is looking at) go before the rest. */
  push(job: Job, options?: { urgent?: boolean }): void;
  /** Forgets every queued job. */
  clear(): void;
  /** True while jobs are waiting. */
  readonly busy: boolean;
  /** Lets the browser paint a frame before the next slice (what was published shows at once). */
  paintNext(): void;
  /** Resolves once every queued job has finished (at once when none is queued). */
  whenIdle(): Promise<void>;
  /** Stops for good. */
  destroy(): void;
}

/**
 * `afterSlice` runs at the end of every slice (to publish what the slice found) and hears when
 * the slice started (performance.now() time), so a benchmark can time every slice; `onError`
 * hears about a job that threw (the job is dropped, the page never sees the error).
 */
export function createWorkQueue({
  sliceMs = SLICE_MS,
  afterSlice,
  onError,
}: {
  sliceMs?: number;
  afterSlice: (startedAt: number) => void;
  onError: (error: unknown) => void;
}): WorkQueue {
  const jobs: Job[] = [];
  let scheduled = false;
  let destroyed = false;
  let idleWaiters: (() => void)[] = [];
  // Slices since the last frame the queue waited for.
  let slicesInRow = 0;

  function wakeIdleWaiters(): void {
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
  // A message to ourselves starts the next slice at once, unlike setTimeout, which browsers
  // clamp to 4 ms after a few nested calls.
  const channel = new MessageChannel();

  function schedule(): void {
    if (scheduled || destroyed) return;
    scheduled = true;
    // A hidden page paints no frames (and runs no animation-frame callbacks): no waiting then.
    if (slicesInRow >= SLICES_BETWEEN_FRAMES && document.visibilityState === 'visible') {
      // The message posted from the frame callback runs once that frame is painted.
      requestAnimationFrame(() => {
        slicesInRow = 0;
        channel.port2.postMessage(undefined);
      });
      return;
    }
    channel.port2.postMessage(undefined);
  }

  function report(error: unknown): void {
    try {
      onError(error);
    } catch {
      // The error handler failed too: the queue must go on regardless.
    }
  }

  function slice(): void {
    scheduled = false;
    if (destroyed) return;
    slicesInRow++;
    const startedAt = performance.now();
    const deadline = startedAt + sliceMs;
    while (jobs.length > 0 && performance.now() < deadline) {
      const job = jobs[0]!;
      let done = true;
      try {
        done = job.run(deadline);
      } catch (error) {
        report(error);
      }
      if (done && jobs[0] === job) jobs.shift();
    }
    try {
      afterSlice(startedAt);
    } catch (error) {
      report(error);
    }
    if (jobs.length > 0) schedule();
    else wakeIdleWaiters();
  }

  channel.port1.onmessage = slice;

  return {
    push(job, { urgent = false } = {}) {
      if (destroyed) return;
      if (urgent) jobs.unshift(job);
      else jobs.push(job);
      schedule();
    },
    clear() {
      jobs.length = 0;
    },
    get busy() {
      return jobs.length > 0;
    },
    paintNext() {
      slicesInRow = SLICES_BETWEEN_FRAMES;
    },
    whenIdle() {
      if (destroyed || (jobs.length === 0 && !scheduled)) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    destroy() {
      destroyed = true;
      jobs.length = 0;
      wakeIdleWaiters();
      channel.port1.onmessage = null;
      channel.port1.close();
      channel.port2.close();
    },
  };
}
