import { afterEach, describe, expect, it, vi } from 'vitest';
import casesHtml from '../fixtures/engine/cases.html?raw';
import type { PageEngine } from '@/entrypoints/content/page-engine';
import type { PageMention } from '@/entrypoints/content/mention-index';
import { mount, nextTask, parseNodes } from './support/engine-dom';
import { documentEngine } from './support/page-matcher';

let engine: PageEngine | undefined;

function start(): PageEngine {
  engine = documentEngine();
  return engine;
}

/** Lets the engine settle, counting its steps from node to node (sibling reads) meanwhile. */
async function stepsToSettle(current: PageEngine): Promise<number> {
  const next = vi.spyOn(Node.prototype, 'nextSibling', 'get');
  const previous = vi.spyOn(Node.prototype, 'previousSibling', 'get');
  try {
    await settle(current);
    return next.mock.calls.length + previous.mock.calls.length;
  } finally {
    next.mockRestore();
    previous.mockRestore();
  }
}

/** `count` paragraphs in a div, a line break between each two, every tenth naming Baidu. */
function listPage(count: number): HTMLElement {
  const rows = Array.from(
    { length: count },
    (_, i) => `<p>Row ${i}${i % 10 === 0 ? ' Baidu' : ''}</p>`,
  );
  return mount(`<div>${rows.join('\n')}</div>`).firstElementChild as HTMLElement;
}

/** Lets the observer report and the engine finish its queue. */
async function settle(current: PageEngine): Promise<void> {
  await nextTask();
  await current.whenIdle();
}

afterEach(() => {
  engine?.destroy();
  engine = undefined;
  document.body.replaceChildren();
});

/** Shadow-including containment, for mentions in web components. */
function inside(box: Node, node: Node): boolean {
  for (let at: Node | null = node; at !== null;) {
    if (box.contains(at)) return true;
    const root = at.getRootNode();
    at = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}

function idsIn(box: Element, mentions: readonly PageMention[]): string[] {
  return mentions.filter((m) => inside(box, m.range.startContainer)).map((m) => m.entityId);
}

function ourHighlights(): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const [name, highlight] of CSS.highlights) {
    if (name.startsWith('zf-')) sizes.set(name, highlight.size);
  }
  return sizes;
}

describe('the test-case page', () => {
  it('finds exactly the expected mentions of every case', async () => {
    const container = mount('');
    container.append(...parseNodes(casesHtml));
    const current = start();
    await settle(current);
    const all = current.index.all();
    const boxes = [...container.querySelectorAll<HTMLElement>('.case')];
    expect(boxes.length).toBeGreaterThan(25);
    for (const box of boxes) {
      const expected = box.dataset.expect ? box.dataset.expect.split(',') : [];
      expect(idsIn(box, all), box.dataset.title).toEqual(expected);
      const texts = box.dataset.texts;
      if (texts !== undefined) {
        // The page's own line breaks and spaces count as one space.
        const found = all
          .filter((m) => inside(box, m.range.startContainer))
          .map((m) => m.text.replace(/\s+/g, ' '));
        expect(found, box.dataset.title).toEqual(texts.split('|'));
      }
    }
  });

  it('registers one highlight per group, holding every visible mention', async () => {
    const container = mount('');
    container.append(...parseNodes(casesHtml));
    const current = start();
    await settle(current);
    const byGroup = new Map<string, number>();
    for (const mention of current.index.all()) {
      const name = `zf-${mention.group}`;
      byGroup.set(name, (byGroup.get(name) ?? 0) + 1);
    }
    expect(ourHighlights()).toEqual(byGroup);
  });
});

describe('pages that change', () => {
  it('follows appended paragraphs and subtrees', async () => {
    const root = mount('<p>Baidu</p>');
    const current = start();
    await settle(current);
    expect(current.index.all().map((m) => m.entityId)).toEqual(['baidu']);
    root.append(...parseNodes('<p>Tencent</p><div><p>GLM-5 and <b>Kimi</b> Chat</p></div>'));
    await settle(current);
    expect(current.index.all().map((m) => m.entityId)).toEqual([
      'baidu',
      'tencent',
      'glm-5',
      'kimi',
    ]);
  });

  it('follows edited text, including text that now joins with its neighbours', async () => {
    const root = mount('<p>model <span>GLM</span><span>-5</span></p>');
    const current = start();
    await settle(current);
    expect(current.index.all().map((m) => m.entityId)).toEqual(['glm-5']);
    (root.querySelectorAll('span')[1]!.firstChild as Text).data = '-4';
    await settle(current);
    expect(current.index.all().map((m) => [m.entityId, m.text])).toEqual([['glm-4', 'GLM-4']]);
    (root.querySelectorAll('span')[0]!.firstChild as Text).data = 'none';
    await settle(current);
    expect(current.index.all()).toEqual([]);
    expect(ourHighlights().get('zf-models') ?? 0).toBe(0);
  });

  it('reads the line breaks left by removing paragraphs one by one once, not once a paragraph', async () => {
    const list = listPage(400);
    const current = start();
    await settle(current);
    const paragraphs = [...list.querySelectorAll('p')];
    for (const p of paragraphs.slice(0, 390)) p.remove();
    // 390 line breaks now stand together: walked as one run (the old code walked it for each
    // removal, over 200,000 steps).
    expect(await stepsToSettle(current)).toBeLessThan(2000);
    expect(current.index.all().map((m) => m.text)).toEqual(['Baidu']);
  });

  it('clears half a long list child by child without walking the rest again for each', async () => {
    const list = listPage(400);
    const current = start();
    await settle(current);
    // Each paragraph and the line break after it: every record's next sibling leaves in the next.
    for (let i = 0; i < 400; i++) list.firstChild!.remove();
    // The old code walked the rest of the list (400 nodes) for each of the 400 records: 160,000
    // steps.
    expect(await stepsToSettle(current)).toBeLessThan(2000);
    expect(current.index.all()).toHaveLength(20);
    expect(current.index.all().every((m) => list.contains(m.range.startContainer))).toBe(true);
  });

  it('follows paragraphs appended one by one without walking to the end for each', async () => {
    const list = listPage(10);
    const current = start();
    await settle(current);
    for (let i = 10; i < 410; i++) {
      const p = document.createElement('p');
      p.textContent = `Row ${i}${i % 10 === 0 ? ' Baidu' : ''}`;
      list.append(p);
    }
    // The old code read each record's place as "to the last child": all the later ones, some
    // 80,000 steps in all.
    expect(await stepsToSettle(current)).toBeLessThan(5000);
    expect(current.index.all()).toHaveLength(41);
  });

  it('follows a batch too large to translate at once, in slices: drops, moves and all', async () => {
    // 10,000 paragraphs make the rescan-everything threshold 2,500 records and nodes; the
    // batches below are over TRANSLATE_AT_ONCE and under that.
    const rows = Array.from(
      { length: 10_000 },
      (_, i) => `<p>Row ${i}${i % 100 === 0 ? ' Baidu' : ''}</p>`,
    );
    const list = mount(`<div>${rows.join('')}</div>`).firstElementChild as HTMLElement;
    const current = start();
    await settle(current);
    expect(current.index.all()).toHaveLength(100);
    const mentionRows = () =>
      current.index
        .all()
        .map((m) => m.range.startContainer.parentElement)
        .filter((p): p is HTMLElement => p?.isConnected === true);
    // 600 moves to the end: 1,200 records of one node each.
    for (let i = 0; i < 600; i++) list.append(list.firstElementChild!);
    await settle(current);
    expect(mentionRows()).toHaveLength(100);
    expect(current.index.all().at(-1)?.range.startContainer.parentElement).toBe(
      list.children[list.children.length - 100],
    );
    // 1,100 removals: rows 600 to 1,699, eleven of them with Baidu.
    for (let i = 0; i < 1100; i++) list.firstElementChild!.remove();
    await settle(current);
    expect(mentionRows()).toHaveLength(89);
    expect(current.index.all()).toHaveLength(89);
  });

  it('drops the mentions of removed nodes', async () => {
    const root = mount('<p>Baidu</p><div><p>Tencent</p><p>Alibaba</p></div>');
    const current = start();
    await settle(current);
    root.querySelector('div')!.remove();
    await settle(current);
    expect(current.index.all().map((m) => m.entityId)).toEqual(['baidu']);
    expect(ourHighlights().get('zf-ai-companies')).toBe(1);
  });

  it('splits a mention when a block lands in it and joins it when the block leaves', async () => {
    const root = mount('<p>GLM-4</p>');
    const p = root.firstElementChild!;
    const current = start();
    await settle(current);
    const tail = (p.firstChild as Text).splitText(3);
    const wall = document.createElement('div');
    p.insertBefore(wall, tail);
    await settle(current);
    expect(current.index.all()).toEqual([]);
    wall.remove();
    await settle(current);
    expect(current.index.all().map((m) => m.text)).toEqual(['GLM-4']);
  });

  it('follows a node moved to another block', async () => {
    const root = mount('<p id="a">x <b>DeepSeek</b></p><p id="b">y </p>');
    const current = start();
    await settle(current);
    const before = current.index.all()[0];
    root.querySelector('#b')!.append(root.querySelector('b')!);
    await settle(current);
    const after = current.index.all();
    expect(after).toHaveLength(1);
    expect(after[0]!.range.startContainer.parentElement?.parentElement?.id).toBe('b');
    expect(after[0]).not.toBe(before);
  });

  it('scans shadow roots attached after the first scan', async () => {
    const root = mount('<p>intro</p><late-card></late-card>');
    const current = start();
    await settle(current);
    const shadow = root.querySelector('late-card')!.attachShadow({ mode: 'open' });
    shadow.append(...parseNodes('<p>Moonshot AI</p>'));
    // No mutation tells us about attachShadow: the engine looks again after a while.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await settle(current);
    expect(current.index.all().map((m) => m.entityId)).toEqual(['moonshot-ai']);
    shadow.append(...parseNodes('<p>NVIDIA</p>'));
    await settle(current);
    expect(current.index.all().map((m) => m.entityId)).toEqual(['moonshot-ai', 'nvidia']);
  });

  it('rescans everything when a batch is over the threshold, keeping no stale mention', async () => {
    const root = mount('<p>Baidu</p>');
    const current = start();
    await settle(current);
    root.replaceChildren();
    for (let i = 0; i < 1500; i++) {
      const p = document.createElement('p');
      p.textContent = i === 700 ? 'Oaktree' : `line ${i}`;
      root.append(p);
    }
    await settle(current);
    expect(current.index.all().map((m) => m.entityId)).toEqual(['oaktree-capital']);
  });

  it('reads the shadow root a web component brings along when it is inserted', async () => {
    const root = mount('<p>intro</p>');
    const current = start();
    await settle(current);
    const card = document.createElement('div');
    card.attachShadow({ mode: 'open' }).append(...parseNodes('<p>Moonshot AI</p>'));
    root.append(card);
    await settle(current);
    expect(current.index.all().map((m) => m.entityId)).toEqual(['moonshot-ai']);
    // Moved elsewhere: dropped on leaving, read again where it lands.
    root.prepend(card);
    await settle(current);
    expect(current.index.all().map((m) => m.entityId)).toEqual(['moonshot-ai']);
  });

  it('forgets the mentions in the shadow root of a removed host', async () => {
    const root = mount('<p>Baidu</p>');
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).append(...parseNodes('<p>Zhipu AI</p>'));
    root.append(host);
    const current = start();
    await settle(current);
    expect(current.index.all().map((m) => m.entityId)).toEqual(['baidu', 'zhipu-ai']);
    host.remove();
    await settle(current);
    expect(current.index.all().map((m) => m.entityId)).toEqual(['baidu']);
  });

  it('keeps document order when text moves in a batch too big to follow', async () => {
    const root = mount('<p>Zhipu AI</p><p>Baidu</p><p>DeepSeek</p>');
    const current = start();
    await settle(current);
    const [first, , last] = [...root.children];
    // A move hidden among enough changes to rescan everything.
    root.append(first!);
    for (let i = 0; i < 1500; i++) root.append(document.createComment(''));
    root.prepend(last!);
    await settle(current);
    expect(current.index.all().map((m) => m.entityId)).toEqual(['deepseek', 'baidu', 'zhipu-ai']);
  });

  it('never reads what is typed into an editable region', async () => {
    const root = mount('<div contenteditable="true"><p>x</p></div>');
    const current = start();
    await settle(current);
    (root.querySelector('p')!.firstChild as Text).data = 'GLM-4 typed';
    root.querySelector('p')!.append(document.createTextNode(' Baidu'));
    await settle(current);
    expect(current.index.all()).toEqual([]);
  });
});

describe('settings and teardown', () => {
  it('hides switched-off entities without a rescan, and shows them again', async () => {
    mount('<p>Baidu and GLM-4 and Tencent</p>');
    const current = start();
    await settle(current);
    const firstBaidu = current.index.all()[0];
    current.setVisibleEntities((id) => id !== 'baidu');
    expect(current.index.all().map((m) => m.entityId)).toEqual(['glm-4', 'tencent']);
    expect(ourHighlights().get('zf-ai-companies')).toBe(1);
    current.setVisibleEntities(() => true);
    expect(current.index.all()[0]).toBe(firstBaidu);
    expect(ourHighlights().get('zf-ai-companies')).toBe(2);
  });

  it('keeps a longer switched-off name from turning into a shorter mention', async () => {
    mount('<p>GLM-4-9B-Chat</p>');
    const current = start();
    current.setVisibleEntities((id) => id !== 'glm-4-9b-chat');
    await settle(current);
    expect(current.index.all()).toEqual([]);
  });

  it('leaves no trace: no highlights, no observer, and the DOM as it was', async () => {
    const container = mount('');
    container.append(...parseNodes(casesHtml));
    const before = document.body.cloneNode(true) as HTMLElement;
    const current = start();
    await settle(current);
    expect(ourHighlights().size).toBe(7);
    current.destroy();
    engine = undefined;
    expect(ourHighlights().size).toBe(0);
    expect(document.body.isEqualNode(before)).toBe(true);
    container.append(...parseNodes('<p>Baidu</p>'));
    await nextTask();
    expect(ourHighlights().size).toBe(0);
  });

  it('registers its highlights again when the page empties the registry', async () => {
    const root = mount('<p>Baidu</p>');
    const current = start();
    await settle(current);
    CSS.highlights.clear();
    root.append(...parseNodes('<p>Tencent</p>'));
    await settle(current);
    expect(ourHighlights().get('zf-ai-companies')).toBe(2);
  });
});
