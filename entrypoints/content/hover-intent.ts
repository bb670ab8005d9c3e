import type { CardTrigger } from '@/core/settings';

/** A point in viewport (client) coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** A box in viewport coordinates, as `getBoundingClientRect` gives it. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The timers the state machine runs on: real ones in a page, fake ones in unit tests. */
export interface IntentClock {
  now(): number;
  /** Runs `callback` after `ms`; returns the function that cancels it. */
  after(ms: number, callback: () => void): () => void;
}

export interface HoverIntentOptions {
  /** Pointer rest over a mention before its card opens (settings.card.delayMs). */
  delayMs: number;
  trigger: CardTrigger;
}

/** How the card of a target is shown: pinned cards ignore the pointer until closed. */
export interface ShowHow {
  pinned: boolean;
}

export interface HoverIntentEffects<T> {
  show(target: T, how: ShowHow): void;
  hide(): void;
  /** The open card's box, for the corridor the pointer may cross on its way into the card. */
  cardBox(): Box | undefined;
}

/** One pointer sample, already resolved by the hit-test. */
export interface PointerSample<Target> extends Point {
  /** The mention under the pointer, if any. */
  target: Target | undefined;
  /** The pointer is over the card itself. */
  overCard: boolean;
  /** The trigger modifier (settings.card.modifier) is held. */
  modifierHeld: boolean;
  /** When the move happened, on the clock's time line (an event's `timeStamp`); else now. */
  at?: number;
}

export type IntentPhase = 'idle' | 'pending' | 'open' | 'pinned';

export interface HoverIntent<Target> {
  pointerMove(sample: PointerSample<Target>): void;
  /** The pointer left the window, or a button went down to select text. */
  pointerGone(): void;
  /** A click: on a mention (target), inside the card, or elsewhere. */
  click(click: { target: Target | undefined; insideCard: boolean; modifierHeld: boolean }): void;
  /** The trigger modifier went down while the pointer rests where it last was. */
  modifierDown(): void;
  /** Escape: closes whatever is open. Returns whether something was open. */
  escape(): boolean;
  /** Opens a card now, from the keyboard or a message. */
  open(target: Target, how: ShowHow): void;
  close(): void;
  setOptions(options: HoverIntentOptions): void;
  readonly phase: IntentPhase;
  readonly current: Target | undefined;
  destroy(): void;
}

// Delays tuned by hand: long enough to forgive a wobble, short enough to feel immediate.
/** How long the card stays after the pointer leaves mention and card. */
export const HIDE_DELAY_MS = 300;
/** With a card already open, moving onto another mention swaps cards this fast. */
export const SWITCH_DELAY_MS = 120;
/** Faster than this (px per ms) the pointer is sweeping across text, not resting on it. */
export const SWEEP_SPEED = 0.6;
/** A pointer still for this long counts as resting, whatever its last speed. */
export const REST_MS = 60;
/** When the show delay ends mid-sweep, look again this much later. */
export const RECHECK_MS = 50;
/** Weight of the newest sample in the smoothed speed. */
const SPEED_SMOOTHING = 0.5;
/** Slack around the corridor so a slightly curved path into the card still counts. */
const CORRIDOR_SLACK = 8;

/**
 * Is `point` inside the corridor from `origin` (where the pointer left the mention) to the card:
 * the convex hull of the origin and the card's box, widened by a little slack? Moving through it
 * keeps the card open.
 */
export function inCorridor(origin: Point, card: Box, point: Point): boolean {
  const box = {
    left: card.left - CORRIDOR_SLACK,
    top: card.top - CORRIDOR_SLACK,
    right: card.right + CORRIDOR_SLACK,
    bottom: card.bottom + CORRIDOR_SLACK,
  };
  if (point.x >= box.left && point.x <= box.right && point.y >= box.top && point.y <= box.bottom) {
    return true;
  }
  const corners: Point[] = [
    { x: box.left, y: box.top },
    { x: box.right, y: box.top },
    { x: box.right, y: box.bottom },
    { x: box.left, y: box.bottom },
  ];
  // Inside the hull of origin + box iff inside one of the triangles origin-corner-nextCorner.
  return corners.some((corner, i) => {
    const next = corners[(i + 1) % corners.length] ?? corner;
    return inTriangle(point, origin, corner, next);
  });
}

function inTriangle(p: Point, a: Point, b: Point, c: Point): boolean {
  const cross = (o: Point, u: Point, v: Point) =>
    (u.x - o.x) * (v.y - o.y) - (u.y - o.y) * (v.x - o.x);
  const d1 = cross(a, b, p);
  const d2 = cross(b, c, p);
  const d3 = cross(c, a, p);
  const negative = d1 < 0 || d2 < 0 || d3 < 0;
  const positive = d1 > 0 || d2 > 0 || d3 > 0;
  return !(negative && positive);
}

/**
 * Hover intent as a small state machine with no DOM: it is fed pointer samples (already
 * hit-tested), clicks and keys, and decides when a card opens, swaps, stays and closes.
 */
export function createHoverIntent<Target>({
  options: initialOptions,
  effects,
  clock,
}: {
  options: HoverIntentOptions;
  effects: HoverIntentEffects<Target>;
  clock: IntentClock;
}): HoverIntent<Target> {
  let options = initialOptions;
  let shown: { target: Target; pinned: boolean } | undefined;
  /** The card waiting to show, and when (clock time) its delay is over. */
  let pending: { target: Target; due: number } | undefined;
  /**
   * The one timer for pending cards. It is left running when the pointer moves off and on
   * mentions (it finds nothing due, or sets itself again for what is left): a pointer sweeping
   * over text would otherwise set and clear a timer at every move.
   */
  let pendingTimer: { cancel: () => void; at: number } | undefined;
  let cancelHideTimer: (() => void) | undefined;
  /** Where the pointer left the open card's mention: one corner of the corridor. */
  let exitPoint: Point | undefined;
  let last: { x: number; y: number; at: number; target: Target | undefined } | undefined;
  let speed = 0;

  const cancelPending = () => {
    pending = undefined;
  };
  const stopPendingTimer = () => {
    pendingTimer?.cancel();
    pendingTimer = undefined;
  };
  const cancelHide = () => {
    cancelHideTimer?.();
    cancelHideTimer = undefined;
    exitPoint = undefined;
  };

  const show = (target: Target, how: ShowHow) => {
    cancelPending();
    cancelHide();
    shown = { target, pinned: how.pinned };
    effects.show(target, how);
  };
  const hide = () => {
    cancelPending();
    cancelHide();
    if (!shown) return;
    shown = undefined;
    effects.hide();
  };

  const resting = () =>
    last === undefined || clock.now() - last.at >= REST_MS || speed <= SWEEP_SPEED;

  const setPendingTimer = (ms: number, now = clock.now()) => {
    pendingTimer = { cancel: clock.after(ms, wake), at: now + ms };
  };

  function wake(): void {
    pendingTimer = undefined;
    if (!pending) return;
    const now = clock.now();
    if (now < pending.due) {
      setPendingTimer(pending.due - now);
      return;
    }
    // A sweep across the text crosses mentions without meaning them: wait until it slows.
    if (!resting()) {
      pending.due = now + RECHECK_MS;
      setPendingTimer(RECHECK_MS);
      return;
    }
    show(pending.target, { pinned: false });
  }

  const armPending = (target: Target, ms: number, now: number) => {
    pending = { target, due: now + ms };
    if (pendingTimer !== undefined && pendingTimer.at <= pending.due) return;
    stopPendingTimer();
    setPendingTimer(ms, now);
  };

  const armHide = (restart: boolean) => {
    if (cancelHideTimer !== undefined && !restart) return;
    cancelHideTimer?.();
    cancelHideTimer = clock.after(HIDE_DELAY_MS, () => {
      cancelHideTimer = undefined;
      hide();
    });
  };

  const wantsHover = (modifierHeld: boolean) =>
    options.trigger === 'hover' || (options.trigger === 'modifier' && modifierHeld);

  return {
    pointerMove({ x, y, target, overCard, modifierHeld, at }) {
      const now = at ?? clock.now();
      if (last) {
        const dt = Math.max(1, now - last.at);
        const instant = Math.hypot(x - last.x, y - last.y) / dt;
        speed = SPEED_SMOOTHING * instant + (1 - SPEED_SMOOTHING) * speed;
      }
      last = { x, y, at: now, target };

      if (overCard) {
        // Reaching the card cancels both its closing and any swap to a mention crossed on the way.
        if (shown) {
          cancelHide();
          cancelPending();
        }
        return;
      }

      if (shown && target === shown.target) {
        cancelHide();
        cancelPending();
        return;
      }

      if (target !== undefined && wantsHover(modifierHeld)) {
        if (pending?.target !== target) {
          const delay = shown ? Math.min(SWITCH_DELAY_MS, options.delayMs) : options.delayMs;
          armPending(target, delay, now);
        }
      } else {
        cancelPending();
      }

      if (shown && !shown.pinned) {
        const box = effects.cardBox();
        if (cancelHideTimer === undefined) {
          exitPoint = { x, y };
          armHide(false);
        } else if (exitPoint && box && inCorridor(exitPoint, box, { x, y })) {
          // Still on its way to the card: give it the full delay again.
          armHide(true);
        }
      }
    },

    pointerGone() {
      last = undefined;
      speed = 0;
      cancelPending();
      if (shown && !shown.pinned) armHide(false);
    },

    click({ target, insideCard, modifierHeld }) {
      if (insideCard) {
        // Interacting with the card keeps it: it becomes pinned.
        if (shown && !shown.pinned) shown = { target: shown.target, pinned: true };
        cancelHide();
        return;
      }
      const clickOpens = options.trigger !== 'modifier' || modifierHeld;
      if (target !== undefined && clickOpens) {
        show(target, { pinned: true });
        return;
      }
      hide();
    },

    modifierDown() {
      if (options.trigger !== 'modifier' || !last || last.target === undefined) return;
      if (shown?.target === last.target) return;
      // Pressing the key is a deliberate request: no delay.
      show(last.target, { pinned: false });
    },

    escape() {
      const wasOpen = shown !== undefined;
      hide();
      return wasOpen;
    },

    open(target, how) {
      show(target, how);
    },

    close() {
      hide();
    },

    setOptions(next) {
      options = next;
      cancelPending();
    },

    get phase(): IntentPhase {
      if (shown) return shown.pinned ? 'pinned' : 'open';
      return pending ? 'pending' : 'idle';
    },

    get current() {
      return shown?.target;
    },

    destroy() {
      cancelPending();
      stopPendingTimer();
      cancelHide();
      shown = undefined;
    },
  };
}
