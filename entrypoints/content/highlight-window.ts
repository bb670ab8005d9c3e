/**
 * Decides which of the page's mentions are registered in `CSS.highlights`.
 *
 * Chromium (156) checks every registered range again before painting a frame in which the
 * document changed, about 7 µs per range: 36,000 registered ranges make every frame of a page
 * that moves anything cost a quarter of a second. So a page with few mentions has them all
 * registered, and a page with many has only those near the viewport (always those within a
 * screen of it), found again as the reader scrolls. The mention index keeps every mention
 * either way: hover, the keyboard walk, the popup's list and the badge never depend on this.
 *
 * While a scan is still reading the page, only its first finds (the viewport, read first) are
 * registered at once: on a page with few mentions so far the rest wait, unmeasured, for the end
 * of the scan, and on a page past the count the band rule applies. Every change to the registry
 * makes Chromium repaint the whole document (gen-100k: 170 ms a time), and a long page reaches
 * the count that makes it windowed only after several batches.
 */
import { createHighlightRegistry } from './highlight-registry';
import { Place, type IndexedMention, type MentionDelta, type MentionStore } from './mention-index';
import { windowListeners } from './window-listeners';

/** Pages with at most this many visible mentions have them all registered. */
export const REGISTER_ALL_UP_TO = 150;
/** The band whose mentions are always registered: viewport heights on each side of the viewport. */
const MARGIN_SCREENS = 1;
/**
 * How far a look registers, in viewport heights on each side: farther than the band, so that
 * scrolling (the document or an element) less than the difference leaves the registry alone.
 * Every change to it makes Chromium repaint the page, which costs as much as the page's own
 * repaint when scrolled (about 70 ms a time on gen-100k): looking again at each scroll step
 * doubled the long frames there while the reader scrolled.
 */
const REACH_SCREENS = 3;
/**
 * The same on a large page (see LARGE_PAGE_ELEMENTS), told by `tintAll`: there every repaint
 * walks the whole page, and the registry's cost at each frame in which the DOM changes is small
 * beside it.
 */
const LARGE_REACH_SCREENS = 12;
/** Never more registered than this, whatever the page looks like. */
const MAX_REGISTERED = 1500;
/** A layout change seen in the page's mutations is looked at no more often than this. */
const MUTATION_REFRESH_MS = 250;
/**
 * A page whose DOM changed again and again, never this long apart, for ANIMATING_AFTER_MS is
 * animating: only the viewport is registered then. Chromium rebuilds every registered range and
 * repaints its text at each frame in which the DOM changed
 * (HighlightRegistry::ValidateHighlightMarkers); on the page bench's rewriting page the band's
 * 121 ranges instead of the viewport's 58 cost the main thread about 1 ms more a frame. Mentions
 * scrolled into view are then registered a frame late.
 */
const ANIMATION_GAP_MS = 100;
/**
 * How long the changes must go on before the page counts as animating: long enough that a
 * page's few quick changes (a load, a click) do not count, short because each frame of it pays
 * for the band (three refresh intervals of 250 ms made that well over half a second of every
 * animation).
 */
const ANIMATING_AFTER_MS = 150;
/** An animating page that has not changed for this long is still again: the band comes back. */
const STILL_AFTER_MS = 500;

/**
 * Runs `step` just after the next frame is painted, when the layout is fresh: measuring then
 * costs little, where measuring right after the page changed would make us pay for its layout.
 * Returns the function that cancels it.
 */
function afterNextPaint(view: Window, step: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = view.requestAnimationFrame(() => {
    timer = setTimeout(step, 0);
  });
  return () => {
    view.cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

export interface HighlightWindow {
  /**
   * Takes the visible changes of a flush: registers what should show, drops what left.
   * `scanning`: more of the page is still to be read.
   */
  update(delta: MentionDelta, scanning: boolean): void;
  /**
   * The page's DOM changed, which may have moved text into or out of the band: look again after
   * the next paint (at most every MUTATION_REFRESH_MS). Scrolling and resizing are heard here.
   */
  pageChanged(): void;
  /** Keeps one mention registered wherever it is (the open card's), or none. */
  pin(mention: IndexedMention | undefined): void;
  /**
   * Tints every mention from now on (see PageHighlights.tintAll): the page is large, and its
   * looks reach farther.
   */
  tintAll(): void;
  /** Ranges registered now. */
  readonly size: number;
  destroy(): void;
}

export function createHighlightWindow({
  store,
  doc,
  registerAllUpTo = REGISTER_ALL_UP_TO,
  onError,
}: {
  store: MentionStore;
  doc: Document;
  registerAllUpTo?: number;
  onError: (error: unknown) => void;
}): HighlightWindow {
  const registry = createHighlightRegistry();
  const registered = new Set<IndexedMention>();
  const view = doc.defaultView;
  const listen = new AbortController();
  let windowed = false;
  /** Mentions found by a scan still reading a page with few so far wait for it to end. */
  let waiting = false;
  // Until the window is first measured (just after a paint), the scan's first finds are
  // registered unmeasured: the scan starts where the reader is, and measuring earlier could mean
  // doing the page's first layout inside our task.
  let measured = false;
  let pinned: IndexedMention | undefined;
  let cancelLook: (() => void) | undefined;
  let lastMutationRefresh = Number.NEGATIVE_INFINITY;
  /** When the DOM last changed, and when the current run of changes (see ANIMATION_GAP_MS) began. */
  let lastChange = Number.NEGATIVE_INFINITY;
  let changingSince = Number.NEGATIVE_INFINITY;
  /** Set while a look made during an animation waits to see the page still again. */
  let stillTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * What scrolled last before the last look (the document or an element), its vertical scroll
   * position then, and how far from it it may scroll with the band's mentions still registered
   * (negative until a look, and while the page animates).
   */
  let lastScrolled: EventTarget = doc;
  let lookedAtTop = 0;
  let slack = -1;
  /** How far a look registers, in viewport heights on each side. */
  let reach = REACH_SCREENS;
  // One live Range, moved onto each mention measured: creating one per mention would cost more.
  const probe = doc.createRange();

  function add(mentions: IndexedMention[]): void {
    const fresh = mentions.filter((mention) => !registered.has(mention));
    for (const mention of fresh) registered.add(mention);
    registry.add(fresh);
  }

  function remove(mentions: Iterable<IndexedMention>): void {
    const gone: IndexedMention[] = [];
    for (const mention of mentions) if (registered.delete(mention)) gone.push(mention);
    registry.remove(gone);
  }

  /** The mention's box, from its element's when that is a fair stand-in (see `locator`). */
  function boxOf(mention: IndexedMention, tall: number): DOMRect | undefined {
    const { startContainer, startOffset, endContainer, endOffset } = mention.staticRange;
    const element = startContainer.parentElement;
    if (element !== null) {
      const rect = element.getBoundingClientRect();
      if (rect.height > 0 && rect.height <= tall) return rect;
    }
    try {
      probe.setStart(startContainer, startOffset);
      probe.setEnd(endContainer, endOffset);
    } catch {
      // The text got shorter than the mention: a rescan is on its way.
      return undefined;
    }
    return probe.getBoundingClientRect();
  }

  /**
   * Where each mention is against the viewport and `margin` viewport heights on each side of it
   * (the band, here). The box of the element holding the mention's text stands in for the
   * mention's own: in Chromium 156 a range's box costs 0.3-0.7 ms at a random place of a
   * 100,000-paragraph page, an element's about 12 µs. An element taller than the band
   * (a whole article in one block), or one without a box of its own (`display: contents`), says
   * too little, so then the range is measured.
   */
  function locator(margin: number): (mention: IndexedMention) => Place {
    const height = view?.innerHeight ?? 0;
    const top = -height * margin;
    const bottom = height * (1 + margin);
    const tall = bottom - top;
    return (mention) => {
      const rect = boxOf(mention, tall);
      if (rect === undefined || (rect.width === 0 && rect.height === 0)) return Place.NoBox;
      if (rect.bottom < top) return Place.Before;
      return rect.top > bottom ? Place.After : Place.Inside;
    };
  }

  function isAnimating(now: number): boolean {
    return now - lastChange < ANIMATION_GAP_MS && now - changingSince >= ANIMATING_AFTER_MS;
  }

  /** Looks again once the animating page has been still for STILL_AFTER_MS. */
  function awaitStill(): void {
    if (stillTimer !== undefined) return;
    const wait = Math.max(0, lastChange + STILL_AFTER_MS - performance.now());
    stillTimer = setTimeout(() => {
      stillTimer = undefined;
      if (performance.now() - lastChange < STILL_AFTER_MS) awaitStill();
      else schedule();
    }, wait);
  }

  /** Registers exactly the mentions near the viewport (and the pinned one). */
  function recompute(): void {
    measured = true;
    const animating = isAnimating(performance.now());
    if (animating) awaitStill();
    lookedAtTop = scrollTopOf(lastScrolled);
    slack = animating ? -1 : (view?.innerHeight ?? 0) * (reach - MARGIN_SCREENS);
    const next = new Set(store.near(locator(animating ? 0 : reach), MAX_REGISTERED));
    if (pinned !== undefined && store.index.has(pinned)) next.add(pinned);
    remove([...registered].filter((mention) => !next.has(mention)));
    add([...next]);
  }

  /** Looks at what is near the viewport after the next paint (once, however often asked). */
  function schedule(): void {
    if (!windowed || cancelLook !== undefined || view === null) return;
    cancelLook = afterNextPaint(view, () => {
      cancelLook = undefined;
      try {
        if (windowed) recompute();
      } catch (error) {
        onError(error);
      }
    });
  }

  function scrollTopOf(target: EventTarget): number {
    return target instanceof Element ? target.scrollTop : (view?.scrollY ?? 0);
  }

  /**
   * Scrolling what scrolled before the last look, within the slack, keeps the band's mentions
   * registered: its content moved up or down by no more than that (a sideways scroll moves
   * nothing into or out of the band at all).
   */
  function scrolled(event: Event): void {
    const target = event.target ?? doc;
    if (target === lastScrolled && Math.abs(scrollTopOf(target) - lookedAtTop) <= slack) return;
    lastScrolled = target;
    schedule();
  }

  // Only a windowed page looks again when the reader scrolls: on the others (every page with few
  // mentions or none) none of this runs at each scroll event. Capturing on the window hears
  // scrolling elements too (scroll events do not bubble).
  const looking =
    view === null
      ? undefined
      : windowListeners(
          view,
          { scroll: scrolled, resize: schedule },
          { capture: true, passive: true, signal: listen.signal },
        );
  function setWindowed(next: boolean): void {
    windowed = next;
    looking?.(next);
  }

  return {
    update({ added, removed }, scanning) {
      remove(removed);
      // The scan reads the viewport first: its finds show at once, before any measuring.
      const firstFinds = !measured && registered.size === 0;
      if (store.index.size <= registerAllUpTo) {
        if (scanning && !firstFinds) {
          // Few mentions so far and more to read: the rest wait for the end of the scan,
          // unmeasured (measuring while the page changes would make us pay for its layout).
          waiting = true;
          return;
        }
        // Back from windowed or waiting: everything shown gets registered.
        add(windowed || waiting ? [...store.shown()] : added);
        setWindowed(false);
        waiting = false;
        return;
      }
      setWindowed(true);
      waiting = false;
      if (firstFinds) add(added.slice(0, MAX_REGISTERED));
      if (added.length > 0 || removed.length > 0) schedule();
    },
    pageChanged() {
      const now = performance.now();
      const wasAnimating = isAnimating(lastChange);
      if (now - lastChange >= ANIMATION_GAP_MS) changingSince = now;
      lastChange = now;
      // The first change that makes the page animating is looked at at once: each frame until
      // the look pays for the band.
      const startsAnimating = !wasAnimating && isAnimating(now);
      if (!startsAnimating && now - lastMutationRefresh < MUTATION_REFRESH_MS) return;
      lastMutationRefresh = now;
      schedule();
    },
    pin(mention) {
      const previous = pinned;
      pinned = mention;
      if (!windowed) return;
      if (mention !== undefined) add([mention]);
      // The previous one leaves at the next look, unless it is near the viewport anyway.
      if (previous !== undefined && previous !== mention) schedule();
    },
    tintAll() {
      reach = LARGE_REACH_SCREENS;
      registry.tintAll(registered);
    },
    get size() {
      return registered.size;
    },
    destroy() {
      listen.abort();
      cancelLook?.();
      cancelLook = undefined;
      clearTimeout(stillTimer);
      stillTimer = undefined;
      registered.clear();
      registry.clear();
    },
  };
}
