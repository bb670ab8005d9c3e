/**
 * Page benchmark: `npx tsx scripts/bench-page.ts [--quick] [--only NAME]... [--no-build]
 * [--no-firefox] [--profile]`. Prints figures; never a timed test.
 *
 * Builds the extension into .output-bench, then loads each page in headless Chromium twice
 * over: without the extension (the page's own longest task and heap, the floor, mark.js on the
 * same aliases) and with it (ours, attributed from a Chrome trace: every main-thread moment the
 * content script was on the stack, from its first evaluation until the page settled). Extra
 * phases run on the first load with the extension: feed bursts, pointer moves, a rewriting
 * panel, wheel scrolling (scrolled without the extension too). On every page, once settled, both
 * browsers are also watched for a few seconds (the steady phase: the longest task of any kind and
 * the busy share, with and without), since the browser repainting our highlights is work we add
 * though none of our code runs. Writes bench-results/page.json and bench-results/page.md.
 *
 * A page with many mentions has only those near the viewport registered in CSS.highlights, so
 * the mentions found are counted from the content script's own answer (get-page-mentions, asked
 * through the service worker), and "all ms" is then the end of the initial scan rather than the
 * last registration.
 *
 * Then the generated and size pages are loaded in Firefox with and without the extension, where
 * the bench compares frame lengths (see firefox-frames.ts); `--no-firefox` skips that.
 *
 * `--profile` runs the same on an unminified build (.output-bench-profile) and prints, per
 * page, the functions of the content script that took the sampled time; its figures go to
 * bench-results/page-profile.json only, as unminified code is not what readers run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { entities } from '../data/index.ts';
import { aliasRegExpSource } from './bench-support/alias-regexp.ts';
import { benchPages, type BenchPage } from './bench-support/bench-pages.ts';
import {
  consoleTable,
  evaluateTargets,
  markdownReport,
  phaseLines,
  problemLines,
  summarisePage,
  targetLines,
  type PageSummary,
  type PhaseResults,
  type ScriptSize,
} from './bench-support/bench-report.ts';
import { launchBenchBrowsers } from './bench-support/browsers.ts';
import {
  firefoxLines,
  measureFirefoxFrames,
  type FirefoxPageFrames,
} from './bench-support/firefox-frames.ts';
import {
  measureBaseline,
  measureOurs,
  STEADY_MS,
  type BaselineResult,
  type MeasureOptions,
  type OursResult,
} from './bench-support/measure-page.ts';
import type { BenchAlias } from './bench-support/page-text.ts';
import type { FunctionCost } from './bench-support/trace-attribution.ts';
import { FIREFOX } from '../tests/e2e/harness/extension-browser.ts';
import { servePages } from './bench-support/serve-pages.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = '.output-bench';
const PROFILE_OUT_DIR = '.output-bench-profile';
const UNMINIFIED_CONFIG = 'scripts/bench-support/wxt-unminified.config.ts';
const CORPUS_DIR = resolve(ROOT, '..', 'shared', 'corpus');
const FIXTURES_DIR = join(ROOT, 'tests', 'fixtures', 'hostile');
const RESULTS_DIR = join(ROOT, 'bench-results');

interface Args {
  quick: boolean;
  only: string[];
  build: boolean;
  firefox: boolean;
  profile: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { quick: false, only: [], build: true, firefox: true, profile: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') args.quick = true;
    else if (arg === '--no-build') args.build = false;
    else if (arg === '--profile') args.profile = true;
    else if (arg === '--no-firefox') args.firefox = false;
    else if (arg === '--only' && argv[i + 1] !== undefined) args.only.push(argv[++i]!);
    else if (arg?.startsWith('--only=')) args.only.push(arg.slice('--only='.length));
    else
      throw new Error(
        `unknown argument ${arg}; use --quick, --only NAME, --no-build, --no-firefox, --profile`,
      );
  }
  return args;
}

/** `target`: the browser arguments of `wxt build`; builds into `outDir`/`<folder>`. */
function build(outDir: string, target: readonly string[], extraArgs: readonly string[]): void {
  const started = Date.now();
  const result = spawnSync('npx', ['wxt', 'build', ...target, ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, ZF_OUT: outDir },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error('the extension did not build');
  }
  console.log(
    `built ${outDir} (${target.join(' ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

function scriptSize(extensionDir: string): ScriptSize | undefined {
  const file = join(extensionDir, 'content-scripts', 'content.js');
  if (!existsSync(file)) return undefined;
  const code = readFileSync(file);
  // zlib's default level, as a web server or a store would serve it.
  return { bytes: code.length, gzipBytes: gzipSync(code).length };
}

/** mark.js's UMD build, made to hand its constructor to the bench instead of to `window`. */
function markScript(): string {
  const source = readFileSync(join(ROOT, 'node_modules/mark.js/dist/mark.es6.min.js'), 'utf8');
  return `(function (define, module, exports) {
  const holder = {};
  (function () {\n${source}\n}).call(holder);
  window.__zfMark = holder.Mark;
})();`;
}

function machine(chromium: string): Record<string, string | number> {
  const cpuInfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.*)$/m.exec(cpuInfo)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return {
    cpus: cpus().length,
    cpu: model,
    chromium,
    node: process.version,
    loadAverageAtStart: loadavg()[0]!.toFixed(2),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const outDir = args.profile ? PROFILE_OUT_DIR : OUT_DIR;
  const extensionDir = join(ROOT, outDir, 'chrome-mv3');
  // Firefox is measured on the build readers get, never on the unminified one.
  const firefox = args.firefox && !args.profile;
  const firefoxDir = join(ROOT, outDir, 'firefox-mv3');
  if (args.build) build(outDir, ['-b', 'chrome'], args.profile ? ['-c', UNMINIFIED_CONFIG] : []);
  if (args.build && firefox) build(outDir, ['-b', 'firefox', '--mv3'], []);
  if (!existsSync(extensionDir)) throw new Error(`no build at ${extensionDir}`);

  const aliases: BenchAlias[] = entities.flatMap((entity) =>
    entity.aliases.map((alias) => ({
      text: alias.text,
      lang: alias.lang,
      ...(alias.caseSensitive === undefined ? {} : { caseSensitive: alias.caseSensitive }),
    })),
  );
  const catalogue = benchPages({
    quick: args.quick,
    corpusDir: CORPUS_DIR,
    fixturesDir: FIXTURES_DIR,
    aliases,
  });
  if (catalogue.corpusNote !== undefined) console.log(`skip: ${catalogue.corpusNote}`);
  const pages = catalogue.pages.filter(
    (page) => args.only.length === 0 || args.only.some((name) => page.name.includes(name)),
  );
  if (pages.length === 0) throw new Error(`no page matches --only ${args.only.join(', ')}`);
  // A profile explains where the time goes; one load per page tells that as well as three.
  if (args.profile) for (const page of pages) page.runs = 1;

  const server = await servePages(pages);
  const browsers = await launchBenchBrowsers(extensionDir);
  const options: MeasureOptions = {
    origin: server.origin,
    browsers,
    markSource: markScript(),
    aliasSource: aliasRegExpSource(aliases),
    markBudgetMs: args.quick ? 8_000 : 25_000,
    bursts: args.quick ? 6 : 10,
    burstSize: 25,
    hoverMoves: args.quick ? 120 : 240,
    rewriteMs: 3_000,
    scrollSteps: 40,
    profile: args.profile,
    log: (line) => console.log(line),
  };
  const summaries: PageSummary[] = [];
  const phases: PhaseResults = { feed: [], hover: [], scroll: [] };
  const raw: { page: string; baseline?: BaselineResult; ours?: OursResult }[] = [];
  try {
    for (const page of pages) {
      const summary = await measureOne(page, options, phases, raw);
      summaries.push(summary);
      console.log(
        `${page.name}: ours ${summary.oursMs?.toFixed(1) ?? '–'} ms, floor ${summary.floorMs?.toFixed(1) ?? '–'} ms, mark.js ${summary.markMs?.toFixed(0) ?? '–'} ms; settled: longest task ${summary.steadyTaskWithMs?.toFixed(1) ?? '–'} ms with, ${summary.steadyTaskWithoutMs?.toFixed(1) ?? '–'} ms without${summary.error === undefined ? '' : `, error: ${summary.error}`}`,
      );
      const last = raw[raw.length - 1]?.ours;
      const profiles: [string, FunctionCost[] | undefined][] = [
        ['load', last?.functions],
        ['feed bursts', last?.feed?.functions],
        ['rewriting', last?.rewrite?.functions],
      ];
      for (const [phase, functions] of profiles) {
        if (functions === undefined) continue;
        console.log(`  profile, ${phase}:`);
        for (const cost of functions.slice(0, 15)) {
          console.log(
            `    ${cost.inclusiveMs.toFixed(1).padStart(8)} ms incl ${cost.selfMs.toFixed(1).padStart(8)} ms self  ${cost.frame}`,
          );
        }
      }
    }
  } finally {
    await browsers.close();
  }

  // The pages we made: the corpus is Chromium's alone, to keep the run's length in bounds.
  const firefoxPages = pages.filter((page) => page.group === 'generated' || page.group === 'size');
  let firefoxFrames: FirefoxPageFrames[] | undefined;
  try {
    if (!firefox) console.log('skip: Firefox (--no-firefox or --profile)');
    else if (!existsSync(FIREFOX)) console.log(`skip: Firefox, no browser at ${FIREFOX}`);
    else if (!existsSync(firefoxDir)) console.log(`skip: Firefox, no build at ${firefoxDir}`);
    else if (firefoxPages.length > 0) {
      firefoxFrames = await measureFirefoxFrames({
        extensionDir: firefoxDir,
        origin: server.origin,
        pages: firefoxPages,
        loads: args.quick ? 1 : 2,
        windowMs: 6_000,
        log: (line) => console.log(line),
      });
    }
  } finally {
    await server.close();
  }

  const size = scriptSize(extensionDir);
  const targets = evaluateTargets({ pages: summaries, phases, size });
  const info = machine(browsers.version);
  const seconds = (Date.now() - started) / 1000;
  console.log('');
  console.log(consoleTable(summaries));
  for (const line of problemLines(summaries)) console.log(`! ${line}`);
  console.log('');
  for (const line of phaseLines(phases)) console.log(line);
  for (const line of firefoxLines(firefoxFrames ?? [])) console.log(line);
  if (size !== undefined) {
    console.log(`content script: ${size.bytes} bytes minified, ${size.gzipBytes} bytes gzipped`);
  }
  console.log('');
  for (const line of targetLines(targets)) console.log(line);
  console.log('');
  console.log(
    `machine: ${info.cpus} CPUs, ${info.cpu}, Chromium ${info.chromium}, load ${info.loadAverageAtStart}; ${seconds.toFixed(0)} s${args.quick ? ' (--quick)' : ''}`,
  );

  mkdirSync(RESULTS_DIR, { recursive: true });
  const json = `${JSON.stringify({ date: new Date().toISOString(), quick: args.quick, profile: args.profile, machine: info, seconds, size, targets, pages: summaries, phases, firefoxFrames, raw }, null, 2)}\n`;
  if (args.profile) {
    writeFileSync(join(RESULTS_DIR, 'page-profile.json'), json);
    console.log(`wrote ${join('bench-results', 'page-profile.json')} (unminified build)`);
    return;
  }
  writeFileSync(join(RESULTS_DIR, 'page.json'), json);
  writeFileSync(
    join(RESULTS_DIR, 'page.md'),
    markdownReport({
      heading: `Page bench${args.quick ? ' (--quick)' : ''}, ${new Date().toISOString().slice(0, 10)}: ${info.cpus} CPUs (${info.cpu}), Chromium ${info.chromium}, load average ${info.loadAverageAtStart} at start. Main-thread ms from a Chrome trace; "~" marks a mark.js time scaled up from the part it did within its budget; "induced" is the rendering (style, layout, paint) beyond what the page did alone over the same stretch: the browser's work on our highlights. "steady" is the settled page watched for ${STEADY_MS / 1000} s in both browsers: the longest main-thread task of any kind (rendering included) and the share of the time the thread ran, both by thread time, with/without the extension. "mentions" are those the engine found; "registered" the ranges in CSS.highlights once settled (a page with over 150 mentions registers only those within three screens of the viewport, twelve on a page of over 50,000 elements or text nodes).`,
      pages: summaries,
      phases,
      moreLines: firefoxLines(firefoxFrames ?? []),
      size,
      targets,
    }),
  );
  console.log(
    `wrote ${join('bench-results', 'page.json')} and ${join('bench-results', 'page.md')}`,
  );
}

async function measureOne(
  page: BenchPage,
  options: MeasureOptions,
  phases: PhaseResults,
  raw: { page: string; baseline?: BaselineResult; ours?: OursResult }[],
): Promise<PageSummary> {
  const bytes = page.body().length;
  let baseline: BaselineResult | undefined;
  let ours: OursResult | undefined;
  const errors: string[] = [];
  try {
    baseline = await measureBaseline(page, options);
  } catch (error) {
    errors.push(`without extension: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const error of baseline?.phaseErrors ?? []) errors.push(`without extension: ${error}`);
  try {
    ours = await measureOurs(page, options, baseline);
  } catch (error) {
    errors.push(`with extension: ${error instanceof Error ? error.message : String(error)}`);
  }
  raw.push({ page: page.name, ...(baseline && { baseline }), ...(ours && { ours }) });
  if (ours?.feed !== undefined) phases.feed.push({ page: page.name, result: ours.feed });
  if (ours?.hover !== undefined) phases.hover.push({ page: page.name, result: ours.hover });
  if (ours?.scroll !== undefined) {
    phases.scroll.push({
      page: page.name,
      result: ours.scroll,
      ...(baseline?.scroll === undefined ? {} : { without: baseline.scroll }),
    });
  }
  if (ours?.rewrite !== undefined) {
    phases.rewrite = {
      result: ours.rewrite,
      busyShareWithout: baseline?.rewriteBusyShare,
      busySharesWithout: baseline?.rewriteBusyShares,
      renderingWithout: baseline?.rewriteRenderingMsPerS,
    };
  }
  for (const error of ours?.phaseErrors ?? []) errors.push(error);
  const error = errors.length > 0 ? errors.join('; ').split('\n')[0] : undefined;
  return summarisePage({ ...page, bytes }, baseline, ours, error);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
