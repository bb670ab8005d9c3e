/**
 * The pages the page bench loads: generated ones (built in memory, seeded) and the real pages of
 * the shared corpus when it is present. Each page says how often to load it and which extra
 * phases (feed bursts, hover, rewriting) run on it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { markdownToHtml } from './markdown-page.ts';
import { generateArticle, generateDenseArticle, pageHtml, type BenchAlias } from './page-text.ts';

export type Phase = 'feed' | 'hover' | 'rewrite';
export type PageGroup = 'generated' | 'entities' | 'large' | 'readability';

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
    phases: ['hover'],
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

function corpusPage(dir: string, group: PageGroup, file: string): BenchPage {
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
  aliases: readonly BenchAlias[];
}

export interface PageCatalogue {
  pages: BenchPage[];
  /** Why corpus pages are missing, when they are. */
  corpusNote?: string;
}

export function benchPages({ quick, corpusDir, aliases }: PageSelection): PageCatalogue {
  const runs = quick ? 1 : 3;
  const pages: BenchPage[] = [
    generated(aliases, 'gen-1k', 1_000, runs, ['feed', 'hover']),
    generated(aliases, 'gen-10k', 10_000, runs, []),
    // One load only: at 100k paragraphs a load takes minutes while the engine is slow there.
    ...(quick ? [] : [generated(aliases, 'gen-100k', 100_000, 1, ['feed'])]),
    densePage(aliases, runs),
    rewritePage(aliases, runs),
  ];
  if (!existsSync(corpusDir)) {
    return { pages, corpusNote: `corpus not found at ${corpusDir}: real pages skipped` };
  }
  const list = (group: PageGroup) => {
    const dir = join(corpusDir, group);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((file) => /\.(html?|md)$/i.test(file))
      .sort();
  };
  const take: Record<Exclude<PageGroup, 'generated'>, number> = quick
    ? { entities: 2, large: 1, readability: 2 }
    : { entities: Infinity, large: Infinity, readability: 12 };
  for (const group of ['entities', 'large', 'readability'] as const) {
    for (const file of spreadSample(list(group), take[group])) {
      pages.push(corpusPage(corpusDir, group, file));
    }
  }
  return { pages };
}
