import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardContentFor } from '@/components/card/card-content';
import cardCss from '@/components/card/card.css?inline';
import { CARD_HOST_TAG, createCardHost, type CardHost } from '@/entrypoints/content/card-host';
import { renderPinnedCard } from './support/render-card';

let host: CardHost | undefined;
const pageNodes: Element[] = [];

/** Adds hostile page CSS and markup, removed after the test. */
function addToPage(element: Element): void {
  document.documentElement.append(element);
  pageNodes.push(element);
}

function showZhipuCard(): { card: HTMLElement; host: CardHost } {
  const created = createCardHost({ css: cardCss });
  host = created;
  const content = cardContentFor('zhipu-ai', 'en');
  if (!content) throw new Error('no Zhipu card');
  renderPinnedCard(content, created.mount);
  created.attach();
  created.moveTo(40, 40);
  const card = created.mount.querySelector<HTMLElement>('.card');
  if (!card) throw new Error('card not rendered');
  return { card, host: created };
}

beforeEach(() => {
  host = undefined;
});

afterEach(() => {
  host?.destroy();
  for (const node of pageNodes.splice(0)) node.remove();
});

describe('card host', () => {
  it('is one element, added only while the card shows', () => {
    const before = document.querySelectorAll(CARD_HOST_TAG).length;
    const { host: shown } = showZhipuCard();
    expect(document.querySelectorAll(CARD_HOST_TAG).length).toBe(before + 1);
    shown.detach();
    expect(document.querySelectorAll(CARD_HOST_TAG).length).toBe(before);
  });

  it('styles the card with an adopted stylesheet, no <style> element', () => {
    const { host: shown, card } = showZhipuCard();
    expect(shown.shadow.adoptedStyleSheets).toHaveLength(1);
    expect(shown.shadow.querySelector('style')).toBeNull();
    const style = getComputedStyle(card);
    expect(style.fontSize).toBe('13px');
    expect(style.borderTopWidth).toBe('3px');
    expect(style.backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('survives `* { all: unset !important }` and stays above a z-index 2147483647 overlay', () => {
    const hostile = document.createElement('style');
    hostile.textContent = `* { all: unset !important; }
      ${CARD_HOST_TAG} { display: none !important; opacity: 0 !important; }`;
    addToPage(hostile);
    const overlay = document.createElement('div');
    overlay.style.cssText =
      'position: fixed; inset: 0; z-index: 2147483647; background: rgb(200 0 0 / 0.3);';
    addToPage(overlay);

    const { host: shown, card } = showZhipuCard();
    expect(shown.host.matches(':popover-open')).toBe(true);
    const hostStyle = getComputedStyle(shown.host);
    expect(hostStyle.display).toBe('block');
    expect(hostStyle.opacity).toBe('1');
    expect(hostStyle.position).toBe('fixed');

    const rect = card.getBoundingClientRect();
    expect(rect.width).toBeGreaterThan(200);
    expect(rect.left).toBe(40);
    const topmost = document.elementFromPoint(rect.left + 20, rect.top + 20);
    expect(topmost).toBe(shown.host);
    expect(getComputedStyle(card).fontSize).toBe('13px');
  });

  it('says whether an event came from inside the card', () => {
    const { host: shown, card } = showZhipuCard();
    let inside: boolean | undefined;
    window.addEventListener('pointerdown', (event) => (inside = shown.isInside(event)), {
      once: true,
      capture: true,
    });
    card.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    expect(inside).toBe(true);
  });
});
