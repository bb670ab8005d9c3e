import { describe, expect, it } from 'vitest';
import {
  consoleTable,
  corpusGroupRows,
  evaluateTargets,
  markdownTable,
  steadyTasks,
  type PhaseResults,
  summarisePage,
  type PageSummary,
} from '../../scripts/bench-support/bench-report.ts';
import type {
  BaselineResult,
  OursResult,
  ScrollResult,
  SteadyResult,
} from '../../scripts/bench-support/measure-page.ts';
import {
  buildTimeline,
  busyThreadTime,
  longestTaskThreadTime,
  type TraceEvent,
} from '../../scripts/bench-support/trace-attribution.ts';

function steady(longestTaskMs: number, busyShare: number): SteadyResult {
  return {
    windowMs: 3000,
    longestTaskMs,
    longestTaskWallMs: longestTaskMs + 1,
    busyShare,
    busyShareWall: busyShare + 0.01,
    oursMs: 0,
    renderingMs: {},
  };
}

function baseline(steadyResult?: SteadyResult): BaselineResult {
  return {
    floorMs: 1,
    floorRunsMs: [1],
    isolatedFloorRunsMs: [],
    textNodes: 10,
    chars: 100,
    longestTaskMs: 5,
    heapBytes: 1000,
    mark: { ms: 10, wrapped: 1, matches: 1, completed: true, estimatedMs: 10 },
    loaded: true,
    phaseErrors: [],
    pageRenderingMs: () => 0,
    ...(steadyResult === undefined ? {} : { steady: steadyResult }),
  };
}

function ours(steadyResult?: SteadyResult): OursResult {
  return {
    runs: [
      {
        ms: 10,
        count: 1,
        firstViewportMs: 5,
        allRegisteredMs: 5,
        workEndMs: 5,
        longestOursTaskMs: 4,
        longestTaskMs: 6,
        inducedMs: 0,
        renderingMs: {},
        settled: true,
        loaded: true,
      },
    ],
    heapBytes: 2000,
    viewportHasHighlight: true,
    extensionErrors: [],
    phaseErrors: [],
    ...(steadyResult === undefined ? {} : { steady: steadyResult }),
  };
}

/** A page whose only figures are the steady ones (its load's own tasks are short). */
function settled(name: string, withMs: number, withoutMs: number): PageSummary {
  return {
    name,
    group: 'size',
    bytes: 1,
    longestOursTaskMs: 5,
    steadyTaskWithMs: withMs,
    steadyTaskWithoutMs: withoutMs,
  };
}

function taskTarget(pages: PageSummary[], scroll: PhaseResults['scroll'] = []) {
  const targets = evaluateTargets({
    pages,
    phases: { feed: [], hover: [], scroll },
    size: undefined,
  });
  return targets.find((target) => target.target.startsWith('no task we add'))!;
}

function scrolling(longTasks: number): ScrollResult {
  return { steps: 20, windowMs: 4000, longTasks, longestTaskMs: 90, busyMs: 900, oursMs: 2 };
}

describe('bench steady phase: report', () => {
  it('carries both browsers’ steady figures into the page summary', () => {
    const summary = summarisePage(
      { name: 'size/huge-text-node', group: 'size', bytes: 1 },
      baseline(steady(2, 0.036)),
      ours(steady(62.8, 0.91)),
    );
    expect(summary.steadyTaskWithMs).toBe(62.8);
    expect(summary.steadyTaskWithoutMs).toBe(2);
    expect(summary.steadyBusyWith).toBe(0.91);
    expect(summary.steadyBusyWithout).toBe(0.036);

    const missing = summarisePage({ name: 'p', group: 'size', bytes: 1 }, baseline(), ours());
    expect(missing.steadyTaskWithMs).toBeUndefined();
    expect(missing.steadyTaskWithoutMs).toBeUndefined();
  });

  it('misses the task target when a settled page has a long task the page alone does not', () => {
    const target = taskTarget([settled('gen-1k', 1, 1.1), settled('size/huge-text-node', 62.8, 2)]);
    expect(target.verdict).toBe('MISS');
    expect(target.figure).toContain('worst size/huge-text-node with 62.8 ms vs 2.0 ms without');
    expect(target.figure).toContain('over on 1 of 2 (size/huge-text-node)');
  });

  it('leaves the page’s own long tasks, and long tasks under the limit, to the page', () => {
    // Over 50 ms with the extension, but no more than the page's own plus the margin.
    expect(taskTarget([settled('busy-page', 58, 49)]).verdict).toBe('PASS');
    // Far more than without, but under the limit.
    expect(taskTarget([settled('light-page', 45, 2)]).verdict).toBe('PASS');
    // Just past both: 50.5 ms, 10.5 ms more than without.
    expect(taskTarget([settled('edge-page', 50.5, 40)]).verdict).toBe('MISS');
  });

  it('names as worst the page where the extension added the most, not the longest task', () => {
    const result = steadyTasks([settled('own-long', 80, 79), settled('added', 30, 5)]);
    expect(result.worst?.page).toBe('added');
    expect(result.judged).toBe(2);
    expect(result.over).toHaveLength(0);
    // A page with only one side measured is not judged.
    expect(steadyTasks([{ name: 'half', group: 'size', bytes: 1, steadyTaskWithMs: 90 }])).toEqual({
      judged: 0,
      over: [],
      worst: undefined,
    });
  });

  it('misses the task target when scrolling makes more long tasks than the page alone', () => {
    const pages = [settled('gen-100k', 1, 1)];
    const more = taskTarget(pages, [
      { page: 'gen-100k', result: scrolling(12), without: scrolling(10) },
    ]);
    expect(more.verdict).toBe('MISS');
    expect(more.figure).toContain('scrolling, tasks over 50 ms with/without: gen-100k 12/10');
    const same = taskTarget(pages, [
      { page: 'gen-100k', result: scrolling(10), without: scrolling(10) },
    ]);
    expect(same.verdict).toBe('PASS');
    // Scrolled with the extension only: nothing to compare, nothing judged.
    expect(taskTarget(pages, [{ page: 'gen-100k', result: scrolling(12) }]).verdict).toBe('PASS');
  });

  it('still judges the load tasks when no page has steady figures', () => {
    const page: PageSummary = { name: 'p', group: 'size', bytes: 1, longestOursTaskMs: 60 };
    const target = taskTarget([page]);
    expect(target.verdict).toBe('MISS');
    expect(target.figure).not.toContain('settled pages');
    expect(taskTarget([]).verdict).toBe('NOT RUN');
  });

  it('shows the steady figures as with/without cells in both tables', () => {
    const page: PageSummary = {
      ...settled('size/huge-text-node', 62.84, 2),
      steadyBusyWith: 0.911,
      steadyBusyWithout: 0.036,
    };
    const [header, row] = consoleTable([page]).split('\n');
    expect(header).toContain('steady task ms w/wo');
    expect(header).toContain('steady busy % w/wo');
    expect(row).toContain('62.8/2.0');
    expect(row).toContain('91.1/3.6');
    const markdown = markdownTable([{ ...page, steadyTaskWithoutMs: undefined }]);
    expect(markdown).toContain('| 62.8/– |');
    expect(markdownTable([{ name: 'none', group: 'size', bytes: 1 }])).not.toContain('/–');
  });

  it('sums a corpus folder’s steady figures up by their medians', () => {
    const corpus = (name: string, withMs: number, busy: number): PageSummary => ({
      name,
      group: 'entities',
      bytes: 1,
      steadyTaskWithMs: withMs,
      steadyTaskWithoutMs: 1,
      steadyBusyWith: busy,
    });
    const [row] = corpusGroupRows([
      corpus('entities/a', 3, 0.02),
      corpus('entities/b', 9, 0.05),
      corpus('entities/c', 4, 0.03),
    ]);
    expect(row?.steadyTaskWithMs).toBe(4);
    expect(row?.steadyBusyWith).toBe(0.03);
  });
});

describe('bench steady phase: thread time', () => {
  const MAIN = { pid: 1, tid: 1 };
  const task = (ts: number, dur: number, tdur?: number): TraceEvent => ({
    name: 'RunTask',
    cat: 'disabled-by-default-devtools.timeline',
    ph: 'X',
    ts,
    dur,
    ...(tdur === undefined ? {} : { tdur }),
    ...MAIN,
  });
  const anchor: TraceEvent = {
    name: 'zf-bench:steady-start',
    cat: 'blink.user_timing',
    ph: 'I',
    ts: 0,
    ...MAIN,
    args: { data: { startTime: 0 } },
  };

  it('times tasks by the thread’s own time, not the wall time another process took', () => {
    const timeline = buildTimeline([
      anchor,
      // 48 ms on the wall, 3 ms of it the thread's: preempted.
      task(1000, 48_000, 3000),
      task(60_000, 20_000, 19_000),
      // Nested in the task above: already in its thread time.
      task(61_000, 5000, 5000),
      // No thread time in the trace: its wall time stands in.
      task(90_000, 7000),
      // Another thread's task.
      { ...task(0, 100_000, 100_000), tid: 2 },
    ])!;
    expect(longestTaskThreadTime(timeline)).toBe(19_000);
    expect(busyThreadTime(timeline)).toBe(3000 + 19_000 + 7000);
    // Half of the 20 ms task's wall time lies in the window: half its thread time counts.
    expect(busyThreadTime(timeline, 70_000, 100_000)).toBe(9500 + 7000);
    expect(longestTaskThreadTime(timeline, 85_000, 100_000)).toBe(7000);
  });
});
