/**
 * Tells the background how many mentions this frame shows, for the toolbar badge. Counts change
 * many times while a page is scanned; the badge only needs the latest, a few times a second.
 */

// Often enough that the badge keeps up with a scan, rarely enough to cost nothing.
const REPORT_EVERY_MS = 400;

export interface CountReporter {
  update(count: number): void;
  /** Reports 0 at once (the page stopped highlighting) and stops. */
  destroy(): void;
}

export function createCountReporter(send: (count: number) => void): CountReporter {
  let latest = 0;
  let reported: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let destroyed = false;

  function report(): void {
    timer = undefined;
    if (destroyed || latest === reported) return;
    reported = latest;
    send(latest);
  }

  return {
    update(count) {
      if (destroyed) return;
      latest = count;
      if (reported === undefined) report();
      else timer ??= setTimeout(report, REPORT_EVERY_MS);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearTimeout(timer);
      if (reported !== undefined && reported !== 0) send(0);
    },
  };
}
