import { describe, expect, it } from 'vitest';
import {
  buildTimeline,
  busyTime,
  lastOursEndBefore,
  longestOursTask,
  mergeIntervals,
  oursTime,
  renderingTime,
  renderingTotal,
  traceTimeOf,
  workEnd,
  type TraceEvent,
} from '../../scripts/bench-support/trace-attribution.ts';

const EXT = 'chrome-extension://abc/content-scripts/content.js';
const PAGE = 'http://127.0.0.1/app.js';
const MAIN = { pid: 1, tid: 1 };

function task(ts: number, dur: number): TraceEvent {
  return {
    name: 'RunTask',
    cat: 'disabled-by-default-devtools.timeline',
    ph: 'X',
    ts,
    dur,
    ...MAIN,
  };
}

function call(ts: number, dur: number, url: string, name = 'FunctionCall'): TraceEvent {
  return { name, cat: 'devtools.timeline', ph: 'X', ts, dur, ...MAIN, args: { data: { url } } };
}

/** A document lifecycle step (Layout, Paint, …). */
function step(name: string, ts: number, dur: number): TraceEvent {
  return { name, cat: 'devtools.timeline', ph: 'X', ts, dur, ...MAIN };
}

function microtasks(ts: number, dur: number): TraceEvent {
  return { name: 'RunMicrotasks', cat: 'v8.execute', ph: 'X', ts, dur, ...MAIN };
}

function mark(name: string, ts: number, startTime: number): TraceEvent {
  return { name, cat: 'blink.user_timing', ph: 'I', ts, ...MAIN, args: { data: { startTime } } };
}

/**
 * A sampled profile: node 2 is page code, node 3 is our code, node 4 a builtin called from ours.
 * `stacks` are [timestamp, node] pairs.
 */
function profile(start: number, stacks: [number, number][]): TraceEvent[] {
  let previous = start;
  const timeDeltas = stacks.map(([ts]) => {
    const delta = ts - previous;
    previous = ts;
    return delta;
  });
  return [
    {
      name: 'Profile',
      cat: 'v8',
      ph: 'P',
      ts: start,
      id: '0x1',
      ...MAIN,
      args: { data: { startTime: start } },
    },
    {
      name: 'ProfileChunk',
      cat: 'v8',
      ph: 'P',
      ts: start,
      id: '0x1',
      pid: 1,
      tid: 9,
      args: {
        data: {
          cpuProfile: {
            nodes: [
              { id: 1, callFrame: { functionName: '(root)' } },
              { id: 2, parent: 1, callFrame: { functionName: 'page', url: PAGE } },
              { id: 3, parent: 1, callFrame: { functionName: 'ours', url: EXT } },
              { id: 4, parent: 3, callFrame: { functionName: 'sort', url: '' } },
            ],
            samples: stacks.map(([, node]) => node),
          },
          timeDeltas,
        },
      },
    },
  ];
}

describe('bench trace attribution', () => {
  it('merges nested and overlapping intervals', () => {
    expect(
      mergeIntervals([
        { start: 10, end: 20 },
        { start: 0, end: 5 },
        { start: 12, end: 15 },
        { start: 18, end: 30 },
      ]),
    ).toEqual([
      { start: 0, end: 5 },
      { start: 10, end: 30 },
    ]);
  });

  it('counts only the calls into the extension, nested calls once', () => {
    const timeline = buildTimeline([
      task(0, 1000),
      call(100, 300, EXT, 'EvaluateScript'),
      call(150, 100, EXT, 'v8.compile'),
      task(2000, 500),
      call(2000, 400, PAGE),
      task(3000, 200),
      call(3050, 100, EXT),
    ])!;
    expect(timeline.contentScriptStart).toBe(100);
    expect(oursTime(timeline)).toBe(400);
    expect(oursTime(timeline, 2000, 4000)).toBe(100);
    expect(busyTime(timeline)).toBe(1700);
  });

  it('blames a microtask checkpoint on us only for the samples that hold our frames', () => {
    const timeline = buildTimeline([
      call(0, 50, EXT, 'EvaluateScript'),
      task(1000, 600),
      microtasks(1000, 600),
      ...profile(900, [
        [1000, 2],
        [1100, 3],
        [1200, 4],
        [1300, 2],
        [1400, 3],
        [1500, 2],
      ]),
    ])!;
    // Samples at 1100, 1200 (a builtin under our frame) and 1400, 100 µs each.
    expect(oursTime(timeline, 1000, 1600)).toBe(300);
  });

  it('does not count a sample twice when the trace already timed that moment exactly', () => {
    const timeline = buildTimeline([
      call(0, 50, EXT, 'EvaluateScript'),
      call(1000, 500, EXT),
      ...profile(900, [
        [1100, 3],
        [1200, 3],
        [1600, 3],
      ]),
    ])!;
    expect(oursTime(timeline)).toBe(50 + 500 + 400);
  });

  it('takes a mostly-ours task whole and only our part of somebody else’s task', () => {
    const timeline = buildTimeline([
      call(0, 10, EXT, 'EvaluateScript'),
      task(100, 70_000),
      call(100, 60_000, EXT),
      task(100_000, 90_000),
      call(100_000, 20_000, EXT),
    ])!;
    expect(longestOursTask(timeline)).toBe(70_000);
    const other = buildTimeline([
      call(0, 10, EXT, 'EvaluateScript'),
      task(100_000, 90_000),
      call(100_000, 20_000, EXT),
    ])!;
    expect(longestOursTask(other)).toBe(20_000);
  });

  it('maps page time to trace time through the probe clock mark', () => {
    const timeline = buildTimeline([
      call(5_000, 10, EXT, 'EvaluateScript'),
      mark('zf-bench:clock', 1_000_000, 70),
    ])!;
    expect(traceTimeOf(timeline, 170)).toBe(1_100_000);
  });

  it('finds the end of our last work before a moment and the end of a burst of work', () => {
    const timeline = buildTimeline([
      call(0, 100, EXT, 'EvaluateScript'),
      call(200, 100, EXT),
      call(400, 100, EXT),
      call(900_000, 100, EXT),
    ])!;
    expect(lastOursEndBefore(timeline, 450)).toBe(300);
    expect(lastOursEndBefore(timeline, 500)).toBe(500);
    expect(workEnd(timeline, 0, 300_000)).toBe(500);
    expect(workEnd(timeline, 600, 300_000)).toBe(900_100);
  });

  it('counts rendering outside our calls only: a layout our call forced is already ours', () => {
    const timeline = buildTimeline([
      call(0, 10, EXT, 'EvaluateScript'),
      call(100, 100, EXT),
      step('Layout', 120, 50),
      step('PrePaint', 300, 40),
      step('Paint', 350, 20),
      step('PrePaint', 400, 10),
    ])!;
    expect(renderingTime(timeline)).toEqual({ PrePaint: 50, Paint: 20 });
    expect(renderingTotal(timeline, 0, 360)).toBe(50);
  });

  it('counts a rendering step nested in another once (the root element painted inside the document)', () => {
    const timeline = buildTimeline([
      call(0, 10, EXT, 'EvaluateScript'),
      step('PrePaint', 100, 10),
      step('Paint', 110, 65),
      step('Paint', 110.1, 64.9),
      step('Paint', 300, 20),
    ])!;
    expect(renderingTime(timeline)).toEqual({ Paint: 85, PrePaint: 10 });
  });

  it('finds the page thread by the probe mark when the extension never ran', () => {
    const timeline = buildTimeline([
      { ...task(0, 10), pid: 2, tid: 2 },
      mark('zf-bench:clock', 5, 1),
      task(100, 40),
    ])!;
    expect(timeline.contentScriptStart).toBeUndefined();
    expect(busyTime(timeline)).toBe(40);
    expect(buildTimeline([task(0, 10)])).toBeUndefined();
  });
});
