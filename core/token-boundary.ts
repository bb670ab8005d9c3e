/**
 * Whole-token rules for the Latin ends of aliases: no letter or digit of a spaced script may
 * touch the mention (GPT-4o, GLM-45, Internal are not mentions), while CJK characters may
 * (使用GLM-4模型 mentions GLM-4, since Chinese puts no space around embedded names).
 */
import { kindAt, visibleIndexAfter, visibleIndexBefore } from './char-kind.ts';
import { getFoldTable } from './fold-text.ts';

const HYPHEN = 0x2d;
const FULL_STOP = 0x2e;
const DIGIT_ZERO = 0x30;
const DIGIT_NINE = 0x39;

function isFoldedDigitAt(text: string, index: number): boolean {
  if (index >= text.length) return false;
  const folded = getFoldTable(false)[text.charCodeAt(index)] ?? 0;
  return folded >= DIGIT_ZERO && folded <= DIGIT_NINE;
}

function isAsciiLetterOrDigit(unit: number): boolean {
  const lower = unit | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || (unit >= DIGIT_ZERO && unit <= DIGIT_NINE);
}

/** Whether a mention whose first character is a Latin letter or digit may start at `start`. */
export function isTokenStart(text: string, start: number): boolean {
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  // Most neighbours are ASCII, and no ASCII character is skipped when folding.
  if (before < 0x80) return !isAsciiLetterOrDigit(before);
  return kindAt(text, visibleIndexBefore(text, start)) !== 'word';
}

/**
 * Whether a mention whose last character is a Latin letter or digit may end at `end`.
 * A hyphen or full stop followed by a digit continues the name as a version or size
 * (GLM-4-9B, GPT-4.5 are other models than GLM-4 and GPT-4), so it glues like a letter;
 * followed by anything else (GLM-4-based, "uses GLM-4.") it is an ordinary boundary.
 */
export function isTokenEnd(text: string, end: number): boolean {
  if (end >= text.length) return true;
  const after = text.charCodeAt(end);
  if (after < 0x80 && after !== HYPHEN && after !== FULL_STOP) return !isAsciiLetterOrDigit(after);
  const next = visibleIndexAfter(text, end);
  if (next >= text.length) return true;
  if (kindAt(text, next) === 'word') return false;
  const folded = getFoldTable(false)[text.charCodeAt(next)];
  if (folded === HYPHEN || folded === FULL_STOP) {
    return !isFoldedDigitAt(text, visibleIndexAfter(text, next + 1));
  }
  return true;
}
