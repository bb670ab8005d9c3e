import { describe, expect, it } from 'vitest';
import {
  FOLD_SKIP,
  FOLD_SPACE,
  foldText,
  foldsTo,
  getCaselessChangedUnits,
  getFoldTable,
} from '../../core/fold-text.ts';

describe('foldText', () => {
  it.each([
    ['a run of spaces, tabs and line breaks', 'Zhipu \t\r\n  AI', 'zhipu ai'],
    ['a no-break space', 'Zhipu\u00a0AI', 'zhipu ai'],
    ['an ideographic space', '智谱\u3000AI', '智谱 ai'],
    ['a narrow no-break space', 'Qwen\u202f2.5', 'qwen 2.5'],
    ['whitespace at both ends', '  \u00a0GLM-4\n', 'glm-4'],
  ])('collapses %s into one space', (_label, input, folded) => {
    expect(foldText(input)).toBe(folded);
  });

  it.each([
    ['U+2010 hyphen', 'GLM\u20104'],
    ['U+2011 non-breaking hyphen', 'GLM\u20114'],
    ['U+2012 figure dash', 'GLM\u20124'],
    ['U+2013 en dash', 'GLM\u20134'],
    ['U+2212 minus sign', 'GLM\u22124'],
    ['U+FE63 small hyphen-minus', 'GLM\ufe634'],
    ['U+FF0D full-width hyphen-minus', 'GLM\uff0d4'],
  ])('reads the %s as "-"', (_label, input) => {
    expect(foldText(input)).toBe('glm-4');
  });

  it('leaves the em dash alone: it separates words, it does not join them', () => {
    expect(foldText('GLM\u20144')).toBe('glm\u20144');
  });

  it('reads full-width Latin letters and digits as ASCII', () => {
    expect(foldText('ＧＬＭ－４－９Ｂ')).toBe('glm-4-9b');
  });

  it('drops accents from precomposed letters', () => {
    expect(foldText('Atlético Málaga Ñandú Ærø')).toBe('atletico malaga nandu æro');
  });

  it('drops combining marks, so decomposed and precomposed spellings agree', () => {
    expect(foldText('Atle\u0301tico')).toBe(foldText('Atlético'));
    expect(foldText('Atle\u0301tico')).toBe('atletico');
  });

  it('folds letters with a stroke, which have no decomposition', () => {
    expect(foldText('Łódź Øresund Đakovo')).toBe('lodz oresund dakovo');
  });

  it('reads curly quotes and the modifier apostrophe as a straight apostrophe', () => {
    expect(foldText('Zhipu’s Zhipu‘s Zhipuʼs')).toBe("zhipu's zhipu's zhipu's");
  });

  it('drops invisible characters that pages put inside words', () => {
    expect(foldText('Zhi\u00adpu\u200b AI\ufeff')).toBe('zhipu ai');
  });

  it('keeps letter case when asked to', () => {
    expect(foldText('ÉRNIE Bot', true)).toBe('ERNIE Bot');
    expect(foldText('ＥＲＮＩＥ', true)).toBe('ERNIE');
  });

  it('keeps a capital whose lowercase form is two code units (İ) as one unit', () => {
    expect(foldText('İ')).toHaveLength(1);
    expect(foldText('İ')).toBe('i');
  });

  it('leaves Chinese characters as they are', () => {
    expect(foldText('智谱华章 国际米兰')).toBe('智谱华章 国际米兰');
  });

  it('returns an empty string for blank input', () => {
    expect(foldText(' \u00a0\n\u3000')).toBe('');
  });
});

describe('getFoldTable', () => {
  it('maps every code unit to exactly one folded unit, or to the skip marker', () => {
    const table = getFoldTable(false);
    expect(table).toHaveLength(0x10000);
    expect(table['A'.charCodeAt(0)]).toBe('a'.charCodeAt(0));
    expect(table[0x0301]).toBe(FOLD_SKIP);
    expect(table[0x00a0]).toBe(FOLD_SPACE);
    expect(table['中'.charCodeAt(0)]).toBe('中'.charCodeAt(0));
  });

  it('keeps case in the case-sensitive table but folds everything else alike', () => {
    const cased = getFoldTable(true);
    expect(cased['A'.charCodeAt(0)]).toBe('A'.charCodeAt(0));
    expect(cased['É'.charCodeAt(0)]).toBe('E'.charCodeAt(0));
    expect(cased[0x2011]).toBe('-'.charCodeAt(0));
  });
});

describe('the case-insensitive table, built a block of units at a time', () => {
  /** What one unit lowercases to on its own, kept only when it stays one unit. */
  const lowercaseOf = (unit: number): number => {
    const lower = String.fromCharCode(unit).toLowerCase();
    return lower.length === 1 ? lower.charCodeAt(0) : unit;
  };

  it('lowercases every unit exactly as lowercasing it alone does', () => {
    const cased = getFoldTable(true);
    const caseless = getFoldTable(false);
    const differing: string[] = [];
    for (let unit = 0; unit < 0x10000; unit++) {
      const folded = cased[unit]!;
      // Units at U+3000 and above have no case: the table leaves them as the cased fold has them.
      const expected = folded < 0x3000 ? lowercaseOf(folded) : folded;
      if (caseless[unit] !== expected) differing.push(unit.toString(16));
    }
    expect(differing).toEqual([]);
  });

  it('reads Σ as σ wherever it stands, as a lone letter lowercases', () => {
    expect(foldText('ΣΥΝ ΟΔΟΣ')).toBe('συν οδοσ');
  });

  it('lists exactly the units it changes, in order', () => {
    const caseless = getFoldTable(false);
    const expected: number[] = [];
    for (let unit = 0; unit < 0x10000; unit++) if (caseless[unit] !== unit) expected.push(unit);
    expect([...getCaselessChangedUnits()]).toEqual(expected);
  });
});

describe('foldsTo', () => {
  const text = 'Then ERNIE\u00a0 Bot met Ernie.';

  it('confirms a range whose folded form equals the target', () => {
    expect(foldsTo({ text, start: 5, end: 15, target: 'ERNIE Bot', caseSensitive: true })).toBe(
      true,
    );
  });

  it('rejects a range that differs only in case when case matters', () => {
    expect(foldsTo({ text, start: 20, end: 25, target: 'ERNIE', caseSensitive: true })).toBe(false);
    expect(foldsTo({ text, start: 20, end: 25, target: 'ernie', caseSensitive: false })).toBe(true);
  });

  it('rejects a range that is a prefix or an extension of the target', () => {
    expect(foldsTo({ text, start: 5, end: 9, target: 'ERNIE', caseSensitive: true })).toBe(false);
    expect(foldsTo({ text, start: 5, end: 11, target: 'ERNIE', caseSensitive: true })).toBe(false);
  });
});
