import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GUTTER, OFFSET, type CardPlacement } from '@/core/card-placement';
import { followMention } from '@/entrypoints/content/card-position';

const CARD_WIDTH = 300;
const CARD_HEIGHT = 200;

let root: HTMLElement;
let card: HTMLElement;
const stops: (() => void)[] = [];

/** A range over `word` in a fixed-position span whose top-left corner is at (left, top). */
function wordAt(left: number, top: number, word = 'Zhipu AI', parent: Element = root): Range {
  const span = document.createElement('span');
  span.textContent = word;
  span.style.cssText = `position: fixed; left: ${left}px; top: ${top}px; font: 16px monospace; white-space: nowrap;`;
  parent.append(span);
  const range = document.createRange();
  range.selectNodeContents(span.firstChild as Text);
  return range;
}

/** Starts following and records every placement; stopped after the test. */
function follow(range: Range, pointer?: { x: number; y: number }): CardPlacement[] {
  const seen: CardPlacement[] = [];
  stops.push(
    followMention({
      range,
      floating: card,
      pointer,
      apply: (placed) => {
        seen.push(placed);
        card.style.left = `${placed.x}px`;
        card.style.top = `${placed.y}px`;
      },
    }),
  );
  return seen;
}

function frames(count = 2): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number) =>
      left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1));
    step(count);
  });
}

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  card = document.createElement('div');
  card.style.cssText = `position: fixed; left: 0; top: 0; width: ${CARD_WIDTH}px; height: ${CARD_HEIGHT}px;`;
  document.body.append(card);
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  root.remove();
  card.remove();
  window.scrollTo(0, 0);
});

describe('followMention', () => {
  it('places the card below the mention at once, aligned with its start', () => {
    const range = wordAt(100, 100);
    const rect = range.getBoundingClientRect();
    const seen = follow(range);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      side: 'bottom',
      x: Math.floor(rect.left),
      y: Math.floor(rect.bottom + OFFSET),
      referenceHidden: false,
    });
  });

  it('flips above a mention at the bottom of the viewport', () => {
    const range = wordAt(100, window.innerHeight - 40);
    const rect = range.getBoundingClientRect();
    const [placed] = follow(range);
    expect(placed?.side).toBe('top');
    expect((placed?.y ?? 0) + CARD_HEIGHT).toBeLessThanOrEqual(rect.top);
  });

  it('shifts left to stay inside the viewport at its right edge', () => {
    const [placed] = follow(wordAt(document.documentElement.clientWidth - 60, 100));
    expect((placed?.x ?? 0) + CARD_WIDTH).toBeLessThanOrEqual(
      document.documentElement.clientWidth - GUTTER,
    );
  });

  it('sits under the line the pointer is on for a mention that wraps', () => {
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
    if (!first || !second) throw new Error('the mention did not wrap');
    expect(second.top).toBeGreaterThan(first.top);
    const [onSecond] = follow(range, { x: second.left + 2, y: second.top + 4 });
    expect(onSecond?.y).toBe(Math.floor(second.bottom + OFFSET));
    expect(onSecond?.x).toBe(Math.floor(second.left));
    const [onFirst] = follow(range, { x: first.left + 2, y: first.top + 4 });
    expect(onFirst?.y).toBe(Math.floor(first.bottom + OFFSET));
  });

  it('goes beside vertical text', () => {
    const column = document.createElement('p');
    column.style.cssText =
      'position: fixed; left: 40px; top: 40px; writing-mode: vertical-rl; font: 16px monospace; margin: 0;';
    column.textContent = '智谱清言';
    root.append(column);
    const range = document.createRange();
    range.selectNodeContents(column.firstChild as Text);
    const rect = range.getBoundingClientRect();
    const [placed] = follow(range);
    expect(placed?.side).toBe('right');
    expect(placed?.x).toBe(Math.floor(rect.right + OFFSET));
  });

  it('follows the page as it scrolls, once per frame however many scroll events came', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    const p = document.createElement('p');
    p.textContent = 'Moving Zhipu AI text';
    root.append(p, spacer);
    const range = document.createRange();
    range.setStart(p.firstChild as Text, 7);
    range.setEnd(p.firstChild as Text, 15);
    const seen = follow(range);
    // Past the resize observers' first report, which places once more.
    await frames(4);
    const before = seen.at(-1)?.y ?? 0;
    const count = seen.length;
    for (let i = 1; i <= 5; i += 1) window.scrollTo(0, i * 4);
    await frames(3);
    expect(seen.at(-1)?.y).toBe(before - 20);
    expect(seen.length).toBe(count + 1);
  });

  it('follows a scrolling element and hides the card when its mention is scrolled out of it', async () => {
    const box = document.createElement('div');
    box.style.cssText = 'height: 100px; overflow: auto; font: 16px/20px monospace;';
    const text = document.createElement('p');
    text.style.cssText = 'margin: 0; height: 400px;';
    text.textContent = 'Zhipu AI at the top of a scroller';
    box.append(text);
    root.append(box);
    const range = document.createRange();
    range.setStart(text.firstChild as Text, 0);
    range.setEnd(text.firstChild as Text, 8);
    const seen = follow(range);
    expect(seen.at(-1)?.referenceHidden).toBe(false);
    box.scrollTop = 60;
    await expect.poll(() => seen.at(-1)?.referenceHidden).toBe(true);
    box.scrollTop = 0;
    await expect.poll(() => seen.at(-1)?.referenceHidden).toBe(false);
  });

  it('counts a positioned mention as seen outside a static clipping parent it escapes', () => {
    const clipper = document.createElement('div');
    clipper.style.cssText = 'overflow: hidden; height: 10px; width: 10px;';
    root.append(clipper);
    const [placed] = follow(wordAt(200, 200, 'GLM-4', clipper));
    expect(placed?.referenceHidden).toBe(false);
  });

  it('ignores overflow on an inline element, which clips nothing', () => {
    const p = document.createElement('p');
    const link = document.createElement('a');
    link.style.cssText = 'overflow: hidden; text-overflow: ellipsis;';
    link.textContent = 'Zhipu AI';
    p.append('Read about ', link);
    root.append(p);
    const range = document.createRange();
    range.selectNodeContents(link.firstChild as Text);
    const [placed] = follow(range);
    expect(placed?.referenceHidden).toBe(false);
  });

  it('hides the card for a mention scrolled out of the viewport', () => {
    const [placed] = follow(wordAt(100, -200));
    expect(placed?.referenceHidden).toBe(true);
  });

  it('places again when the card changes size', async () => {
    const range = wordAt(100, Math.floor(window.innerHeight / 2));
    const seen = follow(range);
    await frames();
    expect(seen.at(-1)?.side).toBe('bottom');
    card.style.height = `${Math.floor(window.innerHeight / 2) + 20}px`;
    await expect.poll(() => seen.at(-1)?.side).toBe('top');
  });

  it('a card capped too short by an earlier cap still ends on the side where it fits whole', async () => {
    // As the real card: content taller than a stale cap left from an earlier placement; the
    // caller applies each new cap. Below has too little room for the content, above has enough.
    const viewport = window.innerHeight;
    const natural = Math.floor(viewport * 0.5);
    card.style.cssText = `position: fixed; left: 0; top: 0; width: ${CARD_WIDTH}px; max-height: 100px; overflow: auto;`;
    const content = document.createElement('div');
    content.style.height = `${natural}px`;
    card.append(content);
    const range = wordAt(100, Math.floor(viewport * 0.6));
    const seen: CardPlacement[] = [];
    stops.push(
      followMention({
        range,
        floating: card,
        apply: (placed) => {
          seen.push(placed);
          card.style.maxHeight = `${placed.maxHeight}px`;
          card.style.top = `${placed.y}px`;
        },
      }),
    );
    await expect.poll(() => seen.at(-1)?.side).toBe('top');
    await frames(3);
    expect(seen.at(-1)?.side).toBe('top');
    expect(card.getBoundingClientRect().height).toBe(natural);
    expect(card.getBoundingClientRect().bottom).toBeLessThanOrEqual(
      range.getBoundingClientRect().top,
    );
  });

  it('stops: no placement after the stop, whatever scrolls or resizes', async () => {
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    root.append(spacer);
    const seen = follow(wordAt(100, 100));
    await frames();
    const stop = stops.pop();
    stop?.();
    const count = seen.length;
    window.scrollTo(0, 100);
    card.style.height = '250px';
    await frames(3);
    expect(seen.length).toBe(count);
  });

  it('works on a page without a body', async () => {
    const body = document.body;
    const main = document.createElement('main');
    document.documentElement.append(main);
    main.append(card);
    body.remove();
    try {
      const range = wordAt(100, 100, 'Zhipu AI', main);
      const seen = follow(range);
      expect(seen[0]?.referenceHidden).toBe(false);
      expect(seen[0]?.y).toBe(Math.floor(range.getBoundingClientRect().bottom + OFFSET));
      window.dispatchEvent(new Event('resize'));
      await frames();
      expect(seen.length).toBeGreaterThan(1);
    } finally {
      main.remove();
      document.documentElement.append(body);
    }
  });
});
