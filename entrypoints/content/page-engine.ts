/**
 * The page engine: scans the page, keeps the mention index current as the page changes, and
 * mirrors the visible mentions into CSS.highlights. Everything it does runs in slices through the
 * work queue, and `destroy()` takes back every trace of it.
 */
import { LARGE_PAGE_ELEMENTS, LARGE_PAGE_TEXT_NODES } from '@/core/highlight-style';
import type { Matcher } from '@/core/matcher';
import type { GroupId } from '@/data/schema';
import { createEditBatcher } from './batch-edits';
import { createWindowedFind, findMentions, isHugeSegment } from './find-mentions';
import { createHighlightWindow } from './highlight-window';
import {
  createMentionStore,
  type FoundMention,
  type MentionIndex,
  type PageMention,
} from './mention-index';
import { changesIn, isOwnUi, watchMutations, type PageChange } from './observe-mutations';
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
  /**
   * Keeps this mention highlighted wherever it is (the open card's: on a page with many
   * mentions only those near the viewport are registered), or none.
   */
  pin(mention: PageMention | undefined): void;
  /** Ranges registered in CSS.highlights now. */
  readonly registered: number;
  /** Resolves when all the work queued so far is done (for tests and measurements). */
  whenIdle(): Promise<void>;
  destroy(): void;
}

// Fewer records (and nodes they add or remove) than this per batch are followed one by one; more
// mean a rescan of everything.
const MIN_RESCAN_THRESHOLD = 1000;
// Custom elements often attach their shadow root when their definition loads, with no mutation
// to tell us: look at them again after these delays.
const SHADOW_RECHECK_MS = [300, 1500, 5000];
const MAX_PENDING_HOSTS = 2000;
// While a long scan runs, its finds reach the highlights this often rather than after every
// slice: each change makes Chromium re-check every registered range before the next paint.
// (Until the page has a highlight at all, every slice publishes: the first ones show at once.)
const PUBLISH_EVERY_MS = 50;

/**
 * A batch's changes are acted on in two passes, drops first: a node removed and inserted again
 * elsewhere in the same task (moved) is read again by the batch's rescans, which must come after
 * its old mentions are dropped (else the rescans keep them, or place new mentions against their
 * old place).
 */
const PASSES = ['drops', 'rest'] as const;
type Pass = (typeof PASSES)[number];

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const FRAGMENT_NODE = 11;

/**
 * The text nodes a segment spans, for the engine's estimates of a page's size. A block read
 * whole counts as one: counting its nodes would mean touching them, which reading it whole
 * avoids (the browser's count at the end of a scan corrects it, see countTextNodes).
 */
function textNodesIn(segment: TextSegment): number {
  return segment.readWhole === true ? 1 : segment.nodes.length;
}

/** The text nodes under `root` (not in shadow trees inside it), counted in the browser's code. */
function countTextNodes(root: Node): number {
  if (root.nodeType === TEXT_NODE) return 1;
  // XPath takes no shadow root (a fragment) as its context: its children, then.
  if (root.nodeType === FRAGMENT_NODE) {
    let count = 0;
    for (let child = root.firstChild; child !== null; child = child.nextSibling) {
      count += countTextNodes(child);
    }
    return count;
  }
  const doc = root.ownerDocument ?? (root as Document);
  return doc.evaluate('count(.//text())', root, null, XPathResult.NUMBER_TYPE, null).numberValue;
}

/**
 * Drops the mentions in a removed subtree, resumably (a removed subtree can be huge), and in
 * the open shadow roots inside it (a TreeWalker does not enter them by itself).
 */
function createDropJob(root: Node, drop: (nodes: Text[]) => void): Job {
  if (root.nodeType === TEXT_NODE) {
    return {
      run: () => {
        drop([root as Text]);
        return true;
      },
    };
  }
  const doc = root.ownerDocument ?? document;
  const walk = (from: Node) =>
    doc.createTreeWalker(from, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const walkers = [walk(root)];
  const rootShadow = root.nodeType === ELEMENT_NODE ? (root as Element).shadowRoot : null;
  if (rootShadow !== null) walkers.push(walk(rootShadow));
  return {
    run(deadline) {
      const batch: Text[] = [];
      let seen = 0;
      while (walkers.length > 0) {
        const node = walkers[walkers.length - 1]!.nextNode();
        if (node === null) {
          walkers.pop();
          continue;
        }
        if (node.nodeType === TEXT_NODE) {
          batch.push(node as Text);
        } else {
          const shadow = (node as Element).shadowRoot;
          if (shadow !== null) walkers.push(walk(shadow));
        }
        if (++seen % 256 === 0 && performance.now() >= deadline) {
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
  onMutation,
  onSlice,
  onError,
  registerAllUpTo,
}: {
  root: Document;
  matcher: Matcher;
  groupOf: (entityId: string) => GroupId | undefined;
  /** Each open shadow root the engine starts to watch (its highlights need our stylesheet). */
  onShadowRoot?: (root: ShadowRoot) => void;
  /** After each slice that changed the visible mentions. */
  onChange: () => void;
  /** After each batch of the page's own DOM changes, before they are read. */
  onMutation?: () => void;
  /** After every slice of work, with its start and end (performance.now()), for benchmarks. */
  onSlice?: (startedAt: number, endedAt: number) => void;
  onError: (error: unknown) => void;
  /** Pages with more visible mentions register only those near the viewport (tests lower it). */
  registerAllUpTo?: number;
}): PageEngine {
  const store = createMentionStore(groupOf);
  const highlights = createHighlightWindow({
    store,
    doc: root,
    onError,
    ...(registerAllUpTo === undefined ? {} : { registerAllUpTo }),
  });
  const observedRoots = new WeakSet<Node>();
  const pendingHosts = new Set<Element>();
  /** Text the page keeps rewriting (see batch-edits.ts): no mention is kept in it meanwhile. */
  const liveTexts = new Set<Text>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let textNodesSeen = 0;
  // The page's text nodes, as far as scans of new content and drops tell (text read again after
  // an edit is not counted twice): an estimate, enough to tell a huge page.
  let pageTextNodes = 0;
  let destroyed = false;
  let lastPublish = Number.NEGATIVE_INFINITY;
  /**
   * Whether the reader may be away from the top of the page, where the viewport probe is of use.
   * Reading the scroll position makes the browser lay out the page first if it changed, which on
   * a page that keeps changing meant doing its layout inside our tasks (a page churning 50,000
   * nodes: over 100 ms a time). So it is read once where the layout is fresh, in a resize
   * observer's first call (made just after the browser's own layout), and after that the first
   * scroll tells.
   */
  let awayFromTop = false;
  const listening = new AbortController();
  const view = root.defaultView;
  const firstLayout =
    view === null
      ? undefined
      : new ResizeObserver((_, observer) => {
          observer.disconnect();
          if (view.scrollY !== 0 || view.scrollX !== 0) awayFromTop = true;
        });
  firstLayout?.observe(root.documentElement);
  view?.addEventListener(
    'scroll',
    () => {
      awayFromTop = true;
    },
    { capture: true, passive: true, once: true, signal: listening.signal },
  );

  const queue = createWorkQueue({
    afterSlice: (startedAt) => {
      // The first finds (the viewport) and the last ones show at once; the rest in batches.
      if (!queue.busy || highlights.size === 0 || startedAt - lastPublish >= PUBLISH_EVERY_MS) {
        publish();
      }
      onSlice?.(startedAt, performance.now());
    },
    onError,
  });

  function publish(): void {
    lastPublish = performance.now();
    // Large pages get tinted highlights (see LARGE_PAGE_TEXT_NODES).
    if (pageTextNodes > LARGE_PAGE_TEXT_NODES) highlights.tintAll();
    const delta = store.flush();
    const before = highlights.size;
    // Even with nothing new: the end of a scan may change what is registered.
    highlights.update(delta, queue.busy);
    // The first highlights of the page: let the browser paint them before scanning on.
    if (before === 0 && highlights.size > 0) queue.paintNext();
    if (delta.added.length > 0 || delta.removed.length > 0) onChange();
  }

  const watch = watchMutations({
    threshold: () => Math.max(MIN_RESCAN_THRESHOLD, textNodesSeen / 4),
    onChanges: follow,
  });

  function readSegment(segment: TextSegment): void {
    textNodesSeen += textNodesIn(segment);
    matchSegment(segment);
  }

  function matchSegment(segment: TextSegment): void {
    if (!isHugeSegment(segment)) {
      const found = findMentions(matcher, segment);
      // Only scans of a whole subtree read a block whole, and the nodes they reach carry no
      // mention yet (new, or dropped when they left) or belong to a full scan, which drops at
      // its end what it did not find again: a block with no mention needs no replace.
      if (found.length === 0 && segment.readWhole === true) return;
      store.replace(segment.nodes, outsideLiveText(found));
      return;
    }
    queue.push(
      createWindowedFind({
        matcher,
        segment,
        done: (found) => store.replace(segment.nodes, outsideLiveText(found)),
      }),
    );
  }

  /** Mentions in no live text (see batch-edits.ts): those wait until their text settles. */
  function outsideLiveText(found: FoundMention[]): FoundMention[] {
    if (liveTexts.size === 0) return found;
    return found.filter((mention) => !mention.nodes.some((node) => liveTexts.has(node)));
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
      pageTextNodes += textNodesIn(segment);
      readSegment(segment);
    },
    shadowRoot(shadow) {
      // Scanned even when watched already: its host may be back on the page after a move,
      // and its mentions were dropped when it left.
      observeShadowRoot(shadow);
      queue.push(scanJob(shadow, true));
    },
    customElement: noteCustomElement,
  };

  /**
   * A scan of everything under `node`, reporting to `to`. Blocks it reads whole count as one text
   * node each; at its end the browser counts the subtree's own (a cost in proportion to the
   * subtree) and the page's count takes the difference.
   */
  function countedScan(node: Node, ownFlow: boolean, to: ScanSink): SubtreeScan {
    let counted = 0;
    let readWhole = false;
    const scan = createSubtreeScan({
      root: node,
      ownFlow,
      sink: {
        ...to,
        segment(segment) {
          counted += textNodesIn(segment);
          readWhole ||= segment.readWhole === true;
          to.segment(segment);
        },
      },
    });
    return {
      run(deadline) {
        if (!scan.run(deadline)) return false;
        if (readWhole) pageTextNodes += Math.max(0, countTextNodes(node) - counted);
        return true;
      },
    };
  }

  /** A scan of an added subtree or a shadow root. */
  function scanJob(node: Node, ownFlow: boolean): Job {
    return countedScan(node, ownFlow, sink);
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
        scans.push(countedScan(shadow, true, fullSink));
      },
      customElement: noteCustomElement,
    };
    textNodesSeen = 0;
    pageTextNodes = 0;
    scans.push(countedScan(root, true, fullSink));
    return {
      run(deadline) {
        while (scans.length > 0) {
          if (!scans[0]!.run(deadline)) return false;
          scans.shift();
        }
        store.dropOlderThan(generation);
        // pageTextNodes holds the browser's count wherever the scans read blocks whole.
        textNodesSeen = Math.max(textNodesSeen, pageTextNodes);
        return true;
      },
    };
  }

  // Text nodes rescanned since the page's last batch of changes, as the DOM is now: an edit of
  // one of them is already read (a page rewriting a row's three cells in one frame costs one
  // rescan, not three), and so is a change between two of them (removing a list's items one by
  // one leaves a run of the whitespace between them: read once, not once an item).
  const rescannedSinceBatch = new Set<Node>();
  const flowSink: ScanSink = {
    ...sink,
    segment(segment) {
      for (const node of segment.nodes) rescannedSinceBatch.add(node);
      // Text read again: already in pageTextNodes.
      readSegment(segment);
    },
  };

  function flowJob(parent: Node, from: Node | null, to: Node | null): Job {
    return {
      run() {
        // A named sibling that has left `parent` since has a removal record of its own, whose
        // siblings enclose this place: its rescan reads it (rescanning the parent's whole flow
        // instead made clearing a long list child by child cost its length squared). Our card's
        // host is the exception: its removal is not followed, so the parent's end stands in.
        const left = (node: Node | null): node is Node =>
          node !== null && node.parentNode !== parent;
        if ((left(from) && !isOwnUi(from)) || (left(to) && !isOwnUi(to))) return true;
        const read = (node: Node | null) => node === null || rescannedSinceBatch.has(node);
        if ((from !== null || to !== null) && read(from) && read(to)) return true;
        const owner = flowOwner(parent);
        if (owner === undefined) return true;
        const start = from === null || left(from) ? parent.firstChild : from;
        const end = to === null || left(to) ? parent.lastChild : to;
        if (start !== null && end !== null) {
          rescanAround({ owner, from: start, to: end, sink: flowSink });
        } else if (owner !== parent && parent.parentNode !== null) {
          // An inline element emptied: its place in the flow still joins its neighbours.
          rescanAround({ owner, from: parent, to: parent, sink: flowSink });
        }
        return true;
      },
    };
  }

  function addedJob(node: Node): Job | undefined {
    if (node.nodeType !== ELEMENT_NODE || !node.isConnected) return undefined;
    const element = node as Element;
    const kind = classifyElement(element);
    if (kind === ElementKind.Opaque || kind === ElementKind.Hidden) return undefined;
    if (node.parentNode === null || flowOwner(node.parentNode) === undefined) return undefined;
    // The subtree scan looks at the shadow roots inside the element, not at its own: a web
    // component made by script has its shadow root before it is inserted.
    const shadow = element.shadowRoot;
    if (shadow !== null) sink.shadowRoot?.(shadow);
    else if (element.localName.includes('-')) noteCustomElement(element);
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

  const edits = createEditBatcher({
    read(texts) {
      rescannedSinceBatch.clear();
      for (const text of texts) {
        liveTexts.delete(text);
        const parent = text.parentNode;
        // Gone from the page: its removal drops its mentions.
        if (parent !== null) queue.push(flowJob(parent, text, text));
      }
    },
    hold(texts) {
      for (const text of texts) {
        liveTexts.add(text);
        queue.push(createDropJob(text, (nodes) => store.drop(nodes)));
      }
    },
  });

  /** The job one change asks for in a pass, if any (a text edit goes to the edit batcher). */
  function jobFor(change: PageChange, pass: Pass): Job | undefined {
    if (pass === 'drops') {
      if (change.kind !== 'removed') return undefined;
      return createDropJob(change.node, (nodes) => {
        store.drop(nodes);
        pageTextNodes = Math.max(0, pageTextNodes - nodes.length);
      });
    }
    if (change.kind === 'flow') {
      if (change.from !== null && change.from === change.to && change.from instanceof Text) {
        edits.add(change.from);
        return undefined;
      }
      return flowJob(change.parent, change.from, change.to);
    }
    return change.kind === 'added' ? addedJob(change.node) : undefined;
  }

  /** Follows a batch too large to translate at once: change by change, in slices, in order. */
  function manyJob(records: readonly MutationRecord[]): Job {
    const passes = [...PASSES];
    let changes = changesIn(records);
    let current: Job | undefined;
    return {
      run(deadline) {
        for (;;) {
          if (current !== undefined) {
            if (!current.run(deadline)) return false;
            current = undefined;
          }
          if (performance.now() >= deadline) return false;
          const next = changes.next();
          if (next.done === true) {
            passes.shift();
            if (passes.length === 0) {
              edits.schedule();
              return true;
            }
            changes = changesIn(records);
            continue;
          }
          current = jobFor(next.value, passes[0]!);
        }
      },
    };
  }

  function follow(changes: PageChange[]): void {
    if (destroyed) return;
    try {
      onMutation?.();
    } catch (error) {
      onError(error);
    }
    rescannedSinceBatch.clear();
    if (changes.some((change) => change.kind === 'everything')) {
      edits.clear();
      liveTexts.clear();
      scanEverything();
      return;
    }
    for (const change of changes) if (change.kind === 'many') queue.push(manyJob(change.records));
    for (const pass of PASSES) {
      for (const change of changes) {
        const job = jobFor(change, pass);
        if (job !== undefined) queue.push(job);
      }
    }
    edits.schedule();
    // What the page changed may have moved text into or out of the viewport.
    highlights.pageChanged();
  }

  /** What the reader sees first is highlighted first: the blocks under a grid of points. */
  function viewportJob(): Job {
    const probe = createViewportProbe(
      root,
      (text) => {
        const parent = text.parentNode;
        if (parent !== null) flowJob(parent, text, text).run(Number.POSITIVE_INFINITY);
      },
      () => awayFromTop,
    );
    return { run: probe };
  }

  // Counted in the browser's own code, no element touched from here: 4 ms for 170,000 elements.
  if (root.getElementsByTagName('*').length > LARGE_PAGE_ELEMENTS) highlights.tintAll();
  observedRoots.add(root);
  watch.observe(root);
  // The first slice waits for a painted frame: the viewport probe needs a layout, and on a page
  // not yet laid out it would do the page's whole first layout inside our task (over 100 ms on
  // a 2 MB page of the corpus) instead of leaving it to the browser's own frame.
  queue.paintNext();
  scanEverything();

  return {
    index: store.index,
    counts: () => store.counts(),
    get count() {
      return store.index.size;
    },
    setVisibleEntities(isVisible) {
      store.setVisibleEntities(isVisible);
      publish();
    },
    rescan() {
      if (!destroyed) scanEverything();
    },
    pin(mention) {
      if (destroyed) return;
      highlights.pin(mention === undefined ? undefined : store.indexed(mention));
    },
    get registered() {
      return highlights.size;
    },
    async whenIdle() {
      // Edits waiting for their batch are work still to do.
      await edits.whenRead();
      await queue.whenIdle();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      listening.abort();
      firstLayout?.disconnect();
      watch.disconnect();
      queue.destroy();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      edits.destroy();
      pendingHosts.clear();
      highlights.destroy();
      store.clear();
      store.flush();
    },
  };
}
