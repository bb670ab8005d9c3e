/**
 * The one place where matcher offsets (into a segment's joined text) become DOM ranges. The
 * matcher never sees the DOM; this never sees aliases.
 */
import type { Mention } from '@/core/matcher';
import type { FoundMention } from './mention-index';
import type { TextSegment } from './scan-blocks';

/**
 * Ranges for `mentions` (sorted, not overlapping, offsets into `segment.text`). StaticRange,
 * because live ranges are updated by the browser on every edit anywhere in the document; when
 * the text changes we rescan instead.
 */
export function buildRanges(segment: TextSegment, mentions: readonly Mention[]): FoundMention[] {
  // A block read whole looks its nodes up only when asked (see BlockText).
  if (mentions.length === 0) return [];
  const { nodes, starts, text } = segment;
  const found: FoundMention[] = [];
  let first = 0;
  for (const { entityId, start, end } of mentions) {
    if (start < 0 || end > text.length || start >= end) continue;
    // The node holding the mention's first character (empty nodes hold none).
    while (first + 1 < nodes.length && starts[first + 1]! <= start) first++;
    // The node holding its last character.
    let last = first;
    while (last + 1 < nodes.length && starts[last + 1]! < end) last++;
    const startNode = nodes[first]!;
    const endNode = nodes[last]!;
    found.push({
      entityId,
      text: text.slice(start, end),
      nodes: nodes.slice(first, last + 1),
      range: new StaticRange({
        startContainer: startNode,
        startOffset: start - starts[first]!,
        endContainer: endNode,
        endOffset: end - starts[last]!,
      }),
    });
  }
  return found;
}
