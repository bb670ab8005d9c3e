/**
 * The page engine on random DOM trees in real Chromium (issue 7, "Fuzzing and properties").
 * Trees mix blocks, inline tags cutting through names, whitespace, comments, skipped elements,
 * editable regions and shadow roots (tests/browser/support/fuzz-tree.ts), with the article's
 * aliases and near-misses in English and Chinese as text. The reference is plain: the text of
 * each block, as the rules join it, run through its own compileMatcher one block at a time.
 *
 * Properties: the engine finds exactly the reference's mentions, in document order; after random
 * edits of the live page it still finds exactly the reference's mentions on the page as it then
 * is; its highlights hold exactly those mentions; no error reaches the page; after destroy() no
 * `zf-` highlight is left and the DOM's markup is what it was. Skipped tests at the end show the
 * bugs these properties found, each with the smallest example (see the comment on each).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '@/core/matcher';
import { createPageEngine, type PageEngine } from '@/entrypoints/content/page-engine';
import { allAliases } from '../support/mention-text';
import { nextTask } from './support/engine-dom';
import {
  allNodes,
  buildNodes,
  insertArbitrary,
  referenceSegments,
  treeArbitrary,
  type RefSegment,
  type TreeItem,
} from './support/fuzz-tree';
import { groupOf, realMatcher } from './support/page-matcher';

/** A mention as [entity, segment number, start, end, text]; start and end are segment offsets. */
type Found = [string, number, number, number, string];

// Compiled apart from the engine's matcher, so no cache is shared between the two sides.
const reference = compileMatcher(allAliases);

function expectedMentions(segments: readonly RefSegment[]): Found[] {
  return segments.flatMap((segment, index) =>
    reference
      .find(segment.text)
      .map(({ entityId, start, end }): Found => [
        entityId,
        index,
        start,
        end,
        segment.text.slice(start, end),
      ]),
  );
}

/** The engine's visible mentions, placed in the reference's segments (-1 where none holds them). */
function foundMentions(engine: PageEngine, segments: readonly RefSegment[]): Found[] {
  const where = new Map<Node, [number, number]>();
  segments.forEach((segment, index) => {
    segment.nodes.forEach((node, k) => where.set(node, [index, segment.starts[k]!]));
  });
  return engine.index.all().map(({ entityId, range, text }): Found => {
    const start = where.get(range.startContainer);
    const end = where.get(range.endContainer);
    if (start === undefined || end === undefined || start[0] !== end[0]) {
      return [entityId, -1, range.startOffset, range.endOffset, text];
    }
    return [entityId, start[0], start[1] + range.startOffset, end[1] + range.endOffset, text];
  });
}

/** The segment texts read straight from the model: the reference's reference. */
function modelTexts(items: readonly TreeItem[]): string[] {
  const texts: string[] = [];
  let current: string | undefined;
  const flush = () => {
    if (current !== undefined) texts.push(current);
    current = undefined;
  };
  const walk = (item: TreeItem): void => {
    switch (item.kind) {
      case 'text':
        current = (current ?? '') + item.text;
        return;
      case 'inline':
        item.children.forEach(walk);
        return;
      case 'comment':
      case 'wbr':
      case 'hidden':
        return;
      case 'opaque':
      case 'editable':
      case 'break':
        flush();
        return;
      case 'block':
        flush();
        if (item.shadow !== undefined) {
          item.shadow.forEach(walk);
          flush();
        }
        item.children.forEach(walk);
        flush();
    }
  };
  walk({ kind: 'block', tag: 'div', children: [...items] });
  return texts;
}

/** Our highlights and how many ranges each holds; `nonEmpty` leaves out those holding none. */
function ourHighlights({ nonEmpty = false } = {}): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('zf-') || (nonEmpty && highlight.size === 0)) continue;
    sizes.set(name, highlight.size);
  }
  return sizes;
}

/** Highlighted ranges per highlight name, as the engine's visible mentions say they should be. */
function expectedHighlights(engine: PageEngine): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const mention of engine.index.all()) {
    const name = `zf-${mention.group}`;
    sizes.set(name, (sizes.get(name) ?? 0) + 1);
  }
  return sizes;
}

/** The container's markup, shadow trees included, in two serialisations. */
function markup(container: Element): string {
  return `${container.getHTML({ serializableShadowRoots: true })}\n${new XMLSerializer().serializeToString(container)}`;
}

/** Everything that reaches the page: error events, rejections, console.error, engine errors. */
function watchErrors(): { errors: unknown[]; stop: () => void } {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
  return {
    errors,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      spy.mockRestore();
    },
  };
}

function startEngine(errors: unknown[]): PageEngine {
  return createPageEngine({
    root: document,
    matcher: realMatcher(),
    groupOf,
    onChange: () => undefined,
    onError: (error) => errors.push(error),
  });
}

async function settle(engine: PageEngine): Promise<void> {
  await nextTask();
  await engine.whenIdle();
}

/** A page taller than the window, scrolled: the engine then scans what is in view first. */
function mountScrolled(container: HTMLElement, scrollBy: number): void {
  const spacer = document.createElement('div');
  spacer.style.height = '150vh';
  document.body.append(spacer, container);
  window.scrollTo(0, scrollBy);
}

afterEach(() => {
  window.scrollTo(0, 0);
  document.body.replaceChildren();
});

describe('random trees', () => {
  it('the engine finds what the plain reference finds in each block, and leaves no trace', async () => {
    await fc.assert(
      fc.asyncProperty(
        treeArbitrary({ shadows: true }),
        fc.option(fc.nat(2000)),
        async (tree, scroll) => {
          document.body.replaceChildren();
          const container = document.createElement('div');
          container.append(...buildNodes(tree));
          if (scroll === null) document.body.append(container);
          else mountScrolled(container, scroll);
          const before = markup(container);
          const segments = referenceSegments(container);
          expect(segments.map((segment) => segment.text)).toEqual(modelTexts(tree));

          const watch = watchErrors();
          const engine = startEngine(watch.errors);
          try {
            await settle(engine);
            expect(foundMentions(engine, segments)).toEqual(expectedMentions(segments));
            expect(ourHighlights({ nonEmpty: true })).toEqual(expectedHighlights(engine));
          } finally {
            engine.destroy();
            watch.stop();
          }
          expect(ourHighlights()).toEqual(new Map());
          expect(markup(container)).toBe(before);
          expect(watch.errors).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});

type Mutation =
  | { op: 'set-data' | 'append-data'; target: number; text: string }
  | { op: 'split'; target: number; at: number }
  | { op: 'insert'; parent: number; at: number; items: TreeItem[] }
  | { op: 'remove' | 'unwrap' | 'normalize'; target: number }
  | { op: 'wrap'; target: number; tag: 'b' | 'span' | 'p' | 'code' | 'script' }
  | { op: 'move'; target: number; parent: number; at: number }
  /** Enough records in one batch that the engine rescans everything. */
  | { op: 'flood'; parent: number }
  /** Lets the engine see the edits so far as one batch before the next ones. */
  | { op: 'pause' };

const shortText = fc.constantFrom('GLM-4', 'Zhipu', ' AI', 'M-4', '中超', '其中超过', ' ', '', 'x');

function mutationArbitrary({ shadows }: { shadows: boolean }): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({
      op: fc.constantFrom('set-data' as const, 'append-data' as const),
      target: fc.nat(63),
      text: shortText,
    }),
    fc.record({ op: fc.constant('split' as const), target: fc.nat(63), at: fc.nat(63) }),
    fc.record({
      op: fc.constant('insert' as const),
      parent: fc.nat(63),
      at: fc.nat(63),
      items: insertArbitrary({ shadows }),
    }),
    fc.record({
      op: fc.constantFrom('remove' as const, 'unwrap' as const, 'normalize' as const),
      target: fc.nat(63),
    }),
    fc.record({
      op: fc.constant('wrap' as const),
      target: fc.nat(63),
      tag: fc.constantFrom(
        'b' as const,
        'span' as const,
        'p' as const,
        'code' as const,
        'script' as const,
      ),
    }),
    fc.record({
      op: fc.constant('move' as const),
      target: fc.nat(63),
      parent: fc.nat(63),
      at: fc.nat(63),
    }),
    fc.record({ op: fc.constant('flood' as const), parent: fc.nat(63) }),
    fc.constant({ op: 'pause' as const }),
  );
}

const FLOOD_RECORDS = 1100;

function pick<T>(list: readonly T[], index: number): T | undefined {
  return list.length === 0 ? undefined : list[index % list.length];
}

/** Applies one edit to the live tree under `container` (an edit the DOM refuses is skipped). */
function applyMutation(container: Element, mutation: Mutation): void {
  const nodes = allNodes(container);
  const inner = nodes.filter((node) => node !== container && !(node instanceof ShadowRoot));
  const texts = nodes.filter((node): node is Text => node instanceof Text);
  const parents = nodes.filter(
    (node): node is Element | ShadowRoot => node instanceof Element || node instanceof ShadowRoot,
  );
  const childAt = (parent: Node, at: number) =>
    parent.childNodes[at % (parent.childNodes.length + 1)] ?? null;
  try {
    switch (mutation.op) {
      case 'set-data':
      case 'append-data': {
        const text = pick(texts, mutation.target);
        if (text === undefined) return;
        if (mutation.op === 'set-data') text.data = mutation.text;
        else text.appendData(mutation.text);
        return;
      }
      case 'split': {
        const text = pick(texts, mutation.target);
        text?.splitText(mutation.at % (text.length + 1));
        return;
      }
      case 'insert': {
        const parent = pick(parents, mutation.parent)!;
        const before = childAt(parent, mutation.at);
        for (const node of buildNodes(mutation.items)) parent.insertBefore(node, before);
        return;
      }
      case 'remove': {
        const node = pick(inner, mutation.target);
        node?.parentNode?.removeChild(node);
        return;
      }
      case 'unwrap': {
        const element = pick(
          inner.filter((node): node is Element => node instanceof Element),
          mutation.target,
        );
        element?.replaceWith(...element.childNodes);
        return;
      }
      case 'normalize':
        pick(parents, mutation.target)?.normalize();
        return;
      case 'wrap': {
        const node = pick(inner, mutation.target);
        if (node === undefined) return;
        const wrapper = document.createElement(mutation.tag);
        if (mutation.tag === 'script') wrapper.setAttribute('type', 'text/plain');
        node.parentNode?.insertBefore(wrapper, node);
        wrapper.append(node);
        return;
      }
      case 'move': {
        const node = pick(inner, mutation.target);
        const parent = pick(parents, mutation.parent)!;
        if (node === undefined) return;
        parent.insertBefore(node, childAt(parent, mutation.at));
        return;
      }
      case 'flood': {
        const parent = pick(parents, mutation.parent)!;
        for (let k = 0; k < FLOOD_RECORDS; k++) parent.append(document.createComment(''));
        return;
      }
      case 'pause':
        return;
    }
  } catch (error) {
    // Moving a node into itself and the like: the DOM says no, and so nothing happened.
    if (!(error instanceof DOMException && error.name === 'HierarchyRequestError')) throw error;
  }
}

/**
 * Starts the engine on a random tree, applies random edits, and compares what the engine then
 * holds with the reference on the page as it now is. `inOrder`: the index must also list the
 * mentions in document order (else they are compared sorted); `shadows`: trees and insertions
 * may carry shadow roots.
 */
function editsProperty({ inOrder, shadows }: { inOrder: boolean; shadows: boolean }) {
  return fc.asyncProperty(
    treeArbitrary({ shadows }),
    fc.array(mutationArbitrary({ shadows }), { minLength: 1, maxLength: 8 }),
    async (tree, mutations) => {
      document.body.replaceChildren();
      const container = document.createElement('div');
      container.append(...buildNodes(tree));
      document.body.append(container);

      const watch = watchErrors();
      const engine = startEngine(watch.errors);
      let after: string;
      try {
        await settle(engine);
        for (const mutation of mutations) {
          if (mutation.op === 'pause') await nextTask();
          else applyMutation(container, mutation);
        }
        after = markup(container);
        await settle(engine);
        const segments = referenceSegments(container);
        const found = foundMentions(engine, segments);
        expect(inOrder ? found : sortedByPlace(found)).toEqual(expectedMentions(segments));
        expect(ourHighlights({ nonEmpty: true })).toEqual(expectedHighlights(engine));
      } finally {
        engine.destroy();
        watch.stop();
      }
      expect(ourHighlights()).toEqual(new Map());
      expect(markup(container)).toBe(after);
      expect(watch.errors).toEqual([]);
    },
  );
}

/** Mentions sorted by segment and offset: the reference's order. */
function sortedByPlace(found: readonly Found[]): Found[] {
  return [...found].sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[3] - b[3]);
}

describe('random edits of a live page', () => {
  it('after any edits the engine finds what the plain reference finds in the page as it now is', async () => {
    await fc.assert(editsProperty({ inOrder: false, shadows: false }), { numRuns: 200 });
  }, 90_000);

  // Found by this file once: after edits the index listed mentions out of document order (the
  // store placed new mentions by comparing with mentions of nodes removed in the same batch, and
  // then with mentions of nodes moved in the same batch).
  it('after any edits the index lists the mentions in document order', async () => {
    await fc.assert(editsProperty({ inOrder: true, shadows: false }), { numRuns: 300 });
  }, 180_000);

  // Found by this file once: shadow roots that arrived with an inserted or moved host were never
  // scanned, and the mentions in a removed host's shadow root stayed in the index. And once:
  // mentions lost when a task moved a shadow host and edited its shadow tree (a moved node's
  // drop ran after the rescans of its new place); that case, shrunk, runs first every time.
  it('after any edits of a page with shadow roots the engine finds what the reference finds', async () => {
    await fc.assert(editsProperty({ inOrder: false, shadows: true }), {
      numRuns: 300,
      examples: [MOVED_HOST_EDITED_SHADOW],
    });
  }, 180_000);
});

/** The shrunk counterexample of the moved-host bug: a tree, and the edits of one task. */
const MOVED_HOST_EDITED_SHADOW: [TreeItem[], Mutation[]] = [
  [
    {
      kind: 'block',
      tag: 'p',
      children: [
        {
          kind: 'block',
          tag: 'p',
          children: [
            {
              kind: 'block',
              tag: 'div',
              children: [
                { kind: 'break', tag: 'br' },
                {
                  kind: 'inline',
                  tag: 'span',
                  children: [{ kind: 'text', text: 'Zhipu AI“Zhipu AI-Zhipu AI' }],
                },
                { kind: 'text', text: '百度公司' },
                { kind: 'text', text: 'Zhipu AI红杉资本中国' },
              ],
              shadow: [
                { kind: 'break', tag: 'br' },
                { kind: 'text', text: 'Zhipu AI通義千問2.5)Zhipu AI' },
                { kind: 'text', text: '' },
                { kind: 'wbr' },
                {
                  kind: 'inline',
                  tag: 'span',
                  children: [
                    { kind: 'inline', tag: 'span', children: [{ kind: 'text', text: '' }] },
                  ],
                },
                {
                  kind: 'inline',
                  tag: 'span',
                  children: [
                    { kind: 'inline', tag: 'span', children: [{ kind: 'text', text: '' }] },
                    { kind: 'text', text: '' },
                  ],
                },
                {
                  kind: 'inline',
                  tag: 'span',
                  children: [
                    { kind: 'text', text: '。Zhipu AI \n\t Zhipu AI、Zhipu AI' },
                    { kind: 'wbr' },
                  ],
                },
                { kind: 'text', text: '' },
                { kind: 'break', tag: 'br' },
              ],
            },
            {
              kind: 'inline',
              tag: 'span',
              children: [{ kind: 'inline', tag: 'span', children: [{ kind: 'text', text: '' }] }],
            },
            { kind: 'break', tag: 'br' },
            { kind: 'wbr' },
            { kind: 'text', text: 'Zhipu AI伍爾弗漢普頓流浪者Zhipu AI' },
          ],
          notEditable: false,
        },
      ],
      notEditable: false,
    },
  ],
  [
    { op: 'move', target: 6, parent: 0, at: 7 },
    { op: 'move', target: 0, parent: 19, at: 0 },
    { op: 'wrap', target: 14, tag: 'b' },
  ],
];

function paragraph(text: string): HTMLParagraphElement {
  const element = document.createElement('p');
  element.append(text);
  return element;
}

/** Runs the engine over `container`, applies `edit` in one task, and lists what it then holds. */
async function idsAfter(container: HTMLElement, edit: () => void): Promise<string[]> {
  document.body.replaceChildren(container);
  const watch = watchErrors();
  const engine = startEngine(watch.errors);
  try {
    await settle(engine);
    edit();
    await settle(engine);
    return engine.index.all().map((mention) => mention.entityId);
  } finally {
    engine.destroy();
    watch.stop();
    expect(watch.errors).toEqual([]);
  }
}

describe('the fuzz findings, one example each', () => {
  // Once a bug: page-engine.ts addedJob scanned an added element's children but not the
  // element's own shadow root, so a web component made by script (shadow root attached in its
  // constructor) and then inserted was never read.
  it('reads the shadow root of a web component inserted after the first scan', async () => {
    customElements.define(
      'fuzz-card',
      class extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).append(paragraph('Baidu'));
        }
      },
    );
    const container = document.createElement('div');
    const ids = await idsAfter(container, () => {
      container.append(document.createElement('fuzz-card'));
    });
    expect(ids).toEqual(['baidu']);
  });

  // Once a bug: the drop job walked a removed subtree with a TreeWalker, which does not enter
  // shadow roots, so their mentions outlived their host.
  it('forgets the mentions in the shadow root of a removed host', async () => {
    const container = document.createElement('div');
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(paragraph('Zhipu AI'));
    container.append(host, paragraph('Baidu'));
    expect(await idsAfter(container, () => host.remove())).toEqual(['baidu']);
  });

  // Once a bug: after a batch big enough to rescan everything, a mention added at the top was
  // listed after the mentions that were already there.
  it('keeps document order after a batch of edits that rescans everything', async () => {
    const container = document.createElement('div');
    container.append(paragraph('Zhipu AI'), paragraph('Baidu'), paragraph('DeepSeek'));
    const ids = await idsAfter(container, () => {
      container.children[1]!.remove();
      for (let k = 0; k < FLOOD_RECORDS; k++) container.append(document.createComment(''));
      container.prepend(paragraph('Tencent'));
    });
    expect(ids).toEqual(['tencent', 'zhipu-ai', 'deepseek']);
  });

  // Once a bug: a moved node's mentions kept their old place until its removal was processed,
  // and a mention inserted earlier in the same task was placed against them, out of order.
  it('keeps document order when a task inserts a mention and moves another to the top', async () => {
    const container = document.createElement('div');
    const first = document.createElement('p');
    const last = paragraph('Baidu');
    container.append(first, paragraph('Zhipu AI'), last);
    const ids = await idsAfter(container, () => {
      first.append('Tencent');
      container.prepend(last);
    });
    expect(ids).toEqual(['baidu', 'tencent', 'zhipu-ai']);
  });
});
