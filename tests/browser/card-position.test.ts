import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  computeCardPosition,
  followMention,
  preferredPlacement,
  rangeReference,
  type Placed,
} from '@/entrypoints/content/card-position';

const CARD_WIDTH = 300;
const CARD_HEIGHT = 200;
/** The module's gutter: the card keeps this far from the viewport edges. */
const GUTTER = 8;

let root: HTMLElement;
let card: HTMLElement;

/** A mention-sized range on a word placed at viewport position (left, top). */
function wordAt(left: number, top: number, word = 'Zhipu AI'): Range {
  const span = document.createElement('span');
  span.textContent = word;
  span.style.cssText = `position: fixed; left: ${left}px; top: ${top}px; font: 16px monospace; white-space: nowrap;`;
  root.append(span);
  const range = document.createRange();
  range.selectNodeContents(span.firstChild as Text);
  return range;
}

function place(range: Range, pointer?: { x: number; y: number }): Promise<Placed> {
  return computeCardPosition({ reference: rangeReference(range), floating: card, pointer });
}

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  card = document.createElement('div');
  card.style.cssText = `position: fixed; left: 0; top: 0; width: ${CARD_WIDTH}px; height: ${CARD_HEIGHT}px;`;
  document.body.append(card);
});

afterEach(() => {
  root.remove();
  card.remove();
});

describe('card position', () => {
  it('puts the card below the mention, aligned with its start, when there is room', async () => {
    const range = wordAt(100, 100);
    const rect = range.getBoundingClientRect();
    const placed = await place(range);
    expect(placed.placement).toBe('bottom-start');
    expect(placed.y).toBeGreaterThanOrEqual(rect.bottom);
    expect(placed.x).toBe(Math.round(rect.left));
    expect(placed.referenceHidden).toBe(false);
  });

  it('flips above the mention at the bottom of the viewport', async () => {
    const range = wordAt(100, window.innerHeight - 40);
    const rect = range.getBoundingClientRect();
    const placed = await place(range);
    expect(placed.placement.startsWith('top')).toBe(true);
    expect(placed.y + CARD_HEIGHT).toBeLessThanOrEqual(rect.top);
  });

  it('shifts left to stay inside the viewport at its right edge', async () => {
    const range = wordAt(window.innerWidth - 60, 100);
    const placed = await place(range);
    expect(placed.x + CARD_WIDTH).toBeLessThanOrEqual(window.innerWidth - GUTTER);
    expect(placed.x).toBeGreaterThanOrEqual(GUTTER);
  });

  it('tells how much height is left, so a tall card can scroll inside it', async () => {
    const range = wordAt(100, 100);
    const rect = range.getBoundingClientRect();
    const placed = await place(range);
    expect(placed.maxHeight).toBeLessThanOrEqual(window.innerHeight - rect.bottom);
    expect(placed.maxHeight).toBeGreaterThan(CARD_HEIGHT);
  });

  it('reports a mention scrolled out of sight as hidden', async () => {
    const range = wordAt(100, -200);
    const placed = await place(range);
    expect(placed.referenceHidden).toBe(true);
  });

  it('follows the line under the pointer for a mention that wraps', async () => {
    const p = document.createElement('p');
    p.style.cssText =
      'position: fixed; left: 40px; top: 60px; width: 16ch; font: 16px/2 monospace; margin: 0;';
    p.textContent = 'xxxxxxxxx Zhipu AI';
    root.append(p);
    const node = p.firstChild as Text;
    const range = document.createRange();
    range.setStart(node, node.data.indexOf('Zhipu'));
    range.setEnd(node, node.data.length);
    const [first, second] = Array.from(range.getClientRects());
    expect(first && second && second.top > first.top).toBe(true);
    if (!first || !second) return;
    const onSecond = await place(range, { x: second.left + 2, y: second.top + 4 });
    expect(onSecond.y).toBeGreaterThanOrEqual(second.bottom);
    expect(onSecond.x).toBe(Math.round(second.left));
    const onFirst = await place(range, { x: first.left + 2, y: first.top + 4 });
    // Under the first line (the viewport may be narrow enough to shift it left).
    expect(onFirst.x).toBe(
      Math.min(Math.round(first.left), window.innerWidth - GUTTER - CARD_WIDTH),
    );
    expect(onFirst.y).toBeGreaterThanOrEqual(first.bottom);
    expect(onFirst.y).toBeLessThan(second.bottom);
  });

  it('keeps following the mention when the page scrolls', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    const p = document.createElement('p');
    p.textContent = 'Moving Zhipu AI text';
    root.append(p, spacer);
    const node = p.firstChild as Text;
    const range = document.createRange();
    range.setStart(node, 7);
    range.setEnd(node, 15);
    const seen: Placed[] = [];
    const stop = followMention({ range, floating: card, apply: (placed) => seen.push(placed) });
    try {
      await expect.poll(() => seen.length).toBeGreaterThan(0);
      const before = seen.at(-1)?.y ?? 0;
      window.scrollBy(0, 50);
      await expect.poll(() => seen.at(-1)?.y).toBe(before - 50);
    } finally {
      stop();
      window.scrollTo(0, 0);
    }
  });

  it('goes beside the text in vertical writing', () => {
    expect(preferredPlacement('horizontal-tb')).toBe('bottom-start');
    expect(preferredPlacement('vertical-rl')).toBe('right-start');
    expect(preferredPlacement('vertical-lr')).toBe('left-start');
  });
});
