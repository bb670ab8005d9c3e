import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createHoverIntent,
  HIDE_DELAY_MS,
  inCorridor,
  SWITCH_DELAY_MS,
  type Box,
  type HoverIntentOptions,
  type IntentClock,
} from '@/entrypoints/content/hover-intent';

const DELAY = 300;
const CARD: Box = { left: 100, top: 140, right: 400, bottom: 400 };

interface Mention {
  name: string;
}
const A: Mention = { name: 'A' };
const B: Mention = { name: 'B' };

function setup(options: Partial<HoverIntentOptions> = {}) {
  const log: string[] = [];
  let cardOpen = false;
  const clock: IntentClock = {
    now: () => Date.now(),
    after: (ms, callback) => {
      const id = setTimeout(callback, ms);
      return () => clearTimeout(id);
    },
  };
  const intent = createHoverIntent<Mention>({
    options: { delayMs: DELAY, trigger: 'hover', ...options },
    clock,
    effects: {
      show: (target, how) => {
        cardOpen = true;
        log.push(`show ${target.name}${how.pinned ? ' pinned' : ''}`);
      },
      hide: () => {
        cardOpen = false;
        log.push('hide');
      },
      cardBox: () => (cardOpen ? CARD : undefined),
    },
  });
  /** The pointer at (x, y) over `target`; `ms` of time pass first. */
  const move = (
    x: number,
    y: number,
    target: Mention | undefined,
    extra: { ms?: number; overCard?: boolean; modifierHeld?: boolean } = {},
  ) => {
    if (extra.ms) vi.advanceTimersByTime(extra.ms);
    intent.pointerMove({
      x,
      y,
      target,
      overCard: extra.overCard ?? false,
      modifierHeld: extra.modifierHeld ?? false,
    });
  };
  return { intent, log, move };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('hover intent', () => {
  it('opens the card once the pointer has rested on a mention for the delay', () => {
    const { intent, log, move } = setup();
    move(50, 100, A);
    vi.advanceTimersByTime(DELAY - 1);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['show A']);
    expect(intent.phase).toBe('open');
    expect(intent.current).toBe(A);
  });

  it('uses the delay from the settings', () => {
    const { log, move } = setup({ delayMs: 800 });
    move(50, 100, A);
    vi.advanceTimersByTime(799);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['show A']);
  });

  it('does not open when the pointer leaves the mention before the delay', () => {
    const { log, move } = setup();
    move(50, 100, A);
    move(52, 130, undefined, { ms: 200 });
    vi.advanceTimersByTime(1000);
    expect(log).toEqual([]);
  });

  it('waits while the pointer sweeps fast across the text, then opens when it slows', () => {
    const { log, move } = setup();
    // 20 px every 10 ms = 2 px/ms: a sweep, staying over the (long) mention.
    let x = 0;
    for (let t = 0; t < 400; t += 10) move((x += 20), 100, A, { ms: t === 0 ? 0 : 10 });
    expect(log).toEqual([]);
    // The pointer stops: the next recheck finds it resting.
    vi.advanceTimersByTime(200);
    expect(log).toEqual(['show A']);
  });

  it('closes a moment after the pointer leaves mention and card', () => {
    const { log, move } = setup();
    move(50, 100, A);
    vi.advanceTimersByTime(DELAY);
    move(50, 60, undefined, { ms: 50 });
    vi.advanceTimersByTime(HIDE_DELAY_MS - 1);
    expect(log).toEqual(['show A']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['show A', 'hide']);
  });

  it('stays open while the pointer travels into the card and rests there', () => {
    const { intent, log, move } = setup();
    move(150, 120, A);
    vi.advanceTimersByTime(DELAY);
    // Off the mention, inside the corridor towards the card below it, then on the card.
    move(160, 126, undefined, { ms: 20 });
    move(170, 132, undefined, { ms: HIDE_DELAY_MS - 40 });
    move(180, 150, undefined, { ms: HIDE_DELAY_MS - 40, overCard: true });
    vi.advanceTimersByTime(5000);
    expect(log).toEqual(['show A']);
    expect(intent.phase).toBe('open');
  });

  it('re-arms the closing only while the pointer moves inside the corridor', () => {
    const { log, move } = setup();
    move(150, 120, A);
    vi.advanceTimersByTime(DELAY);
    move(150, 125, undefined, { ms: 10 });
    // Far away from the card and the way to it: the first timer runs out.
    move(700, 20, undefined, { ms: HIDE_DELAY_MS - 20 });
    vi.advanceTimersByTime(20);
    expect(log).toEqual(['show A', 'hide']);
  });

  it('swaps quickly to another mention while a card is open', () => {
    const { log, move } = setup();
    move(50, 100, A);
    vi.advanceTimersByTime(DELAY);
    move(90, 100, B, { ms: 10 });
    vi.advanceTimersByTime(SWITCH_DELAY_MS);
    expect(log).toEqual(['show A', 'show B']);
  });

  it('pins on click: the card stays when the pointer leaves, and a click elsewhere closes it', () => {
    const { intent, log, move } = setup();
    move(50, 100, A);
    intent.click({ target: A, insideCard: false, modifierHeld: false });
    expect(log).toEqual(['show A pinned']);
    move(600, 600, undefined, { ms: 10 });
    vi.advanceTimersByTime(5000);
    expect(intent.phase).toBe('pinned');
    intent.click({ target: undefined, insideCard: false, modifierHeld: false });
    expect(log).toEqual(['show A pinned', 'hide']);
  });

  it('pins a hover card that is clicked inside', () => {
    const { intent, move } = setup();
    move(50, 100, A);
    vi.advanceTimersByTime(DELAY);
    intent.click({ target: undefined, insideCard: true, modifierHeld: false });
    move(600, 600, undefined, { ms: 10 });
    vi.advanceTimersByTime(5000);
    expect(intent.phase).toBe('pinned');
  });

  it('closes on Escape and says whether anything was open', () => {
    const { intent, log, move } = setup();
    expect(intent.escape()).toBe(false);
    move(50, 100, A);
    vi.advanceTimersByTime(DELAY);
    expect(intent.escape()).toBe(true);
    expect(log).toEqual(['show A', 'hide']);
    expect(intent.phase).toBe('idle');
  });

  it('Escape also cancels a card that was about to open', () => {
    const { intent, log, move } = setup();
    move(50, 100, A);
    intent.escape();
    vi.advanceTimersByTime(DELAY * 2);
    expect(log).toEqual([]);
  });

  it("in 'click' mode hovering does nothing and a click opens the card pinned", () => {
    const { intent, log, move } = setup({ trigger: 'click' });
    move(50, 100, A);
    vi.advanceTimersByTime(DELAY * 3);
    expect(log).toEqual([]);
    intent.click({ target: A, insideCard: false, modifierHeld: false });
    expect(log).toEqual(['show A pinned']);
  });

  it("in 'modifier' mode only hovering with the key held opens, and pressing it opens at once", () => {
    const { intent, log, move } = setup({ trigger: 'modifier' });
    move(50, 100, A);
    vi.advanceTimersByTime(DELAY * 3);
    expect(log).toEqual([]);
    intent.modifierDown();
    expect(log).toEqual(['show A']);
    intent.close();
    move(90, 100, B, { ms: 10, modifierHeld: true });
    vi.advanceTimersByTime(DELAY);
    expect(log).toEqual(['show A', 'hide', 'show B']);
  });

  it('opens from the keyboard at once and leaves the pointer unable to close a pinned card', () => {
    const { intent, log, move } = setup();
    intent.open(B, { pinned: true });
    move(600, 600, undefined);
    intent.pointerGone();
    vi.advanceTimersByTime(5000);
    expect(log).toEqual(['show B pinned']);
  });

  it('closes a hover card when the pointer leaves the window', () => {
    const { intent, log, move } = setup();
    move(50, 100, A);
    vi.advanceTimersByTime(DELAY);
    intent.pointerGone();
    vi.advanceTimersByTime(HIDE_DELAY_MS);
    expect(log).toEqual(['show A', 'hide']);
  });

  it('takes a move’s time from the sample when it has one, and reads no clock for it', () => {
    const now = vi.fn(() => Date.now());
    const log: string[] = [];
    const intent = createHoverIntent<Mention>({
      options: { delayMs: DELAY, trigger: 'hover' },
      clock: {
        now,
        after: (ms, callback) => {
          const id = setTimeout(callback, ms);
          return () => clearTimeout(id);
        },
      },
      effects: {
        show: (target) => log.push(`show ${target.name}`),
        hide: () => {},
        cardBox: () => undefined,
      },
    });
    const sample = { target: A, overCard: false, modifierHeld: false };
    intent.pointerMove({ ...sample, x: 50, y: 100, at: Date.now() });
    intent.pointerMove({ ...sample, x: 52, y: 100, at: Date.now() });
    expect(now).not.toHaveBeenCalled();
    vi.advanceTimersByTime(DELAY);
    expect(log).toEqual(['show A']);
  });
});

describe('inCorridor', () => {
  const origin = { x: 50, y: 100 };
  it('holds the card itself and the straight way to it', () => {
    expect(inCorridor(origin, CARD, { x: 200, y: 200 })).toBe(true);
    expect(inCorridor(origin, CARD, { x: 75, y: 120 })).toBe(true);
  });
  it('excludes points away from the card', () => {
    expect(inCorridor(origin, CARD, { x: 50, y: 20 })).toBe(false);
    expect(inCorridor(origin, CARD, { x: 600, y: 100 })).toBe(false);
    expect(inCorridor(origin, CARD, { x: 0, y: 300 })).toBe(false);
  });
});
