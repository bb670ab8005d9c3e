/**
 * An Aho-Corasick automaton over folded code units, compiled to a dense transition table so
 * that scanning costs one table read per character whatever the number of patterns.
 */
import { FOLD_SKIP, FOLD_SPACE } from './fold-text.ts';

/** The code unit occurs in no pattern: every state goes back to the root. */
const CLASS_NONE = 0;
/** The code unit folds to nothing: every state stays where it is. */
export const CLASS_SKIP = 1;
/**
 * Whitespace, when some pattern contains a space. A state entered by a space stays put on more
 * whitespace, so a run of it reads as one space.
 */
export const CLASS_SPACE = 2;
/** Classes from here on are ordinary pattern characters. */
const FIRST_CLASS = 3;

export interface AliasAutomaton {
  /** Input class of every UTF-16 code unit, after folding. */
  classOf: Uint16Array;
  /**
   * Dense transitions. A state is addressed by its row, `state * (classCount + 1)`; the root is
   * row 0. `transitions[row + class]` is the next state's row, or, when the transition completes
   * some pattern, the bitwise inverse (so negative) of an output number: the scan notices
   * matches with one sign test, and what ended there is one index away.
   * `transitions[row + depthColumn]` is the state's depth: the number of folded units read since
   * its prefix began (kept in the row, where it costs no division to find).
   */
  transitions: Int32Array;
  depthColumn: number;
  /** By output: the row of the state that output stands for, where the scan goes on. */
  outputRow: Int32Array;
  /**
   * By output: where its patterns start in `endingPatterns` and `endingUnits`; they run up to
   * the next output's start (one extra entry closes the last).
   */
  outputFirst: Int32Array;
  /** The patterns that end in each output's state, longest (so leftmost) first. */
  endingPatterns: Int32Array;
  /** Their lengths in folded units. */
  endingUnits: Int32Array;
}

/** A folding of code units: the table, and the units it changes (all others fold to themselves). */
export interface UnitFolding {
  table: Uint16Array;
  changed: Uint16Array;
}

/**
 * Builds the automaton for distinct, non-empty patterns already folded with `folding` (single
 * spaces, no skipped units); pattern indices are positions in `patterns`.
 */
export function buildAliasAutomaton(
  patterns: readonly string[],
  folding: UnitFolding,
): AliasAutomaton {
  const units = new Set<number>();
  for (const pattern of patterns) {
    for (let k = 0; k < pattern.length; k++) units.add(pattern.charCodeAt(k));
  }
  units.delete(FOLD_SPACE);
  // Classes in code-unit order put ASCII letters and digits side by side at the start of every
  // row, so the few cache lines that Latin text touches stay hot; CJK columns come last.
  const classOfFolded = new Uint16Array(0x10000);
  let classCount = FIRST_CLASS;
  for (const unit of [...units].sort((a, b) => a - b)) classOfFolded[unit] = classCount++;
  const depthColumn = classCount;
  const rowWidth = classCount + 1;
  const hasSpace = patterns.some((pattern) => pattern.includes(' '));
  classOfFolded[FOLD_SPACE] = hasSpace ? CLASS_SPACE : CLASS_NONE;
  classOfFolded[FOLD_SKIP] = CLASS_SKIP;

  // The trie: children by class, terminal pattern by node.
  const children: Map<number, number>[] = [new Map<number, number>()];
  const terminal: number[] = [-1];
  patterns.forEach((pattern, index) => {
    let node = 0;
    for (let k = 0; k < pattern.length; k++) {
      const cls = classOfFolded[pattern.charCodeAt(k)]!;
      const edges = children[node]!;
      let child = edges.get(cls);
      if (child === undefined) {
        child = children.length;
        edges.set(cls, child);
        children.push(new Map<number, number>());
        terminal.push(-1);
      }
      node = child;
    }
    terminal[node] = index;
  });

  const stateCount = children.length;
  const depth = new Int32Array(stateCount);
  /** By state: nearest state on the failure chain where a (shorter) pattern ends, or -1. */
  const outputLink = new Int32Array(stateCount).fill(-1);
  const outputRow: number[] = [];
  const outputFirst: number[] = [];
  const endingPatterns: number[] = [];
  const endingUnits: number[] = [];
  const transitions = new Int32Array(stateCount * rowWidth);
  const fail = new Int32Array(stateCount);
  const rowOf = (entry: number): number => (entry < 0 ? outputRow[~entry]! : entry);

  // Breadth-first: a state's row starts as a copy of its failure state's row (already final,
  // being shallower), then its own trie edges overwrite it. Only edges into a state count as
  // completing its patterns: staying put on a skipped unit or more whitespace reports nothing new.
  const queue: number[] = [0];
  const enteredBySpace = new Uint8Array(stateCount);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const row = state * rowWidth;
    if (state !== 0) {
      const failRow = fail[state]! * rowWidth;
      transitions.copyWithin(row, failRow, failRow + classCount);
    }
    transitions[row + depthColumn] = depth[state]!;
    transitions[row + CLASS_SKIP] = row;
    if (enteredBySpace[state] === 1) transitions[row + CLASS_SPACE] = row;
    for (const [cls, child] of children[state]!) {
      const fallback =
        state === 0 ? 0 : rowOf(transitions[fail[state]! * rowWidth + cls]!) / rowWidth;
      fail[child] = fallback;
      depth[child] = depth[state]! + 1;
      outputLink[child] = terminal[fallback]! >= 0 ? fallback : outputLink[fallback]!;
      if (cls === CLASS_SPACE) enteredBySpace[child] = 1;
      if (terminal[child]! >= 0 || outputLink[child] >= 0) {
        transitions[row + cls] = ~outputRow.length;
        outputRow.push(child * rowWidth);
        outputFirst.push(endingPatterns.length);
        for (
          let node = terminal[child]! >= 0 ? child : outputLink[child];
          node >= 0;
          node = outputLink[node]!
        ) {
          endingPatterns.push(terminal[node]!);
          endingUnits.push(depth[node]!);
        }
      } else {
        transitions[row + cls] = child * rowWidth;
      }
      queue.push(child);
    }
  }
  outputFirst.push(endingPatterns.length);

  // classOf[unit] is classOfFolded[fold(unit)]. Most units fold to themselves and belong to no
  // pattern (class 0); only pattern units, the two special units and the units the folding
  // changes can be anything else, so only those are visited.
  const classOf = new Uint16Array(0x10000);
  for (const unit of [...units, FOLD_SPACE, FOLD_SKIP]) {
    if (folding.table[unit] === unit) classOf[unit] = classOfFolded[unit]!;
  }
  for (const unit of folding.changed) classOf[unit] = classOfFolded[folding.table[unit]!]!;
  return {
    classOf,
    transitions,
    depthColumn,
    outputRow: Int32Array.from(outputRow),
    outputFirst: Int32Array.from(outputFirst),
    endingPatterns: Int32Array.from(endingPatterns),
    endingUnits: Int32Array.from(endingUnits),
  };
}
