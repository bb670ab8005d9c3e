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
  classCount: number;
  /**
   * Dense transitions. A state is addressed by its row, `state * classCount`; the root is row 0.
   * `transitions[row + class]` is the next state's row, stored bitwise-inverted (so negative)
   * when the transition completes some pattern: the scan notices matches with one sign test and
   * needs no other branch per character.
   */
  transitions: Int32Array;
  /** By state: number of folded units read since the state's prefix began. */
  depth: Int32Array;
  /** By state: index of the pattern that ends exactly here, or -1. */
  patternAt: Int32Array;
  /** By state: nearest state on the failure chain where a (shorter) pattern ends, or -1. */
  outputLink: Int32Array;
}

/**
 * Builds the automaton for distinct, non-empty patterns already folded with `foldTable`
 * (single spaces, no skipped units); pattern indices are positions in `patterns`.
 */
export function buildAliasAutomaton(
  patterns: readonly string[],
  foldTable: Uint16Array,
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
  const patternAt = Int32Array.from(terminal);
  const outputLink = new Int32Array(stateCount).fill(-1);
  const transitions = new Int32Array(stateCount * classCount);
  const fail = new Int32Array(stateCount);
  const isOutput = (state: number): boolean => patternAt[state]! >= 0 || outputLink[state]! >= 0;

  // Breadth-first: a state's row starts as a copy of its failure state's row (already final,
  // being shallower), then its own trie edges overwrite it.
  const queue: number[] = [0];
  const enteredBySpace = new Uint8Array(stateCount);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const row = state * classCount;
    if (state !== 0) {
      const failRow = fail[state]! * classCount;
      transitions.copyWithin(row, failRow, failRow + classCount);
    }
    transitions[row + CLASS_SKIP] = row;
    if (enteredBySpace[state] === 1) transitions[row + CLASS_SPACE] = row;
    for (const [cls, child] of children[state]!) {
      const fallbackEntry = state === 0 ? 0 : transitions[fail[state]! * classCount + cls]!;
      const fallback = (fallbackEntry < 0 ? ~fallbackEntry : fallbackEntry) / classCount;
      fail[child] = fallback;
      depth[child] = depth[state]! + 1;
      outputLink[child] = patternAt[fallback]! >= 0 ? fallback : outputLink[fallback]!;
      if (cls === CLASS_SPACE) enteredBySpace[child] = 1;
      transitions[row + cls] = isOutput(child) ? ~(child * classCount) : child * classCount;
      queue.push(child);
    }
  }

  const classOf = new Uint16Array(0x10000);
  for (let unit = 0; unit < classOf.length; unit++) {
    classOf[unit] = classOfFolded[foldTable[unit]!]!;
  }
  return { classOf, classCount, transitions, depth, patternAt, outputLink };
}
