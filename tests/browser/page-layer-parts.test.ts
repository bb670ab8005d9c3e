import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAppearanceSheet } from '@/entrypoints/content/appearance-sheet';
import { CARD_HOST_TAG } from '@/entrypoints/content/card-host';
import { createPageEngine, type PageEngine } from '@/entrypoints/content/page-engine';
import { createPageMentions } from '@/entrypoints/content/page-mentions';
import { changesIn, changesOf, TRANSLATE_AT_ONCE } from '@/entrypoints/content/observe-mutations';
import { watchNavigation } from '@/entrypoints/content/watch-navigation';
import {
  LARGE_PAGE_ELEMENTS,
  LARGE_PAGE_TEXT_NODES,
  LONG_TEXT_CHARS,
} from '@/core/highlight-style';
import { defaultSettings } from '@/core/settings';
import { mount, nextTask } from './support/engine-dom';
import { documentEngine, groupOf, realMatcher } from './support/page-matcher';

let engine: PageEngine | undefined;

afterEach(() => {
  engine?.destroy();
  engine = undefined;
  document.body.replaceChildren();
});

async function engineOver(html: string): Promise<PageEngine> {
  mount(html);
  engine = documentEngine();
  await nextTask();
  await engine.whenIdle();
  return engine;
}

describe('appearance sheet', () => {
  it('adopts the reader’s rules into the document and shadow roots, and takes them back', () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    const pageSheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [pageSheet];
    const sheet = createAppearanceSheet(document);
    const appearance = defaultSettings().appearance;
    appearance.models = { color: '#ff0000', style: 'background' };
    sheet.update(appearance);
    sheet.adoptInto(shadow);
    expect(sheet.applied).toBe(true);
    expect(document.adoptedStyleSheets[0]).toBe(pageSheet);
    const ours = document.adoptedStyleSheets[1]!;
    expect(shadow.adoptedStyleSheets).toEqual([ours]);
    const rules = [...ours.cssRules].map((rule) => rule.cssText).join('\n');
    expect(rules).toContain('::highlight(zf-models)');
    // Serialized the browser's way: rgb() colours, the implied 72% spelt out.
    expect(rules).toMatch(
      /zf-models\) \{ text-decoration-line: none !important; background-color: color-mix\(in srgb, rgb\(255, 0, 0\) 28%/,
    );
    // Adopted again after the page replaced its list.
    document.adoptedStyleSheets = [pageSheet];
    sheet.update(appearance);
    expect(document.adoptedStyleSheets).toEqual([pageSheet, ours]);
    sheet.destroy();
    expect(document.adoptedStyleSheets).toEqual([pageSheet]);
    expect(shadow.adoptedStyleSheets).toEqual([]);
    document.adoptedStyleSheets = [];
  });

  it('leaves the document alone while the defaults paint, and only then', () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    document.body.append(host);
    const sheet = createAppearanceSheet(document);
    const appearance = defaultSettings().appearance;
    sheet.update(appearance);
    sheet.adoptInto(shadow);
    // The manifest's stylesheet paints the defaults; a shadow root still needs ours (Firefox).
    expect(sheet.applied).toBe(false);
    expect(document.adoptedStyleSheets).toEqual([]);
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    const customised = { ...appearance, benchmarks: { color: '#00aa00', style: 'both' as const } };
    sheet.update(customised);
    expect(sheet.applied).toBe(true);
    expect(document.adoptedStyleSheets).toEqual(shadow.adoptedStyleSheets);
    // Back to the defaults: the document lets go of it again.
    sheet.update(defaultSettings().appearance);
    expect(sheet.applied).toBe(false);
    expect(document.adoptedStyleSheets).toEqual([]);
    sheet.destroy();
    expect(shadow.adoptedStyleSheets).toEqual([]);
  });
});

/** Our highlights' names, each with the text of its ranges. */
function highlightTexts(): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('zf-') || highlight.size === 0) continue;
    found[name] = [...highlight].map((range) => {
      const live = new Range();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      return live.toString();
    });
  }
  return found;
}

describe('tinted highlights', () => {
  it('go to the tinted highlight of their group, and leave with their text', async () => {
    const filler = 'x '.repeat(LONG_TEXT_CHARS / 2);
    const page = await engineOver(
      `<p id="short">Zhipu AI</p><p id="long">Baidu ${filler}</p><p id="edge">GLM-4 ${'y '.repeat(LONG_TEXT_CHARS / 2 - 3)}</p>`,
    );
    // The last paragraph is exactly LONG_TEXT_CHARS long: still underlined.
    expect((document.getElementById('edge')!.firstChild as Text).length).toBe(LONG_TEXT_CHARS);
    expect(highlightTexts()).toEqual({
      'zf-ai-companies': ['Zhipu AI'],
      'zf-ai-companies-tinted': ['Baidu'],
      'zf-models': ['GLM-4'],
    });
    document.getElementById('long')!.remove();
    await page.whenIdle();
    expect(highlightTexts()).toEqual({
      'zf-ai-companies': ['Zhipu AI'],
      'zf-models': ['GLM-4'],
    });
  });

  // Paragraphs added one by one are walked; inside an added section each is read whole, and
  // the browser counts its text nodes at the end of the section's scan.
  it.each([
    ['paragraphs', false],
    ['a section of paragraphs', true],
  ])(
    'take over every mention once the page grows past LARGE_PAGE_TEXT_NODES text nodes (%s)',
    async (_name, inSection) => {
      const page = await engineOver('<p>Zhipu AI and GLM-4</p>');
      expect(highlightTexts()).toEqual({ 'zf-ai-companies': ['Zhipu AI'], 'zf-models': ['GLM-4'] });
      // A feed appends paragraphs of many small text nodes, the last naming Baidu.
      const paragraphs = Math.ceil(LARGE_PAGE_TEXT_NODES / 100);
      const feed = document.createDocumentFragment();
      for (let p = 0; p < paragraphs; p++) {
        const paragraph = document.createElement('p');
        for (let n = 0; n < 100; n++) paragraph.append(n % 2 === 0 ? 'word ' : 'more ');
        feed.append(paragraph);
      }
      const last = document.createElement('p');
      last.append('Baidu');
      feed.append(last);
      if (inSection) {
        const section = document.createElement('section');
        section.append(feed);
        document.body.append(section);
      } else {
        document.body.append(feed);
      }
      await nextTask();
      await page.whenIdle();
      expect(highlightTexts()).toEqual({
        'zf-ai-companies-tinted': ['Zhipu AI', 'Baidu'],
        'zf-models-tinted': ['GLM-4'],
      });
      // No underlined highlight stays registered, not even an empty one.
      const names = [...CSS.highlights.keys()].filter((name) => name.startsWith('zf-'));
      expect(names.filter((name) => !name.endsWith('-tinted'))).toEqual([]);
    },
  );

  it('are tinted from the first one on a page of over LARGE_PAGE_ELEMENTS elements', async () => {
    // Many elements, few text nodes: only the element count tells this page is large.
    const filler = document.createElement('div');
    for (let i = 0; i <= LARGE_PAGE_ELEMENTS; i++) filler.append(document.createElement('i'));
    document.body.append(filler);
    const registered: string[][] = [];
    mount('<p>Zhipu AI and GLM-4</p>');
    engine = createPageEngine({
      root: document,
      matcher: realMatcher(),
      groupOf,
      onChange: () => undefined,
      onSlice: () => registered.push(Object.keys(highlightTexts())),
      onError: (error) => {
        throw error;
      },
    });
    await nextTask();
    await engine.whenIdle();
    expect(highlightTexts()).toEqual({
      'zf-ai-companies-tinted': ['Zhipu AI'],
      'zf-models-tinted': ['GLM-4'],
    });
    // Never underlined on the way.
    expect(registered.flat().filter((name) => !name.endsWith('-tinted'))).toEqual([]);
  });
});

describe('page mentions messages', () => {
  it('lists the page’s mentions per entity with counts', async () => {
    const current = await engineOver('<p>Baidu, 百度 and GLM-4</p><p>Baidu again</p>');
    const mentions = createPageMentions({
      index: current.index,
      counts: () => current.counts(),
      host: () => 'example.com',
      current: () => undefined,
    });
    await expect(mentions.handle({ type: 'get-page-mentions' })).resolves.toEqual({
      host: 'example.com',
      mentions: [
        { entityId: 'baidu', text: 'Baidu', count: 3 },
        { entityId: 'glm-4', text: 'GLM-4', count: 1 },
      ],
    });
    expect(mentions.handle({ type: 'get-page-mentions', extra: 1 })).toBeUndefined();
    expect(mentions.handle({ type: 'mention-count', count: 1 })).toBeUndefined();
  });

  it('reveals the entity’s next mention to the card, walking on with each request', async () => {
    const current = await engineOver('<p>Baidu GLM-4 Baidu</p>');
    let open: string | undefined;
    const mentions = createPageMentions({
      index: current.index,
      counts: () => current.counts(),
      host: () => 'example.com',
      current: () => undefined,
    });
    const revealed: number[] = [];
    mentions.onReveal((mention) => {
      open = mention.entityId;
      revealed.push(mention.range.startOffset);
    });
    await expect(mentions.handle({ type: 'reveal-mention', entityId: 'baidu' })).resolves.toEqual({
      revealed: true,
    });
    await mentions.handle({ type: 'reveal-mention', entityId: 'baidu' });
    await mentions.handle({ type: 'reveal-mention', entityId: 'baidu' });
    expect(open).toBe('baidu');
    expect(revealed).toEqual([0, 12, 0]);
    await expect(mentions.handle({ type: 'reveal-mention', entityId: 'kimi' })).resolves.toEqual({
      revealed: false,
    });
  });

  it('hands the keyboard command to the card, or walks the mentions itself', async () => {
    const current = await engineOver('<p>Baidu GLM-4</p>');
    const mentions = createPageMentions({
      index: current.index,
      counts: () => current.counts(),
      host: () => 'example.com',
      current: () => undefined,
    });
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
    await mentions.handle({ type: 'next-mention' });
    expect(scrolled).toHaveBeenCalledTimes(1);
    const next = vi.fn();
    mentions.onNext(next);
    await mentions.handle({ type: 'next-mention' });
    expect(next).toHaveBeenCalledTimes(1);
    expect(scrolled).toHaveBeenCalledTimes(1);
    scrolled.mockRestore();
  });
});

describe('mutation records', () => {
  /** The records a mutation observer on `root` gets for what `change` does. */
  async function recordsOf(root: Node, change: () => void): Promise<MutationRecord[]> {
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((batch) => records.push(...batch));
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    change();
    await nextTask();
    observer.disconnect();
    return records;
  }

  /** `count` list items in one fragment. */
  function items(count: number): DocumentFragment {
    const fragment = document.createDocumentFragment();
    for (let i = 0; i < count; i++) fragment.append(document.createElement('li'));
    return fragment;
  }

  it('leaves out our card host and reports everything above the threshold', async () => {
    const root = mount('<p>x</p>');
    const records = await recordsOf(root, () => {
      root.append(document.createElement(CARD_HOST_TAG));
      root.append(document.createElement('p'));
      (root.firstChild!.firstChild as Text).data = 'y';
      (root.firstChild!.firstChild as Text).data = 'z';
    });
    const changes = changesOf(records, 100);
    expect(changes.filter((change) => change.kind === 'added')).toHaveLength(1);
    // Two edits of one text node make one change.
    expect(
      changes.filter((change) => change.kind === 'flow' && change.from === change.to),
    ).toHaveLength(1);
    expect(changesOf(records, 2)).toEqual([{ kind: 'everything' }]);
  });

  it('counts the nodes a record adds or removes against the threshold, not just the records', async () => {
    const root = mount('<ul></ul>');
    const list = root.firstChild as HTMLUListElement;
    const added = await recordsOf(root, () => list.append(items(50)));
    expect(added).toHaveLength(1);
    expect(changesOf(added, 100).filter((change) => change.kind === 'added')).toHaveLength(50);
    expect(changesOf(added, 20)).toEqual([{ kind: 'everything' }]);
    const removed = await recordsOf(root, () => list.replaceChildren());
    expect(changesOf(removed, 20)).toEqual([{ kind: 'everything' }]);
  });

  it('hands a batch over TRANSLATE_AT_ONCE over whole, for the engine to translate in slices', async () => {
    const root = mount('<ul></ul>');
    const records = await recordsOf(root, () =>
      root.firstChild!.appendChild(items(TRANSLATE_AT_ONCE + 1)),
    );
    expect(changesOf(records, 10 * TRANSLATE_AT_ONCE)).toEqual([{ kind: 'many', records }]);
    const added = [...changesIn(records)].filter((change) => change.kind === 'added');
    expect(added).toHaveLength(TRANSLATE_AT_ONCE + 1);
  });
});

describe('viewport first', () => {
  afterEach(() => scrollTo(0, 0));

  /** 400 paragraphs, each naming an entity, the one at `at` with its own id. */
  function tallPage(): void {
    mount(
      Array.from(
        { length: 400 },
        (_, i) => `<p id="v${i}" style="margin: 0; height: 40px">Row ${i} names Baidu.</p>`,
      ).join(''),
    );
  }

  function startEngine(): PageEngine {
    engine = documentEngine();
    return engine;
  }

  it('asks what is under the viewport on a page opened scrolled down, not on one at its top', async () => {
    tallPage();
    const probe = vi.spyOn(document, 'caretPositionFromPoint');
    try {
      document.getElementById('v300')!.scrollIntoView();
      // A frame with the page laid out where the reader is, as when a page is opened there.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const down = startEngine();
      await nextTask();
      await down.whenIdle();
      expect(probe).toHaveBeenCalled();
      down.destroy();

      probe.mockClear();
      scrollTo(0, 0);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const top = startEngine();
      await nextTask();
      await top.whenIdle();
      expect(probe).not.toHaveBeenCalled();
      // Scrolled since: a rescan asks again.
      scrollTo(0, 2000);
      await new Promise((resolve) => requestAnimationFrame(resolve));
      top.rescan();
      await top.whenIdle();
      expect(probe).toHaveBeenCalled();
    } finally {
      probe.mockRestore();
    }
  });

  it('never reads the scroll position after the page changed its DOM', async () => {
    const current = await engineOver('<p>Baidu and GLM-4.</p>');
    const scrollY = vi.spyOn(window, 'scrollY', 'get');
    const scrollX = vi.spyOn(window, 'scrollX', 'get');
    try {
      // Over the threshold in records: a rescan of everything, which starts with the viewport
      // probe.
      for (let i = 0; i < 1500; i++) document.body.append(document.createElement('i'));
      await nextTask();
      await current.whenIdle();
      expect(scrollY).not.toHaveBeenCalled();
      expect(scrollX).not.toHaveBeenCalled();
    } finally {
      scrollY.mockRestore();
      scrollX.mockRestore();
    }
  });
});

describe('navigation watch', () => {
  it('notices history.pushState and back, not #fragment jumps', async () => {
    const start = location.href;
    const calls = vi.fn();
    const stop = new AbortController();
    watchNavigation(calls, stop.signal);
    history.pushState({}, '', `${location.pathname}${location.search}#section`);
    await nextTask();
    expect(calls).not.toHaveBeenCalled();
    history.pushState({}, '', `${location.pathname}?zf-route=2`);
    await vi.waitFor(() => expect(calls).toHaveBeenCalledTimes(1), { timeout: 2000 });
    stop.abort();
    history.replaceState({}, '', start);
  });

  it('sets no timer where the Navigation API reports navigations', () => {
    const interval = vi.spyOn(window, 'setInterval');
    const stop = new AbortController();
    try {
      watchNavigation(vi.fn(), stop.signal);
      expect(interval).not.toHaveBeenCalled();
    } finally {
      stop.abort();
      interval.mockRestore();
    }
  });

  it('without the Navigation API, checks the URL on a timer', async () => {
    const start = location.href;
    const own = Object.getOwnPropertyDescriptor(window, 'navigation');
    if (own === undefined) throw new Error('this browser has no Navigation API to hide');
    Object.defineProperty(window, 'navigation', { value: undefined, configurable: true });
    const interval = vi.spyOn(window, 'setInterval');
    const calls = vi.fn();
    const stop = new AbortController();
    try {
      watchNavigation(calls, stop.signal);
      expect(interval).toHaveBeenCalledTimes(1);
      // replaceState fires no popstate: only the timer can notice it.
      history.replaceState({}, '', `${location.pathname}?zf-route=3`);
      await vi.waitFor(() => expect(calls).toHaveBeenCalledTimes(1), { timeout: 3000 });
    } finally {
      stop.abort();
      interval.mockRestore();
      Object.defineProperty(window, 'navigation', own);
      history.replaceState({}, '', start);
    }
  });
});
