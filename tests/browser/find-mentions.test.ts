import { afterEach, describe, expect, it } from 'vitest';
import {
  createWindowedFind,
  findMentions,
  isHugeSegment,
  WINDOW_CHARS,
} from '@/entrypoints/content/find-mentions';
import type { FoundMention } from '@/entrypoints/content/mention-index';
import type { TextSegment } from '@/entrypoints/content/scan-blocks';
import { realMatcher } from './support/page-matcher';

afterEach(() => {
  document.body.replaceChildren();
});

const WORDS = [
  'GLM-4',
  'Zhipu AI',
  'GLM-4-9B-Chat',
  '智谱',
  '其中超过',
  'Baidu',
  'Inter',
  'x',
  'GPT-4o',
];

/** A text over several windows, with names landing on and around every window edge. */
function longText(): string {
  let text = '';
  let seed = 7;
  while (text.length < WINDOW_CHARS * 3.5) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    text += WORDS[seed % WORDS.length]! + (seed % 3 === 0 ? '' : ' ');
  }
  return text;
}

function segmentOf(text: string): TextSegment {
  const node = document.createTextNode(text);
  document.body.append(node);
  return { nodes: [node], starts: [0], text };
}

const plain = (found: FoundMention[]) =>
  found.map((m) => [m.entityId, m.range.startOffset, m.range.endOffset]);

describe('matching a huge segment', () => {
  it('finds the same mentions window by window as in one go', () => {
    const segment = segmentOf(longText());
    expect(isHugeSegment(segment)).toBe(true);
    const whole = findMentions(realMatcher(), segment);
    expect(whole.length).toBeGreaterThan(1000);
    let windowed: FoundMention[] = [];
    const job = createWindowedFind({
      matcher: realMatcher(),
      segment,
      done: (found) => (windowed = found),
    });
    let runs = 1;
    // A deadline already past: one window per run.
    while (!job.run(0)) runs++;
    expect(runs).toBeGreaterThanOrEqual(4);
    expect(plain(windowed)).toEqual(plain(whole));
  });
});
