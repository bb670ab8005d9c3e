/**
 * Turns the DOM into runs of text the matcher can read. A run ("segment") is the text of the text
 * nodes that flow together inside one block, so `Zhipu <em>AI</em>` is one string, while text in
 * two blocks never joins. Inline or block is decided from the tag name alone: asking for computed
 * styles per element would force style work on every page.
 */
import { CARD_HOST_TAG } from './card-host';
import { WINDOW_CHARS } from './find-mentions';

/** Tags whose content flows inline with the text around them. Anything else ends a segment. */
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'mark',
  'nobr',
  'output',
  'q',
  'rb',
  'ruby',
  's',
  'slot',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  // Inline runs of SVG text: read only in an SVG document (elsewhere <svg> is skipped whole).
  'tspan',
  'textPath',
]);

/** Never read, and they split the text around them: code, form fields, embedded documents. */
const OPAQUE_TAGS = new Set([
  'code',
  'pre',
  'kbd',
  'samp',
  'textarea',
  'input',
  'select',
  'option',
  'iframe',
  'frame',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  // SVG and MathML text is drawn, not flowed; everything inside them is skipped with them.
  'svg',
  'math',
]);

/** Never read and never rendered as text, so the text around them still flows together. */
const HIDDEN_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'rt',
  'rp',
  // Not drawn in an SVG document: its tooltip title, description and definitions.
  'title',
  'desc',
  'metadata',
  'defs',
]);

// Chromium shows an XML file as a pretty-printed tree and keeps a hidden copy of the source under
// this id; only the tree is what the reader sees.
const XML_VIEWER_SOURCE_ID = 'webkit-xml-viewer-source-xml';

/**
 * The opaque elements that hold the whole text of a document that is not HTML: the <pre> a
 * browser shows a text/plain file in, and the root <svg> of an SVG file.
 */
function isDocumentText(element: Element, name: string): boolean {
  if (name === 'svg') return element === element.ownerDocument.documentElement;
  return name === 'pre' && element.ownerDocument.contentType === 'text/plain';
}

/** The standard elements a page may attach a shadow root to (besides custom elements). */
const SHADOW_HOST_TAGS = new Set([
  'article',
  'aside',
  'blockquote',
  'body',
  'div',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'main',
  'nav',
  'p',
  'section',
  'span',
]);

export const enum ElementKind {
  Inline = 0,
  Block = 1,
  /** Skipped, and a boundary between segments. */
  Opaque = 2,
  /** Skipped, but transparent: the text on both sides still joins. */
  Hidden = 3,
}

// Per tag name: its kind, plus 4 when it may host a shadow root. Computed once per name.
const MAY_HOST = 4;
const tagInfo = new Map<string, number>();

function infoOfTag(tag: string): number {
  let info = tagInfo.get(tag);
  if (info === undefined) {
    if (INLINE_TAGS.has(tag)) info = ElementKind.Inline;
    else if (HIDDEN_TAGS.has(tag)) info = ElementKind.Hidden;
    else if (OPAQUE_TAGS.has(tag) || tag === CARD_HOST_TAG) info = ElementKind.Opaque;
    else info = ElementKind.Block;
    if (SHADOW_HOST_TAGS.has(tag) || tag.includes('-')) info |= MAY_HOST;
    tagInfo.set(tag, info);
  }
  return info;
}

function isEditable(element: Element): boolean {
  if (!element.hasAttribute('contenteditable')) return false;
  return element.getAttribute('contenteditable')?.toLowerCase() !== 'false';
}

export function classifyElement(element: Element): ElementKind {
  const name = element.localName;
  const info = infoOfTag(name);
  const kind = (info & 3) as ElementKind;
  if (kind === ElementKind.Hidden) return kind;
  if (kind === ElementKind.Opaque) return isDocumentText(element, name) ? ElementKind.Block : kind;
  if (isEditable(element)) return ElementKind.Opaque;
  if (name === 'div' && element.id === XML_VIEWER_SOURCE_ID) return ElementKind.Hidden;
  // A shadow host shows its shadow tree, which is scanned as a tree of its own. Only the tags
  // that may host one are asked: the question costs a call into the DOM per element.
  if (info & MAY_HOST && element.shadowRoot !== null) return ElementKind.Block;
  return kind;
}

/** Text nodes that flow together, their offsets in the joined text, and that text. */
export interface TextSegment {
  readonly nodes: readonly Text[];
  /** `starts[i]` is where `nodes[i]` begins in `text`. */
  readonly starts: readonly number[];
  readonly text: string;
  /**
   * True for a block read whole (`BlockText`): its nodes are only looked up when asked for, so a
   * reader that finds nothing in its text need not ask.
   */
  readonly readWhole?: true;
}

/**
 * Blocks with more child elements than this are walked node by node. Reading a block whole is one
 * step between two looks at the clock, and its cost grows with its elements (each span asked for
 * a shadow root, every text node looked up when its text holds a mention): a page appending
 * 25,000 spans to one element made that a single step of over 15 ms, repeated at every rescan.
 */
const MAX_CHILDREN_READ_WHOLE = 512;

// Any element that keeps a block from being read whole: whatever is not a plain inline element
// (a nested block, a script, code, a line break, a custom element), and editable regions.
const NOT_PLAIN_INLINE = `:not(${[...INLINE_TAGS].join(',')}),[contenteditable]`;

/**
 * Whether every element inside `block` is plainly inline, so its text is one segment and
 * `textContent` reads it exactly (comments, which it leaves out, join the text around them in a
 * walk too). Spans are the one inline tag that may host a shadow root, shown instead of their
 * text: asked one by one. Asked in the browser's own code, no text node is touched from here:
 * in an isolated world each node touched costs a wrapper of its own.
 */
function readsWhole(block: Element): boolean {
  const children = block.childElementCount;
  if (children === 0) return true;
  if (children > MAX_CHILDREN_READ_WHOLE) return false;
  if (block.querySelector(NOT_PLAIN_INLINE) !== null) return false;
  // Most blocks hold no span: asking for the first one makes no list, as querySelectorAll would.
  if (block.querySelector('span') === null) return true;
  const spans = block.querySelectorAll('span');
  for (let i = 0; i < spans.length; i++) if (spans[i]!.shadowRoot !== null) return false;
  return true;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * A block whose content is all inline, read with one `textContent`. Its text nodes and their
 * offsets are collected the first time they are asked for (most blocks hold no mention, and
 * then nobody asks), in the same task as the read.
 */
export class BlockText implements TextSegment {
  readonly readWhole = true;
  #nodes: Text[] | undefined;
  #starts: number[] | undefined;

  constructor(
    readonly block: Element,
    readonly text: string,
  ) {}

  get nodes(): readonly Text[] {
    if (this.#nodes === undefined) this.#collect();
    return this.#nodes!;
  }

  get starts(): readonly number[] {
    if (this.#starts === undefined) this.#collect();
    return this.#starts!;
  }

  #collect(): void {
    const nodes: Text[] = [];
    const starts: number[] = [];
    let length = 0;
    const block = this.block;
    // Everything inside is inline: every text node, in order, at any depth.
    let node: Node | null = block.firstChild;
    while (node !== null) {
      if (node.nodeType === TEXT_NODE) {
        nodes.push(node as Text);
        starts.push(length);
        length += (node as Text).length;
      } else if (node.nodeType === ELEMENT_NODE) {
        const child: Node | null = node.firstChild;
        if (child !== null) {
          node = child;
          continue;
        }
      }
      node = nextAfter(node, block);
    }
    this.#nodes = nodes;
    this.#starts = starts;
  }
}

export interface ScanSink {
  segment(segment: TextSegment): void;
  /** An open shadow root met on the way; it needs its own scan and observer. */
  shadowRoot?(root: ShadowRoot): void;
  /** A custom element without a shadow root yet: it may attach one once it upgrades. */
  customElement?(element: Element): void;
}

// Where the one node of a one-node segment starts; shared, never changed.
const FIRST_START: readonly number[] = [0];

/**
 * Collects the text nodes of one segment. Most segments are a single text node (a paragraph
 * without markup inside, the white space between blocks): those get no lists of their own
 * until a second node joins, since a large page has hundreds of thousands of them.
 */
class SegmentBuilder {
  #first: Text | undefined;
  #firstData = '';
  #nodes: Text[] | undefined;
  #starts: number[] | undefined;
  #parts: string[] | undefined;
  #length = 0;

  add(node: Text): void {
    const data = node.data;
    if (this.#first === undefined) {
      this.#first = node;
      this.#firstData = data;
      this.#length = data.length;
      return;
    }
    if (this.#nodes === undefined) {
      this.#nodes = [this.#first];
      this.#starts = [0];
      this.#parts = [this.#firstData];
    }
    this.#nodes.push(node);
    this.#starts!.push(this.#length);
    this.#parts!.push(data);
    this.#length += data.length;
  }

  /** Hands the segment built so far to `sink` (unless `keep` is false) and starts a new one. */
  flush(sink: ScanSink, keep = true): void {
    const first = this.#first;
    if (first === undefined) return;
    if (keep) {
      sink.segment(
        this.#nodes === undefined
          ? { nodes: [first], starts: FIRST_START, text: this.#firstData }
          : { nodes: this.#nodes, starts: this.#starts!, text: this.#parts!.join('') },
      );
    }
    this.#first = undefined;
    this.#firstData = '';
    this.#nodes = undefined;
    this.#starts = undefined;
    this.#parts = undefined;
    this.#length = 0;
  }
}

// How many nodes to visit between two looks at the clock.
const CLOCK_EVERY = 64;
// A block read whole counts as one node per 2^9 = 512 of its characters, so some 32,000
// characters at most are read and matched between two looks at the clock.
const CHARS_PER_NODE_LOG2 = 9;

export interface SubtreeScan {
  /** Scans until `deadline` (performance.now() time); true once the whole subtree is done. */
  run(deadline: number): boolean;
}

/**
 * A resumable scan of everything under `root`. With `ownFlow` false (an inline element added into
 * a paragraph), the text at the root's own level is left to `rescanAround`, which sees the text
 * next to it too; only the blocks nested inside are reported.
 */
export function createSubtreeScan({
  root,
  ownFlow,
  sink,
}: {
  root: Node;
  ownFlow: boolean;
  sink: ScanSink;
}): SubtreeScan {
  const builder = new SegmentBuilder();
  // Only an HTML document: in XML, textContent also reads CDATA sections, which a walk skips.
  const wholeBlocks = (root.ownerDocument ?? (root as Document)).contentType === 'text/html';
  let node: Node | null = null;
  let depth = 0;
  let started = false;
  // For each element we went into, whether it is a block: leaving one ends a segment. Kept so
  // nothing is classified twice.
  const entered: boolean[] = [];

  function restart(): void {
    builder.flush(sink, false);
    node = root.firstChild;
    depth = ownFlow ? 1 : 0;
    entered.length = 0;
    started = true;
  }

  /** Leaves `current`'s subtree; returns the next node, or null at the end of the root. */
  function leave(current: Node): Node | null {
    let at: Node = current;
    for (;;) {
      const sibling = at.nextSibling;
      if (sibling !== null) return sibling;
      const parent = at.parentNode;
      if (parent === null || parent === root) return null;
      at = parent;
      if (entered.pop() === true) {
        builder.flush(sink, depth > 0);
        depth--;
      }
    }
  }

  return {
    run(deadline) {
      if (!started) restart();
      // Resuming after the page changed under us: start over (replacing is idempotent).
      else if (node !== null && !root.contains(node)) restart();
      let sinceClock = 0;
      while (node !== null) {
        if (++sinceClock >= CLOCK_EVERY) {
          sinceClock = 0;
          if (performance.now() >= deadline) return false;
        }
        const current: Node = node;
        if (current.nodeType === TEXT_NODE) {
          builder.add(current as Text);
          node = leave(current);
          continue;
        }
        if (current.nodeType !== ELEMENT_NODE) {
          node = leave(current);
          continue;
        }
        const element = current as Element;
        const kind = classifyElement(element);
        if (kind === ElementKind.Hidden) {
          node = leave(current);
          continue;
        }
        if (kind === ElementKind.Opaque) {
          builder.flush(sink, depth > 0);
          node = leave(current);
          continue;
        }
        if (kind === ElementKind.Block) {
          builder.flush(sink, depth > 0);
          const name = element.localName;
          const shadow = infoOfTag(name) & MAY_HOST ? element.shadowRoot : null;
          if (shadow !== null) sink.shadowRoot?.(shadow);
          else if (name.includes('-')) sink.customElement?.(element);
          else if (wholeBlocks && readsWhole(element)) {
            const text = element.textContent ?? '';
            // A huge block is walked node by node instead, in slices like the rest.
            if (text.length <= WINDOW_CHARS) {
              if (text.length > 0) sink.segment(new BlockText(element, text));
              sinceClock += text.length >>> CHARS_PER_NODE_LOG2;
              node = leave(current);
              continue;
            }
          }
          const child = element.firstChild;
          if (child !== null) {
            depth++;
            entered.push(true);
            node = child;
          } else {
            node = leave(current);
          }
          continue;
        }
        const child = element.firstChild;
        if (child !== null) {
          entered.push(false);
          node = child;
        } else {
          node = leave(current);
        }
      }
      builder.flush(sink, depth > 0);
      return true;
    },
  };
}

const DOCUMENT_NODE = 9;
const FRAGMENT_NODE = 11;

/**
 * The node whose flow `node` sits in: its nearest block ancestor (itself if it is one) or its
 * tree's root. Undefined when the node is detached or inside something never scanned
 * (code, a form field, an editable region, SVG, our card).
 */
export function flowOwner(node: Node): Node | undefined {
  let owner: Node | undefined;
  let at: Node | null = node;
  while (at !== null) {
    if (at.nodeType === ELEMENT_NODE) {
      const kind = classifyElement(at as Element);
      if (kind === ElementKind.Opaque || kind === ElementKind.Hidden) return undefined;
      if (owner === undefined && kind === ElementKind.Block) owner = at;
      at = at.parentNode;
      continue;
    }
    if (at.nodeType === DOCUMENT_NODE) return owner ?? at;
    if (at.nodeType === FRAGMENT_NODE && at instanceof ShadowRoot) {
      owner ??= at;
      at = at.host;
      continue;
    }
    if (at.nodeType === TEXT_NODE) {
      at = at.parentNode;
      continue;
    }
    return undefined;
  }
  return undefined;
}

function isBoundary(node: Node): boolean {
  if (node.nodeType !== ELEMENT_NODE) return false;
  const kind = classifyElement(node as Element);
  return kind === ElementKind.Block || kind === ElementKind.Opaque;
}

function descends(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && classifyElement(node as Element) === ElementKind.Inline;
}

/** The flow item after `node`'s subtree inside `owner`, or null at the end of the flow. */
function nextAfter(node: Node, owner: Node): Node | null {
  let at: Node = node;
  while (at !== owner) {
    const sibling = at.nextSibling;
    if (sibling !== null) return sibling;
    const parent = at.parentNode;
    if (parent === null) return null;
    at = parent;
  }
  return null;
}

/** The flow item before `node` inside `owner` (entering inline elements from their end). */
function previousItem(node: Node, owner: Node): Node | null {
  let at: Node = node;
  for (;;) {
    let sibling = at.previousSibling;
    if (sibling !== null) {
      while (descends(sibling) && sibling.lastChild !== null) sibling = sibling.lastChild;
      return sibling;
    }
    const parent = at.parentNode;
    if (parent === null || parent === owner) return null;
    at = parent;
  }
}

/**
 * Rescans the segments of `owner`'s flow that touch the items `from`..`to` (siblings, `from`
 * first): from the block boundary before `from` to the one after `to`. Used after an edit, so
 * the cost follows the size of the change, not of the page.
 */
export function rescanAround({
  owner,
  from,
  to,
  sink,
}: {
  owner: Node;
  from: Node;
  to: Node;
  sink: ScanSink;
}): void {
  let begin = from;
  for (let previous = previousItem(begin, owner); previous !== null;) {
    if (isBoundary(previous)) break;
    begin = previous;
    previous = previousItem(begin, owner);
  }
  const afterEnd = nextAfter(to, owner);
  const builder = new SegmentBuilder();
  let passed = false;
  let node: Node | null = begin;
  while (node !== null) {
    if (node === afterEnd) passed = true;
    if (node.nodeType === TEXT_NODE) {
      builder.add(node as Text);
    } else if (isBoundary(node)) {
      builder.flush(sink);
      if (passed) return;
    } else if (descends(node) && node.firstChild !== null) {
      node = node.firstChild;
      continue;
    }
    node = nextAfter(node, owner);
  }
  builder.flush(sink);
}
