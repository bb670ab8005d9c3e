import { describe, expect, it } from 'vitest';
import {
  corpusGroupRows,
  evaluateTargets,
  markdownReport,
  markdownTable,
  summarisePage,
  type PageSummary,
  type PhaseResults,
} from '../../scripts/bench-support/bench-report.ts';
import type {
  BaselineResult,
  OursResult,
  OursRun,
} from '../../scripts/bench-support/measure-page.ts';
import { median, quantile } from '../../scripts/bench-support/stats.ts';

function baseline(floorMs: number, markMs: number, completed = true): BaselineResult {
  return {
    floorMs,
    floorRunsMs: [floorMs],
    isolatedFloorRunsMs: [],
    textNodes: 100,
    chars: 1000,
    longestTaskMs: 30,
    heapBytes: 1_000_000,
    mark: {
      ms: markMs,
      wrapped: 10,
      matches: 40,
      completed,
      estimatedMs: completed ? markMs : markMs * 4,
    },
    loaded: true,
    phaseErrors: [],
    pageRenderingMs: () => 0,
  };
}

function run(overrides: Partial<OursRun>): OursRun {
  return {
    ms: 100,
    count: 10,
    firstViewportMs: 50,
    allRegisteredMs: 200,
    workEndMs: 200,
    longestOursTaskMs: 20,
    longestTaskMs: 40,
    inducedMs: 5,
    renderingMs: {},
    settled: true,
    loaded: true,
    ...overrides,
  };
}

function ours(runs: OursRun[]): OursResult {
  return {
    runs,
    heapBytes: 3_000_000,
    viewportHasHighlight: true,
    extensionErrors: [],
    phaseErrors: [],
  };
}

const NO_PHASES: PhaseResults = { feed: [], hover: [], scroll: [] };

function verdictOf(pages: PageSummary[], phases = NO_PHASES, gzipBytes = 40_000) {
  const targets = evaluateTargets({ pages, phases, size: { bytes: 100_000, gzipBytes } });
  return (start: string) => targets.find((target) => target.target.startsWith(start))?.verdict;
}

describe('bench report', () => {
  it('summarises runs by their median and compares with the floor and mark.js', () => {
    const summary = summarisePage(
      { name: 'gen-100k', group: 'generated', bytes: 1 },
      baseline(100, 10_000),
      ours([run({ ms: 250 }), run({ ms: 900, longestOursTaskMs: 70 }), run({ ms: 260 })]),
    );
    expect(summary.oursMs).toBe(260);
    expect(summary.oursOverFloor).toBeCloseTo(2.6);
    expect(summary.markOverOurs).toBeCloseTo(10_000 / 260);
    expect(summary.longestOursTaskMs).toBe(70);
    expect(summary.heapGrowthBytes).toBe(2_000_000);
  });

  it("keeps the floor's cold first run, and times a windowed page by the end of its scan", () => {
    const windowed = summarisePage(
      { name: 'gen-100k', group: 'generated', bytes: 1 },
      {
        ...baseline(100, 10_000),
        floorRunsMs: [170, 100, 95],
        isolatedFloorRunsMs: [300, 240, 260],
      },
      // 40 registered of 900 indexed: only the viewport's window is registered.
      ours([
        run({ count: 40, indexed: 900, allRegisteredMs: 60, workEndMs: 700 }),
        run({ count: 40, indexed: 900, allRegisteredMs: 70, workEndMs: 800 }),
        run({ count: 40, indexed: 900, allRegisteredMs: 65, workEndMs: 750 }),
      ]),
    );
    expect(windowed.floorColdMs).toBe(170);
    expect(windowed.floorIsolatedMs).toBe(260);
    expect(windowed.indexed).toBe(900);
    expect(windowed.registered).toBe(40);
    expect(windowed.allFoundMs).toBe(750);

    const whole = summarisePage(
      { name: 'gen-1k', group: 'generated', bytes: 1 },
      baseline(1, 100),
      ours([run({ count: 30, indexed: 30, allRegisteredMs: 120, workEndMs: 400 })]),
    );
    // Everything indexed is registered: all was found at the last registration.
    expect(whole.allFoundMs).toBe(120);
  });

  it('passes the targets a fast engine meets and misses the ones a slow one does not', () => {
    const fast = summarisePage(
      { name: 'gen-100k', group: 'generated', bytes: 1 },
      baseline(100, 10_000),
      ours([run({ ms: 250 })]),
    );
    const slow = summarisePage(
      { name: 'gen-100k', group: 'generated', bytes: 1 },
      baseline(100, 10_000),
      ours([run({ ms: 3000, longestOursTaskMs: 51 })]),
    );
    const passed = verdictOf([fast]);
    expect(passed('ours ≤ 3× floor')).toBe('PASS');
    expect(passed('ours ≥ 20× faster')).toBe('PASS');
    expect(passed('no task we add')).toBe('PASS');
    expect(passed('content script')).toBe('PASS');
    const missed = verdictOf([slow], NO_PHASES, 60_000);
    expect(missed('ours ≤ 3× floor')).toBe('MISS');
    expect(missed('ours ≥ 20× faster')).toBe('MISS');
    expect(missed('no task we add')).toBe('MISS');
    expect(missed('content script')).toBe('MISS');
  });

  it('says NOT RUN rather than PASS when a figure is missing', () => {
    const verdict = verdictOf([]);
    expect(verdict('ours ≤ 3× floor')).toBe('NOT RUN');
    expect(verdict('append burst')).toBe('NOT RUN');
    expect(verdict('rewriting page')).toBe('NOT RUN');
    expect(verdict('hover hit-test')).toBe('NOT RUN');
    expect(verdict('first viewport')).toBe('NOT RUN');
  });

  it('judges the phases: bursts, rewriting and hover', () => {
    const phases = (large: number, share: number, hover: number): PhaseResults => ({
      feed: [
        { page: 'gen-1k', result: { burstMs: [1], medianMs: 1, longestOursTaskMs: 2 } },
        { page: 'gen-100k', result: { burstMs: [large], medianMs: large, longestOursTaskMs: 2 } },
      ],
      hover: [
        {
          page: 'gen-1k',
          result: { moves: 10, medianMs: hover, p99Ms: hover, maxMs: hover, longestOursTaskMs: 1 },
        },
      ],
      scroll: [],
      rewrite: {
        result: {
          windowMs: 1000,
          frames: 60,
          oursMs: share * 1000,
          oursShare: share,
          busyShareWith: 0.5,
          busySharesWith: [0.5],
          renderingMsPerS: {},
          longestOursTaskMs: 3,
        },
      },
    });
    const good = verdictOf([], phases(1.4, 0.05, 0.05));
    expect(good('append burst')).toBe('PASS');
    expect(good('rewriting page')).toBe('PASS');
    expect(good('hover hit-test')).toBe('PASS');
    const bad = verdictOf([], phases(1.6, 0.1, 0.2));
    expect(bad('append burst')).toBe('MISS');
    expect(bad('rewriting page')).toBe('MISS');
    expect(bad('hover hit-test')).toBe('MISS');
  });

  it('misses the rewriting target when the page is busier by 10 points, even if our script is not', () => {
    const rewrite = (busyWith: number, busyWithout: number): PhaseResults => ({
      ...NO_PHASES,
      rewrite: {
        result: {
          windowMs: 1000,
          frames: 60,
          oursMs: 20,
          oursShare: 0.02,
          busyShareWith: busyWith,
          busySharesWith: [busyWith],
          renderingMsPerS: {},
          longestOursTaskMs: 3,
        },
        busyShareWithout: busyWithout,
      },
    });
    expect(verdictOf([], rewrite(0.45, 0.4))('rewriting page')).toBe('PASS');
    expect(verdictOf([], rewrite(0.55, 0.4))('rewriting page')).toBe('MISS');
  });

  it('holds every corpus page with a visible mention to the first-viewport limit', () => {
    const page = (name: string, firstViewportMs: number, visible = true): PageSummary => ({
      name,
      group: 'entities',
      bytes: 1,
      firstViewportMs,
      viewportHasHighlight: visible,
    });
    expect(verdictOf([page('a', 80), page('b', 400, false)])('first viewport')).toBe('PASS');
    expect(verdictOf([page('a', 80), page('c', 101)])('first viewport')).toBe('MISS');
  });

  it('writes one Markdown row per page under a header', () => {
    const table = markdownTable([
      {
        name: 'a|b',
        group: 'generated',
        bytes: 2048,
        oursMs: 12.34,
        markCompleted: false,
        markMs: 99,
      },
    ]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('a\\|b');
    expect(lines[2]).toContain('~99');
    expect(lines[2]).toContain('12.3');
  });
});

describe('bench report validity', () => {
  const page = { name: 'gen-100k', group: 'generated' as const, bytes: 1 };

  it('marks a page invalid when the engine found far fewer mentions than were written', () => {
    const broken = summarisePage(
      { ...page, planted: { count: 1000, exact: false } },
      baseline(100, 10_000),
      ours([run({ ms: 10, count: 1 })]),
    );
    expect(broken.invalid).toContain('1 of 1000');
    const verdict = verdictOf([broken]);
    // A fast figure from a broken engine must not pass.
    expect(verdict('ours ≤ 3× floor')).toBe('MISS');
    expect(verdict('ours ≥ 20× faster')).toBe('MISS');
    const fine = summarisePage(
      { ...page, planted: { count: 1000, exact: false } },
      baseline(100, 10_000),
      ours([run({ ms: 10, count: 950 })]),
    );
    expect(fine.invalid).toBeUndefined();
  });

  it('marks a page invalid when the content script logged errors there', () => {
    const result = ours([run({})]);
    result.extensionErrors.push('[zhipu-facts] TypeError');
    const summary = summarisePage(page, baseline(100, 10_000), result);
    expect(summary.invalid).toContain('logged 1 error');
    expect(verdictOf([summary])('no task we add')).toBe('MISS');
  });
});

describe('bench report for the README', () => {
  const corpus = (name: string, oursMs: number, invalid?: string): PageSummary => ({
    name,
    group: 'readability',
    bytes: 1000,
    oursMs,
    ...(invalid === undefined ? {} : { invalid }),
  });

  it('sums a corpus folder up by the median of its valid pages', () => {
    const [row, ...rest] = corpusGroupRows([
      corpus('readability/a', 10),
      corpus('readability/b', 30),
      corpus('readability/c', 20),
      corpus('readability/d', 1, 'engine failed'),
    ]);
    expect(rest).toHaveLength(0);
    expect(row?.name).toBe('readability/ (median of 3)');
    expect(row?.oursMs).toBe(20);
  });

  it('puts the targets first, then generated pages and folder rows, then every page', () => {
    const report = markdownReport({
      heading: 'Page bench',
      pages: [{ name: 'gen-1k', group: 'generated', bytes: 1 }, corpus('readability/a', 10)],
      phases: NO_PHASES,
      size: { bytes: 10, gzipBytes: 5 },
      targets: [{ target: 't', figure: 'a | b', verdict: 'MISS' }],
    });
    const lines = report.split('\n');
    expect(lines[0]).toBe('Page bench');
    expect(lines).toContain('| t | a \\| b | MISS |');
    const summaryRow = lines.findIndex((line) => line.startsWith('| readability/ (median of 1)'));
    const everyPage = lines.indexOf('<details><summary>Every page</summary>');
    expect(summaryRow).toBeGreaterThan(lines.findIndex((line) => line.startsWith('| gen-1k')));
    expect(everyPage).toBeGreaterThan(summaryRow);
    expect(lines.slice(everyPage).some((line) => line.startsWith('| readability/a |'))).toBe(true);
  });
});

describe('bench stats', () => {
  it('takes medians and nearest-rank quantiles', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeUndefined();
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(hundred, 0.99)).toBe(99);
    expect(quantile(hundred, 0.5)).toBe(50);
  });
});
