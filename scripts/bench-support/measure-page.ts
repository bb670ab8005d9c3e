/**
 * One page's measurements: a load without the extension (the page's own cost, the floor,
 * mark.js), then loads with it (ours, from a trace), and the extra phases on the first of them.
 * In both browsers the settled page is then watched for a few seconds (the steady phase): the
 * rendering our highlights cost at every frame is work we add, though no code of ours runs; and
 * scrolled, for the same reason.
 */
import type { CDPSession, Page } from 'playwright';
import { VIEWPORT, type BenchBrowsers } from './browsers.ts';
import type { BenchPage, Phase } from './bench-pages.ts';
import { LONG_TASK_MS } from './bench-report.ts';
import { floorExpression, type FloorResult, type ProbeState } from './in-page.ts';
import { median, quantile } from './stats.ts';
import { startTrace } from './trace-session.ts';
import {
  busyThreadTime,
  busyTime,
  buildTimeline,
  clockTime,
  functionProfile,
  lastOursEndBefore,
  longestOursTask,
  longestTask,
  longestTaskThreadTime,
  oursTime,
  renderingTime,
  renderingTotal,
  traceEnd,
  traceTimeOf,
  workEnd,
  type FunctionCost,
  type Timeline,
} from './trace-attribution.ts';

export interface MeasureOptions {
  origin: string;
  browsers: BenchBrowsers;
  markSource: string;
  aliasSource: string;
  markBudgetMs: number;
  bursts: number;
  burstSize: number;
  hoverMoves: number;
  rewriteMs: number;
  scrollSteps: number;
  /** Keep where our sampled time went, by function, from the first load with the extension. */
  profile: boolean;
  log: (line: string) => void;
}

export interface BaselineResult {
  floorMs: number;
  floorRunsMs: number[];
  /** The floor run in a fresh isolated world each time (none when CDP could not make one). */
  isolatedFloorRunsMs: number[];
  textNodes: number;
  chars: number;
  longestTaskMs: number;
  heapBytes: number | undefined;
  mark: {
    ms: number;
    wrapped: number;
    matches: number;
    completed: boolean;
    /** The whole run's time: measured when it completed, else scaled up from the part done. */
    estimatedMs: number;
    error?: string;
  };
  /** The median window's busy share, and each window's. */
  rewriteBusyShare?: number;
  rewriteBusyShares?: number[];
  /** The settled page alone, scrolled as with the extension. */
  scroll?: ScrollResult;
  /** Rendering per step, in ms per second, while the page rewrote itself. */
  rewriteRenderingMsPerS?: Record<string, number>;
  /** The settled page alone, over the same window as with the extension. */
  steady?: SteadyResult;
  /** Phases that failed (steady, scroll, rewrite), each with its error. */
  phaseErrors: string[];
  /** Whether the page's load event fired. */
  loaded: boolean;
  /**
   * Rendering ms of the page alone between two moments given in ms after the document started
   * (a function, so it stays out of the JSON). Past the end of the trace the page was settled
   * and rendered nothing.
   */
  pageRenderingMs: (fromMs: number, toMs: number) => number;
}

/** One load with the extension; times in ms, counted from the content script's start. */
export interface OursRun {
  /** Our script's main-thread time until the page settled. */
  ms: number;
  /** Ranges in our highlights once settled. */
  count: number;
  /** Mentions the content script indexed once settled (registered or not), when it answered. */
  indexed?: number | undefined;
  /** When the first range inside the first viewport was registered. */
  firstViewportMs: number | undefined;
  /** When the last range was registered (undefined on a page without mentions). */
  allRegisteredMs: number | undefined;
  /** When our initial burst of work ended (the first long pause after the last new range). */
  workEndMs: number | undefined;
  longestOursTaskMs: number;
  /** The longest main-thread task of the load, whoever ran it. */
  longestTaskMs: number;
  /**
   * Rendering (style, layout, pre-paint, paint) from the content script's start until the page
   * settled, beyond what the page rendered alone in the same stretch: the browser's work on our
   * highlights. Our script's own forced layouts are in `ms`, not here.
   */
  inducedMs: number | undefined;
  /** Rendering steps over the same stretch, with the extension. */
  renderingMs: Record<string, number>;
  settled: boolean;
  /** Whether the page's load event fired. */
  loaded: boolean;
}

export interface FeedResult {
  burstMs: number[];
  medianMs: number;
  longestOursTaskMs: number;
  /** With `profile`: our costliest functions over the bursts. */
  functions?: FunctionCost[];
}

export interface HoverResult {
  moves: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  longestOursTaskMs: number;
}

export interface RewriteResult {
  windowMs: number;
  frames: number;
  /** Our main-thread time, and its share of the window, from a window traced with the sampler. */
  oursMs: number;
  oursShare: number;
  /** The median window's busy share (the other figures are that window's too), and each one's. */
  busyShareWith: number;
  busySharesWith: number[];
  /** Rendering per step, in ms per second of the window. */
  renderingMsPerS: Record<string, number>;
  longestOursTaskMs: number;
  /** With `profile`: our costliest functions while the page rewrote itself. */
  functions?: FunctionCost[];
}

/**
 * The settled page scrolled down by the mouse wheel, a step at a time, and the tasks of that
 * stretch by thread time (as in SteadyResult), whoever ran them. The same in both browsers: the
 * repaints our highlights cause while the reader scrolls are tasks we add.
 */
export interface ScrollResult {
  steps: number;
  windowMs: number;
  /** Tasks of over LONG_TASK_MS of thread time, whoever ran them. */
  longTasks: number;
  longestTaskMs: number;
  busyMs: number;
  oursMs: number;
}

/**
 * A settled page left alone for STEADY_MS: what keeps the main thread busy at rest. Tasks are
 * timed by the thread's own (CPU) time: the bench shares two cores with other work, and a
 * task's wall time there also holds the moments another process had the core (seen on pages at
 * rest: 7 and 10 ms tasks whose events inside took 2 ms, and a 48 ms one in a window with
 * under 30 ms of rendering in all), which would pass for long tasks of ours.
 */
export interface SteadyResult {
  windowMs: number;
  /** The longest main-thread task in the window by thread time, whoever ran it (rendering included). */
  longestTaskMs: number;
  /** The same by wall time, preemption included. */
  longestTaskWallMs: number;
  /** Share of the window the main thread ran in tasks (thread time). */
  busyShare: number;
  /** Share of the window inside tasks by wall time, preemption included. */
  busyShareWall: number;
  /**
   * Our script's time in the window, from the trace's script events only (no sampler here): our
   * answers to the page's own changes (the size pages' heartbeat), or work not yet ended.
   */
  oursMs: number;
  /** Rendering per step (style, layout, pre-paint, paint...) in the window: what the tasks did. */
  renderingMs: Record<string, number>;
}

export interface OursResult {
  runs: OursRun[];
  heapBytes: number | undefined;
  viewportHasHighlight: boolean;
  extensionErrors: string[];
  phaseErrors: string[];
  /** With `profile`: our costliest functions over the first load. */
  functions?: FunctionCost[];
  feed?: FeedResult;
  hover?: HoverResult;
  rewrite?: RewriteResult;
  scroll?: ScrollResult;
  /** From the first load, right after it settled and before any other phase touched the page. */
  steady?: SteadyResult;
}

// Settled: no new highlight for this long, and the main thread idle for this long.
const QUIET_MS = 1200;
const IDLE_MS = 500;
const MIN_AGE_MS = 1500;
const SETTLE_TIMEOUT_MS = 180_000;
const LOAD_TIMEOUT_MS = 180_000;
// Past DOMContentLoaded, how long to wait for the load event before measuring anyway.
const LOAD_EVENT_WAIT_MS = 15_000;
// How long a page that builds after `load` may take to say it has (BenchPage.ready).
const READY_TIMEOUT_MS = 120_000;
// A pause this long in our work after the last new highlight ends the initial scan.
const WORK_GAP_US = 300_000;

// The steady window. Every page here keeps frames coming at rest (the probe asks for one at
// every animation frame; the size pages also beat a heartbeat every 50 ms), so a cost the
// browser pays per frame shows some 180 times over, and one stray garbage collection cannot
// make the busy share; and it adds only some 7 s per page (both browsers) to a run.
export const STEADY_MS = 3_000;

// Each wheel step of the scroll phase: about half a screen, then a pause as a reader makes.
const SCROLL_STEP_PX = 400;
const SCROLL_PAUSE_MS = 150;

// Functions kept per profile.
const PROFILE_TOP = 25;
/** Windows of the rewriting page measured on each side, and the stillness between them. */
const REWRITE_WINDOWS = 5;
const REWRITE_PAUSE_MS = 1000;

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));
const ms = (us: number) => us / 1000;

/**
 * Opens the page; false when its load event never came (the figures are taken regardless). A
 * page that builds its content after `load` is waited for until it says it has: without that,
 * the quiet spell before its build could pass for a settled page.
 */
async function open(tab: Page, origin: string, page: BenchPage): Promise<boolean> {
  await tab.goto(origin + page.path, { waitUntil: 'domcontentloaded', timeout: LOAD_TIMEOUT_MS });
  let loaded = true;
  try {
    await tab.waitForLoadState('load', { timeout: LOAD_EVENT_WAIT_MS });
  } catch {
    loaded = false;
  }
  if (page.ready !== undefined) {
    try {
      await tab.waitForFunction(page.ready, undefined, {
        timeout: READY_TIMEOUT_MS,
        polling: 100,
      });
    } catch {
      throw new Error(`${page.name} did not build its content within ${READY_TIMEOUT_MS} ms`);
    }
  }
  return loaded;
}

async function settle(page: Page): Promise<{ state: ProbeState; settled: boolean }> {
  const started = Date.now();
  for (;;) {
    const state = await page.evaluate(() => window.__zfBench!.state());
    const sinceChange = state.lastChangeAt < 0 ? state.now : state.now - state.lastChangeAt;
    if (state.now >= MIN_AGE_MS && sinceChange >= QUIET_MS && state.idleStreakMs >= IDLE_MS) {
      return { state, settled: true };
    }
    if (Date.now() - started > SETTLE_TIMEOUT_MS) return { state, settled: false };
    await sleep(200);
  }
}

async function heapAfterGc(cdp: CDPSession): Promise<number | undefined> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value;
}

async function mark(page: Page, name: string): Promise<void> {
  await page.evaluate((label) => performance.mark(label), name);
}

/** Runs one phase of a page; a failure is noted in `errors` and loses that phase's figures. */
async function attempt<T>(
  name: string,
  errors: string[],
  run: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** Runs the page's phase `name` through `attempt`, if the page has that phase. */
function runPhase<T>(
  page: BenchPage,
  name: Phase,
  errors: string[],
  run: () => Promise<T>,
): Promise<T | undefined> {
  return page.phases.includes(name) ? attempt(name, errors, run) : Promise.resolve(undefined);
}

function requireTimeline(events: Parameters<typeof buildTimeline>[0], what: string): Timeline {
  const timeline = buildTimeline(events);
  if (timeline === undefined) throw new Error(`${what}: no main thread found in the trace`);
  return timeline;
}

function markTimes(timeline: Timeline, name: string): number[] {
  return (timeline.marks.get(`zf-bench:${name}`) ?? []).map((entry) => entry.ts);
}

/**
 * The floor where a content script runs: in an isolated world, which makes its own wrapper for
 * every node it touches (the page's main world keeps its wrappers in the nodes themselves, and
 * its later runs find them made). A new world per call, so every run meets the nodes afresh.
 */
async function isolatedFloorMs(cdp: CDPSession, run: number): Promise<number | undefined> {
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: `zf-bench-floor-${run}`,
    });
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: floorExpression(),
      contextId: executionContextId,
      returnByValue: true,
    });
    const value = result.value as FloorResult | undefined;
    return typeof value?.ms === 'number' ? value.ms : undefined;
  } catch {
    return undefined;
  }
}

export async function measureBaseline(
  page: BenchPage,
  options: MeasureOptions,
): Promise<BaselineResult> {
  const tab = await options.browsers.withoutExtension();
  try {
    const cdp = await tab.context().newCDPSession(tab);
    const trace = await startTrace(cdp, { sampling: false });
    options.log(`  ${page.name}: without the extension`);
    const loaded = await open(tab, options.origin, page);
    await settle(tab);
    const timeline = requireTimeline(await trace.stop(), `${page.name} without extension`);
    const clock = clockTime(timeline);
    const pageRenderingMs = (fromMs: number, toMs: number): number =>
      clock === undefined
        ? 0
        : ms(renderingTotal(timeline, clock + fromMs * 1000, clock + toMs * 1000));
    // First, as with the extension: the page as its load left it. A phase that fails loses its
    // own figures only: the floor and mark.js below are still measured.
    const phaseErrors: string[] = [];
    const steady = await attempt('steady', phaseErrors, () => steadyPhase(tab, cdp));
    const heapBytes = await heapAfterGc(cdp);
    const scroll = await runPhase(page, 'scroll', phaseErrors, () =>
      scrollPhase(tab, cdp, options),
    );
    const rewrite = await runPhase(page, 'rewrite', phaseErrors, () =>
      rewriteWindows(tab, cdp, options),
    );

    const floorRuns = [];
    for (let i = 0; i < 5; i++) floorRuns.push(await tab.evaluate(() => window.__zfBench!.floor()));
    const floorRunsMs = floorRuns.map((run) => run.ms);
    const isolatedFloorRunsMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const ms = await isolatedFloorMs(cdp, i);
      if (ms !== undefined) isolatedFloorRunsMs.push(ms);
    }

    options.log(`  ${page.name}: floor ${median(floorRunsMs)!.toFixed(1)} ms; mark.js`);
    await tab.evaluate(options.markSource);
    const matches = await tab.evaluate(([source]) => window.__zfBench!.countMatches(source, 'g'), [
      options.aliasSource,
    ] as const);
    const run = await tab.evaluate(
      ([source, budget]) => window.__zfBench!.runMark(source, 'g', budget),
      [options.aliasSource, options.markBudgetMs] as const,
    );
    const estimatedMs =
      run.completed || run.wrapped === 0
        ? run.ms
        : (run.ms * Math.max(matches, run.wrapped)) / run.wrapped;
    return {
      floorMs: median(floorRunsMs)!,
      floorRunsMs,
      isolatedFloorRunsMs,
      textNodes: floorRuns[0]!.textNodes,
      chars: floorRuns[0]!.chars,
      longestTaskMs: ms(longestTask(timeline)),
      heapBytes,
      mark: { ...run, matches, estimatedMs },
      ...(rewrite === undefined
        ? {}
        : {
            rewriteBusyShare: rewrite.middle.busyShare,
            rewriteBusyShares: rewrite.busyShares,
            rewriteRenderingMsPerS: rewrite.middle.renderingMsPerS,
          }),
      ...(scroll === undefined ? {} : { scroll }),
      ...(steady === undefined ? {} : { steady }),
      phaseErrors,
      loaded,
      pageRenderingMs,
    };
  } finally {
    await tab.close();
  }
}

/**
 * Traces `body` between two marks named for the phase: the main thread's timeline and the
 * marks' times on it.
 */
async function tracedWindow(
  tab: Page,
  cdp: CDPSession,
  phase: string,
  body: () => Promise<void>,
): Promise<{ timeline: Timeline; from: number; to: number }> {
  const trace = await startTrace(cdp, { sampling: false });
  await mark(tab, `zf-bench:${phase}-start`);
  await body();
  await mark(tab, `zf-bench:${phase}-stop`);
  const timeline = requireTimeline(await trace.stop(), phase);
  const from = markTimes(timeline, `${phase}-start`)[0];
  const to = markTimes(timeline, `${phase}-stop`)[0];
  if (from === undefined || to === undefined)
    throw new Error(`${phase} marks missing from the trace`);
  return { timeline, from, to };
}

/**
 * Watches the settled page for STEADY_MS without touching it. The same in both browsers, so
 * what the extension adds is the difference; the figures count every task, not only ours.
 */
async function steadyPhase(tab: Page, cdp: CDPSession): Promise<SteadyResult> {
  const { timeline, from, to } = await tracedWindow(tab, cdp, 'steady', () => sleep(STEADY_MS));
  return {
    windowMs: ms(to - from),
    longestTaskMs: ms(longestTaskThreadTime(timeline, from, to)),
    longestTaskWallMs: ms(longestTask(timeline, from, to)),
    busyShare: busyThreadTime(timeline, from, to) / (to - from),
    busyShareWall: busyTime(timeline, from, to) / (to - from),
    oursMs: ms(oursTime(timeline, from, to)),
    renderingMs: renderingMs(timeline, from, to),
  };
}

/** Scrolls the settled page down by the wheel, then back to the top without measuring. */
async function scrollPhase(
  tab: Page,
  cdp: CDPSession,
  options: MeasureOptions,
): Promise<ScrollResult> {
  // At the left edge, off the text: the pointer opens no card on its way.
  await tab.mouse.move(2, VIEWPORT.height / 2);
  const { timeline, from, to } = await tracedWindow(tab, cdp, 'scroll', async () => {
    for (let step = 0; step < options.scrollSteps; step++) {
      await tab.mouse.wheel(0, SCROLL_STEP_PX);
      await sleep(SCROLL_PAUSE_MS);
    }
  });
  const tasks = timeline.threadTasks.filter((task) => task.end > from && task.start < to);
  await tab.evaluate(() => scrollTo(0, 0));
  await sleep(SCROLL_PAUSE_MS);
  return {
    steps: options.scrollSteps,
    windowMs: ms(to - from),
    longTasks: tasks.filter((task) => ms(task.cpu) > LONG_TASK_MS).length,
    longestTaskMs: ms(longestTaskThreadTime(timeline, from, to)),
    busyMs: ms(busyThreadTime(timeline, from, to)),
    oursMs: ms(oursTime(timeline, from, to)),
  };
}

/** Rendering per step over [from, to), in ms. */
function renderingMs(timeline: Timeline, from: number, to: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(renderingTime(timeline, from, to)).map(([step, us]) => [step, ms(us)]),
  );
}

/** Rendering per step over [from, to), in ms per second. */
function renderingPerSecond(timeline: Timeline, from: number, to: number): Record<string, number> {
  const seconds = (to - from) / 1e6;
  return Object.fromEntries(
    Object.entries(renderingMs(timeline, from, to)).map(([step, value]) => [step, value / seconds]),
  );
}

async function rewriteWindow(tab: Page, windowMs: number): Promise<number> {
  await tab.evaluate(() => {
    performance.mark('zf-bench:rewrite-start');
    (window as unknown as { __zfRewrite: { start(): void } }).__zfRewrite.start();
  });
  await sleep(windowMs);
  return tab.evaluate(() => {
    const frames = (window as unknown as { __zfRewrite: { stop(): number } }).__zfRewrite.stop();
    performance.mark('zf-bench:rewrite-stop');
    return frames;
  });
}

function analyseLoad(
  timeline: Timeline,
  state: ProbeState,
  settled: boolean,
  baseline: BaselineResult | undefined,
): Omit<OursRun, 'loaded' | 'indexed'> {
  const start = timeline.contentScriptStart;
  if (start === undefined) throw new Error('the content script never ran');
  const end = traceEnd(timeline);
  const clock = clockTime(timeline);
  const inducedMs =
    baseline === undefined || clock === undefined
      ? undefined
      : ms(renderingTotal(timeline, start, end)) -
        baseline.pageRenderingMs(ms(start - clock), ms(end - clock));
  const rendering = renderingMs(timeline, start, end);
  const sinceStart = (pageTime: number): number | undefined => {
    if (pageTime < 0) return undefined;
    const ts = traceTimeOf(timeline, pageTime);
    if (ts === undefined) return undefined;
    // The probe sees a new range at the next frame; it was registered at the end of our last
    // piece of work before that frame.
    return ms((lastOursEndBefore(timeline, ts) ?? ts) - start);
  };
  const allRegisteredMs = sinceStart(state.lastChangeAt);
  const lastChange = state.lastChangeAt < 0 ? undefined : traceTimeOf(timeline, state.lastChangeAt);
  const scanEnd = workEnd(timeline, lastChange ?? start, WORK_GAP_US);
  return {
    ms: ms(oursTime(timeline, start)),
    count: state.count,
    firstViewportMs: sinceStart(state.firstViewportAt),
    allRegisteredMs,
    workEndMs: scanEnd === undefined ? undefined : ms(scanEnd - start),
    longestOursTaskMs: ms(longestOursTask(timeline)),
    longestTaskMs: ms(longestTask(timeline)),
    inducedMs,
    renderingMs: rendering,
    settled,
  };
}

async function feedPhase(tab: Page, cdp: CDPSession, options: MeasureOptions): Promise<FeedResult> {
  const trace = await startTrace(cdp, { sampling: true });
  for (let round = 0; round < options.bursts; round++) {
    await tab.evaluate(
      ([size, index]) => {
        performance.mark('zf-bench:burst');
        window.__zfBench!.burst(size, index);
      },
      [options.burstSize, round] as const,
    );
    await sleep(500);
  }
  await mark(tab, 'zf-bench:burst');
  await sleep(300);
  const timeline = requireTimeline(await trace.stop(), 'feed');
  const times = markTimes(timeline, 'burst');
  const burstMs = times.slice(1).map((to, i) => ms(oursTime(timeline, times[i], to)));
  return {
    burstMs,
    medianMs: median(burstMs) ?? 0,
    longestOursTaskMs: ms(longestOursTask(timeline)),
    ...(options.profile ? { functions: functionProfile(timeline).slice(0, PROFILE_TOP) } : {}),
  };
}

async function hoverPhase(
  tab: Page,
  cdp: CDPSession,
  options: MeasureOptions,
): Promise<HoverResult> {
  const points = await tab.evaluate(() => window.__zfBench!.hoverPoints(80));
  if (points.length === 0) throw new Error('no mention in the viewport to hover');
  // No sampler here: at these sub-millisecond costs it would weigh more than what it measures.
  const trace = await startTrace(cdp, { sampling: false });
  await mark(tab, 'zf-bench:hover');
  for (let i = 0; i < options.hoverMoves; i++) {
    const point = points[i % points.length]!;
    // Every other move stays inside the same mention: the cached path.
    const nudge = i % 2 === 1 ? 1 : 0;
    await tab.mouse.move(point.x + nudge, point.y);
    await sleep(12);
  }
  await tab.mouse.move(2, 2);
  await sleep(100);
  const timeline = requireTimeline(await trace.stop(), 'hover');
  // One move dispatches pointermove, mousemove and, crossing elements, over/out events: our
  // cost for the move is our time in all of them, up to the next move.
  const pointerEvents = timeline.dispatches.filter((dispatch) =>
    /^(pointer|mouse)(move|over|out|enter|leave)$/.test(dispatch.type),
  );
  const moves = pointerEvents.filter((dispatch) => dispatch.type === 'pointermove');
  const costs = moves.map((move, i) => {
    const next = moves[i + 1]?.start ?? Infinity;
    let ours = 0;
    for (const dispatch of pointerEvents) {
      if (dispatch.start >= move.start && dispatch.start < next) {
        ours += oursTime(timeline, dispatch.start, dispatch.end);
      }
    }
    return ms(ours);
  });
  return {
    moves: costs.length,
    medianMs: median(costs) ?? 0,
    p99Ms: quantile(costs, 0.99) ?? 0,
    maxMs: Math.max(0, ...costs),
    longestOursTaskMs: ms(longestOursTask(timeline)),
  };
}

/** One window of the rewriting page, traced. */
interface RewriteWindow {
  windowMs: number;
  frames: number;
  busyShare: number;
  renderingMsPerS: Record<string, number>;
  timeline: Timeline;
  from: number;
  to: number;
}

async function tracedRewrite(
  tab: Page,
  cdp: CDPSession,
  options: MeasureOptions,
  sampling: boolean,
): Promise<RewriteWindow> {
  const trace = await startTrace(cdp, { sampling });
  const frames = await rewriteWindow(tab, options.rewriteMs);
  await sleep(200);
  const timeline = requireTimeline(await trace.stop(), 'rewrite');
  const from = markTimes(timeline, 'rewrite-start')[0];
  const to = markTimes(timeline, 'rewrite-stop')[0];
  if (from === undefined || to === undefined)
    throw new Error('rewrite marks missing from the trace');
  return {
    windowMs: ms(to - from),
    frames,
    busyShare: busyTime(timeline, from, to) / (to - from),
    renderingMsPerS: renderingPerSecond(timeline, from, to),
    timeline,
    from,
    to,
  };
}

/**
 * The rewriting page's busy share, over REWRITE_WINDOWS windows with the page still between
 * them; the median window stands for the page. One window's share moved by several points from
 * tab to tab on the same build, as much as the figure the target judges. The windows are traced
 * without the JS sampler, on both sides: with it the page alone measured 22-35% busy across
 * windows, without it 25-27%. Each window starts the animation afresh, so each includes the
 * moment before the page is seen to animate.
 */
async function rewriteWindows(
  tab: Page,
  cdp: CDPSession,
  options: MeasureOptions,
): Promise<{ middle: RewriteWindow; busyShares: number[] }> {
  const windows: RewriteWindow[] = [];
  for (let i = 0; i < REWRITE_WINDOWS; i++) {
    if (i > 0) await sleep(REWRITE_PAUSE_MS);
    windows.push(await tracedRewrite(tab, cdp, options, false));
  }
  const byBusy = [...windows].sort((a, b) => a.busyShare - b.busyShare);
  return {
    middle: byBusy[Math.floor(byBusy.length / 2)]!,
    busyShares: windows.map((window) => window.busyShare),
  };
}

async function rewritePhase(
  tab: Page,
  cdp: CDPSession,
  options: MeasureOptions,
): Promise<RewriteResult> {
  const { middle, busyShares } = await rewriteWindows(tab, cdp, options);
  // Our own time needs the sampler (promise continuations name no script): one window more.
  await sleep(REWRITE_PAUSE_MS);
  const sampled = await tracedRewrite(tab, cdp, options, true);
  const { timeline, from, to } = sampled;
  const ours = oursTime(timeline, from, to);
  return {
    windowMs: middle.windowMs,
    frames: middle.frames,
    oursMs: ms(ours),
    oursShare: ours / (to - from),
    busyShareWith: middle.busyShare,
    busySharesWith: busyShares,
    renderingMsPerS: middle.renderingMsPerS,
    longestOursTaskMs: ms(longestOursTask(timeline, from, to)),
    ...(options.profile ? { functions: functionProfile(timeline).slice(0, PROFILE_TOP) } : {}),
  };
}

export async function measureOurs(
  page: BenchPage,
  options: MeasureOptions,
  baseline: BaselineResult | undefined,
): Promise<OursResult> {
  const runs: OursRun[] = [];
  const extensionErrors: string[] = [];
  const phaseErrors: string[] = [];
  let heapBytes: number | undefined;
  let functions: FunctionCost[] | undefined;
  let viewportHasHighlight = false;
  const phases: {
    feed?: FeedResult;
    hover?: HoverResult;
    rewrite?: RewriteResult;
    scroll?: ScrollResult;
    steady?: SteadyResult;
  } = {};
  for (let run = 0; run < page.runs; run++) {
    const tab = await options.browsers.withExtension();
    tab.on('console', (message) => {
      // The content script reports its own failures as debug lines: they explain odd figures.
      if (message.text().startsWith('[zhipu-facts]')) extensionErrors.push(message.text());
    });
    try {
      const cdp = await tab.context().newCDPSession(tab);
      const trace = await startTrace(cdp, { sampling: true });
      options.log(`  ${page.name}: with the extension, load ${run + 1} of ${page.runs}`);
      const loaded = await open(tab, options.origin, page);
      const { state, settled } = await settle(tab);
      const timeline = requireTimeline(await trace.stop(), `${page.name} with extension`);
      // Before anything asks the page or the extension for anything: the page as the reader has it.
      if (run === 0)
        phases.steady = await attempt('steady', phaseErrors, () => steadyPhase(tab, cdp));
      const indexed = await options.browsers.indexedMentions(options.origin).catch(() => undefined);
      runs.push({ ...analyseLoad(timeline, state, settled, baseline), loaded, indexed });
      if (run > 0) continue;
      if (options.profile) functions = functionProfile(timeline).slice(0, PROFILE_TOP);
      heapBytes = await heapAfterGc(cdp);
      viewportHasHighlight = await tab.evaluate(() => window.__zfBench!.viewportHasHighlight());
      // A phase that fails loses its own figures only. First, as without the extension: the page
      // as its load left it.
      const phase = <T>(name: Phase, run: () => Promise<T>) =>
        runPhase(page, name, phaseErrors, run);
      phases.scroll = await phase('scroll', () => scrollPhase(tab, cdp, options));
      phases.feed = await phase('feed', () => feedPhase(tab, cdp, options));
      phases.hover = await phase('hover', () => hoverPhase(tab, cdp, options));
      phases.rewrite = await phase('rewrite', () => rewritePhase(tab, cdp, options));
    } finally {
      await tab.close();
    }
  }
  return {
    runs,
    heapBytes,
    viewportHasHighlight,
    extensionErrors,
    phaseErrors,
    ...(functions === undefined ? {} : { functions }),
    ...phases,
  };
}
