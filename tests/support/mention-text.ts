/**
 * Random text full of the article's names, for property tests in Node and in the browser: every
 * alias from data/, spelled with the variants the matcher must fold (whitespace runs, hyphen
 * variants, full-width forms, accents, letter case, invisible characters), near-misses that
 * must not match, and English and Chinese filler.
 *
 * Chinese pieces never touch each other: between two pieces that would put CJK next to CJK sits
 * a separator that is not CJK. The matcher asks a word segmenter whenever a Chinese name touches
 * another Chinese character, and its answer is no rule a test can restate; kept apart, every
 * Chinese decision left in the text is a plain one. The only places where a Chinese name touches
 * Chinese characters are the near-miss words below (and longer aliases that contain a shorter
 * one), where the answer is known: no mention.
 */
import fc from 'fast-check';
import type { AliasSpec } from '../../core/matcher.ts';
import { entities } from '../../data/index.ts';

/** Every alias of every entity, as the content script compiles them. */
export const allAliases: readonly AliasSpec[] = entities.flatMap((entity) =>
  entity.aliases.map((alias) => ({
    entityId: entity.id,
    text: alias.text,
    ...(alias.caseSensitive === undefined ? {} : { caseSensitive: alias.caseSensitive }),
  })),
);

/**
 * Look like a name and are none: a letter or digit glued on, a version that goes on, the wrong
 * case of a case-sensitive alias, a shared start of another word.
 */
export const ENGLISH_NEAR_MISSES: readonly string[] = [
  'GPT-4o',
  'GLM-45',
  'Internal',
  'Inter-American',
  'ChatGLM-4',
  'GPT-4.5',
  'GLM-4-9',
  'Qwen 2.5.1',
  'Baidus',
  'xDeepSeek',
  'Zhipux',
  'Z.aim',
  'Ernie',
  'wolves',
  'kimi',
  'big fund',
  'moonshot',
  'CogViews',
  'GSM8',
  'Llama-3-8',
  'Suningx',
];

/**
 * Chinese words with a name inside that is no mention of it, as the issue lists them
 * (中超 in 其中超过, 阿里 in 阿里山) plus a few of the same kind: the name's characters belong to
 * the words around it.
 */
export const CHINESE_NEAR_MISSES: readonly string[] = [
  '其中超过',
  '集中超过',
  '阿里山',
  '恢复星期',
  '色狼队伍',
  '重大基金',
];

const ENGLISH_FILLER: readonly string[] = [
  'the',
  'model',
  'beat',
  'and',
  'said',
  'AI',
  'Chat',
  'Inc',
  'Group',
  '4',
  '2024',
  '9B',
  'x',
  '$2.5 billion',
  'é',
];

/** Checked by the tests to hold no alias: they only carry Chinese context around names. */
export const CHINESE_FILLER: readonly string[] = [
  '我们',
  '发布了',
  '模型',
  '表示',
  '投资',
  '数据',
  '今天',
  '报道',
  '一半',
];

/**
 * What may sit between two pieces; '' glues them. None of these is CJK. A plain space is listed
 * twice: it is the most common.
 */
const SEPARATORS: readonly string[] = [
  '',
  ' ',
  ' ',
  ', ',
  '. ',
  '-',
  '.',
  '(',
  ')',
  '\n',
  '\u00a0',
  ' \n\t ',
  '，',
  '。',
  '、',
  '“',
  '”',
  '「',
  '’s ',
  '/',
];

const WHITESPACE_VARIANTS = [' ', '\u00a0', '\n', '\t', '\u3000', '\u2009', '  \n  '];
const HYPHEN_VARIANTS = ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\ufe63', '\uff0d'];
/** Invisible characters pages put inside words: soft hyphen, zero-width space, word joiner. */
export const INVISIBLES = ['\u00ad', '\u200b', '\u2060', '\ufeff'];
const COMBINING_ACUTE = '\u0301';
const ACCENTED: Readonly<Record<string, readonly string[]>> = {
  a: ['á', 'à', 'â', 'ä'],
  e: ['é', 'è', 'ê'],
  i: ['í', 'ï'],
  o: ['ó', 'ô', 'ö'],
  u: ['ú', 'ü'],
  c: ['ç'],
  n: ['ñ'],
};

const HAN = /\p{Script=Han}/u;
const LATIN_LETTER_OR_DIGIT = /^[A-Za-z0-9]$/;

export function isHan(char: string | undefined): boolean {
  return char !== undefined && HAN.test(char);
}

/** Each change a variant may make, decided per character from a list of choices. */
export interface SpellingChoices {
  letterCase: 'as-is' | 'upper' | 'lower' | 'mixed';
  fullWidth: boolean;
  accents: boolean;
  invisibles: boolean;
  /** Consumed in turn by every per-character decision. */
  dice: readonly number[];
}

/**
 * `text` spelled with the variants the matcher folds. Changes touch Latin characters, spaces and
 * hyphens only; Chinese characters stay as they are and nothing is put next to them.
 */
export function respell(text: string, choices: SpellingChoices): string {
  let roll = 0;
  const die = (sides: number): number => {
    const value = choices.dice.length === 0 ? 0 : choices.dice[roll % choices.dice.length]!;
    roll++;
    return value % sides;
  };
  const chars = [...text];
  let out = '';
  chars.forEach((char, index) => {
    if (char === ' ') {
      out += WHITESPACE_VARIANTS[die(WHITESPACE_VARIANTS.length)]!;
      return;
    }
    if (char === '-') {
      out += HYPHEN_VARIANTS[die(HYPHEN_VARIANTS.length)]!;
      return;
    }
    if (!LATIN_LETTER_OR_DIGIT.test(char)) {
      out += char;
      return;
    }
    let spelled = char;
    if (choices.letterCase === 'upper') spelled = spelled.toUpperCase();
    else if (choices.letterCase === 'lower') spelled = spelled.toLowerCase();
    else if (choices.letterCase === 'mixed' && die(2) === 1) {
      spelled = spelled === spelled.toLowerCase() ? spelled.toUpperCase() : spelled.toLowerCase();
    }
    let mark = '';
    const accented = ACCENTED[spelled.toLowerCase()];
    if (choices.accents && accented !== undefined && die(3) === 0) {
      if (die(2) === 0) {
        const form = accented[die(accented.length)]!;
        spelled = spelled === spelled.toUpperCase() ? form.toUpperCase() : form;
      } else {
        mark = COMBINING_ACUTE;
      }
    } else if (choices.fullWidth && die(2) === 0) {
      spelled = String.fromCharCode(spelled.charCodeAt(0) + 0xfee0);
    }
    out += spelled + mark;
    const next = chars[index + 1];
    // Only between two Latin characters: next to Chinese an invisible character would change
    // which neighbour the Chinese word check sees (a separate property covers that).
    if (
      choices.invisibles &&
      next !== undefined &&
      LATIN_LETTER_OR_DIGIT.test(next) &&
      die(4) === 0
    ) {
      out += INVISIBLES[die(INVISIBLES.length)]!;
    }
  });
  return out;
}

export const spellingArbitrary: fc.Arbitrary<SpellingChoices> = fc.record({
  letterCase: fc.constantFrom('as-is', 'as-is', 'upper', 'lower', 'mixed'),
  fullWidth: fc.boolean(),
  accents: fc.boolean(),
  invisibles: fc.boolean(),
  dice: fc.array(fc.nat(1000), { maxLength: 12 }),
});

/** An alias of the data, maybe spelled with variants. */
export const aliasTextArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...allAliases.map((alias) => alias.text)),
  fc
    .tuple(fc.constantFrom(...allAliases.map((alias) => alias.text)), spellingArbitrary)
    .map(([text, choices]) => respell(text, choices)),
);

/** One piece of text: an alias, a near-miss or filler. */
export const pieceArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: aliasTextArbitrary },
  { weight: 2, arbitrary: fc.constantFrom(...ENGLISH_NEAR_MISSES) },
  { weight: 1, arbitrary: fc.constantFrom(...CHINESE_NEAR_MISSES) },
  { weight: 2, arbitrary: fc.constantFrom(...ENGLISH_FILLER) },
  { weight: 2, arbitrary: fc.constantFrom(...CHINESE_FILLER) },
);

/** Joins pieces with their separators, never letting two Chinese pieces touch. */
export function joinPieces(parts: readonly (readonly [string, string])[]): string {
  let text = '';
  for (const [separator, piece] of parts) {
    const glue = separator === '' && isHan(text.at(-1)) && isHan(piece[0]) ? ' ' : separator;
    text += glue + piece;
  }
  return text;
}

/** A run of pieces and separators: a sentence of names, near-misses and filler. */
export function mentionTextArbitrary(maxPieces = 8): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.constantFrom(...SEPARATORS), pieceArbitrary), { maxLength: maxPieces })
    .map(joinPieces);
}
