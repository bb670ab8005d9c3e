/**
 * Finds mentions of entity aliases in text: compile once, then call `find` per block of text.
 * Leftmost-longest, whole tokens for Latin ends, segmenter-checked word boundaries for CJK ends,
 * spelling variants folded on the fly so offsets always refer to the original string.
 */
import { CLASS_SKIP, CLASS_SPACE, buildAliasAutomaton } from './alias-automaton.ts';
import { kindOfCodePoint, type CharKind } from './char-kind.ts';
import { CjkBoundaryCheck } from './cjk-boundary.ts';
import {
  FOLD_SKIP,
  FOLD_SPACE,
  foldText,
  foldsTo,
  getFoldTable,
  isCombiningMark,
} from './fold-text.ts';
import { isTokenEnd, isTokenStart } from './token-boundary.ts';

export interface AliasSpec {
  entityId: string;
  text: string;
  /** Match the exact letter case only (ERNIE, not Ernie). Accents and widths still fold. */
  caseSensitive?: boolean;
}

/** A mention: UTF-16 offsets into the original string, `end` exclusive. */
export interface Mention {
  entityId: string;
  start: number;
  end: number;
}

export interface Matcher {
  /** Mentions in `text`, sorted by start and never overlapping. */
  find(text: string): Mention[];
}

interface CompiledAlias {
  entityId: string;
  /** The alias folded with case kept, for case-sensitive aliases; null when case is free. */
  casedForm: string | null;
}

/** Pattern flags: its first or last character is a letter or digit of a spaced script... */
const FIRST_IS_WORD = 1;
const LAST_IS_WORD = 2;
/** ...some alias folding to it is case-sensitive. */
const HAS_CASED = 4;

interface CompiledPatterns {
  /** By pattern: the aliases folding to it, case-sensitive ones first (they are more specific). */
  aliases: CompiledAlias[][];
  /** By pattern: FIRST_IS_WORD | LAST_IS_WORD | HAS_CASED. */
  flags: Uint8Array;
  /**
   * By pattern: numbers for the two characters at each CJK end (see CjkBoundaryCheck.accepts);
   * -1 elsewhere.
   */
  startEdges: Int32Array;
  endEdges: Int32Array;
  /** The strings that edge numbers stand for. */
  edges: string[];
  /** By pattern: its folded text. */
  texts: string[];
}

function edgeKinds(folded: string): { firstKind: CharKind; lastKind: CharKind } {
  const last = folded.length - 1;
  const lastIsPairTail =
    last > 0 && folded.charCodeAt(last) >= 0xdc00 && folded.charCodeAt(last) <= 0xdfff;
  return {
    firstKind: kindOfCodePoint(folded.codePointAt(0) ?? 0),
    lastKind: kindOfCodePoint(folded.codePointAt(lastIsPairTail ? last - 1 : last) ?? 0),
  };
}

function compilePatterns(aliases: readonly AliasSpec[]): CompiledPatterns {
  const byText = new Map<string, number>();
  const compiled: CompiledAlias[][] = [];
  const flags: number[] = [];
  const startEdges: number[] = [];
  const endEdges: number[] = [];
  const edgeNumbers = new Map<string, number>();
  const edgeNumber = (edge: string): number => {
    let number = edgeNumbers.get(edge);
    if (number === undefined) {
      number = edgeNumbers.size;
      edgeNumbers.set(edge, number);
    }
    return number;
  };
  for (const alias of aliases) {
    // Bad entries are dropped, not thrown: settings come from storage and may be stale.
    if (typeof alias?.text !== 'string' || typeof alias.entityId !== 'string') continue;
    const folded = foldText(alias.text);
    if (folded.length === 0) continue;
    let pattern = byText.get(folded);
    if (pattern === undefined) {
      const { firstKind, lastKind } = edgeKinds(folded);
      pattern = compiled.length;
      byText.set(folded, pattern);
      compiled.push([]);
      flags.push(
        (firstKind === 'word' ? FIRST_IS_WORD : 0) | (lastKind === 'word' ? LAST_IS_WORD : 0),
      );
      startEdges.push(firstKind === 'cjk' ? edgeNumber(folded.slice(0, 2)) : -1);
      endEdges.push(lastKind === 'cjk' ? edgeNumber(folded.slice(-2)) : -1);
    }
    const caseSensitive = alias.caseSensitive === true;
    compiled[pattern]!.push({
      entityId: alias.entityId,
      casedForm: caseSensitive ? foldText(alias.text, true) : null,
    });
  }
  compiled.forEach((list, pattern) => {
    list.sort((a, b) => Number(a.casedForm === null) - Number(b.casedForm === null));
    if (list[0]!.casedForm !== null) flags[pattern] = (flags[pattern] ?? 0) | HAS_CASED;
  });
  return {
    aliases: compiled,
    flags: Uint8Array.from(flags),
    startEdges: Int32Array.from(startEdges),
    endEdges: Int32Array.from(endEdges),
    edges: [...edgeNumbers.keys()],
    texts: [...byText.keys()],
  };
}

// Module copies of imported constants read in loops: test runners and dev servers turn imported
// bindings into getter calls, which would dominate a per-character loop.
const SKIP_CLASS = CLASS_SKIP;
const SPACE_CLASS = CLASS_SPACE;
const SKIP_UNIT = FOLD_SKIP;
const SPACE_UNIT = FOLD_SPACE;

function isBlank(unit: number | undefined): boolean {
  return unit === SPACE_UNIT || unit === SKIP_UNIT;
}

class AliasMatcher implements Matcher {
  readonly #classOf: Uint16Array;
  readonly #classCount: number;
  readonly #transitions: Int32Array;
  readonly #depth: Int32Array;
  readonly #patternAt: Int32Array;
  readonly #outputLink: Int32Array;
  readonly #aliases: readonly (readonly CompiledAlias[])[];
  readonly #flags: Uint8Array;
  readonly #startEdges: Int32Array;
  readonly #endEdges: Int32Array;
  readonly #fold = getFoldTable(false);
  readonly #checkCjk: CjkBoundaryCheck;
  // Scratch state of one `find` call (calls never nest). The best mention found so far, which a
  // longer or earlier one may still replace:
  #pendingAlias: CompiledAlias | null = null;
  #pendingStart = 0;
  #pendingEnd = 0;
  /** In folded units, counted from the character where the pending mention was first found. */
  #pendingFoldedStart = 0;
  /** Where the candidate that `#accept` last accepted starts and ends in the text. */
  #candidateStart = 0;
  #candidateEnd = 0;

  constructor(aliases: readonly AliasSpec[]) {
    const patterns = compilePatterns(aliases);
    const automaton = buildAliasAutomaton(patterns.texts, this.#fold);
    this.#classOf = automaton.classOf;
    this.#classCount = automaton.classCount;
    this.#transitions = automaton.transitions;
    this.#depth = automaton.depth;
    this.#patternAt = automaton.patternAt;
    this.#outputLink = automaton.outputLink;
    this.#aliases = patterns.aliases;
    this.#flags = patterns.flags;
    this.#startEdges = patterns.startEdges;
    this.#endEdges = patterns.endEdges;
    this.#checkCjk = new CjkBoundaryCheck(patterns.edges);
  }

  find(text: string): Mention[] {
    const mentions: Mention[] = [];
    if (typeof text !== 'string') return mentions;
    const classOf = this.#classOf;
    const transitions = this.#transitions;
    const length = text.length;
    let row = 0;
    for (let i = 0; i < length; i++) {
      const entry = transitions[row + classOf[text.charCodeAt(i)]!]!;
      if (entry >= 0) {
        row = entry;
        continue;
      }
      // Some pattern ends here: rare, so everything else happens off this loop.
      row = ~entry;
      if (!this.#takeBest(text, i, row, 0)) continue;
      this.#settle(text, i, row);
      mentions.push({
        entityId: this.#pendingAlias!.entityId,
        start: this.#pendingStart,
        end: this.#pendingEnd,
      });
      this.#pendingAlias = null;
      // Rescan from the end of the mention: text read past it may hold the next one, and the
      // state reflects text inside it. The rescan is shorter than the longest alias.
      i = this.#pendingEnd - 1;
      row = 0;
    }
    return mentions;
  }

  /**
   * Reads on from `from` (where the pending mention was found, in state `row`) until no later
   * match could start at or before the pending one, replacing it with any such match that is
   * valid. Counts folded units as the automaton does: a whitespace run is one, skipped units none.
   */
  #settle(text: string, from: number, startRow: number): void {
    const classOf = this.#classOf;
    const transitions = this.#transitions;
    const depth = this.#depth;
    const classCount = this.#classCount;
    let row = startRow;
    let folded = 0;
    let afterSpace = false;
    for (let j = from + 1; j < text.length; j++) {
      const cls = classOf[text.charCodeAt(j)]!;
      const entry = transitions[row + cls]!;
      row = entry < 0 ? ~entry : entry;
      if (cls === SKIP_CLASS || (cls === SPACE_CLASS && afterSpace)) continue;
      afterSpace = cls === SPACE_CLASS;
      folded++;
      if (folded - depth[row / classCount]! + 1 > this.#pendingFoldedStart) return;
      if (entry < 0) this.#takeBest(text, j, row, folded);
    }
  }

  /**
   * Considers the patterns ending at `last` in state `row`, longest (so leftmost) first, and makes
   * the first valid one pending if it starts no later than the pending one. `folded` is the
   * position of `last` in folded units relative to where the pending mention was found.
   */
  #takeBest(text: string, last: number, row: number, folded: number): boolean {
    const depth = this.#depth;
    const patternAt = this.#patternAt;
    const outputLink = this.#outputLink;
    const hasPending = this.#pendingAlias !== null;
    const state = row / this.#classCount;
    for (
      let node = patternAt[state]! >= 0 ? state : outputLink[state]!;
      node >= 0;
      node = outputLink[node]!
    ) {
      const units = depth[node]!;
      const foldedStart = folded - units + 1;
      if (hasPending && foldedStart > this.#pendingFoldedStart) return false;
      const alias = this.#accept(patternAt[node]!, text, last, units);
      if (alias === null) continue;
      this.#pendingAlias = alias;
      this.#pendingStart = this.#candidateStart;
      this.#pendingEnd = this.#candidateEnd;
      this.#pendingFoldedStart = foldedStart;
      return true;
    }
    return false;
  }

  /** Where, in the original text, the match of `units` folded units ending at `last` starts. */
  #originalStart(text: string, last: number, units: number): number {
    const fold = this.#fold;
    let k = last;
    let counted = 0;
    for (;;) {
      const unit = fold[text.charCodeAt(k)];
      if (unit === SKIP_UNIT) {
        k--;
        continue;
      }
      counted++;
      if (counted === units) return k;
      k--;
      if (unit === SPACE_UNIT) {
        while (k >= 0 && isBlank(fold[text.charCodeAt(k)])) k--;
      }
    }
  }

  /**
   * The alias a candidate stands for once its boundaries and letter case are confirmed: the
   * match of pattern `patternId`, `units` folded units ending at `last`. Its range in the text
   * is left in #candidateStart and #candidateEnd. Cheap checks come first.
   */
  #accept(patternId: number, text: string, last: number, units: number): CompiledAlias | null {
    const flags = this.#flags[patternId]!;
    let end = last + 1;
    // (Combining marks start at U+0300; the test keeps plain text off the table lookup.)
    while (
      end < text.length &&
      text.charCodeAt(end) >= 0x300 &&
      isCombiningMark(text.charCodeAt(end))
    ) {
      end++;
    }
    if ((flags & LAST_IS_WORD) !== 0 && !isTokenEnd(text, end)) return null;
    const start = this.#originalStart(text, last, units);
    if ((flags & FIRST_IS_WORD) !== 0 && !isTokenStart(text, start)) return null;
    const startEdge = this.#startEdges[patternId]!;
    const endEdge = this.#endEdges[patternId]!;
    if (
      (startEdge >= 0 || endEdge >= 0) &&
      !this.#checkCjk.accepts(text, start, end, startEdge, endEdge)
    ) {
      return null;
    }
    const aliases = this.#aliases[patternId]!;
    let alias: CompiledAlias | null = aliases[0]!;
    if ((flags & HAS_CASED) !== 0) {
      alias = null;
      for (const candidate of aliases) {
        if (
          candidate.casedForm === null ||
          foldsTo({ text, start, end, target: candidate.casedForm, caseSensitive: true })
        ) {
          alias = candidate;
          break;
        }
      }
      if (alias === null) return null;
    }
    this.#candidateStart = start;
    this.#candidateEnd = end;
    return alias;
  }
}

/**
 * Compiles aliases into a matcher. Aliases that fold to the same text share one pattern; when
 * they belong to different entities, the first one listed wins.
 */
export function compileMatcher(aliases: readonly AliasSpec[]): Matcher {
  return new AliasMatcher(Array.isArray(aliases) ? aliases : []);
}
