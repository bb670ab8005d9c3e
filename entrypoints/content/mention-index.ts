/**
 * The page's mentions, in document order, for everyone who needs them: the highlights, the hover
 * card (hit-testing and keyboard moves), the popup's "On this page" list and the badge.
 *
 * Scans report what they found per group of text nodes (`replace`); the store keeps every
 * mention, including those of switched-off entities, so toggling an entity only changes what is
 * visible and never needs a rescan.
 */
import type { GroupId } from '@/data/schema';
import { comparePoints } from './document-order';

export interface PageMention {
  readonly id: number;
  readonly entityId: string;
  readonly group: GroupId;
  /** A live Range over the mention (made on first use: live ranges cost the page on every edit). */
  readonly range: Range;
  readonly text: string;
}

export interface MentionIndex {
  /** Visible mentions (enabled entities only), in document order. */
  all(): readonly PageMention[];
  /** The mention a range returned by `CSS.highlights.highlightsFromPoint` belongs to. */
  byRange(range: AbstractRange): PageMention | undefined;
  /**
   * The mention covering a caret position (`caretPositionFromPoint`). A position on the border
   * of two touching mentions belongs to the one that starts there.
   */
  at(node: Node, offset: number): PageMention | undefined;
  /** The next visible mention after `after` (of `entityId`, if given), wrapping to the start. */
  next(after: PageMention | undefined, entityId?: string): PageMention | undefined;
  /** Called once after each batch of changes. Returns the function that unsubscribes. */
  subscribe(callback: () => void): () => void;
}

/** What a scan found: the text nodes the mention touches come in document order. */
export interface FoundMention {
  entityId: string;
  range: StaticRange;
  text: string;
  nodes: readonly Text[];
}

/** A mention with the range that is registered in the highlights. */
export interface IndexedMention extends PageMention {
  readonly staticRange: StaticRange;
}

/** What changed among the visible mentions since the last flush. */
export interface MentionDelta {
  added: IndexedMention[];
  removed: IndexedMention[];
}

export interface MentionStore {
  readonly index: MentionIndex;
  /**
   * Drops every mention touching one of `nodes` and records `found` (mentions inside those
   * nodes, in document order). Scanning the same nodes twice therefore never duplicates.
   */
  replace(nodes: Iterable<Text>, found: readonly FoundMention[]): void;
  /** Drops every mention touching one of `nodes` (they left the page). */
  drop(nodes: Iterable<Text>): void;
  /** Which entities are shown; the rest stay indexed but invisible. */
  setVisibleEntities(isVisible: (entityId: string) => boolean): void;
  /** Forgets every mention. */
  clear(): void;
  /** Starts a new generation: mentions recorded from now on carry its number. */
  nextGeneration(): number;
  /** Drops the mentions recorded before `generation` (a full rescan did not find them again). */
  dropOlderThan(generation: number): void;
  /** Visible mentions per entity, in order of first appearance. */
  counts(): Map<string, { text: string; count: number }>;
  /** Visible mention count. */
  readonly size: number;
  /** Hands over the visible changes since the last flush and tells subscribers. */
  flush(): MentionDelta;
}

class MentionRecord implements IndexedMention {
  alive = true;
  visible: boolean;
  /** Registered in the highlights (as of the last flush). */
  published = false;
  #live: Range | undefined;

  constructor(
    readonly id: number,
    readonly entityId: string,
    readonly group: GroupId,
    readonly text: string,
    readonly staticRange: StaticRange,
    readonly nodes: readonly Text[],
    readonly generation: number,
    visible: boolean,
  ) {
    this.visible = visible;
  }

  get range(): Range {
    if (this.#live === undefined) {
      const { startContainer, startOffset, endContainer, endOffset } = this.staticRange;
      const range = startContainer.ownerDocument?.createRange() ?? document.createRange();
      try {
        range.setStart(startContainer, startOffset);
        range.setEnd(endContainer, endOffset);
      } catch {
        // The text changed under a stale mention: a collapsed range is harmless to callers.
        range.selectNodeContents(startContainer);
        range.collapse(true);
      }
      this.#live = range;
    }
    return this.#live;
  }
}

function startOf(record: MentionRecord): [Node, number] {
  return [record.staticRange.startContainer, record.staticRange.startOffset];
}

function before(a: MentionRecord, b: MentionRecord): boolean {
  return comparePoints(...startOf(a), ...startOf(b)) < 0;
}

export function createMentionStore(
  groupOf: (entityId: string) => GroupId | undefined,
): MentionStore {
  let nextId = 1;
  let generation = 0;
  let isVisible: (entityId: string) => boolean = () => true;
  // Every mention in document order; removed ones stay (alive = false) until the next compaction.
  let ordered: MentionRecord[] = [];
  let dead = 0;
  let visibleCount = 0;
  const byNode = new Map<Text, MentionRecord[]>();
  const byRange = new Map<AbstractRange, MentionRecord>();
  const subscribers = new Set<() => void>();
  let added: MentionRecord[] = [];
  let removed: MentionRecord[] = [];
  let changed = false;
  let visibleList: MentionRecord[] | undefined;
  let positions: Map<MentionRecord, number> | undefined;

  function invalidate(): void {
    changed = true;
    visibleList = undefined;
    positions = undefined;
  }

  function kill(record: MentionRecord): void {
    if (!record.alive) return;
    record.alive = false;
    dead++;
    byRange.delete(record.staticRange);
    for (const node of record.nodes) {
      const list = byNode.get(node);
      if (list === undefined) continue;
      const rest = list.filter((other) => other !== record);
      if (rest.length === 0) byNode.delete(node);
      else byNode.set(node, rest);
    }
    if (record.visible) {
      visibleCount--;
      removed.push(record);
    }
    invalidate();
  }

  function drop(nodes: Iterable<Text>): void {
    if (byNode.size === 0) return;
    for (const node of nodes) {
      const list = byNode.get(node);
      if (list !== undefined) for (const record of [...list]) kill(record);
    }
  }

  /** Removes dead entries once they outnumber the living, so the cost stays amortized. */
  function compactIfSparse(): void {
    if (dead <= 32 || dead * 2 < ordered.length) return;
    ordered = ordered.filter((record) => record.alive);
    dead = 0;
  }

  /** The index of a living entry in [low, high), the nearest to `at`, or -1. */
  function livingNear(at: number, low: number, high: number): number {
    for (let step = 0; at + step < high || at - step >= low; step++) {
      const ahead = at + step;
      const behind = at - step;
      if (ahead >= low && ahead < high && ordered[ahead]!.alive) return ahead;
      if (behind >= low && behind < high && ordered[behind]!.alive) return behind;
    }
    return -1;
  }

  /**
   * Where a run of mentions (contiguous in document order) goes in `ordered`. Dead entries are
   * stepped over: their nodes may have left the page, so their position means nothing.
   */
  function insertionPoint(first: MentionRecord): number {
    compactIfSparse();
    const lastAlive = livingNear(ordered.length - 1, 0, ordered.length);
    // Scans run in document order, so appending is by far the common case.
    if (lastAlive < 0 || before(ordered[lastAlive]!, first)) return ordered.length;
    let low = 0;
    let high = lastAlive + 1;
    while (low < high) {
      const probe = livingNear((low + high) >>> 1, low, high);
      if (probe < 0) break;
      if (before(ordered[probe]!, first)) low = probe + 1;
      else high = probe;
    }
    return low;
  }

  function replace(nodes: Iterable<Text>, found: readonly FoundMention[]): void {
    drop(nodes);
    const records: MentionRecord[] = [];
    for (const mention of found) {
      const group = groupOf(mention.entityId);
      if (group === undefined) continue;
      const visible = isVisible(mention.entityId);
      const record = new MentionRecord(
        nextId++,
        mention.entityId,
        group,
        mention.text,
        mention.range,
        mention.nodes,
        generation,
        visible,
      );
      records.push(record);
      byRange.set(record.staticRange, record);
      for (const node of record.nodes) {
        const list = byNode.get(node);
        if (list === undefined) byNode.set(node, [record]);
        else list.push(record);
      }
      if (visible) {
        visibleCount++;
        added.push(record);
      }
    }
    if (records.length === 0) return;
    // Computed first: finding the place may compact, which replaces `ordered`.
    const at = insertionPoint(records[0]!);
    ordered.splice(at, 0, ...records);
    invalidate();
  }

  function visible(): MentionRecord[] {
    visibleList ??= ordered.filter((record) => record.alive && record.visible);
    return visibleList;
  }

  function positionOf(record: MentionRecord): number | undefined {
    positions ??= new Map(visible().map((entry, position) => [entry, position]));
    return positions.get(record);
  }

  const index: MentionIndex = {
    all: visible,
    byRange(range) {
      const record = byRange.get(range);
      if (record !== undefined) return record.visible ? record : undefined;
      // A range we did not hand out (another world's wrapper of ours): look it up by position.
      return range.startContainer instanceof Text
        ? index.at(range.startContainer, range.startOffset)
        : undefined;
    },
    at(node, offset) {
      if (!(node instanceof Text)) return undefined;
      let best: MentionRecord | undefined;
      for (const record of byNode.get(node) ?? []) {
        if (!record.alive || !record.visible) continue;
        const { startContainer, startOffset, endContainer, endOffset } = record.staticRange;
        const afterStart = startContainer !== node || offset >= startOffset;
        const beforeEnd = endContainer !== node || offset <= endOffset;
        if (!afterStart || !beforeEnd) continue;
        // On a shared border the mention that starts there wins over the one that ends there.
        if (endContainer === node && offset === endOffset && best === undefined) best = record;
        else if (!(endContainer === node && offset === endOffset)) return record;
      }
      return best;
    },
    next(after, entityId) {
      const list = visible();
      if (list.length === 0) return undefined;
      let start = 0;
      if (after !== undefined) {
        const known = after instanceof MentionRecord ? positionOf(after) : undefined;
        if (known !== undefined) start = known + 1;
        else if (after instanceof MentionRecord) {
          // The mention left the page: continue from where it was.
          const [node, offset] = startOf(after);
          start = list.findIndex((record) => comparePoints(node, offset, ...startOf(record)) < 0);
          if (start < 0) start = list.length;
        }
      }
      for (let step = 0; step < list.length; step++) {
        const candidate = list[(start + step) % list.length]!;
        if (entityId === undefined || candidate.entityId === entityId) return candidate;
      }
      return undefined;
    },
    subscribe(callback) {
      subscribers.add(callback);
      return () => subscribers.delete(callback);
    },
  };

  return {
    index,
    replace,
    drop,
    setVisibleEntities(predicate) {
      isVisible = predicate;
      for (const record of ordered) {
        if (!record.alive) continue;
        const now = predicate(record.entityId);
        if (now === record.visible) continue;
        record.visible = now;
        if (now) {
          visibleCount++;
          added.push(record);
        } else {
          visibleCount--;
          removed.push(record);
        }
        invalidate();
      }
    },
    clear() {
      for (const record of ordered) kill(record);
      ordered = [];
      dead = 0;
    },
    nextGeneration() {
      return ++generation;
    },
    dropOlderThan(oldest) {
      for (const record of ordered) if (record.generation < oldest) kill(record);
    },
    counts() {
      const counts = new Map<string, { text: string; count: number }>();
      for (const record of visible()) {
        const entry = counts.get(record.entityId);
        if (entry === undefined) counts.set(record.entityId, { text: record.text, count: 1 });
        else entry.count++;
      }
      return counts;
    },
    get size() {
      return visibleCount;
    },
    flush() {
      // Judge each mention by where it ended up against what the highlights hold: one added and
      // removed within a batch never reaches them, one hidden and shown again stays.
      const shown = (record: MentionRecord) => record.alive && record.visible;
      const nowShown = [...new Set(added)].filter((record) => shown(record) && !record.published);
      const nowHidden = [...new Set(removed)].filter(
        (record) => !shown(record) && record.published,
      );
      for (const record of nowShown) record.published = true;
      for (const record of nowHidden) record.published = false;
      const delta: MentionDelta = { added: nowShown, removed: nowHidden };
      added = [];
      removed = [];
      if (changed) {
        changed = false;
        for (const callback of [...subscribers]) {
          try {
            callback();
          } catch (error) {
            // A subscriber's bug must not stop the others or reach the page.
            console.debug('[zhipu-facts] mention subscriber failed', error);
          }
        }
      }
      return delta;
    },
  };
}
