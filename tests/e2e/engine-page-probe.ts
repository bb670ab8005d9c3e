/**
 * Functions run inside fixture pages (through TestPage.evaluate) to read what the extension did.
 * Each is serialized into the page on its own, so each is self-contained.
 */

export interface CaseResult {
  title: string;
  expect: string;
  texts: string | null;
  /** Our highlights inside the case, in document order: group and text. */
  found: { group: string; text: string }[];
}

export interface FoundMention {
  /** The highlight's name after `zf-`: the group, plus `-tinted` in a very long text node. */
  group: string;
  text: string;
}

/** Reads our entries of CSS.highlights and sorts them into the page's `.case` boxes. */
export function readCases(): CaseResult[] {
  const contains = (outer: Node, inner: Node): boolean => {
    for (let node: Node | null = inner; node;) {
      if (outer.contains(node)) return true;
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    }
    return false;
  };
  // Shadow content sorts at its host: enough for the fixtures' one level of nesting.
  const anchor = (node: Node): Node => {
    const root = node.getRootNode();
    return root instanceof ShadowRoot ? root.host : node;
  };
  const found: { group: string; range: Range }[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('zf-')) continue;
    for (const abstract of highlight) {
      const source = abstract;
      const range = document.createRange();
      try {
        range.setStart(source.startContainer, source.startOffset);
        range.setEnd(source.endContainer, source.endOffset);
      } catch {
        // A static range the page's last edit made stale (it paints nothing until rescanned).
        continue;
      }
      found.push({ group: name.slice(3), range });
    }
  }
  found.sort((a, b) => {
    const [x, y] = [anchor(a.range.startContainer), anchor(b.range.startContainer)];
    if (x === y) return a.range.startOffset - b.range.startOffset;
    return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  return [...document.querySelectorAll<HTMLElement>('.case')].map((box) => ({
    title: box.dataset.title ?? '',
    expect: box.dataset.expect ?? '',
    texts: box.dataset.texts ?? null,
    found: found
      .filter(({ range }) => contains(box, range.startContainer))
      .map(({ group, range }) => ({ group, text: range.toString() })),
  }));
}

/** Our highlighted mentions inside `selector` (the whole document if null), in document order. */
export function highlightedIn(selector: string | null): FoundMention[] {
  const root = selector === null ? document.documentElement : document.querySelector(selector);
  if (!root) return [];
  const found: { group: string; range: Range }[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('zf-')) continue;
    for (const abstract of highlight) {
      const source = abstract;
      if (!root.contains(source.startContainer)) continue;
      const range = document.createRange();
      try {
        range.setStart(source.startContainer, source.startOffset);
        range.setEnd(source.endContainer, source.endOffset);
      } catch {
        // A static range the page's last edit made stale (it paints nothing until rescanned).
        continue;
      }
      found.push({ group: name.slice(3), range });
    }
  }
  found.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  return found.map(({ group, range }) => ({ group, text: range.toString() }));
}

/** The text of our highlighted ranges in frame `index` of the page, in document order. */
export function frameHighlighted(index: number): string[] {
  // A frame's window is a full global of its own; DOM typings only call it a Window.
  const view = window.frames[index] as (Window & typeof globalThis) | undefined;
  if (!view) return [];
  const ranges: Range[] = [];
  for (const [name, highlight] of view.CSS.highlights) {
    if (!name.startsWith('zf-')) continue;
    for (const source of highlight) {
      const range = view.document.createRange();
      range.setStart(source.startContainer, source.startOffset);
      range.setEnd(source.endContainer, source.endOffset);
      ranges.push(range);
    }
  }
  ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  return ranges.map((range) => range.toString());
}

/** How many ranges our highlights hold in all. */
export function highlightTotal(): number {
  let total = 0;
  for (const [name, highlight] of CSS.highlights)
    if (name.startsWith('zf-')) total += highlight.size;
  return total;
}

/** The names of our entries in CSS.highlights. */
export function highlightNames(): string[] {
  return [...CSS.highlights.keys()].filter((name) => name.startsWith('zf-'));
}

/** Viewport rect of the text of `selector`'s first text node between `start` and `end`. */
export function textRect([selector, start, end]: [string, number, number]): {
  x: number;
  y: number;
  width: number;
  height: number;
} | null {
  let element: Element | null = document.querySelector(selector);
  if (!element) {
    for (const host of document.querySelectorAll('*')) {
      element = host.shadowRoot?.querySelector(selector) ?? null;
      if (element) break;
    }
  }
  const text = element?.firstChild;
  if (!text) return null;
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, end);
  const { x, y, width, height } = range.getBoundingClientRect();
  return { x, y, width, height };
}

/**
 * A serialization of the DOM that includes open shadow roots and leaves out our card's host,
 * built either from the live page or (with `html`) from the page's source parsed anew with its
 * declarative shadow roots. Equal strings mean the extension changed nothing in the page.
 */
export function domSnapshot(html: string | null): string {
  const HOST = 'zhipu-facts-card';
  const parse = (Document as unknown as { parseHTMLUnsafe?: (html: string) => Document })
    .parseHTMLUnsafe;
  const doc = html === null ? document : parse ? parse(html) : null;
  if (!doc) return 'no parseHTMLUnsafe';
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push(JSON.stringify((node as Text).data));
      return;
    }
    if (node.nodeType === Node.COMMENT_NODE) {
      out.push(`<!--${(node as Comment).data}-->`);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const element = node as Element;
    if (element.localName === HOST) return;
    const attributes = [...element.attributes]
      .map((attribute) => `${attribute.name}=${JSON.stringify(attribute.value)}`)
      .sort();
    out.push(`<${element.localName} ${attributes.join(' ')}>`);
    if (element.shadowRoot) {
      out.push('#shadow(');
      element.shadowRoot.childNodes.forEach(walk);
      out.push(')');
    }
    const children =
      element instanceof HTMLTemplateElement ? element.content.childNodes : element.childNodes;
    children.forEach(walk);
    out.push(`</${element.localName}>`);
  };
  walk(doc.documentElement);
  return out.join('');
}
