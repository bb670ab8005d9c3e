/**
 * Loaded in an iframe of its own by tests/browser/matcher-compile.test.ts: a new document has its
 * own module instances, so the matcher's shared tables are built afresh and its code starts
 * cold, as in a content script on a newly loaded page.
 */
import { getCjkUnitTable } from '@/core/char-kind';
import { getFoldTable } from '@/core/fold-text';
import { compileMatcher, type AliasSpec } from '@/core/matcher';

export interface StartUpTimes {
  /** The shared tables every compile uses (folding, character kinds), built once per realm. */
  sharedTablesMs: number;
  /** Then the first compile: patterns, automaton, boundary checks. */
  firstCompileMs: number;
  /** A second compile, with the tables built and the code warmer. */
  secondCompileMs: number;
  /** The first `find` over English text. */
  firstEnglishFindMs: number;
  /** The first `find` whose hit needs a Chinese word boundary (creates the segmenter). */
  firstChineseFindMs: number;
  mentions: number;
}

declare global {
  interface Window {
    measureMatcherStartUp?: (specs: AliasSpec[], english: string, chinese: string) => StartUpTimes;
  }
}

window.measureMatcherStartUp = (specs, english, chinese) => {
  const started = performance.now();
  getFoldTable(false);
  getCjkUnitTable();
  const tablesBuilt = performance.now();
  const matcher = compileMatcher(specs);
  const compiled = performance.now();
  compileMatcher(specs);
  const compiledAgain = performance.now();
  const englishMentions = matcher.find(english).length;
  const foundEnglish = performance.now();
  const chineseMentions = matcher.find(chinese).length;
  const foundChinese = performance.now();
  return {
    sharedTablesMs: tablesBuilt - started,
    firstCompileMs: compiled - tablesBuilt,
    secondCompileMs: compiledAgain - compiled,
    firstEnglishFindMs: foundEnglish - compiledAgain,
    firstChineseFindMs: foundChinese - foundEnglish,
    mentions: englishMentions + chineseMentions,
  };
};
