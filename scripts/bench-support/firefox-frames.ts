/**
 * The bench's look at Firefox. Firefox gives the bench no trace to attribute time from, so here
 * it measures what a reader feels: the gaps between animation frames once a page has loaded, in
 * one Firefox with the built extension and one without, same page, same viewport. A frame that
 * is long only with the extension is work we added (script or the restyle and repaint we cause),
 * which the Chromium trace cannot show for Firefox: its stylesheet injected at document idle, for
 * one, restyled gen-100k whole in a frame of 230-260 ms there.
 */
import { resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { FIREFOX, FIREFOX_OFFLINE_PREFS } from '../../tests/e2e/harness/extension-browser.ts';
import { median } from './stats.ts';
import { VIEWPORT } from './browsers.ts';
import type { BenchPage } from './bench-pages.ts';

/** A frame longer than this is a long frame, as a task is a long task (LONG_TASK_MS). */
export const LONG_FRAME_MS = 50;
/** A long frame with us counts as ours when it is this much longer than the page's own. */
const FRAME_MARGIN_MS = 10;

/** Started before the page's own scripts: records [start, length] of every frame, in ms. */
const FRAME_RECORDER = `(() => {
  const frames = [];
  let last = performance.now();
  window.__zfFrames = frames;
  const tick = () => {
    const now = performance.now();
    frames.push([last, now - last]);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

export interface FrameStats {
  /** The longest gap between two frames, in ms. */
  longestMs: number;
  /** Gaps over LONG_FRAME_MS. */
  longFrames: number;
}

/** The frames that started at `from` (page ms) or later. */
export function frameStats(
  frames: readonly (readonly [number, number])[],
  from: number,
): FrameStats {
  const gaps = frames.filter(([start]) => start >= from).map(([, gap]) => gap);
  return {
    longestMs: gaps.length === 0 ? 0 : Math.max(...gaps),
    longFrames: gaps.filter((gap) => gap > LONG_FRAME_MS).length,
  };
}

export interface FirefoxPageFrames {
  page: string;
  loads: number;
  /** Medians over the loads. */
  with: FrameStats;
  without: FrameStats;
}

/** Whether the longest frame with the extension is long and clearly longer than without it. */
export function longerWithUs(result: FirefoxPageFrames): boolean {
  return (
    result.with.longestMs > LONG_FRAME_MS &&
    result.with.longestMs > result.without.longestMs + FRAME_MARGIN_MS
  );
}

async function launch(extensionDir: string | undefined): Promise<Browser> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    defaultViewport: VIEWPORT,
    extraPrefsFirefox: FIREFOX_OFFLINE_PREFS,
  });
  if (extensionDir !== undefined) await browser.installExtension(resolve(extensionDir));
  return browser;
}

/** One load: the frames from DOMContentLoaded (the content script runs after it) for `windowMs`. */
async function loadOnce(browser: Browser, url: string, windowMs: number): Promise<FrameStats> {
  const tab = await browser.newPage();
  try {
    await tab.evaluateOnNewDocument(FRAME_RECORDER);
    await tab.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await new Promise((done) => setTimeout(done, windowMs));
    const { frames, from } = await tab.evaluate(() => {
      const [navigation] = performance.getEntriesByType(
        'navigation',
      ) as PerformanceNavigationTiming[];
      return {
        frames: (window as unknown as { __zfFrames?: [number, number][] }).__zfFrames ?? [],
        from: navigation?.domContentLoadedEventStart ?? 0,
      };
    });
    if (frames.length === 0) throw new Error(`no frame recorded on ${url}`);
    return frameStats(frames, from);
  } finally {
    await tab.close();
  }
}

function medianStats(runs: readonly FrameStats[]): FrameStats {
  return {
    longestMs: median(runs.map((run) => run.longestMs)) ?? 0,
    longFrames: median(runs.map((run) => run.longFrames)) ?? 0,
  };
}

/** Loads each page `loads` times in each Firefox, alternating, and keeps the medians. */
export async function measureFirefoxFrames({
  extensionDir,
  origin,
  pages,
  loads,
  windowMs,
  log,
}: {
  extensionDir: string;
  origin: string;
  pages: readonly BenchPage[];
  loads: number;
  windowMs: number;
  log: (line: string) => void;
}): Promise<FirefoxPageFrames[]> {
  const withUs = await launch(extensionDir);
  const alone = await launch(undefined);
  const results: FirefoxPageFrames[] = [];
  try {
    for (const page of pages) {
      const runsWith: FrameStats[] = [];
      const runsWithout: FrameStats[] = [];
      for (let load = 0; load < loads; load++) {
        log(`  ${page.name}: Firefox, load ${load + 1} of ${loads}`);
        runsWith.push(await loadOnce(withUs, origin + page.path, windowMs));
        runsWithout.push(await loadOnce(alone, origin + page.path, windowMs));
      }
      results.push({
        page: page.name,
        loads,
        with: medianStats(runsWith),
        without: medianStats(runsWithout),
      });
    }
  } finally {
    await withUs.close();
    await alone.close();
  }
  return results;
}

export function firefoxLines(results: readonly FirefoxPageFrames[]): string[] {
  return results.map(
    (result) =>
      `Firefox ${result.page}: longest frame ${result.with.longestMs.toFixed(0)}/${result.without.longestMs.toFixed(0)} ms with/without, frames over ${LONG_FRAME_MS} ms ${result.with.longFrames}/${result.without.longFrames} (median of ${result.loads})${longerWithUs(result) ? ' LONGER WITH US' : ''}`,
  );
}
