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
  /** How many there are: `all().length` without building the list. */
  readonly size: number;
  /** True while `mention` is on the page and visible. */
  has(mention: PageMention): boolean;
  /** The visible mentions with text in `node`, in document order. */
  touching(node: Node): readonly PageMention[];
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

/** Where `MentionStore.near`'s `locate` puts a mention against the band it looks for. */
export const enum Place {
  Before = -1,
  Inside = 0,
  After = 1,
  /** Nothing painted (inside `display: none`, or its text changed under it). */
  NoBox = 2,
}

/** What changed among the visible mentions since the last flush. */
export interface MentionDelta {
  added: IndexedMention[];
  removed: IndexedMention[];
}

export interface MentionStore {
  readonly index: MentionIndex;
  /**
   * Makes `found` (mentions inside `nodes`, in document order) the mentions of those nodes:
   * mentions found again unchanged are kept as they are (no change is reported for them), the
   * others touching the nodes are dropped. Scanning the same nodes twice therefore never
   * duplicates, and rescanning text whose mentions did not change costs the highlights nothing.
   */
  replace(nodes: readonly Text[], found: readonly FoundMention[]): void;
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
  /** Visible mentions, in document order. */
  shown(): readonly IndexedMention[];
  /** The store's own view of a mention it handed out (with its registered range). */
  indexed(mention: PageMention): IndexedMention | undefined;
  /**
   * The visible mentions `locate` places inside a band (the viewport and a margin), at most
   * `limit` of them, found by a binary search in document order and a walk on both sides of the
   * place it lands: O(log n + what is inside) calls of `locate`. Assumes the page's layout
   * follows document order, with some slack: mentions out of order by more than a few
   * neighbours (a sidebar written after a long article) can be missed.
   */
  near(locate: (mention: IndexedMention) => Place, limit: number): IndexedMention[];
  /** Hands over the visible changes since the last flush and tells subscribers. */
  flush(): MentionDelta;
}

const NONE: readonly MentionRecord[] = [];

// near(): mentions looked at from a binary-search probe to find one with a box.
const PROBE_SPAN = 32;
// near(): consecutive mentions past the band before the walk stops (layouts are not strictly
// in document order: floats, table cells, lines of a flex row).
const MISSES_BEFORE_STOP = 16;
// near(): consecutive mentions without a box the walk goes through before it gives up.
const NO_BOX_RUN = 256;

class MentionRecord implements IndexedMention {
  alive = true;
  visible: boolean;
  /** Reported as visible by the last flush. */
  published = false;
  #live: Range | undefined;

  constructor(
    readonly id: number,
    readonly entityId: string,
    readonly group: GroupId,
    readonly text: string,
    readonly staticRange: StaticRange,
    readonly nodes: readonly Text[],
    public generation: number,
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
  const x = a.staticRange;
  const y = b.staticRange;
  return comparePoints(x.startContainer, x.startOffset, y.startContainer, y.startOffset) < 0;
}

/** The same mention found again: same entity and words, over the same text at the same offsets. */
function sameMention(record: MentionRecord, mention: FoundMention): boolean {
  const [a, b] = [record.staticRange, mention.range];
  if (
    record.entityId !== mention.entityId ||
    record.text !== mention.text ||
    a.startContainer !== b.startContainer ||
    a.startOffset !== b.startOffset ||
    a.endContainer !== b.endContainer ||
    a.endOffset !== b.endOffset ||
    record.nodes.length !== mention.nodes.length
  ) {
    return false;
  }
  return record.nodes.every((node, i) => node === mention.nodes[i]);
}

export function createMentionStore(
  groupOf: (entityId: string) => GroupId | undefined,
): MentionStore {
  let nextId = 1;
  let generation = 0;
  // Mentions kept as they were by rescans of this generation (see dropOlderThan).
  let keptThisGeneration = 0;
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

  /**
   * The index of an entry in [low, high), the nearest to `at`, that can be placed against: alive
   * and still on the page (a mention whose text was just removed is dropped a moment later, and
   * a detached node has no place in document order). -1 when there is none.
   */
  function livingNear(at: number, low: number, high: number): number {
    const placed = (index: number) => {
      const record = ordered[index]!;
      return record.alive && record.staticRange.startContainer.isConnected;
    };
    for (let step = 0; at + step < high || at - step >= low; step++) {
      const ahead = at + step;
      const behind = at - step;
      if (ahead >= low && ahead < high && placed(ahead)) return ahead;
      if (behind >= low && behind < high && placed(behind)) return behind;
    }
    return -1;
  }

  /** Where a run of mentions (contiguous in document order) goes in `ordered`. */
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

  /** The living mentions touching `nodes`, in document order (one shared empty list for none). */
  function recordsOn(nodes: readonly Text[]): readonly MentionRecord[] {
    if (byNode.size === 0) return NONE;
    let records: MentionRecord[] | undefined;
    for (const node of nodes) {
      const list = byNode.get(node);
      if (list === undefined) continue;
      records ??= [];
      // A mention over several nodes is listed under each of them.
      for (const record of list) if (!records.includes(record)) records.push(record);
    }
    return records ?? NONE;
  }

  function createRecord(mention: FoundMention): MentionRecord | undefined {
    const group = groupOf(mention.entityId);
    if (group === undefined) return undefined;
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
    return record;
  }

  function replace(nodes: readonly Text[], found: readonly FoundMention[]): void {
    const old = recordsOn(nodes);
    let fresh: readonly FoundMention[] = found;
    if (old.length > 0) {
      // The common case of a rescan: the same mentions again. Nothing changes then.
      if (old.length === found.length && old.every((record, i) => sameMention(record, found[i]!))) {
        // Found by this scan: a full rescan ending now must not drop them as stale.
        for (const record of old) record.generation = generation;
        keptThisGeneration += old.length;
        return;
      }
      const unmatched: FoundMention[] = [];
      fresh = unmatched;
      const kept = new Set<MentionRecord>();
      for (const mention of found) {
        const same = old.find(
          (candidate) => !kept.has(candidate) && sameMention(candidate, mention),
        );
        if (same === undefined) {
          unmatched.push(mention);
        } else {
          kept.add(same);
          same.generation = generation;
          keptThisGeneration++;
        }
      }
      for (const record of old) if (!kept.has(record)) kill(record);
      if (kept.size > 0 && fresh.length > 0) {
        // New mentions between kept ones: each goes to its own place.
        for (const mention of fresh) {
          const created = createRecord(mention);
          if (created !== undefined) ordered.splice(insertionPoint(created), 0, created);
        }
        invalidate();
        return;
      }
    }
    if (fresh.length === 0) return;
    const records: MentionRecord[] = [];
    for (const mention of fresh) {
      const created = createRecord(mention);
      if (created !== undefined) records.push(created);
    }
    if (records.length === 0) return;
    // Computed first: finding the place may compact, which replaces `ordered`.
    const at = insertionPoint(records[0]!);
    ordered.splice(at, 0, ...records);
    invalidate();
  }

  /** Mentions `locate` places inside its band; see MentionStore.near. */
  function near(locate: (mention: IndexedMention) => Place, limit: number): IndexedMention[] {
    const shown = (record: MentionRecord) => record.alive && record.visible;
    // The first entry not before the band, as if the layout followed document order.
    let low = 0;
    let high = ordered.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      let place = Place.NoBox;
      let probe = middle;
      for (const end = Math.min(high, middle + PROBE_SPAN); probe < end; probe++) {
        const record = ordered[probe]!;
        if (!shown(record)) continue;
        place = locate(record);
        if (place !== Place.NoBox) break;
      }
      if (place === Place.Before) low = probe + 1;
      else high = middle;
    }
    const found: IndexedMention[] = [];
    const walk = (from: number, step: 1 | -1, past: Place) => {
      let misses = 0;
      let boxless = 0;
      for (let at = from; at >= 0 && at < ordered.length && found.length < limit; at += step) {
        const record = ordered[at]!;
        if (!shown(record)) continue;
        const place = locate(record);
        if (place === Place.Inside) {
          found.push(record);
          misses = 0;
          boxless = 0;
        } else if (place === Place.NoBox) {
          if (++boxless >= NO_BOX_RUN) return;
        } else if (place === past && ++misses >= MISSES_BEFORE_STOP) {
          return;
        }
      }
    };
    walk(low, 1, Place.After);
    walk(low - 1, -1, Place.Before);
    return found;
  }

  /** Sorts the living mentions again if any two are out of document order. */
  function restoreOrder(): void {
    const living = ordered.filter((record) => record.alive);
    const sorted = living.every((record, i) => i === 0 || before(living[i - 1]!, record));
    if (sorted) return;
    ordered = living.sort((a, b) => (before(a, b) ? -1 : 1));
    dead = 0;
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
    get size() {
      return visibleCount;
    },
    has: (mention) => mention instanceof MentionRecord && mention.alive && mention.visible,
    touching(node) {
      const list = node instanceof Text ? byNode.get(node) : undefined;
      return list === undefined ? NONE : list.filter((record) => record.alive && record.visible);
    },
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
      keptThisGeneration = 0;
      return ++generation;
    },
    dropOlderThan(oldest) {
      for (const record of ordered) if (record.generation < oldest) kill(record);
      // A mention kept by a full rescan keeps its old place, but its text may have moved (a
      // batch of changes too big to follow one by one): put the list back in order if needed.
      if (keptThisGeneration > 0) restoreOrder();
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
    shown: visible,
    indexed: (mention) => (mention instanceof MentionRecord ? mention : undefined),
    near,
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
