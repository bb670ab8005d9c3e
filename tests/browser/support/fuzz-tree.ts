/**
 * Random DOM trees for the page-engine fuzz test: a model of blocks, inline tags, text split at
 * random points (a name may be cut across tags: <b>GL</b>M-4), whitespace, comments, and the
 * elements the engine must skip; a builder that turns a model into real DOM; and a reference that
 * says, from the rules alone, which runs of text ("segments") flow together.
 *
 * The rules, as the page layer documents them (entrypoints/content/scan-blocks.ts): the tag name
 * alone decides. Inline tags join the text around them; every other element is a block and ends
 * a run of text; code, form fields, embedded documents, SVG, MathML and editable regions are
 * skipped and also end a run; script, style, noscript, template, rt and rp are skipped while the
 * text around them still joins. An element with an open shadow root is a block, and its shadow
 * tree's text flows on its own, placed before the host's own children.
 */
import fc from 'fast-check';
import { mentionTextArbitrary } from '../../support/mention-text.ts';

const INLINE_TAGS = [
  'span',
  'b',
  'a',
  'em',
  'strong',
  'i',
  'u',
  'mark',
  'small',
  'sub',
  'sup',
  'label',
  'q',
  'abbr',
  's',
  'del',
  'ins',
  'font',
  'bdi',
  'ruby',
  'time',
] as const;
const BLOCK_TAGS = [
  'p',
  'div',
  'li',
  'h1',
  'h2',
  'h3',
  'td',
  'blockquote',
  'section',
  'x-note',
] as const;
const BREAK_TAGS = ['br', 'img', 'hr'] as const;
const OPAQUE_TAGS = [
  'code',
  'pre',
  'kbd',
  'samp',
  'textarea',
  'input',
  'select',
  'svg',
  'math',
  'canvas',
  'iframe',
] as const;
const HIDDEN_TAGS = ['script', 'style', 'noscript', 'template', 'rt', 'rp'] as const;
const SHADOW_HOST_TAGS = ['div', 'span', 'section', 'x-note'] as const;
/** Values of `contenteditable` that make an element editable, and so skipped. */
const EDITABLE_VALUES = ['true', '', 'plaintext-only', 'TRUE'] as const;

type InlineTag = (typeof INLINE_TAGS)[number];
type OpaqueTag = (typeof OPAQUE_TAGS)[number];
type HiddenTag = (typeof HIDDEN_TAGS)[number];

export type TreeItem =
  | { kind: 'text'; text: string }
  | { kind: 'comment'; text: string }
  | { kind: 'inline'; tag: InlineTag; children: TreeItem[] }
  /** `wbr`: an inline element that holds nothing. */
  | { kind: 'wbr' }
  | { kind: 'hidden'; tag: HiddenTag; text: string }
  | { kind: 'opaque'; tag: OpaqueTag; text: string }
  | { kind: 'editable'; value: (typeof EDITABLE_VALUES)[number]; children: TreeItem[] }
  | { kind: 'break'; tag: (typeof BREAK_TAGS)[number] }
  | {
      kind: 'block';
      tag: string;
      children: TreeItem[];
      /** The content of an open shadow root attached to it. */
      shadow?: TreeItem[];
      /** contenteditable="false": still read. */
      notEditable?: boolean;
    };

const SPACES = ['', ' ', '\n', '  \n\t', '\u00a0'];

/**
 * An inline shape with numbered slots for text: the flow's text is cut into as many pieces as
 * there are slots, at random points, so tags fall anywhere, inside names too.
 */
type Shape =
  | { kind: 'slot' }
  | { kind: 'inline'; tag: InlineTag; children: Shape[] }
  | { kind: 'hidden'; tag: HiddenTag; text: string }
  | { kind: 'comment'; text: string }
  | { kind: 'wbr' };

const { shape: shapeArbitrary } = fc.letrec<{ shape: Shape }>((tie) => ({
  shape: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: fc.constant<Shape>({ kind: 'slot' }) },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('inline' as const),
        tag: fc.constantFrom(...INLINE_TAGS),
        children: fc.array(tie('shape'), { minLength: 1, maxLength: 3 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('hidden' as const),
        tag: fc.constantFrom(...HIDDEN_TAGS),
        text: mentionTextArbitrary(2),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('comment' as const),
        text: fc.constantFrom('Zhipu', ''),
      }),
    },
    { weight: 1, arbitrary: fc.constant<Shape>({ kind: 'wbr' }) },
  ),
}));

function countSlots(shapes: readonly Shape[]): number {
  let count = 0;
  for (const shape of shapes) {
    if (shape.kind === 'slot') count++;
    else if (shape.kind === 'inline') count += countSlots(shape.children);
  }
  return count;
}

/** `text` cut into `count` pieces at the given points (empty pieces make empty text nodes). */
function cut(text: string, count: number, points: readonly number[]): string[] {
  const at = Array.from({ length: Math.max(0, count - 1) }, (_, k) =>
    points.length === 0 ? text.length : points[k % points.length]! % (text.length + 1),
  ).sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const point of at) {
    pieces.push(text.slice(from, point));
    from = point;
  }
  pieces.push(text.slice(from));
  return pieces;
}

function fill(shapes: readonly Shape[], pieces: string[]): TreeItem[] {
  return shapes.map((shape): TreeItem => {
    switch (shape.kind) {
      case 'slot':
        return { kind: 'text', text: pieces.shift() ?? '' };
      case 'inline':
        return { kind: 'inline', tag: shape.tag, children: fill(shape.children, pieces) };
      default:
        return shape;
    }
  });
}

/** A run of inline content: text with names cut across random inline tags. */
const flowArbitrary: fc.Arbitrary<TreeItem[]> = fc
  .record({
    lead: fc.constantFrom(...SPACES),
    text: mentionTextArbitrary(5),
    trail: fc.constantFrom(...SPACES),
    shapes: fc.array(shapeArbitrary, { minLength: 1, maxLength: 5, size: 'medium' }),
    points: fc.array(fc.nat(), { maxLength: 6 }),
  })
  .map(({ lead, text, trail, shapes, points }) => {
    const pieces = cut(lead + text + trail, Math.max(1, countSlots(shapes)), points);
    const items = fill(shapes, pieces);
    // Text left over when the shapes have no slot at all still goes in, as a plain node.
    return countSlots(shapes) === 0 ? [...items, { kind: 'text', text: pieces.join('') }] : items;
  });

const opaqueArbitrary: fc.Arbitrary<TreeItem> = fc.record({
  kind: fc.constant('opaque' as const),
  tag: fc.constantFrom(...OPAQUE_TAGS),
  text: mentionTextArbitrary(2),
});

function blockArbitrary(depth: number, shadows: boolean): fc.Arbitrary<TreeItem> {
  const children = blockChildrenArbitrary(depth + 1, shadows);
  const hosts: fc.WeightedArbitrary<TreeItem>[] = shadows
    ? [
        {
          weight: 1,
          arbitrary: fc.record({
            kind: fc.constant('block' as const),
            tag: fc.constantFrom(...SHADOW_HOST_TAGS),
            children,
            shadow: blockChildrenArbitrary(depth + 1, shadows),
          }),
        },
      ]
    : [];
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('block' as const),
        tag: fc.constantFrom(...BLOCK_TAGS),
        children,
        notEditable: fc.boolean(),
      }),
    },
    ...hosts,
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('editable' as const),
        value: fc.constantFrom(...EDITABLE_VALUES),
        children,
      }),
    },
  );
}

/** The content of a block: runs of inline content, nested blocks, breaks, skipped elements. */
function blockChildrenArbitrary(depth: number, shadows: boolean): fc.Arbitrary<TreeItem[]> {
  const parts: fc.WeightedArbitrary<TreeItem[]>[] = [
    { weight: 6, arbitrary: flowArbitrary },
    { weight: 1, arbitrary: opaqueArbitrary.map((item) => [item]) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...BREAK_TAGS).map((tag): TreeItem[] => [{ kind: 'break', tag }]),
    },
  ];
  if (depth < 3) {
    parts.push({ weight: 3, arbitrary: blockArbitrary(depth, shadows).map((item) => [item]) });
  }
  return fc
    .array(fc.oneof(...parts), {
      minLength: depth === 0 ? 1 : 0,
      maxLength: depth === 0 ? 8 : 4,
      size: 'medium',
    })
    .map((lists) => lists.flat());
}

/** A whole tree: the children of the test's container; `shadows`: with shadow roots in it. */
export function treeArbitrary({ shadows }: { shadows: boolean }): fc.Arbitrary<TreeItem[]> {
  return blockChildrenArbitrary(0, shadows);
}

/**
 * Content to insert into a live tree (a mutation). `shadows`: whether it may hold elements that
 * already carry a shadow root when they are inserted.
 */
export function insertArbitrary({ shadows }: { shadows: boolean }): fc.Arbitrary<TreeItem[]> {
  return fc.oneof(
    flowArbitrary,
    blockArbitrary(2, shadows).map((item) => [item]),
    opaqueArbitrary.map((item) => [item]),
  );
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

function opaqueElement(tag: OpaqueTag, text: string): Element {
  switch (tag) {
    case 'svg': {
      const svg = document.createElementNS(SVG_NS, 'svg');
      const label = document.createElementNS(SVG_NS, 'text');
      label.append(text);
      svg.append(label);
      return svg;
    }
    case 'math': {
      const math = document.createElementNS(MATHML_NS, 'math');
      const identifier = document.createElementNS(MATHML_NS, 'mi');
      identifier.append(text);
      math.append(identifier);
      return math;
    }
    case 'input': {
      const input = document.createElement('input');
      input.value = text;
      return input;
    }
    case 'select': {
      const select = document.createElement('select');
      const option = document.createElement('option');
      option.append(text);
      select.append(option);
      return select;
    }
    default: {
      const element = document.createElement(tag);
      element.append(text);
      return element;
    }
  }
}

/** Builds the items as DOM nodes. */
export function buildNodes(items: readonly TreeItem[]): Node[] {
  return items.map((item): Node => {
    switch (item.kind) {
      case 'text':
        return document.createTextNode(item.text);
      case 'comment':
        return document.createComment(item.text);
      case 'wbr':
        return document.createElement('wbr');
      case 'inline': {
        const element = document.createElement(item.tag);
        element.append(...buildNodes(item.children));
        return element;
      }
      case 'hidden': {
        const element = document.createElement(item.tag);
        // A script that is never run: its text is names, not code.
        if (item.tag === 'script') element.setAttribute('type', 'text/plain');
        element.append(item.text);
        return element;
      }
      case 'opaque':
        return opaqueElement(item.tag, item.text);
      case 'editable': {
        const element = document.createElement('div');
        element.setAttribute('contenteditable', item.value);
        element.append(...buildNodes(item.children));
        return element;
      }
      case 'break':
        return document.createElement(item.tag);
      case 'block': {
        const element = document.createElement(item.tag);
        if (item.notEditable === true) element.setAttribute('contenteditable', 'false');
        if (item.shadow !== undefined) {
          // Serializable, so the test can compare the shadow tree's markup before and after.
          const shadow = element.attachShadow({ mode: 'open', serializable: true });
          shadow.append(...buildNodes(item.shadow));
        }
        element.append(...buildNodes(item.children));
        return element;
      }
    }
  });
}

/** A run of text nodes that flow together, and their joined text. */
export interface RefSegment {
  nodes: Text[];
  starts: number[];
  text: string;
}

type Kind = 'inline' | 'block' | 'opaque' | 'hidden';

const inlineTags = new Set<string>([...INLINE_TAGS, 'wbr']);
// SVG's <text> and MathML's <mi> are blocks by name once a mutation moves them out of their
// (skipped) parent, as any unknown tag is.
const blockTags = new Set<string>([...BLOCK_TAGS, ...BREAK_TAGS, 'text', 'mi']);
const opaqueTags = new Set<string>([...OPAQUE_TAGS, 'option']);
const hiddenTags = new Set<string>(HIDDEN_TAGS);

/** The rules above, for the tags the generator uses; any other tag is a mistake of the test. */
function kindOf(element: Element): Kind {
  const tag = element.localName;
  if (hiddenTags.has(tag)) return 'hidden';
  if (opaqueTags.has(tag)) return 'opaque';
  const editable = element.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return 'opaque';
  if (element.shadowRoot !== null) return 'block';
  if (inlineTags.has(tag)) return 'inline';
  if (blockTags.has(tag)) return 'block';
  throw new Error(`the fuzz reference does not know <${tag}>`);
}

/**
 * The segments under `root` (a container element), in the order the engine's index keeps
 * mentions: document order, with a shadow tree's text at its host, before the host's children.
 */
export function referenceSegments(root: Element): RefSegment[] {
  const segments: RefSegment[] = [];
  let current: RefSegment | undefined;
  const flush = () => {
    if (current !== undefined) segments.push(current);
    current = undefined;
  };
  const walk = (node: Node): void => {
    if (node instanceof Text) {
      current ??= { nodes: [], starts: [], text: '' };
      current.nodes.push(node);
      current.starts.push(current.text.length);
      current.text += node.data;
      return;
    }
    if (!(node instanceof Element)) return;
    const kind = kindOf(node);
    if (kind === 'hidden') return;
    if (kind === 'opaque') {
      flush();
      return;
    }
    if (kind === 'inline') {
      node.childNodes.forEach(walk);
      return;
    }
    flush();
    if (node.shadowRoot !== null) {
      node.shadowRoot.childNodes.forEach(walk);
      flush();
    }
    node.childNodes.forEach(walk);
    flush();
  };
  walk(root);
  flush();
  return segments;
}

/** Every node under `root`, shadow trees included (targets for mutations). */
export function allNodes(root: Node): Node[] {
  const nodes: Node[] = [];
  const visit = (node: Node) => {
    nodes.push(node);
    if (node instanceof Element && node.shadowRoot !== null) visit(node.shadowRoot);
    node.childNodes.forEach(visit);
  };
  visit(root);
  return nodes;
}
