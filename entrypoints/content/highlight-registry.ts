/**
 * Our entries in the document's `CSS.highlights`: one Highlight per entity group, named
 * `zf-<group>` so the stylesheet gives each group its own colour, and a tinted one per group for
 * mentions in very long text nodes and on very large pages (see LONG_TEXT_CHARS and
 * LARGE_PAGE_TEXT_NODES). The page's DOM is never touched.
 */
import { highlightName, LONG_TEXT_CHARS } from '@/core/highlight-style';
import { GroupIdSchema, type GroupId } from '@/data/group-ids';
import type { IndexedMention } from './mention-index';

export interface PageHighlights {
  add(mentions: Iterable<IndexedMention>): void;
  remove(mentions: Iterable<IndexedMention>): void;
  /** Removes every highlight we registered. */
  clear(): void;
  /** From now on every mention is tinted (a large page); `registered` move over. */
  tintAll(registered: Iterable<IndexedMention>): void;
}

/** The document's registry, or undefined where the Highlight API is missing. */
function documentRegistry(): HighlightRegistry | undefined {
  return typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : undefined;
}

/** Whether a mention's range starts or ends in a text node past LONG_TEXT_CHARS. */
function inLongText(range: StaticRange): boolean {
  const long = (node: Node) =>
    node.nodeType === Node.TEXT_NODE && (node as Text).length > LONG_TEXT_CHARS;
  return long(range.startContainer) || long(range.endContainer);
}

export function createHighlightRegistry(): PageHighlights {
  const ours = new Map<string, Highlight>();
  let allTinted = false;

  function highlightFor(group: GroupId, tinted: boolean): Highlight | undefined {
    const registry = documentRegistry();
    if (registry === undefined) return undefined;
    const name = highlightName(group, { tinted });
    let highlight = ours.get(name);
    if (highlight === undefined) {
      highlight = new Highlight();
      ours.set(name, highlight);
    }
    // Register again if the page emptied the registry (CSS.highlights.clear()).
    if (registry.get(name) !== highlight) registry.set(name, highlight);
    return highlight;
  }

  /** Empties our highlight `name` and takes it out of the document's registry. */
  function unregister(name: string): void {
    const highlight = ours.get(name);
    if (highlight === undefined) return;
    highlight.clear();
    ours.delete(name);
    const registry = documentRegistry();
    if (registry?.get(name) === highlight) registry.delete(name);
  }

  function add(mentions: Iterable<IndexedMention>): void {
    for (const mention of mentions) {
      const tinted = allTinted || inLongText(mention.staticRange);
      highlightFor(mention.group, tinted)?.add(mention.staticRange);
    }
  }

  function remove(mentions: Iterable<IndexedMention>): void {
    for (const mention of mentions) {
      // The node may have grown or shrunk since, or the page turned large: the range is in
      // one of the two.
      for (const tinted of [false, true]) {
        ours.get(highlightName(mention.group, { tinted }))?.delete(mention.staticRange);
      }
    }
  }

  return {
    add,
    remove,
    tintAll(registered) {
      if (allTinted) return;
      allTinted = true;
      // No underlined highlight stays registered, not even an empty one; the mentions are added
      // again one by one, as Firefox's content scripts cannot iterate a page's Highlight.
      for (const group of GroupIdSchema.options) unregister(highlightName(group));
      add(registered);
    },
    clear() {
      for (const name of [...ours.keys()]) unregister(name);
    },
  };
}
