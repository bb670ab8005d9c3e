/**
 * What kind of character sits next to a candidate mention: a letter or digit of a spaced script
 * (it would glue onto a Latin name), a CJK character (words there need a segmenter), or anything
 * else (space, punctuation, symbols: always a boundary).
 */
import { FOLD_SKIP, getFoldTable } from './fold-text.ts';

export type CharKind = 'word' | 'cjk' | 'other';

// Scripts written without spaces between words, plus Hangul, whose particles attach to the
// name before them just as Chinese characters do.
const CJK_BMP_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x11ff],
  [0x2e80, 0x2fdf],
  [0x3005, 0x3007],
  [0x3021, 0x3029],
  [0x3038, 0x303b],
  [0x3040, 0x30ff],
  [0x3100, 0x31bf],
  [0x31f0, 0x31ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa960, 0xa97f],
  [0xac00, 0xd7ff],
  [0xf900, 0xfaff],
  [0xff66, 0xffdc],
];
const CJK_ASTRAL_RANGES: readonly (readonly [number, number])[] = [
  [0x1b000, 0x1b16f],
  [0x20000, 0x3ffff],
];
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** In the table below: the code unit is CJK... */
const CJK_UNIT = 1;
/** ...or half of a surrogate pair, which may be CJK (astral ideographs come as such pairs). */
const SURROGATE_UNIT = 2;

let cjkTable: Uint8Array | undefined;

/**
 * By UTF-16 code unit: 0 when it cannot belong to a CJK word, else non-zero (a CJK unit or a
 * surrogate half). Treating every surrogate as possibly CJK only widens a segmenter window by an
 * emoji now and then, which the segmenter handles fine. Shared; callers must not write to it.
 */
export function getCjkUnitTable(): Uint8Array {
  if (cjkTable === undefined) {
    cjkTable = new Uint8Array(0x10000);
    for (const [first, last] of CJK_BMP_RANGES) cjkTable.fill(CJK_UNIT, first, last + 1);
    cjkTable.fill(SURROGATE_UNIT, 0xd800, 0xe000);
  }
  return cjkTable;
}

function isCjkCodePoint(codePoint: number): boolean {
  if (codePoint < 0x10000) return getCjkUnitTable()[codePoint] === CJK_UNIT;
  return CJK_ASTRAL_RANGES.some(([first, last]) => codePoint >= first && codePoint <= last);
}

export function kindOfCodePoint(codePoint: number): CharKind {
  if (codePoint < 0x80) {
    const lower = codePoint | 0x20;
    if ((lower >= 0x61 && lower <= 0x7a) || (codePoint >= 0x30 && codePoint <= 0x39)) {
      return 'word';
    }
    return 'other';
  }
  if (isCjkCodePoint(codePoint)) return 'cjk';
  return LETTER_OR_DIGIT.test(String.fromCodePoint(codePoint)) ? 'word' : 'other';
}

function isSkipped(text: string, index: number): boolean {
  return getFoldTable(false)[text.charCodeAt(index)] === FOLD_SKIP;
}

/** Index of the nearest visible character before `index` (its first code unit), or -1. */
export function visibleIndexBefore(text: string, index: number): number {
  let k = index - 1;
  while (k >= 0 && isSkipped(text, k)) k--;
  if (k > 0 && isLowSurrogate(text.charCodeAt(k)) && isHighSurrogate(text.charCodeAt(k - 1))) k--;
  return k;
}

/** Index of the nearest visible character at or after `index`, or `text.length`. */
export function visibleIndexAfter(text: string, index: number): number {
  let k = index;
  while (k < text.length && isSkipped(text, k)) k++;
  return k;
}

/**
 * Kind of the character starting at `index`, judged by its folded form so variants behave like
 * what they stand for (ＧＬＭ like GLM, the letter-like ʼ like an apostrophe); 'other' outside
 * the string.
 */
export function kindAt(text: string, index: number): CharKind {
  if (index < 0 || index >= text.length) return 'other';
  const folded = getFoldTable(false)[text.charCodeAt(index)] ?? 0;
  if (folded < 0x80) return kindOfCodePoint(folded);
  return kindOfCodePoint(text.codePointAt(index) ?? 0);
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
