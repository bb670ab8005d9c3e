/**
 * The pages the page bench loads: generated ones (built in memory, seeded), the project's own
 * hostile size fixtures (tests/fixtures/hostile) and the real pages of the shared corpus when it
 * is present. Each page says how often to load it and which extra phases (feed bursts, hover,
 * rewriting) run on it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToHtml } from './markdown-page.ts';
import { generateArticle, generateDenseArticle, pageHtml, type BenchAlias } from './page-text.ts';

export type Phase = 'feed' | 'hover' | 'rewrite' | 'scroll';
export type CorpusGroup = 'entities' | 'large' | 'readability';
export const CORPUS_GROUPS: readonly CorpusGroup[] = ['entities', 'large', 'readability'];
export type PageGroup = 'generated' | 'size' | CorpusGroup;

const CORPUS_GROUP_SET: ReadonlySet<PageGroup> = new Set(CORPUS_GROUPS);

/** Pages of the shared corpus, as against the pages the bench makes or the repo holds. */
export function isCorpusGroup(group: PageGroup): group is CorpusGroup {
  return CORPUS_GROUP_SET.has(group);
}

/** A file a page loads by URL (its script, its stylesheet), served at `path` beside it. */
export interface BenchAsset {
  path: string;
  contentType: string;
  body(): Buffer;
}

export interface BenchPage {
  /** Unique, also what `--only` matches. */
  name: string;
  group: PageGroup;
  /** Path on the bench server. */
  path: string;
  contentType: string;
  /** Built on first use, then kept (the 100k page takes a while to generate). */
  body(): Buffer;
  /** Mentions written into a generated page; `exact` when a correct engine finds just these. */
  planted?: { count: number; exact: boolean };
  /** How many times to load the page with the extension (the median is reported). */
  runs: number;
  phases: Phase[];
  /** Files the page asks for; the bench server keeps nothing else. */
  assets?: BenchAsset[];
  /**
   * For a page that builds its content after `load`: true once it has. Serialised into the page
   * (so it uses nothing from outside); measuring waits for it, with and without the extension.
   */
  ready?: () => boolean;
}

const SEED = 20260601;
// Rows of the live panel: a ticker, a scoreboard or a price table.
const LIVE_ROWS = 60;

function lazy(build: () => string): () => Buffer {
  let cached: Buffer | undefined;
  return () => (cached ??= Buffer.from(build(), 'utf8'));
}

function generated(
  aliases: readonly BenchAlias[],
  name: string,
  paragraphs: number,
  runs: number,
  phases: Phase[],
): BenchPage {
  let planted = 0;
  const body = lazy(() => {
    const article = generateArticle({ paragraphs, seed: SEED + paragraphs, aliases });
    planted = article.planted;
    return pageHtml({ title: name, blocks: article.blocks });
  });
  return {
    name,
    group: 'generated',
    path: `/gen/${name}.html`,
    contentType: 'text/html; charset=utf-8',
    body,
    get planted() {
      body();
      return { count: planted, exact: false };
    },
    runs,
    phases,
  };
}

function densePage(aliases: readonly BenchAlias[], runs: number): BenchPage {
  const mentions = 10_000;
  const body = lazy(() => {
    const article = generateDenseArticle({ mentions, perParagraph: 4, seed: SEED, aliases });
    return pageHtml({ title: 'mentions-10k', blocks: article.blocks });
  });
  return {
    name: 'mentions-10k',
    group: 'generated',
    path: '/gen/mentions-10k.html',
    contentType: 'text/html; charset=utf-8',
    body,
    planted: { count: mentions, exact: true },
    runs,
    phases: ['hover', 'scroll'],
  };
}

/**
 * A live panel rewritten every animation frame (values, and lines that sometimes name an
 * entity), above 1,000 paragraphs of prose. The bench starts and stops it through
 * `window.__zfRewrite`, so the window it measures is the same with and without the extension.
 */
function rewritePage(aliases: readonly BenchAlias[], runs: number): BenchPage {
  const english = aliases.filter((alias) => alias.lang === 'en').map((alias) => alias.text);
  const chinese = aliases.filter((alias) => alias.lang === 'zh').map((alias) => alias.text);
  const lines = [
    `${english[0]} moves up the table`,
    'no change since the last update',
    `${chinese[0]}的报价更新`,
    `${english[6]} edges past ${english[13]}`,
    'market closed for the weekend',
    `${chinese[3]}暂无新消息`,
  ];
  const script = `(() => {
  const values = [...document.querySelectorAll('#live .v')].map((e) => e.firstChild);
  const texts = [...document.querySelectorAll('#live .t')].map((e) => e.firstChild);
  const lines = ${JSON.stringify(lines)};
  let frame = 0;
  let running = false;
  const tick = () => {
    if (!running) return;
    frame++;
    values.forEach((node, i) => { node.data = (((frame * 7 + i * 13) % 10000) / 100).toFixed(2); });
    for (let i = frame % 4; i < texts.length; i += 4) texts[i].data = lines[(frame + i) % lines.length];
    requestAnimationFrame(tick);
  };
  window.__zfRewrite = {
    start() { running = true; frame = 0; requestAnimationFrame(tick); },
    stop() { running = false; return frame; },
  };
})();`;
  const body = lazy(() => {
    const article = generateArticle({ paragraphs: 1000, seed: SEED + 7, aliases });
    const rows = Array.from({ length: LIVE_ROWS }, (_, i) => {
      const name = english[i % english.length] ?? 'row';
      return `<li><span>${name}</span> <span class="v">0.00</span> <span class="t">${lines[i % lines.length]}</span></li>`;
    });
    return pageHtml({
      title: 'rewrite',
      blocks: article.blocks,
      bodyStart: `<section id="live"><ul>${rows.join('')}</ul></section><script>${script}</script>`,
    });
  });
  return {
    name: 'rewrite',
    group: 'generated',
    path: '/gen/rewrite.html',
    contentType: 'text/html; charset=utf-8',
    body,
    runs,
    phases: ['rewrite'],
  };
}

/** The script and stylesheet every size fixture links by relative URL. */
function sizeAssets(fixturesDir: string): BenchAsset[] {
  return [
    { file: 'size-page.js', contentType: 'text/javascript; charset=utf-8' },
    { file: 'size-page.css', contentType: 'text/css; charset=utf-8' },
  ].map(({ file, contentType }) => ({
    path: `/size/${file}`,
    contentType,
    body: () => readFileSync(join(fixturesDir, file)),
  }));
}

/**
 * The e2e suite's size fixtures, read from the repo as they are. `mentions` is what each page's
 * script writes (the e2e suite checks the same totals per entity): a correct engine finds exactly
 * these.
 */
function sizePages(fixturesDir: string, runs: number): BenchPage[] {
  const assets = sizeAssets(fixturesDir);
  const page = (file: string, mentions: number, ready?: () => boolean): BenchPage => ({
    name: `size/${file.replace(/\.html$/, '')}`,
    group: 'size',
    path: `/size/${file}`,
    contentType: 'text/html; charset=utf-8',
    body: () => readFileSync(join(fixturesDir, file)),
    planted: { count: mentions, exact: true },
    runs,
    phases: [],
    assets,
    ...(ready === undefined ? {} : { ready }),
  });
  return [
    // 100 paragraphs naming Zhipu AI in a node of their own, and one more split over two nodes.
    // Loaded `runs` times like the rest: a load with the extension takes about ten seconds.
    // Built in a task after `load` (some two seconds of the page's own work); the page marks the
    // moment on <html>. Its "1st view ms" still counts from the content script's start, so it
    // holds that build too.
    page('million-text-nodes.html', 101, () => document.documentElement.dataset.built === 'yes'),
    // Zhipu AI once at the start, GLM-4 at the end of every 100th of 5,000 chunks.
    page('huge-text-node.html', 51),
    // Five names, 2,000 times each.
    page('ten-thousand-mentions.html', 10_000),
    // Zhipu AI (split over two levels), GLM-4 and Suning in each of 20 paragraphs.
    page('nested-inline.html', 60),
    // 50,000 nodes added and removed ten times in a row, the page never idle meanwhile; the last
    // add stays: Suning once, Tencent 50 times.
    page('node-churn.html', 51, () => document.documentElement.dataset.done !== undefined),
  ];
}

function corpusPage(dir: string, group: CorpusGroup, file: string): BenchPage {
  const source = join(dir, group, file);
  const markdown = file.endsWith('.md');
  return {
    name: `${group}/${file}`,
    group,
    path: `/corpus/${group}/${encodeURIComponent(file)}${markdown ? '.html' : ''}`,
    // No charset: saved pages declare their own (GBK pages among them) in a meta tag.
    contentType: markdown ? 'text/html; charset=utf-8' : 'text/html',
    body: markdown
      ? lazy(() => markdownToHtml(readFileSync(source, 'utf8'), file))
      : () => readFileSync(source),
    runs: 1,
    phases: [],
  };
}

/** `count` names spread evenly over the sorted list, so the sample is the same every run. */
export function spreadSample<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

export interface PageSelection {
  quick: boolean;
  corpusDir: string;
  /** tests/fixtures/hostile of this repo. */
  fixturesDir: string;
  aliases: readonly BenchAlias[];
}

export interface PageCatalogue {
  pages: BenchPage[];
  /** Why corpus pages are missing, when they are. */
  corpusNote?: string;
}

export function benchPages({
  quick,
  corpusDir,
  fixturesDir,
  aliases,
}: PageSelection): PageCatalogue {
  const runs = quick ? 1 : 3;
  const pages: BenchPage[] = [
    generated(aliases, 'gen-1k', 1_000, runs, ['feed', 'hover']),
    generated(aliases, 'gen-10k', 10_000, runs, []),
    // One load only: at 100k paragraphs a load takes minutes while the engine is slow there.
    ...(quick ? [] : [generated(aliases, 'gen-100k', 100_000, 1, ['scroll', 'feed'])]),
    densePage(aliases, runs),
    rewritePage(aliases, runs),
    ...sizePages(fixturesDir, runs),
  ];
  if (!existsSync(corpusDir)) {
    return { pages, corpusNote: `corpus not found at ${corpusDir}: real pages skipped` };
  }
  const list = (group: CorpusGroup) => {
    const dir = join(corpusDir, group);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((file) => /\.(html?|md)$/i.test(file))
      .sort();
  };
  const take: Record<CorpusGroup, number> = quick
    ? { entities: 2, large: 1, readability: 2 }
    : { entities: Infinity, large: Infinity, readability: 12 };
  for (const group of CORPUS_GROUPS) {
    for (const file of spreadSample(list(group), take[group])) {
      pages.push(corpusPage(corpusDir, group, file));
    }
  }
  return { pages };
}
