/**
 * Reads a Chrome trace of one tab and tells which main-thread time was the extension's.
 *
 * Exact where the trace says so: script entry points (EvaluateScript, FunctionCall, compile)
 * carry the URL of the script they enter, so every callback into the content script (slices,
 * listeners, observers) is timed to the microsecond. Promise continuations run inside a
 * microtask checkpoint with no URL; there the JS stack samples decide: a sample whose stack
 * holds a frame of the extension counts for the time since the previous sample.
 *
 * Times are trace microseconds throughout.
 */

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, where the trace records it. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown>;
}

export interface Interval {
  start: number;
  end: number;
}

export interface ThreadTask extends Interval {
  /** Microseconds the thread itself ran (its wall time where the trace gives no thread time). */
  cpu: number;
}

export interface Dispatch extends Interval {
  type: string;
}

export interface Sample {
  ts: number;
  /** Microseconds this sample stands for (the time since the previous one, capped). */
  weight: number;
  ours: boolean;
  /** The innermost frame's node in `Timeline.profileNodes`. */
  node: number;
}

export interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName?: string; url?: string; lineNumber?: number };
}

export interface Timeline {
  pid: number;
  tid: number;
  /** Top-level tasks of the main thread, in order. */
  tasks: Interval[];
  /**
   * The same tasks with their thread time: on a shared machine a task's wall time also holds
   * the moments the system ran another process on its core.
   */
  threadTasks: ThreadTask[];
  /** Merged intervals where the extension's script was on the stack, by the trace's own events. */
  exact: Interval[];
  /** JS samples of the main thread; empty when the trace was recorded without the sampler. */
  samples: Sample[];
  profileNodes: Map<number, ProfileNode>;
  /** First evaluation of the content script; undefined when it never ran. */
  contentScriptStart: number | undefined;
  dispatches: Dispatch[];
  /** Rendering steps (style, layout, pre-paint, paint...) with their kind in `type`. */
  rendering: Dispatch[];
  /** performance.mark() names to their trace times, and to the page's performance.now(). */
  marks: Map<string, { ts: number; startTime: number }[]>;
}

const EXACT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.run']);
/**
 * The document lifecycle steps. They follow one another, except that Chromium (156) may record a
 * Paint of the root element inside the document's Paint (seen when our highlights change); such a
 * nested step is counted once, as part of the outer one.
 */
export const RENDERING_EVENTS = new Set([
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'HitTest',
]);
// A sample never stands for more than this, so a pause in sampling is not blamed on anyone.
const MAX_SAMPLE_WEIGHT_US = 2000;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

function scriptUrl(event: TraceEvent): string | undefined {
  const data = record(event.args?.data);
  const url = data?.url ?? event.args?.fileName;
  return typeof url === 'string' ? url : undefined;
}

/** Sorted, without the intervals that lie inside an earlier one. */
function outermost<T extends Interval>(intervals: readonly T[]): T[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const next of sorted) {
    const last = kept[kept.length - 1];
    if (last === undefined || next.end > last.end) kept.push(next);
  }
  return kept;
}

/** Sorted intervals with overlaps and nesting merged. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const next of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else merged.push({ ...next });
  }
  return merged;
}

/** Length of `intervals` (merged, sorted) inside [from, to). */
export function overlap(intervals: readonly Interval[], from: number, to: number): number {
  let total = 0;
  for (const { start, end } of intervals) {
    if (end <= from) continue;
    if (start >= to) break;
    total += Math.min(end, to) - Math.max(start, from);
  }
  return total;
}

function contains(intervals: readonly Interval[], ts: number): boolean {
  let low = 0;
  let high = intervals.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const interval = intervals[middle]!;
    if (ts < interval.start) high = middle - 1;
    else if (ts >= interval.end) low = middle + 1;
    else return true;
  }
  return false;
}

function readSamples(
  events: readonly TraceEvent[],
  pid: number,
  tid: number,
  isOurs: (url: string) => boolean,
): { samples: Sample[]; nodes: Map<number, ProfileNode> } {
  const nodes = new Map<number, ProfileNode>();
  const profile = events.find((e) => e.name === 'Profile' && e.pid === pid && e.tid === tid);
  if (profile === undefined) return { samples: [], nodes };
  const start = record(profile.args?.data)?.startTime;
  let clock = typeof start === 'number' ? start : profile.ts;
  const oursByNode = new Map<number, boolean>();
  const nodeIsOurs = (id: number): boolean => {
    const known = oursByNode.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    const url = node?.callFrame.url ?? '';
    const ours =
      node !== undefined && (isOurs(url) || (node.parent !== undefined && nodeIsOurs(node.parent)));
    oursByNode.set(id, ours);
    return ours;
  };
  const raw: { ts: number; node: number }[] = [];
  for (const event of events) {
    if (event.name !== 'ProfileChunk' || event.pid !== pid || event.id !== profile.id) continue;
    const data = record(event.args?.data);
    const cpuProfile = record(data?.cpuProfile);
    for (const node of (cpuProfile?.nodes as ProfileNode[] | undefined) ?? []) {
      nodes.set(node.id, node);
    }
    const ids = (cpuProfile?.samples as number[] | undefined) ?? [];
    const deltas = (data?.timeDeltas as number[] | undefined) ?? [];
    ids.forEach((node, i) => {
      clock += deltas[i] ?? 0;
      raw.push({ ts: clock, node });
    });
  }
  raw.sort((a, b) => a.ts - b.ts);
  const samples = raw.map(({ ts, node }, i) => ({
    ts,
    weight: i === 0 ? 0 : Math.min(ts - raw[i - 1]!.ts, MAX_SAMPLE_WEIGHT_US),
    ours: nodeIsOurs(node),
    node,
  }));
  return { samples, nodes };
}

/**
 * The page's main thread: where the content script was first evaluated or, when the trace
 * does not hold that moment, where the bench first marked a time with performance.mark().
 */
export function buildTimeline(
  events: readonly TraceEvent[],
  extensionPrefix = 'chrome-extension://',
): Timeline | undefined {
  const isOurs = (url: string) => url.startsWith(extensionPrefix);
  const firstEval = events
    .filter((e) => e.name === 'EvaluateScript' && isOurs(scriptUrl(e) ?? ''))
    .sort((a, b) => a.ts - b.ts)[0];
  const probeMark = events
    .filter((e) => e.name.startsWith('zf-bench:'))
    .sort((a, b) => a.ts - b.ts)[0];
  const anchor = firstEval ?? probeMark;
  if (anchor === undefined) return undefined;
  const { pid, tid } = anchor;
  const own = events.filter((e) => e.pid === pid && e.tid === tid);

  const runTasks = own
    .filter((e) => e.name === 'RunTask' && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  const tasks = mergeIntervals(runTasks.map((e) => ({ start: e.ts, end: e.ts + (e.dur ?? 0) })));
  // A task run inside another (a nested message loop) is already in the outer one's time.
  const threadTasks: ThreadTask[] = [];
  for (const e of runTasks) {
    const end = e.ts + (e.dur ?? 0);
    const outer = threadTasks[threadTasks.length - 1];
    if (outer !== undefined && e.ts < outer.end) continue;
    threadTasks.push({ start: e.ts, end, cpu: e.tdur ?? e.dur ?? 0 });
  }
  const exact = mergeIntervals(
    own
      .filter((e) => e.ph === 'X' && EXACT_EVENTS.has(e.name) && isOurs(scriptUrl(e) ?? ''))
      .map((e) => ({ start: e.ts, end: e.ts + (e.dur ?? 0) })),
  );
  const dispatches = own
    .filter((e) => e.name === 'EventDispatch' && e.ph === 'X')
    .map((e) => {
      const type = record(e.args?.data)?.type;
      return { type: typeof type === 'string' ? type : '', start: e.ts, end: e.ts + (e.dur ?? 0) };
    })
    .sort((a, b) => a.start - b.start);
  const rendering = outermost(
    own
      .filter((e) => e.ph === 'X' && RENDERING_EVENTS.has(e.name))
      .map((e) => ({ type: e.name, start: e.ts, end: e.ts + (e.dur ?? 0) })),
  );
  const marks = new Map<string, { ts: number; startTime: number }[]>();
  for (const e of own) {
    if (!e.cat.includes('blink.user_timing') || !e.name.startsWith('zf-bench:')) continue;
    const startTime = record(e.args?.data)?.startTime;
    if (typeof startTime !== 'number') continue;
    const list = marks.get(e.name) ?? [];
    list.push({ ts: e.ts, startTime });
    marks.set(e.name, list);
  }
  const profile = readSamples(events, pid, tid, isOurs);
  return {
    pid,
    tid,
    tasks,
    threadTasks,
    exact,
    samples: profile.samples,
    profileNodes: profile.nodes,
    contentScriptStart: firstEval?.ts,
    dispatches,
    rendering,
    marks,
  };
}

/**
 * Time per rendering step in [from, to), longest first. Steps our own script forced (a layout
 * for a hit test inside our call) are already our time and left out.
 */
export function renderingTime(
  timeline: Timeline,
  from = -Infinity,
  to = Infinity,
): Record<string, number> {
  const totals = new Map<string, number>();
  for (const step of timeline.rendering) {
    if (step.end <= from || step.start >= to) continue;
    const start = Math.max(step.start, from);
    const end = Math.min(step.end, to);
    const length = end - start - overlap(timeline.exact, start, end);
    if (length > 0) totals.set(step.type, (totals.get(step.type) ?? 0) + length);
  }
  return Object.fromEntries([...totals].sort((a, b) => b[1] - a[1]));
}

/** All rendering in [from, to) that our script did not force. */
export function renderingTotal(timeline: Timeline, from = -Infinity, to = Infinity): number {
  return Object.values(renderingTime(timeline, from, to)).reduce((sum, us) => sum + us, 0);
}

/** The end of the last task in the trace. */
export function traceEnd(timeline: Timeline): number {
  return timeline.tasks[timeline.tasks.length - 1]?.end ?? 0;
}

/** The extension's main-thread time in [from, to): exact intervals plus sampled time outside them. */
export function oursTime(timeline: Timeline, from = -Infinity, to = Infinity): number {
  let total = overlap(timeline.exact, from, to);
  for (const sample of timeline.samples) {
    if (sample.ts < from || sample.ts >= to || !sample.ours) continue;
    if (!contains(timeline.exact, sample.ts)) total += sample.weight;
  }
  return total;
}

/** Main-thread busy time (inside any top-level task) in [from, to). */
export function busyTime(timeline: Timeline, from = -Infinity, to = Infinity): number {
  return overlap(timeline.tasks, from, to);
}

/** The longest thread time of a top-level task in [from, to). */
export function longestTaskThreadTime(timeline: Timeline, from = -Infinity, to = Infinity): number {
  let longest = 0;
  for (const task of timeline.threadTasks) {
    if (task.end <= from || task.start >= to) continue;
    longest = Math.max(longest, task.cpu);
  }
  return longest;
}

/**
 * The main thread's thread time in tasks in [from, to); a task cut by the window counts for
 * the part of its wall time inside it.
 */
export function busyThreadTime(timeline: Timeline, from = -Infinity, to = Infinity): number {
  let total = 0;
  for (const task of timeline.threadTasks) {
    if (task.end <= from || task.start >= to) continue;
    const wall = task.end - task.start;
    const inside = Math.min(task.end, to) - Math.max(task.start, from);
    total += wall > 0 ? (task.cpu * inside) / wall : 0;
  }
  return total;
}

export interface TaskShare extends Interval {
  ours: number;
}

/** Every top-level task in [from, to) in which the extension ran, with its share. */
export function tasksWithOurs(timeline: Timeline, from = -Infinity, to = Infinity): TaskShare[] {
  const shares: TaskShare[] = [];
  for (const task of timeline.tasks) {
    if (task.end <= from || task.start >= to) continue;
    const ours = oursTime(timeline, task.start, task.end);
    if (ours > 0) shares.push({ ...task, ours });
  }
  return shares;
}

/**
 * The longest task we added: a task mostly ours counts whole (what the reader waits for,
 * garbage collection included); in a task mostly someone else's (an input event the page also
 * handles) only our part counts.
 */
export function longestOursTask(timeline: Timeline, from = -Infinity, to = Infinity): number {
  let longest = 0;
  for (const task of tasksWithOurs(timeline, from, to)) {
    const length = task.end - task.start;
    longest = Math.max(longest, task.ours * 2 >= length ? length : task.ours);
  }
  return longest;
}

export function longestTask(timeline: Timeline, from = -Infinity, to = Infinity): number {
  let longest = 0;
  for (const task of timeline.tasks) {
    if (task.end <= from || task.start >= to) continue;
    longest = Math.max(longest, task.end - task.start);
  }
  return longest;
}

/** Trace time of the probe's start (the document's start, give or take a task). */
export function clockTime(timeline: Timeline): number | undefined {
  return timeline.marks.get('zf-bench:clock')?.[0]?.ts;
}

/** Trace time of a page performance.now() value, from the probe's clock mark. */
export function traceTimeOf(timeline: Timeline, pageTime: number): number | undefined {
  const clock = timeline.marks.get('zf-bench:clock')?.[0];
  return clock === undefined ? undefined : clock.ts + (pageTime - clock.startTime) * 1000;
}

/** End of the last stretch of the extension's work that ended at or before `ts`. */
export function lastOursEndBefore(timeline: Timeline, ts: number): number | undefined {
  let found: number | undefined;
  for (const interval of timeline.exact) {
    if (interval.end > ts) break;
    found = interval.end;
  }
  for (const sample of timeline.samples) {
    if (sample.ts > ts) break;
    if (sample.ours && (found === undefined || sample.ts > found)) found = sample.ts;
  }
  return found;
}

/**
 * When the extension's initial work ended: the end of the last stretch of its work before the
 * first pause of at least `gapUs` that starts at or after `notBefore`.
 */
export function workEnd(timeline: Timeline, notBefore: number, gapUs: number): number | undefined {
  const stretches = mergeIntervals([
    ...timeline.exact,
    ...timeline.samples
      .filter((s) => s.ours && !contains(timeline.exact, s.ts))
      .map((s) => ({ start: s.ts - s.weight, end: s.ts })),
  ]);
  let end: number | undefined;
  for (const stretch of stretches) {
    if (end !== undefined && end >= notBefore && stretch.start - end >= gapUs) return end;
    end = stretch.end;
  }
  return end;
}

export interface FunctionCost {
  /** `name (file:line)`, as in the script the browser ran. */
  frame: string;
  /** Sampled ms with this function anywhere on the stack. */
  inclusiveMs: number;
  /** Sampled ms with this function innermost (or a browser builtin it called). */
  selfMs: number;
}

/**
 * Where our sampled time went, by function of our script: the way to tell which phase of the
 * engine costs what. Readable with an unminified build (`--profile`).
 */
export function functionProfile(
  timeline: Timeline,
  extensionPrefix = 'chrome-extension://',
  from = -Infinity,
  to = Infinity,
): FunctionCost[] {
  const costs = new Map<string, FunctionCost>();
  const label = (node: ProfileNode) => {
    const file = (node.callFrame.url ?? '').replace(/^.*\//, '');
    return `${node.callFrame.functionName || '(anonymous)'} (${file}:${(node.callFrame.lineNumber ?? 0) + 1})`;
  };
  const cost = (frame: string) => {
    let entry = costs.get(frame);
    if (entry === undefined) {
      entry = { frame, inclusiveMs: 0, selfMs: 0 };
      costs.set(frame, entry);
    }
    return entry;
  };
  for (const sample of timeline.samples) {
    if (!sample.ours || sample.ts < from || sample.ts >= to) continue;
    const ms = sample.weight / 1000;
    const seen = new Set<string>();
    let selfDone = false;
    for (
      let node = timeline.profileNodes.get(sample.node);
      node !== undefined;
      node = node.parent === undefined ? undefined : timeline.profileNodes.get(node.parent)
    ) {
      if (!(node.callFrame.url ?? '').startsWith(extensionPrefix)) continue;
      const frame = label(node);
      if (!selfDone) {
        cost(frame).selfMs += ms;
        selfDone = true;
      }
      if (seen.has(frame)) continue;
      seen.add(frame);
      cost(frame).inclusiveMs += ms;
    }
  }
  return [...costs.values()].sort((a, b) => b.inclusiveMs - a.inclusiveMs);
}
