/**
 * The automaton against a deliberately naive matcher written from the rules alone: try every
 * start, every alias, keep the leftmost-longest valid match. Random texts over a small alphabet
 * full of variants (case, accents, combining marks, odd spaces and hyphens) exercise folding,
 * offsets, whole-token rules and leftmost-longest together.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, type AliasSpec, type Mention } from '../../core/matcher.ts';

const COMBINING_ACUTE = '\u0301';
const SPACES = new Set([' ', '\u00a0', '\n', '\u3000']);
const HYPHENS = new Set(['-', '\u2011', '\u2013']);

/** Folding for the test alphabet only, written out by hand. */
function foldChar(char: string, caseSensitive: boolean): string | null {
  if (char === COMBINING_ACUTE) return null;
  if (SPACES.has(char)) return ' ';
  if (HYPHENS.has(char)) return '-';
  if (char === '’') return "'";
  const plain = char === 'é' ? 'e' : char === 'É' ? 'E' : char;
  return caseSensitive ? plain : plain.toLowerCase();
}

const isWordChar = (char: string | undefined): boolean =>
  char !== undefined && /[\p{L}\p{N}]/u.test(char);

/** Where the alias matches if it starts at `start`: its end, or -1. */
function matchAt(text: string, start: number, alias: AliasSpec): number {
  const caseSensitive = alias.caseSensitive === true;
  const target = [...alias.text].map((char) => foldChar(char, caseSensitive)).join('');
  let k = 0;
  let i = start;
  while (k < target.length) {
    if (i >= text.length) return -1;
    const folded = foldChar(text[i]!, caseSensitive);
    if (folded === null) {
      if (k === 0) return -1;
      i++;
      continue;
    }
    if (folded !== target[k]) return -1;
    i++;
    k++;
    if (folded === ' ') {
      while (i < text.length && (foldChar(text[i]!, true) === ' ' || text[i] === COMBINING_ACUTE)) {
        i++;
      }
    }
  }
  while (text[i] === COMBINING_ACUTE) i++;
  return i;
}

function visibleIndexAfter(text: string, index: number): number {
  let k = index;
  while (text[k] === COMBINING_ACUTE) k++;
  return k;
}

/** Letters and digits at the alias's ends must not touch letters or digits of the text. */
function isWholeToken(text: string, start: number, end: number, alias: string): boolean {
  let before = start - 1;
  while (text[before] === COMBINING_ACUTE) before--;
  if (isWordChar(alias[0]) && isWordChar(text[before])) return false;
  if (!isWordChar(alias[alias.length - 1])) return true;
  const next = visibleIndexAfter(text, end);
  if (isWordChar(text[next])) return false;
  // A version or size goes on after "-" or "." followed by a digit.
  const isSeparator = text[next] === '.' || HYPHENS.has(text[next] ?? '');
  return !(isSeparator && /[0-9]/.test(text[visibleIndexAfter(text, next + 1)] ?? ''));
}

function referenceFind(aliases: readonly AliasSpec[], text: string): Mention[] {
  const mentions: Mention[] = [];
  let start = 0;
  while (start < text.length) {
    let best: Mention | null = null;
    for (const alias of aliases) {
      const end = matchAt(text, start, alias);
      if (end < 0 || !isWholeToken(text, start, end, alias.text)) continue;
      if (best === null || end > best.end) best = { entityId: alias.entityId, start, end };
    }
    if (best === null) {
      start++;
    } else {
      mentions.push(best);
      start = best.end;
    }
  }
  return mentions;
}

const textChars = ['a', 'b', 'A', 'B', 'e', 'é', 'É', COMBINING_ACUTE, 'x', '1', '2', '.', '’'];
const textArbitrary = fc
  .array(fc.constantFrom(...textChars, ...SPACES, ...HYPHENS), { maxLength: 40 })
  .map((chars) => chars.join(''));
const aliasArbitrary = fc
  .array(fc.constantFrom('a', 'b', 'B', 'e', 'é', '1', '-', ' '), { minLength: 1, maxLength: 5 })
  .map((chars) => chars.join('').trim().replace(/ +/g, ' '))
  .filter((text) => text.length > 0);
const aliasListArbitrary = fc
  .uniqueArray(fc.tuple(aliasArbitrary, fc.boolean()), {
    minLength: 1,
    maxLength: 6,
    // Aliases folding to the same text are resolved by list order, which the naive matcher
    // does not model; keep them distinct.
    selector: ([text]) => text.toLowerCase().replace(/é/g, 'e'),
  })
  .map((pairs) =>
    pairs.map(([text, caseSensitive], index) => ({ entityId: `e${index}`, text, caseSensitive })),
  );

describe('matcher against a naive reference', () => {
  it('finds exactly the leftmost-longest valid mentions', () => {
    fc.assert(
      fc.property(aliasListArbitrary, textArbitrary, (aliases, text) => {
        expect(compileMatcher(aliases).find(text)).toEqual(referenceFind(aliases, text));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the same mentions when each text is embedded in longer text', () => {
    fc.assert(
      fc.property(aliasListArbitrary, textArbitrary, textArbitrary, (aliases, left, right) => {
        const text = `${left} ${right}`;
        expect(compileMatcher(aliases).find(text)).toEqual(referenceFind(aliases, text));
      }),
      { numRuns: 1000 },
    );
  });
});
