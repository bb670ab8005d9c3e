/**
 * Text folding for matching: maps every UTF-16 code unit to one folded code unit (or to nothing),
 * so spelling variants of a name compare equal while offsets into the original text stay
 * recoverable one code unit at a time.
 */

/** The code unit disappears when folded: combining marks and invisible format characters. */
export const FOLD_SKIP = 0xffff;
/** Every kind of whitespace folds to a plain space; matchers collapse runs of it to one. */
export const FOLD_SPACE = 0x20;

const HYPHEN = 0x2d;
const APOSTROPHE = 0x27;
// Full-width ASCII (ＧＬＭ－４) sits at a fixed distance above its ASCII twin.
const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_WIDTH_OFFSET = 0xfee0;
// Code points at or above this have no case (CJK, Hangul, private use...), so lowercasing the
// whole range at startup would only cost time.
const CASED_LIMIT = 0x3000;
/** Code units lowercased per engine call when the tables are built (a divisor of CASED_LIMIT). */
const LOWERCASE_BLOCK = 256;

const COMBINING_MARK_RANGES: readonly (readonly [number, number])[] = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];
// Invisible characters that pages put inside words (soft hyphens from hyphenators, zero-width
// spaces from CMS editors, byte order marks from copy and paste) and variation selectors.
const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad],
  [0x200b, 0x200d],
  [0x2060, 0x2060],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
];
const WHITESPACE_RANGES: readonly (readonly [number, number])[] = [
  [0x0009, 0x000d],
  [0x0020, 0x0020],
  [0x0085, 0x0085],
  [0x00a0, 0x00a0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
];
const HYPHENS = [0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xfe63];
const APOSTROPHES = [0x2018, 0x2019, 0x201b, 0x02bc, 0x2032];
// Latin blocks whose letters carry accents that NFD splits off.
const ACCENTED_LATIN_RANGES: readonly (readonly [number, number])[] = [
  [0x00c0, 0x024f],
  [0x1e00, 0x1eff],
];
// Letters with a stroke or bar have no decomposition, yet readers treat them as accented.
const STROKED_LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
};

interface FoldTables {
  /** Case-insensitive folding: the default for aliases. */
  caseless: Uint16Array;
  /** The code units that case-insensitive folding changes, in ascending order. */
  caselessChanged: Uint16Array;
  /** Folding that keeps letter case, for aliases marked case-sensitive. */
  cased: Uint16Array;
  combining: Uint8Array;
}

let tables: FoldTables | undefined;

function fillRanges(
  table: Int32Array | Uint8Array,
  ranges: readonly (readonly [number, number])[],
  value: number,
): void {
  for (const [first, last] of ranges) table.fill(value, first, last + 1);
}

function accentlessBase(unit: number): number {
  const text = String.fromCharCode(unit);
  const stroked = STROKED_LETTERS[text];
  if (stroked !== undefined) return stroked.charCodeAt(0);
  const decomposed = text.normalize('NFD');
  if (decomposed.length < 2) return unit;
  for (let k = 1; k < decomposed.length; k++) {
    if (!isInRanges(decomposed.charCodeAt(k), COMBINING_MARK_RANGES)) return unit;
  }
  return decomposed.charCodeAt(0);
}

function isInRanges(unit: number, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([first, last]) => unit >= first && unit <= last);
}

function buildTables(): FoldTables {
  // Where the case-keeping fold is not the identity, by unit (-1 elsewhere); both tables are
  // then filled in one pass over all units.
  const variants = new Int32Array(0x10000).fill(-1);
  for (const [first, last] of ACCENTED_LATIN_RANGES) {
    for (let unit = first; unit <= last; unit++) variants[unit] = accentlessBase(unit);
  }
  for (const letter of Object.keys(STROKED_LETTERS)) {
    const unit = letter.charCodeAt(0);
    variants[unit] = accentlessBase(unit);
  }
  for (let unit = FULL_WIDTH_FIRST; unit <= FULL_WIDTH_LAST; unit++) {
    variants[unit] = unit - FULL_WIDTH_OFFSET;
  }
  for (const unit of HYPHENS) variants[unit] = HYPHEN;
  for (const unit of APOSTROPHES) variants[unit] = APOSTROPHE;
  fillRanges(variants, WHITESPACE_RANGES, FOLD_SPACE);
  fillRanges(variants, COMBINING_MARK_RANGES, FOLD_SKIP);
  fillRanges(variants, INVISIBLE_RANGES, FOLD_SKIP);

  const lowerOf = lowercaseTable();
  const cased = new Uint16Array(0x10000);
  const caseless = new Uint16Array(0x10000);
  const caselessChanged: number[] = [];
  for (let unit = 0; unit < 0x10000; unit++) {
    const variant = variants[unit]!;
    const folded = variant < 0 ? unit : variant;
    const lower = folded < CASED_LIMIT ? lowerOf[folded]! : folded;
    cased[unit] = folded;
    caseless[unit] = lower;
    if (lower !== unit) caselessChanged.push(unit);
  }

  const combining = new Uint8Array(0x10000);
  fillRanges(combining, COMBINING_MARK_RANGES, 1);
  return { caseless, caselessChanged: Uint16Array.from(caselessChanged), cased, combining };
}

/**
 * The lowercase of each code unit below CASED_LIMIT, or the unit itself where the lowercase is
 * longer (İ), so the map stays one to one. Lowercased a block at a time: one engine call per
 * block instead of one string per unit, which made this the slowest part of start-up. A block
 * that keeps its length maps unit to unit: lowercasing looks at neighbours only for Σ (ς at the
 * end of a word), and in its block Σ is followed by a letter, so it reads σ as it does alone.
 */
function lowercaseTable(): Uint16Array {
  const lowerOf = new Uint16Array(CASED_LIMIT);
  const block = new Array<number>(LOWERCASE_BLOCK);
  for (let first = 0; first < CASED_LIMIT; first += LOWERCASE_BLOCK) {
    for (let k = 0; k < LOWERCASE_BLOCK; k++) block[k] = first + k;
    const lowered = String.fromCharCode(...block).toLowerCase();
    const oneToOne = lowered.length === LOWERCASE_BLOCK;
    for (let k = 0; k < LOWERCASE_BLOCK; k++) {
      lowerOf[first + k] = oneToOne ? lowered.charCodeAt(k) : lowercaseUnit(first + k);
    }
  }
  return lowerOf;
}

function lowercaseUnit(unit: number): number {
  const lower = String.fromCharCode(unit).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) : unit;
}

function getTables(): FoldTables {
  tables ??= buildTables();
  return tables;
}

/**
 * The table mapping each UTF-16 code unit to its folded unit, `FOLD_SKIP` or `FOLD_SPACE`.
 * Built once per process on first use and shared; callers must not write to it.
 */
export function getFoldTable(caseSensitive: boolean): Uint16Array {
  const { cased, caseless } = getTables();
  return caseSensitive ? cased : caseless;
}

/**
 * The code units that `getFoldTable(false)` maps to another unit, in ascending order: with them,
 * a table over all units can be derived from the fold without visiting every unit. Shared;
 * callers must not write to it.
 */
export function getCaselessChangedUnits(): Uint16Array {
  return getTables().caselessChanged;
}

/**
 * 1 for each code unit that is a combining mark (it belongs to the letter before it, so a
 * mention keeps it), 0 elsewhere. Shared; callers must not write to it.
 */
export function getCombiningMarkTable(): Uint8Array {
  return getTables().combining;
}

/**
 * Folds a whole string the way the matcher folds text on the fly: variants become their plain
 * form, marks and invisible characters vanish, runs of whitespace become one space, and
 * whitespace at either end is dropped.
 */
export function foldText(text: string, caseSensitive = false): string {
  const table = getFoldTable(caseSensitive);
  let folded = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const unit = table[text.charCodeAt(i)] ?? FOLD_SKIP;
    if (unit === FOLD_SKIP) continue;
    if (unit === FOLD_SPACE) {
      pendingSpace = folded.length > 0;
      continue;
    }
    if (pendingSpace) folded += ' ';
    pendingSpace = false;
    folded += String.fromCharCode(unit);
  }
  return folded;
}

/**
 * Whether `text[start, end)` folds to exactly `target` (itself already folded with the same
 * table). Used to confirm a candidate against a case-sensitive alias.
 */
export function foldsTo({
  text,
  start,
  end,
  target,
  caseSensitive,
}: {
  text: string;
  start: number;
  end: number;
  target: string;
  caseSensitive: boolean;
}): boolean {
  const table = getFoldTable(caseSensitive);
  let k = 0;
  let previousWasSpace = false;
  for (let i = start; i < end; i++) {
    const folded = table[text.charCodeAt(i)] ?? FOLD_SKIP;
    if (folded === FOLD_SKIP) continue;
    if (folded === FOLD_SPACE) {
      if (previousWasSpace) continue;
      previousWasSpace = true;
    } else {
      previousWasSpace = false;
    }
    if (k >= target.length || target.charCodeAt(k) !== folded) return false;
    k++;
  }
  return k === target.length;
}
