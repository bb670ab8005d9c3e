import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GUTTER,
  MIN_HEIGHT,
  OFFSET,
  intersect,
  pickReference,
  placeCard,
  preferredSide,
  type Box,
  type CardSide,
  type PlaceCardOptions,
} from '../../core/card-placement';

const VIEWPORT = { width: 1280, height: 800 };
const WHOLE: Box = { left: 0, top: 0, right: VIEWPORT.width, bottom: VIEWPORT.height };
const CARD = { width: 300, height: 200 };

/** A word-sized box with its top-left corner at (left, top). */
function word(left: number, top: number, width = 70, height = 18): Box {
  return { left, top, right: left + width, bottom: top + height };
}

function place(overrides: Partial<PlaceCardOptions> & { reference: Box }) {
  return placeCard({
    card: CARD,
    viewport: VIEWPORT,
    visible: WHOLE,
    side: 'bottom',
    ...overrides,
  });
}

describe('placeCard', () => {
  it('puts the card below the mention, at its start, when there is room', () => {
    const reference = word(100.4, 100);
    expect(place({ reference })).toEqual({
      x: 100,
      y: 100 + 18 + OFFSET,
      side: 'bottom',
      maxHeight: Math.floor(VIEWPORT.height - GUTTER - (118 + OFFSET)),
      referenceHidden: false,
    });
  });

  it('flips above when the card does not fit below, ending one offset above the mention', () => {
    const reference = word(100, VIEWPORT.height - 100);
    const placed = place({ reference });
    expect(placed.side).toBe('top');
    expect(placed.y + CARD.height).toBe(reference.top - OFFSET);
    expect(placed.maxHeight).toBe(reference.top - OFFSET - GUTTER);
  });

  it('stays below when neither side fits but below has more room, capped to that room', () => {
    const tall = { width: 300, height: 2000 };
    const reference = word(100, 300);
    const placed = place({ reference, card: tall });
    expect(placed.side).toBe('bottom');
    expect(placed.maxHeight).toBe(VIEWPORT.height - GUTTER - (reference.bottom + OFFSET));
    expect(placed.y).toBe(reference.bottom + OFFSET);
  });

  it('goes above when neither side fits and above has more room', () => {
    const reference = word(100, 500);
    const placed = place({ reference, card: { width: 300, height: Number.POSITIVE_INFINITY } });
    expect(placed.side).toBe('top');
    expect(placed.y).toBe(GUTTER);
    expect(placed.y + placed.maxHeight).toBe(reference.top - OFFSET);
  });

  it('shifts left at the right edge and right at the left edge, keeping the gutter', () => {
    expect(place({ reference: word(VIEWPORT.width - 30, 100) }).x).toBe(
      VIEWPORT.width - GUTTER - CARD.width,
    );
    expect(place({ reference: word(-40, 100) }).x).toBe(GUTTER);
    // A fractional card width still keeps the whole gutter.
    const wide = { width: 300.6, height: 200 };
    const placed = place({ reference: word(VIEWPORT.width - 30, 100), card: wide });
    expect(placed.x + wide.width).toBeLessThanOrEqual(VIEWPORT.width - GUTTER);
  });

  it('in a short viewport never caps below MIN_HEIGHT and keeps the card on screen', () => {
    const viewport = { width: 400, height: 220 };
    const reference = word(20, 100);
    const placed = placeCard({
      reference,
      card: CARD,
      viewport,
      visible: { left: 0, top: 0, right: 400, bottom: 220 },
      side: 'bottom',
    });
    expect(placed.maxHeight).toBe(MIN_HEIGHT);
    expect(placed.y).toBeGreaterThanOrEqual(GUTTER);
    expect(placed.y + Math.min(CARD.height, placed.maxHeight)).toBeLessThanOrEqual(
      viewport.height - GUTTER,
    );
  });

  it('never caps above the viewport in a viewport smaller than MIN_HEIGHT', () => {
    const viewport = { width: 300, height: 90 };
    const placed = placeCard({
      reference: word(10, 30),
      card: CARD,
      viewport,
      visible: { left: 0, top: 0, right: 300, bottom: 90 },
      side: 'bottom',
    });
    expect(placed.maxHeight).toBe(90 - 2 * GUTTER);
    expect(placed.y).toBe(GUTTER);
  });

  it('beside vertical text: right of the column, or left when the right has no room', () => {
    const column = { left: 600, top: 100, right: 620, bottom: 180 };
    const right = place({ reference: column, side: 'right' });
    expect(right).toMatchObject({ side: 'right', x: 620 + OFFSET, y: 100 });
    expect(right.maxHeight).toBe(VIEWPORT.height - 2 * GUTTER);
    const nearEdge = { left: 1100, top: 100, right: 1120, bottom: 180 };
    const left = place({ reference: nearEdge, side: 'right' });
    expect(left).toMatchObject({ side: 'left', x: 1100 - OFFSET - CARD.width });
    expect(place({ reference: column, side: 'left' })).toMatchObject({
      side: 'left',
      x: 600 - OFFSET - CARD.width,
    });
  });

  it('says the mention is hidden when it is outside the visible area', () => {
    expect(place({ reference: word(100, -200) }).referenceHidden).toBe(true);
    expect(place({ reference: word(100, VIEWPORT.height + 5) }).referenceHidden).toBe(true);
    const scroller: Box = { left: 50, top: 50, right: 400, bottom: 300 };
    expect(place({ reference: word(100, 320), visible: scroller }).referenceHidden).toBe(true);
    // Half inside still counts as seen.
    expect(place({ reference: word(100, 290), visible: scroller }).referenceHidden).toBe(false);
  });

  it('keeps the card inside the viewport for any mention on screen (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 400, max: 2000 }),
        fc.integer({ min: 200, max: 1500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 240, max: 360 }),
        fc.integer({ min: 40, max: 3000 }),
        fc.constantFrom<CardSide>('bottom', 'right', 'left'),
        (width, height, fx, fy, cardWidth, cardHeight, side) => {
          const viewport = { width, height };
          const reference = word(fx * (width - 70), fy * (height - 18));
          const placed = placeCard({
            reference,
            card: { width: cardWidth, height: cardHeight },
            viewport,
            visible: { left: 0, top: 0, right: width, bottom: height },
            side,
          });
          const shown = Math.min(cardHeight, placed.maxHeight);
          expect(placed.maxHeight).toBeLessThanOrEqual(height - 2 * GUTTER);
          expect(placed.x).toBeGreaterThanOrEqual(GUTTER);
          expect(placed.x + cardWidth).toBeLessThanOrEqual(width - GUTTER);
          expect(placed.y).toBeGreaterThanOrEqual(GUTTER);
          expect(placed.y + shown).toBeLessThanOrEqual(height - GUTTER);
          expect(placed.referenceHidden).toBe(false);
          // When the card fits below or above, it does not cover the mention.
          const vertical = placed.side === 'top' || placed.side === 'bottom';
          const fits = cardHeight <= Math.max(reference.top, height - reference.bottom) - 30;
          if (vertical && fits) {
            const covers = placed.y < reference.bottom && placed.y + shown > reference.top;
            expect(covers).toBe(false);
          }
        },
      ),
    );
  });
});

describe('pickReference', () => {
  const first = word(500, 100, 60);
  const second = word(10, 120, 40);

  it('takes the line under the pointer, or the nearest one', () => {
    expect(pickReference([first, second], { x: 20, y: 125 })).toEqual(second);
    expect(pickReference([first, second], { x: 510, y: 105 })).toEqual(first);
    expect(pickReference([first, second], { x: 900, y: 104 })).toEqual(first);
  });

  it('takes all lines together without a pointer', () => {
    expect(pickReference([first, second])).toEqual({ left: 10, top: 100, right: 560, bottom: 138 });
  });

  it('ignores empty boxes and has nothing for a mention without a box', () => {
    const empty = { left: 560, top: 100, right: 560, bottom: 118 };
    expect(pickReference([empty, second], { x: 560, y: 105 })).toEqual(second);
    expect(pickReference([empty])).toBeUndefined();
    expect(pickReference([])).toBeUndefined();
  });
});

describe('preferredSide', () => {
  it('is below in horizontal text and on the read side in vertical text', () => {
    expect(preferredSide('horizontal-tb')).toBe('bottom');
    expect(preferredSide('')).toBe('bottom');
    expect(preferredSide('vertical-rl')).toBe('right');
    expect(preferredSide('sideways-rl')).toBe('right');
    expect(preferredSide('vertical-lr')).toBe('left');
    expect(preferredSide('sideways-lr')).toBe('left');
  });
});

describe('intersect', () => {
  it('returns the overlap, or nothing when boxes only touch or miss', () => {
    expect(intersect(word(0, 0, 100, 100), word(50, 50, 100, 100))).toEqual(word(50, 50, 50, 50));
    expect(intersect(word(0, 0, 100, 100), word(100, 0, 10, 10))).toBeUndefined();
  });
});
