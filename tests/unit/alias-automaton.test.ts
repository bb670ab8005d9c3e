import { describe, expect, it } from 'vitest';
import { CLASS_SKIP, CLASS_SPACE, buildAliasAutomaton } from '../../core/alias-automaton.ts';
import { foldText, getCaselessChangedUnits, getFoldTable } from '../../core/fold-text.ts';

const PATTERNS = [
  'glm-4',
  'glm-4-9b-chat',
  'zhipu',
  'zhipu ai',
  'ai',
  '智谱',
  '中超',
  '中超联赛',
].map((text) => foldText(text));
const folding = { table: getFoldTable(false), changed: getCaselessChangedUnits() };
const automaton = buildAliasAutomaton(PATTERNS, folding);

/** Every pattern end met reading `text` with the automaton: [last unit, patterns ending there]. */
function endsIn(text: string): [number, string[]][] {
  const { classOf, transitions, outputRow, outputFirst, endingPatterns } = automaton;
  const ends: [number, string[]][] = [];
  let row = 0;
  for (let i = 0; i < text.length; i++) {
    const entry = transitions[row + classOf[text.charCodeAt(i)]!]!;
    if (entry >= 0) {
      row = entry;
      continue;
    }
    row = outputRow[~entry]!;
    const patterns: string[] = [];
    for (let k = outputFirst[~entry]!; k < outputFirst[~entry + 1]!; k++) {
      patterns.push(PATTERNS[endingPatterns[k]!]!);
    }
    ends.push([i, patterns]);
  }
  return ends;
}

describe('buildAliasAutomaton', () => {
  it('gives each unit the class of what it folds to, visiting only the units folding changes', () => {
    // The same automaton built by visiting every unit, as if folding changed them all.
    const everyUnit = Uint16Array.from({ length: 0x10000 }, (_, unit) => unit);
    const visitingAll = buildAliasAutomaton(PATTERNS, { ...folding, changed: everyUnit });
    expect(automaton.classOf).toEqual(visitingAll.classOf);
    expect(automaton.classOf['G'.charCodeAt(0)]).toBe(automaton.classOf['g'.charCodeAt(0)]);
    expect(automaton.classOf['Ｇ'.charCodeAt(0)]).toBe(automaton.classOf['g'.charCodeAt(0)]);
    expect(automaton.classOf['\u0301'.charCodeAt(0)]).toBe(CLASS_SKIP);
    expect(automaton.classOf['\u00a0'.charCodeAt(0)]).toBe(CLASS_SPACE);
    expect(automaton.classOf['x'.charCodeAt(0)]).toBe(0);
  });

  it('reports, at each pattern end, every pattern ending there, longest first', () => {
    expect(endsIn('see Zhipu AI and GLM-4-9B-Chat')).toEqual([
      [8, ['zhipu']],
      [11, ['zhipu ai', 'ai']],
      [21, ['glm-4']],
      [29, ['glm-4-9b-chat']],
    ]);
    expect(endsIn('中超联赛与智谱')).toEqual([
      [1, ['中超']],
      [3, ['中超联赛']],
      [6, ['智谱']],
    ]);
  });

  it('reads a run of whitespace as one space and skips marks, reporting each end once', () => {
    expect(endsIn('Zhipu \n\u00a0 A\u0301I\u0301')).toEqual([
      [4, ['zhipu']],
      [11, ['zhipu ai', 'ai']],
    ]);
  });

  it('keeps each state’s depth in its row: the units read since its prefix began', () => {
    const { classOf, transitions, depthColumn } = automaton;
    const depths: number[] = [];
    let row = 0;
    for (const char of 'xglm-4-9') {
      const entry = transitions[row + classOf[char.charCodeAt(0)]!]!;
      row = entry < 0 ? automaton.outputRow[~entry]! : entry;
      depths.push(transitions[row + depthColumn]!);
    }
    expect(depths).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
