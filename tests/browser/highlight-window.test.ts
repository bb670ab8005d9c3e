import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Matcher } from '@/core/matcher';
import { LARGE_PAGE_ELEMENTS } from '@/core/highlight-style';
import { createPageEngine, type PageEngine } from '@/entrypoints/content/page-engine';
import { mount, nextTask } from './support/engine-dom';
import { groupOf, realMatcher } from './support/page-matcher';

/** The real matcher, counting the texts it is asked to read. */
function countingMatcher(): Matcher & { reads: number } {
  const real = realMatcher();
  const counting = {
    reads: 0,
    find(text: string) {
      counting.reads++;
      return real.find(text);
    },
  };
  return counting;
}

let engine: PageEngine | undefined;

function start({
  registerAllUpTo,
  matcher = realMatcher(),
}: { registerAllUpTo?: number; matcher?: Matcher } = {}): PageEngine {
  engine = createPageEngine({
    root: document,
    matcher,
    groupOf,
    onChange: () => undefined,
    onError: (error) => {
      throw error;
    },
    ...(registerAllUpTo === undefined ? {} : { registerAllUpTo }),
  });
  return engine;
}

async function settle(current: PageEngine): Promise<void> {
  await nextTask();
  await current.whenIdle();
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** The window is looked at just after a frame is painted: wait for that. */
async function afterPaint(): Promise<void> {
  await nextFrame();
  await nextTask();
  await nextTask();
}

afterEach(() => {
  engine?.destroy();
  engine = undefined;
  document.body.replaceChildren();
  scrollTo(0, 0);
});

/** The ids of the paragraphs holding a registered range of ours. */
function registeredParagraphs(): Set<string> {
  const ids = new Set<string>();
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('zf-')) continue;
    for (const range of highlight) ids.add(range.startContainer.parentElement?.id ?? '');
  }
  return ids;
}

function registeredCount(): number {
  let total = 0;
  for (const [name, highlight] of CSS.highlights)
    if (name.startsWith('zf-')) total += highlight.size;
  return total;
}

/** 300 paragraphs (or `rows`), two mentions each, tall enough to scroll through many screens. */
function longPage(rows = 300): void {
  mount(
    Array.from(
      { length: rows },
      (_, i) => `<p id="p${i}" style="margin: 0; height: 40px">Row ${i}: Baidu and GLM-4.</p>`,
    ).join(''),
  );
}

/** Whether the paragraph is within `screens` viewport heights of the viewport. */
function within(id: string, screens: number): boolean {
  const rect = document.getElementById(id)!.getBoundingClientRect();
  return rect.bottom >= -screens * innerHeight && rect.top <= (1 + screens) * innerHeight;
}

/** Those within a screen are registered; a look registers `reach` screens each side, no more. */
function expectBandRegistered(registered: Set<string>, reach = 3): void {
  const paragraphs = [...document.querySelectorAll('p')];
  for (const p of paragraphs) if (within(p.id, 1)) expect(registered.has(p.id), p.id).toBe(true);
  for (const id of registered) expect(within(id, reach), id).toBe(true);
}

/** Counts the calls that change a Highlight's ranges, as long as it is switched on. */
function watchRegistry(): { changes: () => number; restore: () => void } {
  const add = vi.spyOn(Highlight.prototype, 'add');
  const remove = vi.spyOn(Highlight.prototype, 'delete');
  return {
    changes: () => add.mock.calls.length + remove.mock.calls.length,
    restore: () => {
      add.mockRestore();
      remove.mockRestore();
    },
  };
}

describe('the highlight window', () => {
  it('listens to scrolling only while the page has too many mentions to register them all', async () => {
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    // The engine's one-off listener that learns of the first scroll is not listening to scrolling.
    const scrollListeners = (spy: typeof added) =>
      spy.mock.calls.filter(
        ([type, , options]) => type === 'scroll' && !(typeof options === 'object' && options.once),
      ).length;
    mount('<p id="few">Only Baidu here.</p>');
    const few = start({ registerAllUpTo: 100 });
    await settle(few);
    expect(registeredCount()).toBe(1);
    expect(scrollListeners(added)).toBe(0);
    few.destroy();

    longPage();
    const many = start({ registerAllUpTo: 100 });
    await settle(many);
    expect(scrollListeners(added)).toBe(1);
    // Down to a few mentions again: everything is registered, and scrolling is not heard.
    for (const p of document.querySelectorAll('p')) if (p.id !== 'p0') p.remove();
    await settle(many);
    await afterPaint();
    expect(registeredCount()).toBe(2);
    expect(scrollListeners(removed)).toBe(1);
    added.mockRestore();
    removed.mockRestore();
  });

  it('registers every mention of a page with few of them', async () => {
    longPage();
    const current = start({ registerAllUpTo: 1000 });
    await settle(current);
    expect(current.index.all()).toHaveLength(600);
    expect(registeredCount()).toBe(600);
  });

  it('registers only the mentions near the viewport of a page with many, following the scroll', async () => {
    longPage();
    const current = start({ registerAllUpTo: 20 });
    await settle(current);
    await afterPaint();
    // Every mention is indexed; only those near the viewport are registered.
    expect(current.index.all()).toHaveLength(600);
    const atTop = registeredParagraphs();
    expect(atTop.has('p0')).toBe(true);
    expect(atTop.has('p299')).toBe(false);
    expectBandRegistered(atTop);
    const reachRows = [...document.querySelectorAll('p')].filter((p) => within(p.id, 3)).length;
    expect(atTop.size).toBe(reachRows);
    expect(current.registered).toBe(2 * reachRows);

    document.getElementById('p280')!.scrollIntoView();
    await afterPaint();
    const below = registeredParagraphs();
    expect(below.has('p280')).toBe(true);
    expect(below.has('p299')).toBe(true);
    expect(below.has('p0')).toBe(false);
    expectBandRegistered(below);
  });

  it('leaves the registry alone while the document scrolls less than two screens from the last look', async () => {
    longPage();
    const current = start({ registerAllUpTo: 20 });
    await settle(current);
    await afterPaint();
    const registry = watchRegistry();
    try {
      const atTop = registeredParagraphs();
      for (let step = 0; step < 4; step++) {
        scrollBy(0, innerHeight / 2);
        await afterPaint();
        expect(registry.changes(), `after ${step + 1} half screens`).toBe(0);
        expectBandRegistered(atTop);
      }
      // Past two screens: a look registers what comes into the band.
      scrollBy(0, innerHeight / 2);
      await afterPaint();
      expect(registry.changes()).toBeGreaterThan(0);
      expectBandRegistered(registeredParagraphs());
    } finally {
      registry.restore();
    }
  });

  it('reaches twelve screens each side on a large page, where every repaint walks the whole page', async () => {
    longPage(1500);
    const filler = document.createElement('div');
    for (let i = 0; i <= LARGE_PAGE_ELEMENTS; i++) filler.append(document.createElement('i'));
    document.body.append(filler);
    const current = start({ registerAllUpTo: 20 });
    await settle(current);
    await afterPaint();
    const atTop = registeredParagraphs();
    expectBandRegistered(atTop, 12);
    expect([...atTop].filter((id) => !within(id, 3)).length).toBeGreaterThan(0);
    const registry = watchRegistry();
    try {
      for (let screen = 1; screen <= 11; screen++) {
        scrollBy(0, innerHeight);
        await afterPaint();
        expectBandRegistered(atTop, 12);
      }
      expect(registry.changes()).toBe(0);
      scrollBy(0, innerHeight);
      await afterPaint();
      expect(registry.changes()).toBeGreaterThan(0);
      expectBandRegistered(registeredParagraphs(), 12);
    } finally {
      registry.restore();
    }
  });

  it('follows an element that scrolls: within the slack nothing changes, past it a look', async () => {
    mount(
      `<div id="box" style="height: 300px; overflow: auto">${Array.from(
        { length: 300 },
        (_, i) => `<p id="p${i}" style="margin: 0; height: 40px">Row ${i}: Baidu and GLM-4.</p>`,
      ).join('')}</div>`,
    );
    const box = document.getElementById('box')!;
    const current = start({ registerAllUpTo: 20 });
    await settle(current);
    await afterPaint();
    expect(registeredParagraphs().has('p280')).toBe(false);
    // The box's first scroll is looked at: the last look was made for the document.
    box.scrollTop = 40;
    await afterPaint();
    expectBandRegistered(registeredParagraphs());
    const registry = watchRegistry();
    try {
      for (let step = 0; step < 4; step++) {
        box.scrollTop += innerHeight / 2;
        await afterPaint();
        expectBandRegistered(registeredParagraphs());
      }
      expect(registry.changes()).toBe(0);
      box.scrollTop = 280 * 40;
      await afterPaint();
      expect(registry.changes()).toBeGreaterThan(0);
    } finally {
      registry.restore();
    }
    expect(registeredParagraphs().has('p280')).toBe(true);
    expect(registeredParagraphs().has('p0')).toBe(false);
  });

  /** A long page with a clock above it, settled, its band registered. */
  async function clockPage(): Promise<{ clock: HTMLElement; inViewport: (id: string) => boolean }> {
    longPage();
    const clock = document.createElement('div');
    clock.textContent = '0';
    document.body.prepend(clock);
    const current = start({ registerAllUpTo: 20 });
    await settle(current);
    await afterPaint();
    const inViewport = (id: string) => {
      const rect = document.getElementById(id)!.getBoundingClientRect();
      return rect.bottom >= 0 && rect.top <= innerHeight;
    };
    expect([...registeredParagraphs()].some((id) => !inViewport(id))).toBe(true);
    return { clock, inViewport };
  }

  /** Changes the clock at every frame for `ms`. */
  async function tick(clock: HTMLElement, ms: number): Promise<void> {
    const until = performance.now() + ms;
    for (let tick = 1; performance.now() < until; tick++) {
      clock.textContent = String(tick);
      await nextFrame();
    }
  }

  it('registers only the viewport a quarter of a second into an animation', async () => {
    // Every frame in which the DOM changes makes Chromium rebuild each registered range: the
    // band costs that at each frame until the page is seen to animate.
    const { clock, inViewport } = await clockPage();
    await tick(clock, 250);
    const animating = registeredParagraphs();
    expect(animating.size).toBeGreaterThan(0);
    for (const id of animating) expect(inViewport(id), id).toBe(true);
  });

  it('takes the band back once the animation stops, with no scroll', async () => {
    const { clock, inViewport } = await clockPage();
    await tick(clock, 400);
    expect([...registeredParagraphs()].every(inViewport)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 700));
    await afterPaint();
    expect([...registeredParagraphs()].some((id) => !inViewport(id))).toBe(true);
  });

  it('keeps the band through a few quick changes that are not an animation', async () => {
    const { clock, inViewport } = await clockPage();
    for (let change = 0; change < 3; change++) {
      clock.textContent = `change ${change}`;
      await nextFrame();
    }
    await afterPaint();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await afterPaint();
    expect([...registeredParagraphs()].some((id) => !inViewport(id))).toBe(true);
  });

  it('keeps a pinned mention registered far from the viewport, and lets it go', async () => {
    longPage();
    const current = start({ registerAllUpTo: 20 });
    await settle(current);
    const far = current.index.all().find((mention) => {
      return mention.range.startContainer.parentElement?.id === 'p250';
    })!;
    current.pin(far);
    expect(registeredParagraphs().has('p250')).toBe(true);
    current.pin(undefined);
    await afterPaint();
    expect(registeredParagraphs().has('p250')).toBe(false);
  });

  it('registers mentions appended far below only once the reader gets there', async () => {
    longPage();
    const current = start({ registerAllUpTo: 20 });
    await settle(current);
    const p = document.createElement('p');
    p.id = 'late';
    p.textContent = 'Late news from Tencent.';
    document.body.append(p);
    await settle(current);
    await afterPaint();
    expect(current.index.all().at(-1)?.entityId).toBe('tencent');
    expect(registeredParagraphs().has('late')).toBe(false);
    p.scrollIntoView();
    await afterPaint();
    expect(registeredParagraphs().has('late')).toBe(true);
  });

  it('registers a long page’s few far mentions once the scan ends, not batch by batch', async () => {
    // Each change to the registry repaints the whole document: while the scan reads on, only
    // what is near the viewport is registered, however few mentions the page has.
    const filler = (from: number, count: number) =>
      Array.from(
        { length: count },
        (_, i) => `<p>Filler paragraph ${from + i} of a long page.</p>`,
      );
    mount(
      [
        '<p id="top">Baidu at the top.</p>',
        ...filler(0, 20_000),
        '<p id="middle">GLM-4 and Tencent far below.</p>',
        ...filler(20_000, 40_000),
      ].join(''),
    );
    const slices: { found: number; registered: number }[] = [];
    engine = createPageEngine({
      root: document,
      matcher: realMatcher(),
      groupOf,
      onChange: () => undefined,
      onSlice: () => slices.push({ found: engine?.count ?? 0, registered: registeredCount() }),
      onError: (error) => {
        throw error;
      },
    });
    await settle(engine);
    const lastSlice = slices.length - 1;
    const whileScanning = slices.slice(0, lastSlice).filter((slice) => slice.found === 3);
    expect(whileScanning.length, 'slices after the far mentions were found').toBeGreaterThan(0);
    expect(whileScanning.every((slice) => slice.registered === 1)).toBe(true);
    expect(registeredParagraphs()).toEqual(new Set(['top', 'middle']));
    expect(registeredCount()).toBe(3);
  });

  it('registers everything again when the page drops below the limit', async () => {
    longPage();
    const current = start({ registerAllUpTo: 20 });
    await settle(current);
    for (const p of [...document.querySelectorAll('p')].slice(5)) p.remove();
    await settle(current);
    expect(current.index.all()).toHaveLength(10);
    expect(registeredCount()).toBe(10);
  });
});

describe('rescanning text whose mentions did not change', () => {
  it('keeps the mention and its registered range when the text around it changes', async () => {
    const root = mount('<p>Score <span id="v">1.00</span> for Baidu</p>');
    const current = start();
    await settle(current);
    const [before] = current.index.all();
    const [rangeBefore] = [...CSS.highlights.get('zf-ai-companies')!];
    (root.querySelector('#v')!.firstChild as Text).data = '2.00';
    await settle(current);
    expect(current.index.all()).toEqual([before]);
    expect([...CSS.highlights.get('zf-ai-companies')!]).toEqual([rangeBefore]);
  });

  it('rescans a block once for several of its texts edited together', async () => {
    const root = mount(
      '<ul><li><span>Baidu</span> <span class="v">1</span> <span class="v">2</span> <span class="v">3</span></li></ul>',
    );
    const counting = countingMatcher();
    const current = start({ matcher: counting });
    await settle(current);
    counting.reads = 0;
    for (const value of root.querySelectorAll('.v')) (value.firstChild as Text).data = '9';
    await settle(current);
    expect(counting.reads).toBe(1);
    expect(current.index.all().map((mention) => mention.entityId)).toEqual(['baidu']);
  });

  it('reads text edited at every frame a few times a second, ending on its last words', async () => {
    const root = mount('<p>Now: <span id="live">nothing</span></p>');
    const counting = countingMatcher();
    const current = start({ matcher: counting });
    await settle(current);
    counting.reads = 0;
    const live = root.querySelector('#live')!.firstChild as Text;
    const words = ['Baidu', 'Tencent', 'GLM-4', 'Kimi', 'nothing', 'Alibaba'];
    for (let frame = 0; frame < 12; frame++) {
      live.data = words[frame % words.length]!;
      await nextFrame();
    }
    await settle(current);
    // Twelve frames (about 200 ms) of edits: read when the first came, then once per batch.
    expect(counting.reads).toBeGreaterThan(0);
    expect(counting.reads).toBeLessThanOrEqual(5);
    expect(current.index.all().map((mention) => mention.text)).toEqual(['Alibaba']);
  });

  it('keeps no mention in text the page keeps rewriting, and reads it once it settles', async () => {
    const root = mount('<p><b>Tencent</b> now: <span id="live">Baidu</span></p>');
    const current = start();
    await settle(current);
    const live = root.querySelector('#live')!.firstChild as Text;
    const texts = () => current.index.all().map((mention) => mention.text);
    expect(texts()).toEqual(['Tencent', 'Baidu']);
    const words = ['GLM-4 leads', 'Kimi follows', 'Alibaba waits'];
    // A second of edits at every frame: past two batches, the text is live.
    const until = performance.now() + 1000;
    let sawLive = false;
    for (let frame = 0; performance.now() < until; frame++) {
      live.data = words[frame % words.length]!;
      await nextFrame();
      if (texts().length === 1) sawLive = true;
    }
    expect(sawLive).toBe(true);
    // Live: the rest of the paragraph keeps its mention, registered as ever.
    expect(texts()).toEqual(['Tencent']);
    expect(registeredCount()).toBe(1);
    // Quiet again: read once it has settled.
    live.data = 'Kimi at last';
    await settle(current);
    expect(texts()).toEqual(['Tencent', 'Kimi']);
    expect(registeredCount()).toBe(2);
  });
});
