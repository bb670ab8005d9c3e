/**
 * Our entries in the document's `CSS.highlights`: one Highlight per entity group, named
 * `zf-<group>` so the stylesheet gives each group its own colour. The page's DOM is never touched.
 */
import { highlightName } from '@/core/highlight-style';
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

export function createHighlightRegistry(): PageHighlights {
  const ours = new Map<string, Highlight>();

  function highlightFor(group: GroupId): Highlight | undefined {
    const registry = documentRegistry();
    if (registry === undefined) return undefined;
    const name = highlightName(group);
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
      for (const mention of mentions) highlightFor(mention.group)?.add(mention.staticRange);
    },
    remove(mentions) {
      for (const mention of mentions) {
        ours.get(highlightName(mention.group))?.delete(mention.staticRange);
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
