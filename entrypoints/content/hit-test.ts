import type { MentionIndex, PageMention } from './mention-index';

/**
 * Pointer -> mention. Steps, cheapest first:
 *
 * 1. The last mention hit: its client rects are kept, so moving inside one mention costs a few
 *    comparisons.
 * 2. The element the browser already found under the pointer (a pointer event's target). Text
 *    under the pointer is a direct child of it, so a mention under the pointer is one of the
 *    mentions in that element's own text: those are looked up once per element (and kept until
 *    the mentions change), then the point is tested against their rects. Over a paragraph with
 *    no mention this costs nothing at all.
 * 3. Without a target, or with too much text in it to look through: the caret under the point
 *    (`caretPositionFromPoint`, else `caretRangeFromPoint`), looked up in the index, checked
 *    against the mention's rects.
 * 4. `CSS.highlights.highlightsFromPoint`, only when the caret lands on an element rather than
 *    text, and only on pages with few mentions. Firefox 153 answers it by geometry, so it sees
 *    a mention through a transparent overlay that catches the pointer; Chromium 156 stops at
 *    the topmost element, as the caret does.
 *
 * Measured (Chromium 156, Firefox 153) on flat pages of N paragraphs: highlightsFromPoint walks
 * every registered range (median 11.8 ms in Chromium, 2 ms in Firefox with 10,000 ranges), and
 * Chromium's caret lookup costs what its own hit-testing costs, which grows with the number of
 * sibling blocks (0.29 ms at 10,000 paragraphs, several ms at 50,000). Step 2 asks neither.
 */

export interface HitTester {
  /**
   * The mention under the viewport point (client coordinates), if any. `target` is the
   * innermost element under the point when the caller knows it (a pointer event's
   * `composedPath()[0]`), which spares the browser a second hit-test. `time` is when the
   * point was sampled (an event's `timeStamp`), on the `now` clock's time line.
   */
  at(x: number, y: number, target?: EventTarget, time?: number): PageMention | undefined;
  /** Forgets the rects it keeps: the page scrolled, resized or changed. */
  invalidate(): void;
  /** Forgets everything it keeps: mentions came, went, or were switched on or off. */
  mentionsChanged(): void;
}

/** highlightsFromPoint walks every range, so it is only worth it on pages with few of them. */
export const HIGHLIGHTS_FROM_POINT_MAX_MENTIONS = 200;
/** Cached rects expire so a layout shift without scroll or resize cannot keep a stale hit. */
const CACHE_TTL_MS = 250;
/**
 * Boxes of an element's mentions are measured again after this long even when nothing said the
 * page moved (`invalidate` hears of scrolling, resizing, DOM changes, images and fonts; a class
 * toggled or a CSS animation goes unheard). The card checks its mention once more before it opens.
 */
const BOXES_TTL_MS = 2000;
/**
 * Mentions of one element measured and kept for its hit tests; past this the caret lookup is
 * cheaper (a single text node can be megabytes long, with thousands of mentions).
 */
const MAX_ELEMENT_MENTIONS = 64;
/** Nested shadow roots followed down under the point; pages hardly ever nest deeper. */
const MAX_SHADOW_DEPTH = 8;

interface HighlightHit {
  highlight: unknown;
  ranges: readonly AbstractRange[];
}

/** Typed locally: TypeScript's DOM library does not know this newer method yet. */
interface HighlightRegistryWithHitTest {
  highlightsFromPoint?(x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }): unknown;
}

interface Caret {
  node: Node;
  offset: number;
}

/** A rect copied out of a DOMRectList: reading a DOMRect's sides costs a call into the DOM each. */
interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function boxOf({ left, top, right, bottom }: DOMRectReadOnly): Box {
  return { left, top, right, bottom };
}

function boxesOf(range: Range): Box[] {
  return Array.from(range.getClientRects(), boxOf);
}

function boxesContain(boxes: readonly Box[], x: number, y: number): boolean {
  for (const box of boxes) {
    if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) return true;
  }
  return false;
}

function caretAt(
  doc: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[],
): Caret | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    // Without `shadowRoots` both engines answer with the host's parent for text inside a shadow
    // root; the option (Chromium 128+, Firefox) lets the caret descend into the roots we name.
    const position =
      shadowRoots.length > 0
        ? doc.caretPositionFromPoint(x, y, { shadowRoots })
        : doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  // Chromium before 128 has only the older, WebKit-named call, which never enters shadow roots.
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
  }
  return undefined;
}

/**
 * For a point over a shadow root's text, the caret answers with the host's parent and the host's
 * index in it: the open shadow root of the node at (or just before) that index, if any.
 */
function shadowRootAtCaret({ node, offset }: Caret): ShadowRoot | undefined {
  const children = node.childNodes;
  for (const child of [children[offset], children[offset - 1]]) {
    if (child instanceof Element && child.shadowRoot) return child.shadowRoot;
  }
  return undefined;
}

/**
 * The visible mentions in the text directly inside `element`, or undefined when there are too
 * many to measure cheaply.
 */
function mentionsOf(element: Element, index: MentionIndex): PageMention[] | undefined {
  const found: PageMention[] = [];
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType !== Node.TEXT_NODE) continue;
    for (const mention of index.touching(child)) {
      // A mention over two text nodes of the element is listed under both.
      if (!found.includes(mention)) found.push(mention);
    }
    if (found.length > MAX_ELEMENT_MENTIONS) return undefined;
  }
  return found;
}

function isHighlightHit(value: unknown): value is HighlightHit {
  return typeof value === 'object' && value !== null && 'ranges' in value;
}

export function createHitTester({
  index,
  doc = document,
  now = () => performance.now(),
}: {
  index: MentionIndex;
  doc?: Document;
  now?: () => number;
}): HitTester {
  let cached: { mention: PageMention; boxes: Box[]; at: number } | undefined;
  /**
   * Per target element: the mentions in its own text (undefined: too many) and, once measured,
   * their boxes. The boxes stay good while nothing scrolled, resized or changed in the page
   * (`invalidate`), up to BOXES_TTL_MS: the pointer moving about a paragraph, on and off its
   * mentions and their links, measures them once and then reads no geometry at all.
   */
  let elements = new WeakMap<
    Element,
    { mentions: PageMention[] | undefined; boxes?: Box[][]; at: number; layout: number }
  >();
  // Bumped when the page scrolled, resized or changed: boxes measured before may be stale.
  let layout = 0;

  const verify = (mention: PageMention | undefined, x: number, y: number) => {
    if (!mention) return undefined;
    const boxes = boxesOf(mention.range);
    if (!boxesContain(boxes, x, y)) return undefined;
    cached = { mention, boxes, at: now() };
    return mention;
  };

  const fromTarget = (element: Element, x: number, y: number, time: number) => {
    let entry = elements.get(element);
    if (entry === undefined) {
      entry = { mentions: mentionsOf(element, index), at: time, layout };
      elements.set(element, entry);
    }
    const { mentions } = entry;
    if (!mentions) return 'unknown';
    if (mentions.length === 0) return undefined;
    if (entry.boxes === undefined || entry.layout !== layout || time - entry.at >= BOXES_TTL_MS) {
      entry.boxes = mentions.map((mention) => boxesOf(mention.range));
      entry.at = time;
      entry.layout = layout;
    }
    for (let i = 0; i < mentions.length; i++) {
      if (!boxesContain(entry.boxes[i]!, x, y)) continue;
      cached = { mention: mentions[i]!, boxes: entry.boxes[i]!, at: time };
      return mentions[i];
    }
    return undefined;
  };

  const fromCaret = (caret: Caret, x: number, y: number) => {
    // The caret sits before the character under the pointer, or after it when the pointer is on
    // the character's trailing half: try both sides, and let the rects decide.
    const { node, offset } = caret;
    return (
      verify(index.at(node, offset), x, y) ??
      (offset > 0 ? verify(index.at(node, offset - 1), x, y) : undefined)
    );
  };

  const fromHighlights = (x: number, y: number, shadowRoots: ShadowRoot[]) => {
    const registry = CSS.highlights as unknown as HighlightRegistryWithHitTest;
    if (typeof registry.highlightsFromPoint !== 'function') return undefined;
    if (index.all().length > HIGHLIGHTS_FROM_POINT_MAX_MENTIONS) return undefined;
    const hits = registry.highlightsFromPoint(x, y, { shadowRoots });
    if (!Array.isArray(hits)) return undefined;
    for (const hit of hits as unknown[]) {
      // Early drafts returned bare Highlight objects without ranges; nothing to look up then.
      if (!isHighlightHit(hit)) continue;
      for (const range of hit.ranges) {
        const mention = verify(index.byRange(range), x, y);
        if (mention) return mention;
      }
    }
    return undefined;
  };

  const fromPoint = (x: number, y: number) => {
    let caret = caretAt(doc, x, y, []);
    // Into open shadow roots, one level at a time (a caret never leaves the roots it is given).
    const roots: ShadowRoot[] = [];
    while (caret && caret.node.nodeType !== Node.TEXT_NODE && roots.length < MAX_SHADOW_DEPTH) {
      const root = shadowRootAtCaret(caret);
      if (!root || roots.includes(root)) break;
      roots.push(root);
      caret = caretAt(doc, x, y, roots);
    }
    if (caret?.node.nodeType === Node.TEXT_NODE) return fromCaret(caret, x, y);
    return fromHighlights(x, y, roots);
  };

  return {
    at(x, y, element, time = now()) {
      if (cached && time - cached.at < CACHE_TTL_MS && boxesContain(cached.boxes, x, y)) {
        return cached.mention;
      }
      cached = undefined;
      if (element instanceof Element) {
        const hit = fromTarget(element, x, y, time);
        if (hit !== 'unknown') return hit;
      }
      return fromPoint(x, y);
    },
    invalidate() {
      cached = undefined;
      layout++;
    },
    mentionsChanged() {
      cached = undefined;
      elements = new WeakMap();
    },
  };
}
