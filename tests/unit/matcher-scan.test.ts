/**
 * The matcher reads a long text as two halves at once and reconciles them (see AliasMatcher in
 * core/matcher.ts); short texts are read by one chain. These tests hold long texts to what the
 * same pieces give when read one by one, and slide names across the middle of a text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, type AliasSpec, type Mention } from '../../core/matcher.ts';
import { entities } from '../../data/index.ts';

const aliases: AliasSpec[] = entities.flatMap((entity) =>
  entity.aliases.map((alias) => ({
    entityId: entity.id,
    text: alias.text,
    ...(alias.caseSensitive === undefined ? {} : { caseSensitive: alias.caseSensitive }),
  })),
);
const matcher = compileMatcher(aliases);

/**
 * Pieces stay below the length from which the matcher reads two halves at once (64 units), so
 * each one alone is read by one chain.
 */
const PIECE_UNITS = 40;
/** No alias holds it, and it is no letter, digit, space, hyphen, full stop or CJK character. */
const SEPARATOR = '|';

const FRAGMENTS = [
  ...new Set(aliases.map((alias) => alias.text)),
  'GPT-4o',
  'GLM-45',
  'GLM-4.5',
  'Internal',
  'wolves',
  'Ernie',
  '其中超过',
  '阿里山',
  '重大基金',
  '的',
  '在',
  '公司',
  '超过',
  '模型',
  'the',
  'and',
  '4',
  '9B',
  '-',
  '.',
  ' ',
  '\u00a0',
  '\n ',
  '\u00ad',
  '\u0301',
  '’s',
  '，',
];

/** A fragment, sometimes spelled otherwise: letter case, full width, a no-break space. */
const fragmentArbitrary = fc
  .tuple(fc.constantFrom(...FRAGMENTS), fc.nat(5))
  .map(([text, spelling]) => {
    if (spelling === 0) return text.toUpperCase();
    if (spelling === 1) return text.toLowerCase();
    if (spelling === 2) {
      return text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
    }
    if (spelling === 3) return text.replace(/ /g, '\u00a0');
    return text;
  });
const pieceArbitrary = fc
  .array(fragmentArbitrary, { maxLength: 6 })
  .map((fragments) => fragments.join('').slice(0, PIECE_UNITS))
  // A cut through a surrogate pair leaves half a character; keep whole ones.
  .filter((piece) => !/[\ud800-\udbff]$/.test(piece));

function shifted(mentions: Mention[], by: number): Mention[] {
  return mentions.map((mention) => ({
    ...mention,
    start: mention.start + by,
    end: mention.end + by,
  }));
}

describe('a long text read as two halves at once', () => {
  it('finds what its pieces find one by one, wherever the halves meet', () => {
    fc.assert(
      fc.property(fc.array(pieceArbitrary, { minLength: 2, maxLength: 12 }), (pieces) => {
        const text = pieces.join(SEPARATOR);
        const expected: Mention[] = [];
        let offset = 0;
        for (const piece of pieces) {
          expected.push(...shifted(matcher.find(piece), offset));
          offset += piece.length + SEPARATOR.length;
        }
        expect(matcher.find(text)).toEqual(expected);
      }),
      { numRuns: 600 },
    );
  });

  it.each([
    ['a long name', 'GLM-4-9B-Chat', [['glm-4-9b-chat', 'GLM-4-9B-Chat']]],
    ['a run of whitespace inside a name', 'Zhipu \n\u00a0 AI', [['zhipu-ai', 'Zhipu \n\u00a0 AI']]],
    ['a combining mark', 'Atle\u0301tico Madrid', [['atletico-madrid', 'Atle\u0301tico Madrid']]],
    ['a near-miss', 'GLM-4-9', []],
    [
      'names right after one another',
      'Zhipu AI, GLM-4 and 智谱',
      [
        ['zhipu-ai', 'Zhipu AI'],
        ['glm-4', 'GLM-4'],
        ['zhipu-ai', '智谱'],
      ],
    ],
    [
      'a Chinese name between Chinese words',
      '我们的中超联赛',
      [['chinese-super-league', '中超联赛']],
    ],
    ['a Chinese near-miss', '其中超过一半', []],
  ])('finds %s at every place around the middle', (_label, inner, expected) => {
    const pad = 48;
    for (let before = 0; before <= pad; before++) {
      const text = `${'x '.repeat(before)}${inner}${' y'.repeat(pad - before)}`;
      const found = matcher
        .find(text)
        .map(({ entityId, start, end }) => [entityId, text.slice(start, end)]);
      expect(found, `with ${before} pairs of units before it`).toEqual(expected);
    }
  });
});

describe('combining marks after a name', () => {
  it.each([
    ['a mark', 'Zhipu\u0301 said', 'Zhipu\u0301'],
    ['a mark after an invisible character', 'Zhipu\u00ad\u0301 said', 'Zhipu\u00ad\u0301'],
    ['an invisible character alone', 'Zhipu\u00ad said', 'Zhipu'],
    ['an invisible character after the mark', 'Zhipu\u0301\u200b said', 'Zhipu\u0301'],
    ['a mark after a Chinese name', '百度\u200b\u0301，', '百度\u200b\u0301'],
  ])('belong to it: %s', (_label, text, covered) => {
    const [mention] = matcher.find(text);
    expect(mention && text.slice(mention.start, mention.end)).toBe(covered);
  });
});
