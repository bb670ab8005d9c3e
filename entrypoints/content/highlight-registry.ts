/**
 * Our entries in the document's `CSS.highlights`: one Highlight per entity group, named
 * `zf-<group>` so the stylesheet gives each group its own colour, and a tinted one per group for
 * mentions in very long text nodes (see LONG_TEXT_CHARS). The page's DOM is never touched.
 */
import { highlightName, LONG_TEXT_CHARS } from '@/core/highlight-style';
import type { GroupId } from '@/data/schema';
import type { IndexedMention } from './mention-index';

export interface PageHighlights {
  add(mentions: Iterable<IndexedMention>): void;
  remove(mentions: Iterable<IndexedMention>): void;
  /** Removes every highlight we registered. */
  clear(): void;
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

  return {
    add(mentions) {
      for (const mention of mentions) {
        highlightFor(mention.group, inLongText(mention.staticRange))?.add(mention.staticRange);
      }
    },
    remove(mentions) {
      for (const mention of mentions) {
        // The node may have grown or shrunk since: the range is in one of the two.
        for (const tinted of [false, true]) {
          ours.get(highlightName(mention.group, { tinted }))?.delete(mention.staticRange);
        }
      }
    },
    clear() {
      const registry = documentRegistry();
      for (const [name, highlight] of ours) {
        highlight.clear();
        if (registry?.get(name) === highlight) registry.delete(name);
      }
      ours.clear();
    },
  };
}
