/**
 * Watches the document (and the open shadow roots we scan) and reports what changed in terms the
 * engine acts on: subtrees that left, subtrees that arrived, and places whose text flow changed.
 * The browser already batches records per task; a batch over the threshold (records and the
 * nodes they add or remove) is reported as "everything changed", since rescanning all is then
 * cheaper than following each record, and following them would happen in one task.
 */
import { CARD_HOST_TAG } from './card-host';

export type PageChange =
  /** `node` (and its subtree) left its parent. */
  | { kind: 'removed'; node: Node }
  /** `node` (and its subtree) was inserted. */
  | { kind: 'added'; node: Node }
  /**
   * The children of `parent` between `from` and `to` (inclusive; null means from the first or
   * to the last child) changed, or the text of `from` did.
   */
  | { kind: 'flow'; parent: Node; from: Node | null; to: Node | null }
  /** A batch too large to translate in the observer's callback: see `changesIn`. */
  | { kind: 'many'; records: readonly MutationRecord[] }
  | { kind: 'everything' };

/**
 * Batches of more records and nodes than this are handed over whole, to be translated in
 * slices: translating 30,000 records in the callback (a wrapper for every node, a change and a
 * job each) made one task of ours of some 150 ms.
 */
export const TRANSLATE_AT_ONCE = 2000;

export interface MutationWatch {
  observe(root: Node): void;
  disconnect(): void;
}

const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };

/** Our card's host: the page's mutations around it are followed, its own are not. */
export function isOwnUi(node: Node): boolean {
  return node.nodeType === Node.ELEMENT_NODE && (node as Element).localName === CARD_HOST_TAG;
}

/**
 * Translates one batch of records into changes, in the order they happened; a batch over
 * `threshold` (records and the nodes they add or remove) is "everything", one over
 * TRANSLATE_AT_ONCE is handed over whole.
 */
export function changesOf(records: readonly MutationRecord[], threshold: number): PageChange[] {
  if (records.length > threshold) return [{ kind: 'everything' }];
  // One record can carry thousands of nodes (a list replaced at once): counted here without a
  // wrapper for any of them, where following them would make one, and a job, for each.
  // Text edits carry no nodes: their lists are not even asked for.
  let size = records.length;
  for (const record of records) {
    if (record.type === 'childList') size += record.addedNodes.length + record.removedNodes.length;
  }
  if (size > threshold) return [{ kind: 'everything' }];
  if (size > TRANSLATE_AT_ONCE) return [{ kind: 'many', records }];
  return [...changesIn(records)];
}

/** The changes a batch of records makes, one at a time. */
export function* changesIn(records: readonly MutationRecord[]): Generator<PageChange> {
  const editedTexts = new Set<Node>();
  for (const record of records) {
    if (record.type === 'characterData') {
      if (editedTexts.has(record.target)) continue;
      editedTexts.add(record.target);
      const parent = record.target.parentNode;
      if (parent !== null) yield { kind: 'flow', parent, from: record.target, to: record.target };
      continue;
    }
    if (record.type !== 'childList' || isOwnUi(record.target)) continue;
    const removed = [...record.removedNodes].filter((node) => !isOwnUi(node));
    const added = [...record.addedNodes].filter((node) => !isOwnUi(node));
    if (removed.length === 0 && added.length === 0) continue;
    for (const node of removed) yield { kind: 'removed', node };
    // At an end of the parent, the nodes added stand in for the missing sibling: "to the last
    // child" would mean, by the time it is read, everything appended after them too (a feed
    // appending 30,000 items one by one was walked to its end for each).
    yield {
      kind: 'flow',
      parent: record.target,
      from: record.previousSibling ?? added[0] ?? null,
      to: record.nextSibling ?? added[added.length - 1] ?? null,
    };
    for (const node of added) {
      if (node.nodeType === Node.ELEMENT_NODE) yield { kind: 'added', node };
    }
  }
}

export function watchMutations({
  threshold,
  onChanges,
}: {
  /** Records and the nodes they add or remove, per batch, above which everything is rescanned. */
  threshold: () => number;
  onChanges: (changes: PageChange[]) => void;
}): MutationWatch {
  const observer = new MutationObserver((records) => onChanges(changesOf(records, threshold())));
  return {
    observe(root) {
      observer.observe(root, OPTIONS);
    },
    disconnect() {
      observer.disconnect();
    },
  };
}
