/**
 * Gathers the page's text edits so that text edited again and again (a ticker, a clock, a live
 * score) is read a few times a second rather than at every frame: the first edit after a quiet
 * spell is read at once, the ones after it together when the interval is over.
 *
 * Text that keeps changing for longer (in LIVE_AFTER_BATCHES batches in a row, each less than
 * LIVE_GAP_MS after the last) is live: its mentions are dropped and it is not read again until
 * it has been quiet for SETTLE_MS. A range in such text soon points at whatever the page wrote
 * there since, and Chromium rebuilds every registered range and repaints the text under it at
 * each frame in which the DOM changed (HighlightRegistry::ValidateHighlightMarkers): on the page
 * bench's rewriting page, mentions in text rewritten at every frame made the main thread about 5
 * points busier.
 */

/**
 * Text edited continuously is read again at most this often. Each read may swap highlight ranges,
 * and the browser repaints for that: on the page bench's rewriting page the main thread was 10.3
 * points busier than without us at 100 ms, 8.3 at 250 ms, 7.7 at 1 s.
 */
export const EDIT_BATCH_MS = 250;
/** Batches closer than this are in a row (a clock ticking once a second never is). */
export const LIVE_GAP_MS = 2 * EDIT_BATCH_MS;
/**
 * Text in this many batches in a row is live; two edits close together (a page setting a text
 * and correcting it) are not.
 */
export const LIVE_AFTER_BATCHES = 3;
/** Live text unedited for this long has settled, and is read. */
export const SETTLE_MS = 2 * EDIT_BATCH_MS;

export interface EditReader {
  /** Reads edited text (again): the text of a first edit, of a batch, or live text that settled. */
  read: (texts: ReadonlySet<Text>) => void;
  /** The texts turned live: their mentions go until they settle (then `read` has them). */
  hold: (texts: ReadonlySet<Text>) => void;
}

export interface EditBatcher {
  /** Notes an edited text node; `schedule` then says when it is read. */
  add(text: Text): void;
  /** Reads what was noted now, or once the interval since the last read is over. */
  schedule(): void;
  /** Forgets what was noted and what is live (a full rescan reads it anyway). */
  clear(): void;
  /** Resolves once no noted edit and no live text is waiting for its turn. */
  whenRead(): Promise<void>;
  destroy(): void;
}

export function createEditBatcher({ read, hold }: EditReader): EditBatcher {
  const edited = new Set<Text>();
  /** Per text: when it was last in a batch (read or held), and how many batches in a row. */
  const streaks = new WeakMap<Text, { at: number; batches: number }>();
  /** Live texts; each one's last batch is its streak's `at`. */
  const live = new Set<Text>();
  let lastRead = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let waiters: (() => void)[] = [];
  let destroyed = false;

  function wake(): void {
    if (timer !== undefined || settleTimer !== undefined) return;
    const waiting = waiters;
    waiters = [];
    for (const resume of waiting) resume();
  }

  function readNow(): void {
    timer = undefined;
    if (!destroyed) {
      const now = performance.now();
      lastRead = now;
      const fresh = new Set<Text>();
      const turned = new Set<Text>();
      for (const text of edited) {
        const streak = streaks.get(text);
        const batches =
          streak !== undefined && now - streak.at < LIVE_GAP_MS ? streak.batches + 1 : 1;
        streaks.set(text, { at: now, batches });
        if (live.has(text)) continue;
        if (batches >= LIVE_AFTER_BATCHES) {
          live.add(text);
          turned.add(text);
        } else {
          fresh.add(text);
        }
      }
      edited.clear();
      if (turned.size > 0) hold(turned);
      if (fresh.size > 0) read(fresh);
      if (live.size > 0 && settleTimer === undefined) settleTimer = setTimeout(settle, SETTLE_MS);
    }
    wake();
  }

  function settle(): void {
    settleTimer = undefined;
    if (!destroyed) {
      const now = performance.now();
      const settled = new Set<Text>();
      let nextCheck = SETTLE_MS;
      for (const text of live) {
        const quiet = now - (streaks.get(text)?.at ?? Number.NEGATIVE_INFINITY);
        if (quiet >= SETTLE_MS) settled.add(text);
        else nextCheck = Math.min(nextCheck, SETTLE_MS - quiet);
      }
      for (const text of settled) live.delete(text);
      if (settled.size > 0) read(settled);
      if (live.size > 0) settleTimer = setTimeout(settle, nextCheck);
    }
    wake();
  }

  return {
    add(text) {
      edited.add(text);
    },
    schedule() {
      if (timer !== undefined || edited.size === 0 || destroyed) return;
      const wait = lastRead + EDIT_BATCH_MS - performance.now();
      if (wait <= 0) readNow();
      else timer = setTimeout(readNow, wait);
    },
    clear() {
      edited.clear();
      live.clear();
      clearTimeout(settleTimer);
      settleTimer = undefined;
      wake();
    },
    async whenRead() {
      while (timer !== undefined || settleTimer !== undefined) {
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    destroy() {
      destroyed = true;
      clearTimeout(timer);
      clearTimeout(settleTimer);
      timer = undefined;
      settleTimer = undefined;
      edited.clear();
      live.clear();
      wake();
    },
  };
}
