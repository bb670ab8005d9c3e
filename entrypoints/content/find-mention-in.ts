import type { MentionIndex, PageMention } from './mention-index';

/** Characters looked at inside a focused element: a link or button, rarely a whole section. */
const MAX_CHARACTERS = 2000;

/**
 * The first mention inside an element (the link or button that just got focus), found through
 * the index's position lookup so no mention's live Range has to be made.
 */
export function findMentionIn(element: Element, index: MentionIndex): PageMention | undefined {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  let budget = MAX_CHARACTERS;
  for (let node = walker.nextNode(); node && budget > 0; node = walker.nextNode()) {
    const length = Math.min((node as Text).length, budget);
    budget -= length;
    for (let offset = 0; offset < length; offset++) {
      const mention = index.at(node, offset);
      if (mention) return mention;
    }
  }
  return undefined;
}
