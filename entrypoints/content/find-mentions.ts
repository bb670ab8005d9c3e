/**
 * Runs the matcher over one segment and turns its hits into ranges. Most segments are matched at
 * once; a huge one (a single multi-megabyte text node) is matched window by window so no slice
 * of work runs long.
 */
import type { Matcher, Mention } from '@/core/matcher';
import { buildRanges } from './build-ranges';
import type { FoundMention } from './mention-index';
import type { TextSegment } from './scan-blocks';
import type { Job } from './schedule-work';

/** Longer segments are matched in windows; about a millisecond of matching each. */
export const WINDOW_CHARS = 64 * 1024;
// Text read before a window so the matcher can check the word boundary at a hit's start.
const CONTEXT_BEFORE = 64;
// Text read past a window so a mention starting near its end is read to its own end. Longer
// than any alias, even with its spaces and hyphens spelt out long.
const CONTEXT_AFTER = 512;

// The shortest alias (智谱) has two characters.
const MIN_MENTION_CHARS = 2;

export function isHugeSegment(segment: TextSegment): boolean {
  return segment.text.length > WINDOW_CHARS;
}

/**
 * Fewer than two characters that are not white space hold no mention: the white space between
 * a page's blocks, most of its segments, is never handed to the matcher.
 */
function tooShortForMention(text: string): boolean {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Space, tab, line breaks, no-break space.
    if (code > 32 && code !== 160 && ++seen >= MIN_MENTION_CHARS) return false;
  }
  return true;
}

export function findMentions(matcher: Matcher, segment: TextSegment): FoundMention[] {
  return tooShortForMention(segment.text) ? [] : buildRanges(segment, matcher.find(segment.text));
}

/**
 * A job matching a huge segment window by window; `done` receives the mentions found, in the
 * same form as `findMentions` would give them.
 */
export function createWindowedFind({
  matcher,
  segment,
  done,
}: {
  matcher: Matcher;
  segment: TextSegment;
  done: (found: FoundMention[]) => void;
}): Job {
  const { text } = segment;
  const mentions: Mention[] = [];
  let position = 0;
  let lastEnd = 0;
  return {
    run(deadline) {
      while (position < text.length) {
        const windowEnd = Math.min(text.length, position + WINDOW_CHARS);
        const from = Math.max(0, position - CONTEXT_BEFORE);
        const hits = matcher.find(
          text.slice(from, Math.min(text.length, windowEnd + CONTEXT_AFTER)),
        );
        for (const hit of hits) {
          const start = hit.start + from;
          // Hits starting before the window belong to the previous one, after it to the next.
          if (start < position || start < lastEnd) continue;
          if (start >= windowEnd) break;
          mentions.push({ entityId: hit.entityId, start, end: hit.end + from });
          lastEnd = hit.end + from;
        }
        position = windowEnd;
        if (performance.now() >= deadline && position < text.length) return false;
      }
      done(buildRanges(segment, mentions));
      return true;
    },
  };
}
