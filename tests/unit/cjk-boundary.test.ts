/**
 * The Chinese word check behind the matcher (core/cjk-boundary.ts): when it asks the word
 * segmenter at all, what it decides without asking, and that its caches never change an answer.
 * The segmenter is shared by the module, which vitest loads afresh for this file: the first test
 * sees it made.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { compileMatcher, type AliasSpec } from '../../core/matcher.ts';

const ALIASES: AliasSpec[] = [
  { entityId: 'csl', text: '中超' },
  { entityId: 'csl', text: '中超联赛' },
  { entityId: 'baidu', text: '百度' },
  { entityId: 'zhipu', text: '智谱' },
  { entityId: 'zhipu', text: '智谱AI' },
  { entityId: 'glm-4', text: 'GLM-4' },
];

function mentionsIn(text: string, matcher = compileMatcher(ALIASES)): [string, string][] {
  return matcher.find(text).map(({ entityId, start, end }) => [entityId, text.slice(start, end)]);
}

// Intl's members are read-only to the type checker; the test swaps one for its own.
const intl = Intl as { Segmenter: typeof Intl.Segmenter };
const OriginalSegmenter = Intl.Segmenter;
// eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own `this`
const originalSegment = Intl.Segmenter.prototype.segment;
let segmentersMade = 0;
let segmentCalls: string[] = [];

/** Counts, from here on, the segmenters made and the strings given to any segmenter. */
function watchSegmenter(): void {
  segmentersMade = 0;
  segmentCalls = [];
  intl.Segmenter = class extends OriginalSegmenter {
    constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
      super(...args);
      segmentersMade++;
    }
  };
  OriginalSegmenter.prototype.segment = function segment(this: Intl.Segmenter, input: string) {
    segmentCalls.push(input);
    return originalSegment.call(this, input);
  };
}

afterEach(() => {
  intl.Segmenter = OriginalSegmenter;
  OriginalSegmenter.prototype.segment = originalSegment;
});

describe('the word segmenter', () => {
  it('is made on the first question only it can answer, not when compiling', () => {
    watchSegmenter();
    const matcher = compileMatcher(ALIASES);
    // Latin names, and Chinese names with no Chinese character touching them.
    expect(mentionsIn('GLM-4 beat Baidu.', matcher)).toEqual([['glm-4', 'GLM-4']]);
    expect(mentionsIn('「百度」与 智谱AI，中超。', matcher)).toEqual([
      ['baidu', '百度'],
      ['zhipu', '智谱AI'],
      ['csl', '中超'],
    ]);
    expect(segmentersMade).toBe(0);
    expect(mentionsIn('在百度工作', matcher)).toEqual([['baidu', '百度']]);
    expect(segmentersMade).toBe(1);
  });
});

describe('a context of one character', () => {
  it('is one word of its own for the segmenter, which the check relies on without asking', () => {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    const characters = [...'的了在是和中上过度谱超联赛其集色狼队伍重大基金阿里山一万达到恢复星期'];
    for (const character of characters) {
      expect([...segmenter.segment(character)].map(({ segment }) => segment)).toEqual([character]);
    }
  });

  it.each([
    ['中超过', []],
    ['中超过半', []],
    ['中超的', [['csl', '中超']]],
    ['集中超', [['csl', '中超']]],
    ['中超联赛在', [['csl', '中超联赛']]],
  ])('decides %s without asking the segmenter about that character', (text, expected) => {
    // The shared segmenter exists before watching (making it asks about one character).
    compileMatcher(ALIASES).find('在百度工作');
    const matcher = compileMatcher(ALIASES);
    watchSegmenter();
    expect(mentionsIn(text, matcher)).toEqual(expected);
    expect(segmentCalls.length).toBeGreaterThan(0);
    expect(segmentCalls.filter((input) => input.length === 1)).toEqual([]);
  });
});

describe('cached decisions', () => {
  it('are the same as fresh ones after the caches have filled up and started afresh', () => {
    // Two characters before 中超过 (超过 is a word, so each hit is read in full): more
    // distinct contexts than the decision and context caches hold.
    const characters = [
      ...'的了在是和与对从被把也都还就而或等上我们他市场资本模型训练估值投资融资收入足球',
    ];
    const texts: string[] = [];
    for (const first of characters) {
      for (const second of characters) {
        for (const third of [...'一二三四五六七八九十百千万亿两半'])
          texts.push(`${first}${second}中超过${third}`);
      }
    }
    expect(texts.length).toBeGreaterThan(16384);
    const shared = compileMatcher(ALIASES);
    const firstPass = texts.map((text) => shared.find(text));
    const secondPass = texts.map((text) => shared.find(text));
    expect(secondPass).toEqual(firstPass);
    for (let k = 0; k < texts.length; k += 211) {
      expect(compileMatcher(ALIASES).find(texts[k]!)).toEqual(firstPass[k]);
    }
  });

  it('tell spellings apart: a name spelled unlike any alias is decided on its own text', () => {
    // 智谱ＡＩ (full-width) is no listed spelling of 智谱AI; each is decided, and cached, apart.
    const texts = ['网上智谱ＡＩ的评价', '网上智谱AI的评价', '网上智谱ａｉ的评价'];
    const primed = compileMatcher(ALIASES);
    const fresh = texts.map((text) => mentionsIn(text));
    texts.forEach((text) => primed.find(text));
    expect(texts.map((text) => mentionsIn(text, primed))).toEqual(fresh);
    expect(fresh[1]).toEqual([['zhipu', '智谱AI']]);
  });
});

describe('invisible characters around and inside a Chinese name', () => {
  it.each([
    ['其中\u200b超过', []],
    ['其\u200b中超过', []],
    ['其中超\u200b过', []],
    ['其中\u00ad超过一半', []],
    ['在\u2060百度\ufeff工作', [['baidu', '百度']]],
    ['在百\u200b度工作', [['baidu', '百\u200b度']]],
  ])('decide %s as without them', (text, expected) => {
    expect(mentionsIn(text)).toEqual(expected);
  });

  it('change nothing, wherever they are put', () => {
    const pieces = [
      '其中',
      '超过',
      '中超',
      '联赛',
      '百度',
      '公司',
      '智谱',
      '的',
      '在',
      '一半',
      '工作',
      '集',
    ];
    const invisibles = ['\u00ad', '\u200b', '\u2060', '\ufeff'];
    const matcher = compileMatcher(ALIASES);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...invisibles)), { maxLength: 4 }),
        (words, inserts) => {
          const text = words.join('');
          // Where each unit of the changed text came from in the original one.
          const origins: number[] = [];
          let changed = '';
          const at = new Set(inserts.map(([position]) => position % (text.length + 1)));
          const insertedAt = new Map(
            inserts.map(([position, unit]) => [position % (text.length + 1), unit]),
          );
          for (let k = 0; k <= text.length; k++) {
            if (at.has(k)) {
              changed += insertedAt.get(k)!;
              origins.push(k);
            }
            if (k < text.length) {
              changed += text[k]!;
              origins.push(k);
            }
          }
          origins.push(text.length);
          const mappedBack = matcher.find(changed).map((mention) => ({
            ...mention,
            start: origins[mention.start]!,
            end: origins[mention.end]!,
          }));
          expect(mappedBack).toEqual(matcher.find(text));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
