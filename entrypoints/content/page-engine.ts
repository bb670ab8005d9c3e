/**
 * The page engine: scans the page, keeps the mention index current as the page changes, and
 * mirrors the visible mentions into CSS.highlights. Everything it does runs in slices through the
 * work queue, and `destroy()` takes back every trace of it.
 */
import type { Matcher } from '@/core/matcher';
import type { GroupId } from '@/data/schema';
import { createWindowedFind, findMentions, isHugeSegment } from './find-mentions';
import { createHighlightRegistry } from './highlight-registry';
import { createMentionStore, type MentionIndex } from './mention-index';
import { watchMutations, type PageChange } from './observe-mutations';
import {
  classifyElement,
  createSubtreeScan,
  ElementKind,
  flowOwner,
  rescanAround,
  type ScanSink,
  type SubtreeScan,
  type TextSegment,
} from './scan-blocks';
import { createWorkQueue, type Job } from './schedule-work';
import { createViewportProbe } from './viewport-text';

export interface PageEngine {
  readonly index: MentionIndex;
  /** Visible mentions per entity, in order of first appearance. */
  counts(): Map<string, { text: string; count: number }>;
  /** Visible mention count. */
  readonly count: number;
  /** Shows only these entities' mentions (the rest stay indexed, so no rescan is needed). */
  setVisibleEntities(isVisible: (entityId: string) => boolean): void;
  /** Scans the whole page again, replacing what was found (after an SPA navigation). */
  rescan(): void;
  /** Resolves when all the work queued so far is done (for tests and measurements). */
  whenIdle(): Promise<void>;
  destroy(): void;
}

// Fewer records than this per batch are followed one by one; more mean a rescan of everything.
const MIN_RESCAN_THRESHOLD = 1000;
// Custom elements often attach their shadow root when their definition loads, with no mutation
// to tell us: look at them again after these delays.
const SHADOW_RECHECK_MS = [300, 1500, 5000];
const MAX_PENDING_HOSTS = 2000;
// While a long scan runs, its finds reach the highlights this often rather than after every
// slice: each change makes Chromium re-check every registered range before the next paint.
const PUBLISH_EVERY_MS = 150;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Drops the mentions in a removed subtree, resumably (a removed subtree can be huge). */
function createDropJob(root: Node, drop: (nodes: Text[]) => void): Job {
  if (root.nodeType === TEXT_NODE) {
    return {
      run: () => {
        drop([root as Text]);
        return true;
      },
    };
  }
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  return {
    run(deadline) {
      const batch: Text[] = [];
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        batch.push(node as Text);
        if (batch.length % 256 === 0 && performance.now() >= deadline) {
          drop(batch);
          return false;
        }
      }
      drop(batch);
      return true;
    },
  };
}

export function createPageEngine({
  root,
  matcher,
  groupOf,
  onShadowRoot,
  onChange,
  onSlice,
  onError,
}: {
  root: Document;
  matcher: Matcher;
  groupOf: (entityId: string) => GroupId | undefined;
  /** Each open shadow root the engine starts to watch (its highlights need our stylesheet). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** After each slice that changed the visible mentions. */
  onChange: () => void;
  /** After every slice of work, with its start and end (performance.now()), for benchmarks. */
  onSlice?: (startedAt: number, endedAt: number) => void;
  onError: (error: unknown) => void;
}): PageEngine {
  const store = createMentionStore(groupOf);
  const highlights = createHighlightRegistry();
  const observedRoots = new WeakSet<Node>();
  const pendingHosts = new Set<Element>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let textNodesSeen = 0;
  let destroyed = false;
  let lastPublish = Number.NEGATIVE_INFINITY;

  const queue = createWorkQueue({
    afterSlice: (startedAt) => {
      // The first finds (the viewport) and the last ones show at once; the rest in batches.
      if (!queue.busy || startedAt - lastPublish >= PUBLISH_EVERY_MS) publish();
      onSlice?.(startedAt, performance.now());
    },
    onError,
  });

  function publish(): void {
    lastPublish = performance.now();
    const delta = store.flush();
    if (delta.added.length === 0 && delta.removed.length === 0) return;
    highlights.apply(delta);
    onChange();
  }

  const watch = watchMutations({
    threshold: () => Math.max(MIN_RESCAN_THRESHOLD, textNodesSeen / 4),
    onChanges: follow,
  });

  function matchSegment(segment: TextSegment): void {
    if (!isHugeSegment(segment)) {
      store.replace(segment.nodes, findMentions(matcher, segment));
      return;
    }
    queue.push(
      createWindowedFind({
        matcher,
        segment,
        done: (found) => store.replace(segment.nodes, found),
      }),
    );
  }

  function observeShadowRoot(shadow: ShadowRoot): boolean {
    if (observedRoots.has(shadow)) return false;
    observedRoots.add(shadow);
    watch.observe(shadow);
    try {
      onShadowRoot?.(shadow);
    } catch (error) {
      onError(error);
    }
    return true;
  }

  function recheckHosts(): void {
    for (const host of pendingHosts) {
      const shadow = host.shadowRoot;
      if (shadow !== null && observeShadowRoot(shadow)) queue.push(scanJob(shadow, true));
      if (shadow !== null || !host.isConnected) pendingHosts.delete(host);
    }
  }

  function noteCustomElement(element: Element): void {
    if (pendingHosts.size >= MAX_PENDING_HOSTS) return;
    const first = pendingHosts.size === 0;
    pendingHosts.add(element);
    if (!first) return;
    for (const delay of SHADOW_RECHECK_MS) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!destroyed) recheckHosts();
      }, delay);
      timers.add(timer);
    }
  }

  /** A sink for incremental work: shadow roots found get their own jobs. */
  const sink: ScanSink = {
    segment(segment) {
      textNodesSeen += segment.nodes.length;
      matchSegment(segment);
    },
    shadowRoot(shadow) {
      if (observeShadowRoot(shadow)) queue.push(scanJob(shadow, true));
    },
    customElement: noteCustomElement,
  };

  function scanJob(node: Node, ownFlow: boolean): Job {
    return createSubtreeScan({ root: node, ownFlow, sink });
  }

  /**
   * Scans the document and every open shadow root in it as one job, so its end is the moment
   * everything has been seen: mentions older than the scan are then gone from the page.
   */
  function fullScanJob(generation: number): Job {
    const scans: SubtreeScan[] = [];
    const fullSink: ScanSink = {
      segment: (segment) => sink.segment(segment),
      shadowRoot(shadow) {
        observeShadowRoot(shadow);
        scans.push(createSubtreeScan({ root: shadow, ownFlow: true, sink: fullSink }));
      },
      customElement: noteCustomElement,
    };
    textNodesSeen = 0;
    scans.push(createSubtreeScan({ root, ownFlow: true, sink: fullSink }));
    return {
      run(deadline) {
        while (scans.length > 0) {
          if (!scans[0]!.run(deadline)) return false;
          scans.shift();
        }
        store.dropOlderThan(generation);
        return true;
      },
    };
  }

  function flowJob(parent: Node, from: Node | null, to: Node | null): Job {
    return {
      run() {
        const owner = flowOwner(parent);
        if (owner === undefined) return true;
        // Siblings named in a record may have moved since; fall back to the parent's ends.
        const start = from?.parentNode === parent ? from : parent.firstChild;
        const end = to?.parentNode === parent ? to : parent.lastChild;
        if (start !== null && end !== null) {
          rescanAround({ owner, from: start, to: end, sink });
        } else if (owner !== parent && parent.parentNode !== null) {
          // An inline element emptied: its place in the flow still joins its neighbours.
          rescanAround({ owner, from: parent, to: parent, sink });
        }
        return true;
      },
    };
  }

  function addedJob(node: Node): Job | undefined {
    if (node.nodeType !== ELEMENT_NODE || !node.isConnected) return undefined;
    const kind = classifyElement(node as Element);
    if (kind === ElementKind.Opaque || kind === ElementKind.Hidden) return undefined;
    if (node.parentNode === null || flowOwner(node.parentNode) === undefined) return undefined;
    return scanJob(node, kind === ElementKind.Block);
  }

  /**
   * Scans everything again, visible part first. Queued work is dropped: the new scan sees
   * whatever it was about. Mentions stay shown until the scan has replaced them, so nothing
   * flickers.
   */
  function scanEverything(): void {
    queue.clear();
    queue.push(viewportJob());
    queue.push(fullScanJob(store.nextGeneration()));
  }

  function follow(changes: PageChange[]): void {
    if (destroyed) return;
    for (const change of changes) {
      switch (change.kind) {
        case 'everything':
          scanEverything();
          return;
        case 'removed':
          queue.push(createDropJob(change.node, (nodes) => store.drop(nodes)));
          break;
        case 'flow':
          queue.push(flowJob(change.parent, change.from, change.to));
          break;
        case 'added': {
          const job = addedJob(change.node);
          if (job !== undefined) queue.push(job);
          break;
        }
      }
    }
  }

  /** What the reader sees first is highlighted first: the blocks under a grid of points. */
  function viewportJob(): Job {
    const probe = createViewportProbe(root, (text) => {
      const parent = text.parentNode;
      if (parent !== null) flowJob(parent, text, text).run(Number.POSITIVE_INFINITY);
    });
    return { run: probe };
  }

  observedRoots.add(root);
  watch.observe(root);
  scanEverything();

  return {
    index: store.index,
    counts: () => store.counts(),
    get count() {
      return store.size;
    },
    setVisibleEntities(isVisible) {
      store.setVisibleEntities(isVisible);
      publish();
    },
    rescan() {
      if (!destroyed) scanEverything();
    },
    whenIdle: () => queue.whenIdle(),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      watch.disconnect();
      queue.destroy();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      pendingHosts.clear();
      highlights.clear();
      store.clear();
      store.flush();
    },
  };
}
