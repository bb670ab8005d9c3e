/**
 * The alias list as one regular expression, for mark.js: the fastest way to hand it every alias
 * at once (`markRegExp`, one pass over the page, against `mark(array)`'s one pass per alias).
 * Longest alternatives first, so the longest alias wins at a position, as in our matcher;
 * Latin ends must not touch a letter or digit; spaces match any run of white space; letter case
 * is free except for the aliases marked case-sensitive. No inline modifiers (`(?i:...)`), so the
 * same pattern also runs in Node for its tests.
 */
import type { BenchAlias } from './page-text.ts';

const WORD_EDGE = /[A-Za-z0-9]/;

function escapeChar(char: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(char) ? `\\${char}` : char;
}

function aliasPattern(alias: BenchAlias): string {
  let pattern = '';
  for (const char of alias.text) {
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    if (/\s/.test(char)) pattern += '\\s+';
    else if (!alias.caseSensitive && lower !== upper) pattern += `[${lower}${upper}]`;
    else pattern += escapeChar(char);
  }
  const first = alias.text.charAt(0);
  const last = alias.text.charAt(alias.text.length - 1);
  return (
    (WORD_EDGE.test(first) ? '(?<![A-Za-z0-9])' : '') +
    pattern +
    (WORD_EDGE.test(last) ? '(?![A-Za-z0-9])' : '')
  );
}

export function aliasRegExpSource(aliases: readonly BenchAlias[]): string {
  const unique = new Map<string, BenchAlias>();
  for (const alias of aliases) unique.set(`${alias.caseSensitive ? 1 : 0}${alias.text}`, alias);
  return [...unique.values()]
    .sort((a, b) => b.text.length - a.text.length)
    .map(aliasPattern)
    .join('|');
}
