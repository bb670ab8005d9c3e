/**
 * What the bench runs inside the page's main world, installed before any page script by
 * `benchApiScript()`: the floor, the mark.js run, feed bursts, hover targets, and a probe that
 * watches `CSS.highlights` (the registry belongs to the document, so the page sees what the
 * content script registers) to time the first highlight in the viewport and the last one.
 *
 * The functions here are serialised with toString(), so they use nothing from outside.
 */

export interface ProbeState {
  /** Ranges registered in our `zf-` highlights, as of the last animation frame. */
  count: number;
  /** performance.now() of the frame where the count last changed; -1 before any change. */
  lastChangeAt: number;
  /** performance.now() of the frame where a range in the first viewport was first seen. */
  firstViewportAt: number;
  /** performance.now() when the probe started, the moment of its `zf-bench:clock` mark. */
  clockAt: number;
  /** Milliseconds of unbroken idle time the main thread has had up to now. */
  idleStreakMs: number;
  now: number;
}

export interface FloorResult {
  ms: number;
  textNodes: number;
  chars: number;
}

export interface MarkResult {
  ms: number;
  /** Mentions wrapped before the run finished or was cut off. */
  wrapped: number;
  completed: boolean;
  error?: string;
}

export interface HoverPoint {
  x: number;
  y: number;
  onMention: boolean;
}

export interface BenchApi {
  state(): ProbeState;
  floor(): FloorResult;
  /** Matches of `source` over the text mark.js would join (every text node of the body). */
  countMatches(source: string, flags: string): number;
  runMark(source: string, flags: string, budgetMs: number): MarkResult;
  /** Appends `count` copies of the page's first paragraphs at the end of the page. */
  burst(count: number, round: number): void;
  /** Points on mentions in the viewport and points on plain text beside them. */
  hoverPoints(limit: number): HoverPoint[];
  /** True when a registered range lies in the viewport. */
  viewportHasHighlight(): boolean;
}

declare global {
  interface Window {
    __zfBench?: BenchApi;
    __zfMark?: new (context: Element) => {
      markRegExp(
        regexp: RegExp,
        options: {
          acrossElements: boolean;
          filter: () => boolean;
          done: (total: number) => void;
        },
      ): void;
    };
  }
}

/**
 * The floor: the least any whole-page scan must do, reach every text node and read every
 * character. Runs in the page, in whichever world it is handed to.
 */
function runFloor(): FloorResult {
  const start = performance.now();
  const root = document.body ?? document.documentElement;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  let chars = 0;
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentNode?.nodeName;
    if (parent === 'SCRIPT' || parent === 'STYLE') continue;
    chars += (node as Text).data.toLowerCase().length;
    textNodes++;
  }
  return { ms: performance.now() - start, textNodes, chars };
}

/** Runs in the page: keep it free of imports and of anything defined outside it but runFloor. */
function installBenchApi(): void {
  if (window.__zfBench !== undefined) return;
  const PREFIX = 'zf-';
  // A gap this long between idle callbacks means something (maybe us) kept the thread busy.
  const IDLE_GAP_MS = 100;
  // Range rects measured per frame while looking for the first viewport highlight: keeps the
  // probe's own frame cost near a millisecond on pages that register thousands of ranges.
  const RECTS_PER_FRAME = 300;

  const clockAt = performance.now();
  performance.mark('zf-bench:clock');
  let count = 0;
  let lastChangeAt = -1;
  let firstViewportAt = -1;
  // Ranges per highlight already queued for the viewport check: a Highlight iterates in
  // insertion order, so the new ones are past this index.
  const queuedPerHighlight = new Map<Highlight, number>();
  const unchecked: { range: AbstractRange; seenAt: number }[] = [];
  let nextUnchecked = 0;
  let idleStart = performance.now();
  let lastIdle = performance.now();

  const ourHighlights = (): Highlight[] => {
    const found: Highlight[] = [];
    if (typeof CSS === 'undefined' || !('highlights' in CSS)) return found;
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith(PREFIX)) found.push(highlight);
    });
    return found;
  };

  const inViewport = (range: AbstractRange): boolean => {
    const live = document.createRange();
    try {
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
    } catch {
      return false;
    }
    const box = live.getBoundingClientRect();
    return (
      box.width > 0 &&
      box.bottom > 0 &&
      box.right > 0 &&
      box.top < window.innerHeight &&
      box.left < window.innerWidth
    );
  };

  /** Queues the ranges added since the last look, stamped with this frame's time. */
  const queueNewRanges = (highlights: Highlight[], now: number): void => {
    for (const highlight of highlights) {
      const queued = queuedPerHighlight.get(highlight) ?? 0;
      if (highlight.size <= queued) {
        queuedPerHighlight.set(highlight, highlight.size);
        continue;
      }
      let index = 0;
      highlight.forEach((range) => {
        if (index++ >= queued) unchecked.push({ range, seenAt: now });
      });
      queuedPerHighlight.set(highlight, highlight.size);
    }
  };

  const frame = (now: number): void => {
    const highlights = ourHighlights();
    let total = 0;
    for (const highlight of highlights) total += highlight.size;
    const changed = total !== count;
    if (changed) {
      count = total;
      lastChangeAt = now;
    }
    if (firstViewportAt < 0) {
      if (changed) queueNewRanges(highlights, now);
      let budget = RECTS_PER_FRAME;
      while (nextUnchecked < unchecked.length && budget-- > 0) {
        const next = unchecked[nextUnchecked++]!;
        if (next.range.startContainer.isConnected && inViewport(next.range)) {
          firstViewportAt = next.seenAt;
          unchecked.length = 0;
          nextUnchecked = 0;
        }
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);

  const idle = (deadline: IdleDeadline): void => {
    const now = performance.now();
    if (now - lastIdle > IDLE_GAP_MS || deadline.timeRemaining() < 1) idleStart = now;
    lastIdle = now;
    requestIdleCallback(idle);
  };
  requestIdleCallback(idle);

  /** What mark.js searches: the text of every text node of the body, joined. */
  const bodyText = (): string => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let text = '';
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentNode?.nodeName;
      if (parent !== 'SCRIPT' && parent !== 'STYLE') text += (node as Text).data;
    }
    return text;
  };

  window.__zfBench = {
    state: () => {
      const now = performance.now();
      const idleStreakMs = now - lastIdle > IDLE_GAP_MS ? 0 : now - idleStart;
      return { count, lastChangeAt, firstViewportAt, clockAt, idleStreakMs, now };
    },

    floor: runFloor,

    countMatches: (source, flags) => {
      const pattern = new RegExp(source, flags.includes('g') ? flags : `${flags}g`);
      return bodyText().match(pattern)?.length ?? 0;
    },

    runMark: (source, flags, budgetMs) => {
      const Mark = window.__zfMark;
      if (Mark === undefined) return { ms: 0, wrapped: 0, completed: false, error: 'no mark.js' };
      const stop = new Error('zf-bench: mark.js over budget');
      let wrapped = 0;
      let completed = false;
      const start = performance.now();
      const deadline = start + budgetMs;
      try {
        new Mark(document.body).markRegExp(new RegExp(source, flags), {
          acrossElements: true,
          // mark.js asks before each wrap: the one place to stop a run that would take minutes.
          filter: () => {
            if (performance.now() > deadline) throw stop;
            wrapped++;
            return true;
          },
          done: () => {
            completed = true;
          },
        });
      } catch (error) {
        if (error !== stop) {
          return { ms: performance.now() - start, wrapped, completed: false, error: String(error) };
        }
      }
      return { ms: performance.now() - start, wrapped, completed };
    },

    burst: (size, round) => {
      const paragraphs = document.querySelectorAll('body p');
      const feed = document.body;
      for (let i = 0; i < size && paragraphs.length > 0; i++) {
        const source = paragraphs[(round * size + i) % paragraphs.length]!;
        feed.appendChild(source.cloneNode(true));
      }
    },

    hoverPoints: (limit) => {
      const points: HoverPoint[] = [];
      const live = document.createRange();
      for (const highlight of ourHighlights()) {
        highlight.forEach((range) => {
          if (points.length >= limit) return;
          try {
            live.setStart(range.startContainer, range.startOffset);
            live.setEnd(range.endContainer, range.endOffset);
          } catch {
            return;
          }
          const box = live.getClientRects()[0];
          if (box === undefined || box.width < 4 || box.bottom < 0) return;
          if (box.bottom > window.innerHeight || box.right > window.innerWidth) return;
          const y = box.top + box.height / 2;
          points.push({ x: box.left + box.width / 2, y, onMention: true });
          // Just left of the mention: plain text (or margin) on the same line.
          if (box.left > 24) points.push({ x: box.left - 12, y, onMention: false });
        });
      }
      return points;
    },

    viewportHasHighlight: () => {
      for (const highlight of ourHighlights()) {
        let found = false;
        highlight.forEach((range) => {
          if (!found && inViewport(range)) found = true;
        });
        if (found) return true;
      }
      return false;
    },
  };
}

/**
 * The init script: tsx keeps function names through a `__name` helper that the page lacks, so
 * the serialised function gets a local no-op one.
 */
export function benchApiScript(): string {
  return `(() => { const __name = (f) => f; const runFloor = ${runFloor.toString()}; (${installBenchApi.toString()})(); })();`;
}

/** An expression running the floor once, for a world of its own (see measure-page.ts). */
export function floorExpression(): string {
  return `(() => { const __name = (f) => f; return (${runFloor.toString()})(); })()`;
}
