/**
 * A deliberately naive matcher written from the rules of issue 2, for property tests of the real
 * one: at every position try every alias, keep the longest valid match, go on after it. Slow and
 * obvious on purpose; it shares no code with core/.
 *
 * Folding is written out for the characters the test generators produce (see mention-text.ts),
 * not for all of Unicode: whitespace runs are one space, hyphen variants are '-', full-width
 * ASCII is ASCII, accents are optional, curly apostrophes are straight, invisible characters
 * vanish, letter case is free unless the alias is marked case-sensitive.
 *
 * Two rules go beyond the words and are written here as the matcher documents them:
 * - a hyphen or full stop followed by a digit continues a Latin name (GPT-4.5 is no GPT-4,
 *   GLM-4-9B no GLM-4), so it counts as touching like a letter;
 * - a Chinese end of a name that touches another Chinese character is taken as inside a longer
 *   word. That is only true in the generated texts, which never put a Chinese name next to
 *   Chinese characters except inside the known near-miss words (其中超过, 阿里山...); the real
 *   matcher asks a word segmenter there, which no simple rule restates.
 */
import type { AliasSpec, Mention } from '../../core/matcher.ts';

const SKIP = null;
const SPACE = ' ';

const WHITESPACE = new Set([
  ' ',
  '\t',
  '\n',
  '\r',
  '\u00a0',
  '\u2009',
  '\u3000',
  '\u2028',
  '\u202f',
]);
const HYPHENS = new Set([
  '-',
  '\u2010',
  '\u2011',
  '\u2012',
  '\u2013',
  '\u2212',
  '\ufe63',
  '\uff0d',
]);
const APOSTROPHES = new Set(["'", '\u2018', '\u2019', '\u02bc']);
const INVISIBLE = new Set(['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']);
const FULL_STOPS = new Set(['.', '\uff0e']);

function isCombining(char: string | undefined): boolean {
  return char !== undefined && /^\p{M}$/u.test(char);
}

/** One character folded: a plain character, SPACE, or SKIP when it vanishes. */
function foldChar(char: string, caseSensitive: boolean): string | null {
  if (INVISIBLE.has(char) || isCombining(char)) return SKIP;
  if (WHITESPACE.has(char)) return SPACE;
  if (HYPHENS.has(char)) return '-';
  if (APOSTROPHES.has(char)) return "'";
  let plain = char;
  const code = char.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) plain = String.fromCharCode(code - 0xfee0);
  // Accented Latin letters: their base letter (é -> e, Ö -> O).
  if (/^\p{Script=Latin}$/u.test(plain)) plain = plain.normalize('NFD')[0]!;
  return caseSensitive ? plain : plain.toLowerCase();
}

/** The alias as the sequence the text must fold to: runs of space are one, ends trimmed. */
function foldAlias(text: string, caseSensitive: boolean): string {
  let folded = '';
  for (const char of text) {
    const unit = foldChar(char, caseSensitive);
    if (unit === SKIP) continue;
    if (unit === SPACE && (folded === '' || folded.endsWith(SPACE))) continue;
    folded += unit;
  }
  return folded.trimEnd();
}

const isHan = (char: string | undefined): boolean =>
  char !== undefined && /^\p{Script=Han}$/u.test(char);

/** A letter or digit of a spaced script: what a Latin end of a name must not touch. */
function isWordChar(char: string | undefined): boolean {
  if (char === undefined || isHan(char)) return false;
  const folded = foldChar(char, false);
  return folded !== SKIP && /^[\p{L}\p{N}]$/u.test(folded);
}

function isDigit(char: string | undefined): boolean {
  const folded = char === undefined ? SKIP : foldChar(char, false);
  return folded !== SKIP && /^[0-9]$/.test(folded);
}

const vanishes = (char: string | undefined) => char !== undefined && foldChar(char, false) === SKIP;

function visibleBefore(text: string, index: number): string | undefined {
  let k = index - 1;
  while (k >= 0 && vanishes(text[k])) k--;
  return text[k];
}

function visibleIndexFrom(text: string, index: number): number {
  let k = index;
  while (k < text.length && vanishes(text[k])) k++;
  return k;
}

interface PreparedAlias {
  spec: AliasSpec;
  folded: string;
  caseSensitive: boolean;
  latinStart: boolean;
  latinEnd: boolean;
  hanStart: boolean;
  hanEnd: boolean;
}

function prepare(spec: AliasSpec): PreparedAlias | undefined {
  const caseSensitive = spec.caseSensitive === true;
  const folded = foldAlias(spec.text, caseSensitive);
  if (folded === '') return undefined;
  const first = folded[0];
  const last = folded.at(-1);
  return {
    spec,
    folded,
    caseSensitive,
    latinStart: isWordChar(first),
    latinEnd: isWordChar(last),
    hanStart: isHan(first),
    hanEnd: isHan(last),
  };
}

/** Where the alias ends if it matches at `start` (trailing combining marks included), or -1. */
function matchEnd(text: string, start: number, alias: PreparedAlias): number {
  const first = foldChar(text[start]!, alias.caseSensitive);
  if (first === SKIP || first === SPACE) return -1;
  let i = start;
  for (const wanted of alias.folded) {
    while (i < text.length && foldChar(text[i]!, alias.caseSensitive) === SKIP) i++;
    if (i >= text.length) return -1;
    const unit = foldChar(text[i]!, alias.caseSensitive);
    if (unit !== wanted) return -1;
    i++;
    if (wanted === SPACE) {
      while (i < text.length) {
        const next = foldChar(text[i]!, alias.caseSensitive);
        if (next !== SPACE && next !== SKIP) break;
        i++;
      }
    }
  }
  while (isCombining(text[i])) i++;
  return i;
}

function isValid(text: string, start: number, end: number, alias: PreparedAlias): boolean {
  if (alias.latinStart && isWordChar(visibleBefore(text, start))) return false;
  if (alias.latinEnd) {
    const next = visibleIndexFrom(text, end);
    if (isWordChar(text[next])) return false;
    const after = text[next];
    const continues = after !== undefined && (HYPHENS.has(after) || FULL_STOPS.has(after));
    if (continues && isDigit(text[visibleIndexFrom(text, next + 1)])) return false;
  }
  if (alias.hanStart && isHan(text[start - 1])) return false;
  if (alias.hanEnd && isHan(text[end])) return false;
  return true;
}

export interface NaiveMatcher {
  find(text: string): Mention[];
}

export function naiveMatcher(specs: readonly AliasSpec[]): NaiveMatcher {
  // Only an index by first letter, so the test can afford more runs; every alias that could
  // start at a position is still tried there.
  const byFirst = new Map<string, PreparedAlias[]>();
  for (const alias of specs.map(prepare)) {
    if (alias === undefined) continue;
    const first = alias.folded[0]!.toLowerCase();
    byFirst.set(first, [...(byFirst.get(first) ?? []), alias]);
  }
  return {
    find(text) {
      const mentions: Mention[] = [];
      let start = 0;
      while (start < text.length) {
        let best: { alias: PreparedAlias; end: number } | undefined;
        const first = foldChar(text[start]!, false);
        for (const alias of first === SKIP ? [] : (byFirst.get(first) ?? [])) {
          const end = matchEnd(text, start, alias);
          if (end < 0 || !isValid(text, start, end, alias)) continue;
          // Longest wins; on a tie, a case-sensitive alias (more specific), then the first listed.
          const better =
            best === undefined ||
            end > best.end ||
            (end === best.end && alias.caseSensitive && !best.alias.caseSensitive);
          if (better) best = { alias, end };
        }
        if (best === undefined) {
          start++;
        } else {
          mentions.push({ entityId: best.alias.spec.entityId, start, end: best.end });
          start = best.end;
        }
      }
      return mentions;
    },
  };
}
