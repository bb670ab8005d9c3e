import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createHitTester,
  HIGHLIGHTS_FROM_POINT_MAX_MENTIONS,
} from '@/entrypoints/content/hit-test';
import {
  createMentionStore,
  type FoundMention,
  type MentionIndex,
  type PageMention,
} from '@/entrypoints/content/mention-index';
import { mentionOfWord } from './support/engine-dom';

const HIGHLIGHT = 'zf-hit-test';

interface Spot {
  entityId: string;
  /** The mention's text nodes and where it starts and ends in them. */
  start: [Text, number];
  end: [Text, number];
}

/** Indexes the given mentions and paints them, as the page engine would. */
function indexMentions(spots: Spot[]): MentionIndex {
  const store = createMentionStore(() => 'ai-companies');
  const found: FoundMention[] = spots.map(({ entityId, start, end }) => {
    const nodes = start[0] === end[0] ? [start[0]] : textNodesBetween(start[0], end[0]);
    return {
      entityId,
      range: new StaticRange({
        startContainer: start[0],
        startOffset: start[1],
        endContainer: end[0],
        endOffset: end[1],
      }),
      text: '',
      nodes,
    };
  });
  store.replace(
    found.flatMap((mention) => mention.nodes),
    found,
  );
  store.flush();
  CSS.highlights.set(HIGHLIGHT, new Highlight(...store.index.all().map((m) => m.range)));
  return store.index;
}

function textNodesBetween(first: Text, last: Text): Text[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  walker.currentNode = first;
  const nodes: Text[] = [first];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    if (node === last) break;
  }
  return nodes;
}

function text(selector: string, root: ParentNode = document): Text {
  const node = root.querySelector(selector)?.firstChild;
  if (!(node instanceof Text)) throw new Error(`no text in ${selector}`);
  return node;
}

/** The middle of the character at `offset` of a text node, in client coordinates. */
function charCenter(node: Text, offset: number): { x: number; y: number } {
  const range = document.createRange();
  range.setStart(node, offset);
  range.setEnd(node, offset + 1);
  const rect = range.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
}

function spotOf(entityId: string, node: Text, word: string): Spot {
  const at = node.data.indexOf(word);
  if (at < 0) throw new Error(`${word} not in ${node.data}`);
  return { entityId, start: [node, at], end: [node, at + word.length] };
}

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('main');
  root.style.cssText = 'font: 16px/1.5 monospace; width: 600px; padding: 20px;';
  document.body.append(root);
});

afterEach(() => {
  root.remove();
  CSS.highlights.delete(HIGHLIGHT);
  vi.restoreAllMocks();
});

describe('hit-test', () => {
  it('finds the mention under every character of it, and nothing beside it', () => {
    const p = document.createElement('p');
    p.textContent = 'The lab Zhipu AI trains GLM-4 models.';
    root.append(p);
    const node = p.firstChild as Text;
    const index = indexMentions([
      spotOf('zhipu-ai', node, 'Zhipu AI'),
      spotOf('glm-4', node, 'GLM-4'),
    ]);
    const hits = createHitTester({ index });

    const at = (offset: number) => {
      hits.invalidate();
      const { x, y } = charCenter(node, offset);
      return hits.at(x, y)?.entityId;
    };
    const zhipu = node.data.indexOf('Zhipu AI');
    for (let i = 0; i < 'Zhipu AI'.length; i++) expect(at(zhipu + i)).toBe('zhipu-ai');
    expect(at(zhipu - 1)).toBeUndefined();
    expect(at(zhipu + 'Zhipu AI'.length)).toBeUndefined();
    expect(at(node.data.indexOf('GLM-4') + 4)).toBe('glm-4');
    expect(at(node.data.indexOf('models'))).toBeUndefined();
  });

  it('misses when the pointer is beyond the end of the line, where the caret still lands', () => {
    const p = document.createElement('p');
    p.textContent = 'Ends with Zhipu';
    root.append(p);
    const node = p.firstChild as Text;
    const index = indexMentions([spotOf('zhipu-ai', node, 'Zhipu')]);
    const hits = createHitTester({ index });
    const last = charCenter(node, node.length - 1);
    expect(hits.at(last.x, last.y)?.entityId).toBe('zhipu-ai');
    hits.invalidate();
    expect(hits.at(last.x + 200, last.y)).toBeUndefined();
  });

  it('finds a mention split by inline tags from any of its parts', () => {
    const p = document.createElement('p');
    p.append('Say ', 'Zhipu ');
    const em = document.createElement('em');
    em.textContent = 'AI';
    p.append(em, ' now');
    root.append(p);
    const first = p.childNodes[1] as Text;
    const second = em.firstChild as Text;
    const index = indexMentions([{ entityId: 'zhipu-ai', start: [first, 0], end: [second, 2] }]);
    const hits = createHitTester({ index });
    const onEm = charCenter(second, 1);
    expect(hits.at(onEm.x, onEm.y)?.entityId).toBe('zhipu-ai');
    hits.invalidate();
    const onFirst = charCenter(first, 1);
    expect(hits.at(onFirst.x, onFirst.y)?.entityId).toBe('zhipu-ai');
  });

  it('finds both lines of a mention that wraps', () => {
    const p = document.createElement('p');
    // 'xxxxxxxxx Zhipu' fits in 16ch, ' AI' goes to the next line.
    p.style.width = '16ch';
    p.textContent = 'xxxxxxxxx Zhipu AI';
    root.append(p);
    const node = p.firstChild as Text;
    const index = indexMentions([spotOf('zhipu-ai', node, 'Zhipu AI')]);
    const hits = createHitTester({ index });
    const z = charCenter(node, node.data.indexOf('Zhipu'));
    const a = charCenter(node, node.data.indexOf('AI'));
    expect(a.y).toBeGreaterThan(z.y);
    expect(hits.at(z.x, z.y)?.entityId).toBe('zhipu-ai');
    hits.invalidate();
    expect(hits.at(a.x, a.y)?.entityId).toBe('zhipu-ai');
  });

  it('finds mentions inside an open shadow root', () => {
    const host = document.createElement('div');
    root.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const p = document.createElement('p');
    p.textContent = 'Inside GLM-4 here';
    shadow.append(p);
    const node = text('p', shadow);
    const index = indexMentions([spotOf('glm-4', node, 'GLM-4')]);
    const hits = createHitTester({ index });
    const { x, y } = charCenter(node, node.data.indexOf('GLM-4') + 2);
    expect(hits.at(x, y)?.entityId).toBe('glm-4');
  });

  it('asks highlightsFromPoint when the caret lands on an element, on pages with few mentions', () => {
    const p = document.createElement('p');
    p.textContent = 'Covered Zhipu AI text';
    root.append(p);
    const node = p.firstChild as Text;
    const index = indexMentions([spotOf('zhipu-ai', node, 'Zhipu AI')]);
    const hits = createHitTester({ index });
    const { x, y } = charCenter(node, node.data.indexOf('AI'));
    // What a caret lookup answers when an element (an overlay, an image) is topmost.
    vi.spyOn(document, 'caretPositionFromPoint').mockReturnValue({
      offsetNode: root,
      offset: 0,
      getClientRect: () => null,
    });
    const fromPoint = vi.spyOn(
      CSS.highlights as unknown as { highlightsFromPoint: () => unknown },
      'highlightsFromPoint',
    );
    expect(hits.at(x, y)?.entityId).toBe('zhipu-ai');
    expect(fromPoint).toHaveBeenCalledTimes(1);
  });

  it('does not ask highlightsFromPoint on a page with many mentions (it walks every range)', () => {
    const p = document.createElement('p');
    p.textContent = Array.from(
      { length: HIGHLIGHTS_FROM_POINT_MAX_MENTIONS + 1 },
      () => 'GLM-4',
    ).join(' ');
    root.append(p);
    const node = p.firstChild as Text;
    const spots = Array.from({ length: HIGHLIGHTS_FROM_POINT_MAX_MENTIONS + 1 }, (_, i): Spot => ({
      entityId: 'glm-4',
      start: [node, i * 6],
      end: [node, i * 6 + 5],
    }));
    const index = indexMentions(spots);
    const hits = createHitTester({ index });
    const { x, y } = charCenter(node, 1);
    vi.spyOn(document, 'caretPositionFromPoint').mockReturnValue({
      offsetNode: root,
      offset: 0,
      getClientRect: () => null,
    });
    const fromPoint = vi.spyOn(
      CSS.highlights as unknown as { highlightsFromPoint: () => unknown },
      'highlightsFromPoint',
    );
    expect(hits.at(x, y)).toBeUndefined();
    expect(fromPoint).not.toHaveBeenCalled();
  });

  it('answers moves inside the last mention from its cached rects, without a caret lookup', () => {
    const p = document.createElement('p');
    p.textContent = 'A long mention: Zhipu Huazhang.';
    root.append(p);
    const node = p.firstChild as Text;
    const index = indexMentions([spotOf('zhipu-ai', node, 'Zhipu Huazhang')]);
    const hits = createHitTester({ index });
    const caret = vi.spyOn(document, 'caretPositionFromPoint');
    const start = node.data.indexOf('Zhipu');
    let found: PageMention | undefined;
    for (let i = 0; i < 'Zhipu Huazhang'.length; i++) {
      const { x, y } = charCenter(node, start + i);
      found = hits.at(x, y);
      expect(found?.entityId).toBe('zhipu-ai');
    }
    expect(caret).toHaveBeenCalledTimes(1);
    hits.invalidate();
    const { x, y } = charCenter(node, start);
    hits.at(x, y);
    expect(caret).toHaveBeenCalledTimes(2);
  });

  it('answers from the target element without asking for the caret', () => {
    const plain = document.createElement('p');
    plain.textContent = 'Nothing to see in this paragraph.';
    const marked = document.createElement('p');
    marked.append('But Zhipu ');
    const em = document.createElement('em');
    em.textContent = 'AI';
    marked.append(em, ' and GLM-4 are here.');
    root.append(plain, marked);
    const [first, , last] = Array.from(marked.childNodes) as Text[];
    if (!first || !last) throw new Error('fixture');
    const second = em.firstChild as Text;
    const index = indexMentions([
      { entityId: 'zhipu-ai', start: [first, 4], end: [second, 2] },
      spotOf('glm-4', last, 'GLM-4'),
    ]);
    const hits = createHitTester({ index });
    const caret = vi.spyOn(document, 'caretPositionFromPoint');
    const at = (node: Text, offset: number, target: Element) => {
      hits.mentionsChanged();
      const { x, y } = charCenter(node, offset);
      return hits.at(x, y, target)?.entityId;
    };
    expect(at(plain.firstChild as Text, 3, plain)).toBeUndefined();
    expect(at(first, 5, marked)).toBe('zhipu-ai');
    expect(at(second, 1, em)).toBe('zhipu-ai');
    expect(at(last, last.data.indexOf('GLM-4') + 3, marked)).toBe('glm-4');
    expect(at(last, last.data.indexOf('here'), marked)).toBeUndefined();
    expect(at(first, 1, marked)).toBeUndefined();
    expect(caret).not.toHaveBeenCalled();
  });

  it('measures an element’s mentions once while the pointer moves on and off them', () => {
    const p = document.createElement('p');
    p.textContent = 'First Baidu, then plain words, then Tencent at the end.';
    root.append(p);
    const node = p.firstChild as Text;
    const index = indexMentions([
      spotOf('baidu', node, 'Baidu'),
      spotOf('tencent', node, 'Tencent'),
    ]);
    let time = 0;
    const hits = createHitTester({ index, now: () => time });
    const measured = vi.spyOn(Range.prototype, 'getClientRects');
    const on = charCenter(node, node.data.indexOf('Baidu') + 2);
    const off = charCenter(node, node.data.indexOf('plain') + 2);
    const other = charCenter(node, node.data.indexOf('Tencent') + 2);
    for (let round = 0; round < 5; round++) {
      time += 300;
      expect(hits.at(on.x, on.y, p)?.entityId).toBe('baidu');
      expect(hits.at(off.x, off.y, p)).toBeUndefined();
      expect(hits.at(other.x, other.y, p)?.entityId).toBe('tencent');
    }
    // One measurement of each of the two mentions for the fifteen moves over 1.5 s.
    expect(measured).toHaveBeenCalledTimes(2);
    // The page scrolled: measured again.
    hits.invalidate();
    expect(hits.at(on.x, on.y, p)?.entityId).toBe('baidu');
    expect(measured).toHaveBeenCalledTimes(4);
    // Nothing heard for two seconds: measured again all the same.
    time += 2000;
    expect(hits.at(off.x, off.y, p)).toBeUndefined();
    expect(measured).toHaveBeenCalledTimes(6);
  });

  it('takes the time of a move from its caller when given, and then reads no clock', () => {
    const p = document.createElement('p');
    p.textContent = 'Only Baidu here.';
    root.append(p);
    const node = p.firstChild as Text;
    const index = indexMentions([spotOf('baidu', node, 'Baidu')]);
    const now = vi.fn(() => 0);
    const hits = createHitTester({ index, now });
    const measured = vi.spyOn(Range.prototype, 'getClientRects');
    const on = charCenter(node, node.data.indexOf('Baidu') + 2);
    const off = charCenter(node, node.data.indexOf('here') + 1);
    expect(hits.at(on.x, on.y, p, 1000)?.entityId).toBe('baidu');
    expect(hits.at(off.x, off.y, p, 1500)).toBeUndefined();
    expect(measured).toHaveBeenCalledTimes(1);
    // Two seconds on by the times given: the boxes are measured again.
    expect(hits.at(on.x, on.y, p, 3000)?.entityId).toBe('baidu');
    expect(measured).toHaveBeenCalledTimes(2);
    expect(now).not.toHaveBeenCalled();
  });

  it('sees mentions added later once told the mentions changed', () => {
    const p = document.createElement('p');
    p.textContent = 'Later GLM-4 is found.';
    root.append(p);
    const node = p.firstChild as Text;
    const store = createMentionStore(() => 'models');
    const hits = createHitTester({ index: store.index });
    const at = node.data.indexOf('GLM-4');
    const { x, y } = charCenter(node, at + 1);
    expect(hits.at(x, y, p)).toBeUndefined();
    store.replace([node], [mentionOfWord(node, 'GLM-4', 'glm-4')]);
    store.flush();
    hits.mentionsChanged();
    expect(hits.at(x, y, p)?.entityId).toBe('glm-4');
  });

  it('ignores mentions of switched-off entities', () => {
    const p = document.createElement('p');
    p.textContent = 'Only GLM-4 here';
    root.append(p);
    const node = p.firstChild as Text;
    const store = createMentionStore(() => 'models');
    const at = node.data.indexOf('GLM-4');
    store.replace([node], [mentionOfWord(node, 'GLM-4', 'glm-4')]);
    store.setVisibleEntities(() => false);
    store.flush();
    const hits = createHitTester({ index: store.index });
    const { x, y } = charCenter(node, at + 1);
    expect(hits.at(x, y)).toBeUndefined();
  });
});
