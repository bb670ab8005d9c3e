import { afterEach, describe, expect, it } from 'vitest';
import { buildRanges } from '@/entrypoints/content/build-ranges';
import { comparePoints } from '@/entrypoints/content/document-order';
import {
  createMentionStore,
  type FoundMention,
  type IndexedMention,
  type MentionStore,
} from '@/entrypoints/content/mention-index';
import { createSubtreeScan, type TextSegment } from '@/entrypoints/content/scan-blocks';
import { mount } from './support/engine-dom';
import { groupOf, realMatcher } from './support/page-matcher';

afterEach(() => {
  document.body.replaceChildren();
});

/** Every segment under `root` with its mentions, as the engine would record them. */
function findAll(root: Node): { segment: TextSegment; found: FoundMention[] }[] {
  const results: { segment: TextSegment; found: FoundMention[] }[] = [];
  const job = createSubtreeScan({
    root,
    ownFlow: true,
    sink: {
      segment: (segment) =>
        results.push({ segment, found: buildRanges(segment, realMatcher().find(segment.text)) }),
    },
  });
  while (!job.run(Number.POSITIVE_INFINITY));
  return results;
}

function storeFor(root: Node, order: 'forward' | 'backward' = 'forward'): MentionStore {
  const store = createMentionStore(groupOf);
  const results = findAll(root);
  if (order === 'backward') results.reverse();
  for (const { segment, found } of results) store.replace(segment.nodes, found);
  store.flush();
  return store;
}

describe('the mention index', () => {
  it('lists mentions in document order, however they were recorded', () => {
    const root = mount('<p>Baidu then GLM-4</p><p>Tencent</p><p>NVIDIA and Kimi Chat</p>');
    const expected = ['baidu', 'glm-4', 'tencent', 'nvidia', 'kimi'];
    expect(
      storeFor(root)
        .index.all()
        .map((m) => m.entityId),
    ).toEqual(expected);
    expect(
      storeFor(root, 'backward')
        .index.all()
        .map((m) => m.entityId),
    ).toEqual(expected);
  });

  it('finds the mention at a caret position, preferring the one starting there', () => {
    const root = mount('<p>GLM-4/Baidu <b>Qw</b>en-72B</p>');
    const { index } = storeFor(root);
    const text = root.querySelector('p')!.firstChild!;
    expect(index.at(text, 0)?.entityId).toBe('glm-4');
    expect(index.at(text, 3)?.entityId).toBe('glm-4');
    expect(index.at(text, 5)?.entityId).toBe('glm-4');
    expect(index.at(text, 6)?.entityId).toBe('baidu');
    expect(index.at(text, 11)?.entityId).toBe('baidu');
    expect(index.at(text, 12)).toBeUndefined();
    const bold = root.querySelector('b')!.firstChild!;
    expect(index.at(bold, 1)?.entityId).toBe('qwen-72b');
    expect(index.at(root, 0)).toBeUndefined();
  });

  it('finds a mention from its registered range and from the same range rebuilt', () => {
    const root = mount('<p>see Tencent</p>');
    const store = storeFor(root);
    const mention = store.index.all()[0]!;
    expect(store.index.byRange((mention as IndexedMention).staticRange)).toBe(mention);
    const copy = new StaticRange({
      startContainer: mention.range.startContainer,
      startOffset: mention.range.startOffset,
      endContainer: mention.range.endContainer,
      endOffset: mention.range.endOffset,
    });
    expect(store.index.byRange(copy)).toBe(mention);
  });

  it('moves to the next mention, of one entity if asked, wrapping at the end', () => {
    const root = mount('<p>Baidu GLM-4 Baidu Tencent GLM-4</p>');
    const { index } = storeFor(root);
    const [b1, g1, b2, t1, g2] = index.all();
    expect(index.next(undefined)).toBe(b1);
    expect(index.next(b1)).toBe(g1);
    expect(index.next(g2)).toBe(b1);
    expect(index.next(b1, 'baidu')).toBe(b2);
    expect(index.next(b2, 'baidu')).toBe(b1);
    expect(index.next(t1, 'glm-4')).toBe(g2);
    expect(index.next(undefined, 'nvidia')).toBeUndefined();
  });

  it('continues from where a removed mention was', () => {
    const root = mount('<p>Baidu</p><p id="gone">GLM-4</p><p>Tencent</p>');
    const store = storeFor(root);
    const gone = store.index.all()[1]!;
    const nodes = [root.querySelector('#gone')!.firstChild as Text];
    store.drop(nodes);
    store.flush();
    expect(store.index.next(gone)?.entityId).toBe('tencent');
  });

  it('tells subscribers once per batch, and only when something changed', () => {
    const root = mount('<p>Baidu</p><p>GLM-4</p>');
    const store = createMentionStore(groupOf);
    let calls = 0;
    const stop = store.index.subscribe(() => calls++);
    for (const { segment, found } of findAll(root)) store.replace(segment.nodes, found);
    expect(calls).toBe(0);
    const delta = store.flush();
    expect(calls).toBe(1);
    expect(delta.added.map((m) => m.entityId)).toEqual(['baidu', 'glm-4']);
    store.flush();
    expect(calls).toBe(1);
    stop();
    store.clear();
    store.flush();
    expect(calls).toBe(1);
  });

  it('never reports a mention added and removed within one batch', () => {
    const root = mount('<p>Baidu</p>');
    const store = createMentionStore(groupOf);
    const [{ segment, found }] = findAll(root) as [{ segment: TextSegment; found: FoundMention[] }];
    store.replace(segment.nodes, found);
    store.drop(segment.nodes);
    expect(store.flush()).toEqual({ added: [], removed: [] });
  });

  it('counts visible mentions per entity with the first spelling seen', () => {
    const root = mount('<p>智谱 and Zhipu AI and GLM-4</p>');
    const store = storeFor(root);
    expect([...store.counts()]).toEqual([
      ['zhipu-ai', { text: '智谱', count: 2 }],
      ['glm-4', { text: 'GLM-4', count: 1 }],
    ]);
    store.setVisibleEntities((id) => id !== 'zhipu-ai');
    expect(store.index.size).toBe(1);
    expect([...store.counts().keys()]).toEqual(['glm-4']);
  });

  it('drops what a full rescan did not find again', () => {
    const root = mount('<p>Baidu</p><p id="b">Tencent</p>');
    const store = storeFor(root);
    const generation = store.nextGeneration();
    const [first] = findAll(root.firstElementChild!);
    store.replace(first!.segment.nodes, first!.found);
    store.dropOlderThan(generation);
    expect(store.index.all().map((m) => m.entityId)).toEqual(['baidu']);
  });

  it('stays in document order through many removals and re-scans', () => {
    const root = mount(
      Array.from({ length: 300 }, (_, i) => `<p id="p${i}">Baidu ${i} and GLM-4</p>`).join(''),
    );
    const store = storeFor(root);
    const paragraphs = [...root.querySelectorAll('p')];
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 400; round++) {
      const p = paragraphs[random(paragraphs.length)]!;
      if (random(3) === 0) {
        store.drop([p.firstChild as Text]);
      } else {
        for (const { segment, found } of findAll(p)) store.replace(segment.nodes, found);
      }
      if (round % 50 === 0) store.flush();
    }
    store.flush();
    const all = store.index.all();
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!.range, all[i]!.range];
      const order = comparePoints(a.startContainer, a.startOffset, b.startContainer, b.startOffset);
      expect(order).toBeLessThan(0);
    }
    expect(all.length % 2).toBe(0);
  });
});

describe('comparePoints', () => {
  it('orders points in one tree and across open shadow roots', () => {
    const root = mount('<p>a</p><x-host></x-host><p>z</p>');
    const [first, last] = [root.firstChild!.firstChild!, root.lastChild!.firstChild!];
    const shadow = root.querySelector('x-host')!.attachShadow({ mode: 'open' });
    const inner = document.createTextNode('m');
    shadow.append(inner);
    expect(comparePoints(first, 0, last, 0)).toBeLessThan(0);
    expect(comparePoints(first, 0, inner, 0)).toBeLessThan(0);
    expect(comparePoints(inner, 0, last, 0)).toBeLessThan(0);
    expect(comparePoints(last, 0, inner, 0)).toBeGreaterThan(0);
    expect(comparePoints(inner, 1, inner, 0)).toBeGreaterThan(0);
  });
});
