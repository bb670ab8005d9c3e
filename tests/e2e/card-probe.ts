/**
 * Functions run inside fixture pages (through TestPage.evaluate) to find mentions and read the
 * hover card. They are serialized into the page, so each must be self-contained.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface MentionSpot {
  text: string;
  /** A point on the mention's first character, to hover or click. */
  x: number;
  y: number;
  rect: Box;
}

export interface CardState {
  open: boolean;
  entity: string | null;
  role: string | null;
  text: string;
  rect: Box | null;
  /** Tag of the host's parent: the document element, or the fullscreen element. */
  parent: string | null;
  /** The host is what the page sees at the card's centre (nothing paints above it). */
  onTop: boolean;
  /** Focus is inside the card: the page's active element is the host. */
  focusInside: boolean;
  /** The focused element inside the card. */
  innerFocus: string | null;
  style: {
    fontSize: string;
    fontFamily: string;
    borderTopWidth: string;
    background: string;
  } | null;
  /** How the card is styled: adopted (constructed) sheets and <style> elements in its root. */
  sheets: { adopted: number; elements: number };
}

/**
 * Our highlighted mentions in document order (those with a box on screen), optionally only those
 * inside `within` (a CSS selector).
 */
export function listMentions(within: string | null): MentionSpot[] {
  const scope = within === null ? null : document.querySelector(within);
  const ranges: AbstractRange[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('zf-')) continue;
    for (const range of highlight) ranges.push(range);
  }
  const live = ranges.map((range) => {
    const copy = document.createRange();
    copy.setStart(range.startContainer, range.startOffset);
    copy.setEnd(range.endContainer, range.endOffset);
    return copy;
  });
  return live
    .filter((range) => scope === null || scope.contains(range.startContainer))
    .filter((range) => range.getClientRects().length > 0)
    .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
    .map((range) => {
      const first = document.createRange();
      first.setStart(range.startContainer, range.startOffset);
      first.setEnd(
        range.startContainer,
        Math.min(range.startOffset + 1, range.startContainer.textContent?.length ?? 0),
      );
      const char = first.getBoundingClientRect();
      const rect = range.getBoundingClientRect();
      return {
        text: range.toString(),
        x: char.left + char.width / 2,
        y: char.top + char.height / 2,
        rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
      };
    });
}

/** What the page shows of the card right now. */
export function readCard(): CardState {
  const host = document.querySelector('zhipu-facts-card');
  const card = host?.shadowRoot?.querySelector<HTMLElement>('.card') ?? null;
  if (!host || !card || !host.isConnected) {
    return {
      open: false,
      entity: null,
      role: null,
      text: '',
      rect: null,
      parent: null,
      onTop: false,
      focusInside: false,
      innerFocus: null,
      style: null,
      sheets: { adopted: 0, elements: 0 },
    };
  }
  const rect = card.getBoundingClientRect();
  const style = getComputedStyle(card);
  const centre = document.elementFromPoint(
    (rect.left + rect.right) / 2,
    (rect.top + rect.bottom) / 2,
  );
  const inner = host.shadowRoot?.activeElement ?? null;
  return {
    open: getComputedStyle(host).visibility === 'visible',
    entity: card.dataset.entity ?? null,
    role: card.getAttribute('role'),
    text: card.textContent ?? '',
    rect: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
    parent: host.parentElement?.id || host.parentElement?.localName || null,
    onTop: centre === host,
    focusInside: document.activeElement === host,
    innerFocus: inner ? inner.localName + (inner.className ? `.${inner.className}` : '') : null,
    style: {
      fontSize: style.fontSize,
      fontFamily: style.fontFamily,
      borderTopWidth: style.borderTopWidth,
      background: style.backgroundColor,
    },
    sheets: {
      adopted: host.shadowRoot?.adoptedStyleSheets.length ?? 0,
      elements: host.shadowRoot?.querySelectorAll('style').length ?? 0,
    },
  };
}

/** Whether the extension has painted any highlight yet. */
export function hasHighlights(): boolean {
  for (const [name] of CSS.highlights) if (name.startsWith('zf-')) return true;
  return false;
}

/** Whether the card is open (and placed) showing the given entity, or any card when null. */
export function cardShows(entity: string | null): boolean {
  const host = document.querySelector('zhipu-facts-card');
  const card = host?.shadowRoot?.querySelector<HTMLElement>('.card');
  if (!host?.isConnected || !card) return false;
  if (getComputedStyle(host).visibility !== 'visible') return false;
  return entity === null || card.dataset.entity === entity;
}

/** Whether no card is on the page. */
export function cardClosed(): boolean {
  const host = document.querySelector('zhipu-facts-card');
  return host === null || !host.isConnected;
}

/** The text of one fact of the open card (`data-fact` attribute), with its parts spaced. */
export function factText(factId: string): string {
  const card = document.querySelector('zhipu-facts-card')?.shadowRoot?.querySelector('.card');
  const fact = card?.querySelector(`[data-fact="${factId}"]`);
  if (!fact) return '';
  const parts: string[] = [];
  const walker = document.createTreeWalker(fact, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim();
    if (text) parts.push(text);
  }
  return parts.join(' ');
}
