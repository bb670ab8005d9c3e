/**
 * Finds mentions of entity aliases in text: compile once, then call `find` per block of text.
 * Leftmost-longest, whole tokens for Latin ends, segmenter-checked word boundaries for CJK ends,
 * spelling variants folded on the fly so offsets always refer to the original string.
 */
import { CLASS_SKIP, CLASS_SPACE, buildAliasAutomaton } from './alias-automaton.ts';
import { kindOfCodePoint, type CharKind } from './char-kind.ts';
import { CjkBoundaryCheck, type CjkPattern } from './cjk-boundary.ts';
import {
  foldText,
  foldsTo,
  getCaselessChangedUnits,
  getCombiningMarkTable,
  getFoldTable,
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
/** ...some alias folding to it is case-sensitive; its first or last character is CJK. */
const HAS_CASED = 4;
const HAS_CJK_END = 8;

interface CompiledPatterns {
  /** By pattern: the aliases folding to it, case-sensitive ones first (they are more specific). */
  aliases: CompiledAlias[][];
  /** By pattern: FIRST_IS_WORD | LAST_IS_WORD | HAS_CASED | HAS_CJK_END. */
  flags: Uint8Array;
  /** By pattern: its folded text. */
  texts: string[];
  /** By pattern: what the CJK boundary check needs. */
  cjk: CjkPattern[];
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
  const cjk: (CjkPattern & { spellings: string[] })[] = [];
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
        (firstKind === 'word' ? FIRST_IS_WORD : 0) |
          (lastKind === 'word' ? LAST_IS_WORD : 0) |
          (firstKind === 'cjk' || lastKind === 'cjk' ? HAS_CJK_END : 0),
      );
      cjk.push({
        text: folded,
        spellings: [],
        cjkStart: firstKind === 'cjk',
        cjkEnd: lastKind === 'cjk',
      });
    }
    cjk[pattern]!.spellings.push(alias.text);
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
  return { aliases: compiled, flags: Uint8Array.from(flags), texts: [...byText.keys()], cjk };
}

// Module copies of imported constants read in loops: test runners and dev servers turn imported
// bindings into getter calls, which would dominate a per-character loop.
const SKIP_CLASS = CLASS_SKIP;
const SPACE_CLASS = CLASS_SPACE;

/**
 * Texts at least this long are scanned by two chains at once (see AliasMatcher). On shorter
 * ones (the benchmark text cut into pieces of 40 to 200 units) the second chain made no
 * measurable difference either way, and one chain is the plainer path.
 */
const TWO_CHAINS_MIN_LENGTH = 64;
/**
 * Pattern ends the scan has room for at first; the room doubles as needed, and is given back
 * after a text that needed more than KEPT_ENDS.
 */
const INITIAL_ENDS = 64;
const KEPT_ENDS = 4096;

/** Where patterns end, as a scan chain records them: pairs of (last unit, output number). */
class PatternEnds {
  pairs: Int32Array<ArrayBuffer> = new Int32Array(INITIAL_ENDS * 2);
  count = 0;

  add(last: number, output: number): void {
    const at = this.count * 2;
    if (at === this.pairs.length) {
      const larger = new Int32Array(this.pairs.length * 2);
      larger.set(this.pairs);
      this.pairs = larger;
    }
    this.pairs[at] = last;
    this.pairs[at + 1] = output;
    this.count++;
  }

  /** Gives the room back after a text that needed much of it. */
  trim(): void {
    if (this.pairs.length > KEPT_ENDS * 2) this.pairs = new Int32Array(INITIAL_ENDS * 2);
  }
}

function isBlank(cls: number | undefined): boolean {
  return cls === SPACE_CLASS || cls === SKIP_CLASS;
}

/**
 * `find` reads a text in two passes.
 *
 * 1. `#scan` reads every unit through the automaton and records where patterns end, as if no
 *    mention were ever found (the automaton never restarts). Each step waits for the table read
 *    of the step before, so a long text is read as two halves at once: while one chain reads the
 *    first half, a second one reads the second half from the root state, and the two chains'
 *    table reads overlap. The first chain then reads on into the second half until its state
 *    begins there too: from that unit on, both chains are in the same state, so the second
 *    chain's pattern ends from there on stand as they are.
 * 2. `#handleEnd` takes those ends in order and finds the mentions, leftmost-longest, as a scan
 *    that restarts after each mention would: ends inside a mention are passed over, and matches
 *    must start at the mention's end or later. A restarted scan would meet the same ends from
 *    there, only with fewer matches at each: exactly the ones starting at the restart or later.
 */
class AliasMatcher implements Matcher {
  readonly #classOf: Uint16Array;
  readonly #transitions: Int32Array;
  readonly #depthColumn: number;
  readonly #outputRow: Int32Array;
  readonly #outputFirst: Int32Array;
  readonly #endingPatterns: Int32Array;
  readonly #endingUnits: Int32Array;
  readonly #aliases: readonly (readonly CompiledAlias[])[];
  readonly #flags: Uint8Array;
  readonly #combining = getCombiningMarkTable();
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
  /** Where the text counts as read from: the end of the last mention. */
  #scanFrom = 0;
  /** What `#scan` found: by the first chain, and by the second over a long text's second half. */
  readonly #ends = new PatternEnds();
  readonly #laterEnds = new PatternEnds();
  #laterFrom = 0;

  constructor(aliases: readonly AliasSpec[]) {
    const patterns = compilePatterns(aliases);
    const automaton = buildAliasAutomaton(patterns.texts, {
      table: getFoldTable(false),
      changed: getCaselessChangedUnits(),
    });
    this.#classOf = automaton.classOf;
    this.#transitions = automaton.transitions;
    this.#depthColumn = automaton.depthColumn;
    this.#outputRow = automaton.outputRow;
    this.#outputFirst = automaton.outputFirst;
    this.#endingPatterns = automaton.endingPatterns;
    this.#endingUnits = automaton.endingUnits;
    this.#aliases = patterns.aliases;
    this.#flags = patterns.flags;
    this.#checkCjk = new CjkBoundaryCheck(patterns.cjk);
  }

  find(text: string): Mention[] {
    const mentions: Mention[] = [];
    if (typeof text !== 'string') return mentions;
    this.#scan(text);
    this.#scanFrom = 0;
    const { pairs: ends, count } = this.#ends;
    for (let k = 0; k < count * 2; k += 2) {
      this.#handleEnd(text, ends[k]!, ends[k + 1]!, mentions);
    }
    const { pairs: laterEnds, count: laterCount } = this.#laterEnds;
    for (let k = 0; k < laterCount * 2; k += 2) {
      if (laterEnds[k]! >= this.#laterFrom) {
        this.#handleEnd(text, laterEnds[k]!, laterEnds[k + 1]!, mentions);
      }
    }
    this.#ends.trim();
    this.#laterEnds.trim();
    return mentions;
  }

  /**
   * Reads the whole text with the automaton and records where patterns end, with no regard for
   * mentions (see the class comment): into #ends, and when the text is long, the second half
   * goes at the same time into #laterEnds, of which the ones from #laterFrom on count.
   */
  #scan(text: string): void {
    const classOf = this.#classOf;
    const transitions = this.#transitions;
    const length = text.length;
    this.#ends.count = 0;
    this.#laterEnds.count = 0;
    let row = 0;
    let i = 0;
    let syncFrom = length;
    if (length >= TWO_CHAINS_MIN_LENGTH) {
      const half = length >> 1;
      let laterRow = 0;
      for (; i < half; i++) {
        // Both units are read before either table: V8 compiles this order to tighter code (read
        // in turn with the tables, the benchmark's warm pass took about 15% longer).
        const unit = text.charCodeAt(i);
        const laterUnit = text.charCodeAt(half + i);
        const entry = transitions[row + classOf[unit]!]!;
        const laterEntry = transitions[laterRow + classOf[laterUnit]!]!;
        if ((entry | laterEntry) >= 0) {
          row = entry;
          laterRow = laterEntry;
          continue;
        }
        // Some pattern ends in either half: rare, so recording it happens off the fast path.
        row = entry < 0 ? this.#record(this.#ends, i, ~entry) : entry;
        laterRow =
          laterEntry < 0 ? this.#record(this.#laterEnds, half + i, ~laterEntry) : laterEntry;
      }
      // An odd length leaves the second chain one unit more to read.
      if (half * 2 < length) {
        const entry = transitions[laterRow + classOf[text.charCodeAt(length - 1)]!]!;
        if (entry < 0) this.#laterEnds.add(length - 1, ~entry);
      }
      syncFrom = half;
    }
    // The first chain alone: over all of a short text, or on into the second half of a long
    // one until its state begins there too. From then on both chains are in the same state
    // (both read the same units since), so the second one's ends are the ones to keep.
    for (; i < length; i++) {
      if (i >= syncFrom && this.#beginsAtOrAfter(text, i, row, syncFrom)) break;
      const entry = transitions[row + classOf[text.charCodeAt(i)]!]!;
      row = entry < 0 ? this.#record(this.#ends, i, ~entry) : entry;
    }
    this.#laterFrom = i;
  }

  /** Records in `ends` that `output` ends at `last`; returns the row the chain goes on from. */
  #record(ends: PatternEnds, last: number, output: number): number {
    ends.add(last, output);
    return this.#outputRow[output]!;
  }

  /**
   * Whether the state `row`, reached after reading the units before `next`, stands for text
   * that begins at `from` or later: the root, or a state whose folded units all lie there.
   */
  #beginsAtOrAfter(text: string, next: number, row: number, from: number): boolean {
    const depth = this.#transitions[row + this.#depthColumn]!;
    if (depth === 0) return true;
    return depth <= next - from && this.#originalStart(text, next - 1, depth) >= from;
  }

  /**
   * Handles a pattern end found by the scan: `output` ends at `last`. Adds the mention it leads
   * to, if any, after which the text counts as read again from the mention's end: what the scan
   * found ending inside the mention is passed over, and matches must start at its end or later.
   */
  #handleEnd(text: string, last: number, output: number, mentions: Mention[]): void {
    if (last < this.#scanFrom || !this.#takeBest(text, last, output, 0)) return;
    this.#settle(text, last, this.#outputRow[output]!);
    mentions.push({
      entityId: this.#pendingAlias!.entityId,
      start: this.#pendingStart,
      end: this.#pendingEnd,
    });
    this.#pendingAlias = null;
    this.#scanFrom = this.#pendingEnd;
  }

  /**
   * Reads on from `from` (where the pending mention was found, in state `row`) until no later
   * match could start at or before the pending one, replacing it with any such match that is
   * valid. Counts folded units as the automaton does: a whitespace run is one, skipped units none.
   */
  #settle(text: string, from: number, startRow: number): void {
    const classOf = this.#classOf;
    const transitions = this.#transitions;
    const depthColumn = this.#depthColumn;
    let row = startRow;
    let folded = 0;
    let afterSpace = false;
    for (let j = from + 1; j < text.length; j++) {
      const cls = classOf[text.charCodeAt(j)]!;
      const entry = transitions[row + cls]!;
      row = entry < 0 ? this.#outputRow[~entry]! : entry;
      if (cls === SKIP_CLASS || (cls === SPACE_CLASS && afterSpace)) continue;
      afterSpace = cls === SPACE_CLASS;
      folded++;
      if (folded - transitions[row + depthColumn]! + 1 > this.#pendingFoldedStart) return;
      if (entry < 0) this.#takeBest(text, j, ~entry, folded);
    }
  }

  /**
   * Considers the patterns of `output`, which end at `last`, longest (so leftmost) first, and
   * makes the first valid one pending if it starts no later than the pending one. `folded` is
   * the position of `last` in folded units relative to where the pending mention was found.
   */
  #takeBest(text: string, last: number, output: number, folded: number): boolean {
    const endingUnits = this.#endingUnits;
    const hasPending = this.#pendingAlias !== null;
    const stop = this.#outputFirst[output + 1]!;
    for (let k = this.#outputFirst[output]!; k < stop; k++) {
      const units = endingUnits[k]!;
      const foldedStart = folded - units + 1;
      if (hasPending && foldedStart > this.#pendingFoldedStart) return false;
      const alias = this.#accept(this.#endingPatterns[k]!, text, last, units);
      if (alias === null) continue;
      this.#pendingAlias = alias;
      this.#pendingStart = this.#candidateStart;
      this.#pendingEnd = this.#candidateEnd;
      this.#pendingFoldedStart = foldedStart;
      return true;
    }
    return false;
  }

  /**
   * Where, in the original text, the match of `units` folded units ending at `last` starts.
   * Reads classes, not folded units: inside a match the two say the same, and the scan has
   * just read these classes, so they are in the cache.
   */
  #originalStart(text: string, last: number, units: number): number {
    const classOf = this.#classOf;
    let k = last;
    let counted = 0;
    for (;;) {
      const cls = classOf[text.charCodeAt(k)];
      if (cls === SKIP_CLASS) {
        k--;
        continue;
      }
      counted++;
      if (counted === units) return k;
      k--;
      if (cls === SPACE_CLASS) {
        while (k >= 0 && isBlank(classOf[text.charCodeAt(k)])) k--;
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
    const classOf = this.#classOf;
    const combining = this.#combining;
    let end = last + 1;
    // Combining marks belong to the letter before them, also across invisible characters put
    // in between (so inserting one changes no mention). Both are skipped units, whose class is
    // already in the cache.
    for (let k = end; k < text.length && classOf[text.charCodeAt(k)] === SKIP_CLASS; k++) {
      if (combining[text.charCodeAt(k)] === 1) end = k + 1;
    }
    if ((flags & LAST_IS_WORD) !== 0 && !isTokenEnd(text, end)) return null;
    const start = this.#originalStart(text, last, units);
    if (start < this.#scanFrom) return null;
    if ((flags & FIRST_IS_WORD) !== 0 && !isTokenStart(text, start)) return null;
    if ((flags & HAS_CJK_END) !== 0 && !this.#checkCjk.accepts(text, start, end, patternId)) {
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
