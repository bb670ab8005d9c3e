import { describe, expect, it } from 'vitest';
import { compileMatcher, type AliasSpec } from '../../core/matcher.ts';

/** The mentions of `text` as [entity, matched text] pairs, easy to read in a failure. */
function mentionsIn(aliases: readonly AliasSpec[], text: string): [string, string][] {
  return compileMatcher(aliases)
    .find(text)
    .map(({ entityId, start, end }) => [entityId, text.slice(start, end)]);
}

const MODELS: AliasSpec[] = [
  { entityId: 'glm-4', text: 'GLM-4' },
  { entityId: 'glm-4-9b-chat', text: 'GLM-4-9B-Chat' },
  { entityId: 'gpt-4', text: 'GPT-4' },
  { entityId: 'zhipu', text: 'Zhipu' },
  { entityId: 'zhipu', text: 'Zhipu AI' },
  { entityId: 'qwen-2-5', text: 'Qwen 2.5' },
  { entityId: 'inter', text: 'Inter Milan' },
  { entityId: 'z-ai', text: 'Z.ai' },
];

describe('leftmost-longest', () => {
  it('takes GLM-4-9B-Chat whole rather than its prefix GLM-4', () => {
    expect(mentionsIn(MODELS, 'We tried GLM-4-9B-Chat today.')).toEqual([
      ['glm-4-9b-chat', 'GLM-4-9B-Chat'],
    ]);
  });

  it('takes "Zhipu AI" over "Zhipu"', () => {
    expect(mentionsIn(MODELS, 'Zhipu AI said so.')).toEqual([['zhipu', 'Zhipu AI']]);
  });

  it('falls back to the shorter alias when the longer one is not all there', () => {
    expect(mentionsIn(MODELS, 'Zhipu Airlines and GLM-4-9B-Cha')).toEqual([['zhipu', 'Zhipu']]);
  });

  it('prefers the match that starts first, even when a later one is longer', () => {
    const aliases: AliasSpec[] = [
      { entityId: 'short', text: 'Wanda' },
      { entityId: 'long', text: 'Wanda Group Holdings' },
      { entityId: 'early', text: 'Dalian Wanda' },
    ];
    expect(mentionsIn(aliases, 'Dalian Wanda Group Holdings')).toEqual([['early', 'Dalian Wanda']]);
  });

  it('finds the next mention right after a long one that needed look-ahead', () => {
    const aliases: AliasSpec[] = [
      { entityId: 'ab', text: 'alpha beta' },
      { entityId: 'abcd', text: 'alpha beta gamma delta' },
      { entityId: 'g', text: 'gamma' },
    ];
    expect(mentionsIn(aliases, 'alpha beta gamma epsilon')).toEqual([
      ['ab', 'alpha beta'],
      ['g', 'gamma'],
    ]);
  });

  it('returns mentions sorted by start and never overlapping', () => {
    const text = 'GLM-4, GPT-4 and GLM-4-9B-Chat; Zhipu AI and Zhipu; Qwen 2.5.';
    const found = compileMatcher(MODELS).find(text);
    expect(found.map(({ entityId }) => entityId)).toEqual([
      'glm-4',
      'gpt-4',
      'glm-4-9b-chat',
      'zhipu',
      'zhipu',
      'qwen-2-5',
    ]);
    for (let k = 1; k < found.length; k++) {
      expect(found[k]!.start).toBeGreaterThanOrEqual(found[k - 1]!.end);
    }
  });
});

describe('offsets', () => {
  it('counts offsets in UTF-16 code units, as the DOM does', () => {
    const text = '😀 GPT-4 𝐀 GLM-4';
    expect(compileMatcher(MODELS).find(text)).toEqual([
      { entityId: 'gpt-4', start: 3, end: 8 },
      { entityId: 'glm-4', start: 12, end: 17 },
    ]);
  });
});

describe('Latin aliases match whole tokens only', () => {
  it.each([
    ['GPT-4o', 'a letter after'],
    ['GLM-45', 'a digit after'],
    ['ChatGLM-4', 'a letter before'],
    ['2GPT-4', 'a digit before'],
    ['ＧＬＭ－４５', 'a full-width digit after'],
    ['GLM-4ｏ', 'a full-width letter after'],
    ['GLM-4é', 'an accented letter after'],
    ['GLM-4ж', 'a Cyrillic letter after'],
    ['Zhipuxi', 'letters after'],
    ['Inter-American', 'a different word after the shared start'],
    ['Internal', 'the alias start inside a longer word'],
    ['Z.aim', 'a letter after a name ending in a letter'],
  ])('"%s" is no mention (%s)', (text) => {
    expect(mentionsIn(MODELS, text)).toEqual([]);
  });

  it.each([
    ['(GPT-4)', 'GPT-4'],
    ['"GPT-4",', 'GPT-4'],
    ['GPT-4/GLM-4', 'GPT-4'],
    ['use GPT-4.', 'GPT-4'],
    ['GPT-4: results', 'GPT-4'],
    ['#GPT-4!', 'GPT-4'],
  ])('"%s" mentions %s (punctuation around it)', (text, mention) => {
    expect(mentionsIn(MODELS, text)[0]?.[1]).toBe(mention);
  });

  it('counts GLM-4-based as a mention of GLM-4: a hyphen before a word is a boundary', () => {
    expect(mentionsIn(MODELS, 'a GLM-4-based agent')).toEqual([['glm-4', 'GLM-4']]);
  });

  it('does not read GLM-4-9B as GLM-4: a hyphen before a digit continues the model name', () => {
    expect(mentionsIn(MODELS, 'the GLM-4-9B weights')).toEqual([]);
  });

  it('does not read GPT-4.5 or Qwen 2.5.1 as GPT-4 or Qwen 2.5: a version goes on', () => {
    expect(mentionsIn(MODELS, 'GPT-4.5 and Qwen 2.5.1')).toEqual([]);
  });

  it('accepts a sentence-ending full stop after a name that ends in a digit', () => {
    expect(mentionsIn(MODELS, 'It beat GPT-4. 9 of 10 agreed')).toEqual([['gpt-4', 'GPT-4']]);
  });

  it('treats a letter outside the Basic Multilingual Plane as a letter', () => {
    expect(mentionsIn(MODELS, 'GPT-4𝐀 and 𝐀GLM-4')).toEqual([]);
  });

  it('lets Chinese characters touch a Latin name, as Chinese writing puts no spaces there', () => {
    expect(mentionsIn(MODELS, '使用GLM-4模型，Zhipu发布')).toEqual([
      ['glm-4', 'GLM-4'],
      ['zhipu', 'Zhipu'],
    ]);
  });

  it('lets an alias contain a full stop (Z.ai) and still requires whole tokens', () => {
    expect(mentionsIn(MODELS, 'see Z.ai, not xZ.ai')).toEqual([['z-ai', 'Z.ai']]);
  });
});

describe('letter case', () => {
  const CASED: AliasSpec[] = [
    { entityId: 'ernie', text: 'ERNIE', caseSensitive: true },
    { entityId: 'wolves', text: 'Wolves', caseSensitive: true },
    { entityId: 'baidu', text: 'Baidu' },
  ];

  it('matches case-insensitive aliases in any case', () => {
    expect(mentionsIn(CASED, 'BAIDU, baidu, Baidu, bAiDu')).toHaveLength(4);
  });

  it('matches a case-sensitive alias in its exact case only', () => {
    expect(mentionsIn(CASED, 'ERNIE, Ernie, ernie')).toEqual([['ernie', 'ERNIE']]);
    expect(mentionsIn(CASED, 'Wolves beat the wolves; WOLVES')).toEqual([['wolves', 'Wolves']]);
  });

  it('still folds width and accents for a case-sensitive alias', () => {
    expect(mentionsIn(CASED, 'ＥＲＮＩＥ and ÉRNIE')).toEqual([
      ['ernie', 'ＥＲＮＩＥ'],
      ['ernie', 'ÉRNIE'],
    ]);
  });

  it('lets a case-sensitive alias win over a caseless one with the same letters', () => {
    const aliases: AliasSpec[] = [
      { entityId: 'animal', text: 'wolves' },
      { entityId: 'club', text: 'Wolves', caseSensitive: true },
    ];
    expect(mentionsIn(aliases, 'Wolves and wolves')).toEqual([
      ['club', 'Wolves'],
      ['animal', 'wolves'],
    ]);
  });
});

describe('compiling', () => {
  it('gives the first entity listed an alias that two entities share', () => {
    const aliases: AliasSpec[] = [
      { entityId: 'first', text: 'Fosun' },
      { entityId: 'second', text: 'FOSUN' },
    ];
    expect(mentionsIn(aliases, 'Fosun')).toEqual([['first', 'Fosun']]);
  });

  it('skips blank and malformed aliases instead of throwing', () => {
    const aliases = [
      { entityId: 'blank', text: ' \u00a0 ' },
      { entityId: 'nothing', text: '' },
      null,
      { entityId: 'no-text' },
      { entityId: 7, text: 'Seven' },
      { entityId: 'ok', text: 'Kimi' },
    ] as unknown as AliasSpec[];
    expect(mentionsIn(aliases, 'Kimi and Seven')).toEqual([['ok', 'Kimi']]);
  });

  it('finds nothing with no aliases, and tolerates a non-array', () => {
    expect(mentionsIn([], 'GLM-4')).toEqual([]);
    expect(compileMatcher(undefined as unknown as AliasSpec[]).find('GLM-4')).toEqual([]);
  });

  it('returns no mentions for empty or non-string text', () => {
    const matcher = compileMatcher(MODELS);
    expect(matcher.find('')).toEqual([]);
    expect(matcher.find(undefined as unknown as string)).toEqual([]);
    expect(matcher.find(42 as unknown as string)).toEqual([]);
  });

  it('gives the same answer on every call: nothing carries over between texts', () => {
    const matcher = compileMatcher(MODELS);
    const text = 'Zhipu AI and GLM-4';
    const first = matcher.find(text);
    matcher.find('Zhipu');
    matcher.find('GLM-4-9B-Cha');
    expect(matcher.find(text)).toEqual(first);
    expect(first).toEqual([
      { entityId: 'zhipu', start: 0, end: 8 },
      { entityId: 'glm-4', start: 13, end: 18 },
    ]);
  });
});
