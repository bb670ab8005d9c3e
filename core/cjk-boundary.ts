/**
 * Word-boundary check for CJK ends of a candidate mention. Chinese has no spaces, so a hit of
 * 中超 may sit inside 其中超过 ("of which more than"); a word segmenter decides, and it only ever
 * sees a few characters around a hit.
 *
 * The segmenter's dictionary knows common words but rarely our names: it reads 智谱 as two
 * single characters, so in 上智谱 it pairs 上智 and would hide the name. A hit is therefore kept
 * when it starts and ends on segment boundaries, and otherwise when reading it as one word costs
 * the surrounding text no more than the segmenter's own reading: no more words, and on a tie no
 * more stray single characters (ones that rarely stand alone as words). 其中|超过 (two words)
 * beats 其+中超+过 (three), so that hit goes; 上+智谱+的 leaves only standalone words where
 * 上智|谱|的 strands 谱, so the name stays; 任务|中|超越 keeps the common standalone 中 where
 * 任务+中超+越 strands 越, so "surpasses in the task" is no mention of the Chinese Super League.
 *
 * Segmenter calls cost microseconds where the rest of the matcher costs nanoseconds, so every
 * answer is cached; a repeated decision about a name spelled as listed costs a few table reads,
 * no string and no segmenter call. The segmenter itself is created on the first question only
 * it can answer, so a page where no Chinese name touches a Chinese character never pays for it.
 */
import { getCjkUnitTable } from './char-kind.ts';
import { FOLD_SKIP, getFoldTable } from './fold-text.ts';

/**
 * Single characters that commonly stand alone as words: particles, prepositions, conjunctions,
 * adverbs, pronouns, localisers and classifiers. Left over next to a hit, they cost nothing.
 */
const STANDALONE_CHARACTERS = new Set(
  '的了着地得之所其此这那该各每某在于与和及或而并且但却则因为以由从自向往对把被将让给比跟同据按经至到是有无非不没也都就还又再才已曾很最更较仅只均皆亦即便上下中内外前后里间年月日时号届位个家项名次种件他她它我你们谁说称',
);

/**
 * Bounds on the caches, which start afresh when full: probes for so many distinct neighbouring
 * characters, one decision per name and context read in full, one reading per context of two
 * characters, one decision per window around a name spelled otherwise than in the alias list.
 */
const PROBE_NEIGHBOUR_LIMIT = 4096;
const DECISION_CACHE_LIMIT = 16384;
const CONTEXT_CACHE_LIMIT = 8192;
const SPELLING_CACHE_LIMIT = 4096;
/** Slots a numeric cache starts with (a power of two); it doubles while at most half full. */
const INITIAL_SLOTS = 256;
/** Keys per slot of the decision cache. */
const KEY_FIELDS = 3;
/** Neighbours the probe table has room for at first; it doubles as more come. */
const INITIAL_NEIGHBOURS = 64;

/**
 * The segmenter, with one segment record kept alive beside it. The engine gives segment records
 * their shape as it fills them in and keeps such a shape only while some record has it; code
 * compiled for the shape is thrown away with it. Without a living record, every garbage
 * collection on the page did that to the boundary check, and the next warm pass over the
 * benchmark's 10 MB took 40% longer (in Node) while the engine compiled it again.
 */
let shared: { segmenter: Intl.Segmenter; record: Intl.SegmentData | undefined } | null | undefined;

function getSegmenter(): Intl.Segmenter | null {
  if (shared === undefined) {
    // Every browser we support has Intl.Segmenter; elsewhere hits are accepted unchecked
    // rather than throwing.
    if (typeof Intl.Segmenter === 'function') {
      const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
      shared = { segmenter, record: segmenter.segment('的').containing(0) };
    } else {
      shared = null;
    }
  }
  return shared?.segmenter ?? null;
}

/** A map that starts afresh when full, so memory stays bounded on long pages. */
class BoundedCache<K, T> {
  readonly #entries = new Map<K, T>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  get(key: K): T | undefined {
    return this.#entries.get(key);
  }

  /** Stores and returns `value`. */
  set(key: K, value: T): T {
    if (this.#entries.size >= this.#limit) this.#entries.clear();
    this.#entries.set(key, value);
    return value;
  }
}

/**
 * Yes/no answers under keys of three 32-bit integers: open addressing over typed arrays, a few
 * reads per lookup where a Map would cost a string key or a call into the engine. Grows with use
 * and starts afresh when full.
 */
class AnswerTable {
  #keys = new Int32Array(INITIAL_SLOTS * KEY_FIELDS);
  /** Per slot: 1 or 0 for the answer, -1 while the slot is free. */
  #answers = new Int8Array(INITIAL_SLOTS).fill(-1);
  #mask = INITIAL_SLOTS - 1;
  #size = 0;
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** 1 or 0 for a known answer, -1 for an unknown one. */
  get(a: number, b: number, c: number): number {
    const keys = this.#keys;
    const answers = this.#answers;
    for (let slot = slotHash(a, b, c) & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const answer = answers[slot]!;
      if (answer < 0) return -1;
      const at = slot * KEY_FIELDS;
      if (keys[at] === a && keys[at + 1] === b && keys[at + 2] === c) return answer;
    }
  }

  /** Stores and returns `yes`; the key must not be stored yet. */
  set(a: number, b: number, c: number, yes: boolean): boolean {
    if (this.#size >= this.#limit) {
      this.#answers.fill(-1);
      this.#size = 0;
    } else if (this.#size * 2 >= this.#mask) {
      this.#grow();
    }
    this.#insert(a, b, c, yes ? 1 : 0);
    this.#size++;
    return yes;
  }

  #insert(a: number, b: number, c: number, answer: number): void {
    let slot = slotHash(a, b, c) & this.#mask;
    while (this.#answers[slot]! >= 0) slot = (slot + 1) & this.#mask;
    const at = slot * KEY_FIELDS;
    this.#keys[at] = a;
    this.#keys[at + 1] = b;
    this.#keys[at + 2] = c;
    this.#answers[slot] = answer;
  }

  #grow(): void {
    const keys = this.#keys;
    const answers = this.#answers;
    this.#keys = new Int32Array(keys.length * 2);
    this.#answers = new Int8Array(answers.length * 2).fill(-1);
    this.#mask = this.#mask * 2 + 1;
    for (let slot = 0; slot < answers.length; slot++) {
      const at = slot * KEY_FIELDS;
      if (answers[slot]! >= 0) {
        this.#insert(keys[at]!, keys[at + 1]!, keys[at + 2]!, answers[slot]!);
      }
    }
  }
}

/**
 * Probe answers by (edge and side, neighbouring code unit), looked up directly: each neighbour
 * seen gets a row with one answer per edge side, so a lookup is two reads from small tables that
 * stay in the cache, where hashing the pair would touch a new cache line for every hit. Grows
 * with use (a page without Chinese costs nothing) and starts afresh when full.
 */
class ProbeTable {
  /** By code unit: 1 + the row of that neighbour, 0 while it has none. */
  #rowOf: Uint16Array | undefined;
  /** Per row, per edge side: 1 or 0 for the answer, -1 while unknown. */
  #answers = new Int8Array(0);
  #rows = 0;
  readonly #width: number;

  /** `width`: the number of edge sides. */
  constructor(width: number) {
    this.#width = width;
  }

  /** 1 when the segmenter splits there, 0 when not, -1 when not known yet. */
  get(edgeAndSide: number, neighbour: number): number {
    const row = this.#rowOf === undefined ? 0 : this.#rowOf[neighbour]!;
    return row === 0 ? -1 : this.#answers[(row - 1) * this.#width + edgeAndSide]!;
  }

  /** Stores and returns `split`. */
  set(edgeAndSide: number, neighbour: number, split: boolean): boolean {
    this.#rowOf ??= new Uint16Array(0x10000);
    let row = this.#rowOf[neighbour]!;
    if (row === 0) {
      if (this.#rows >= PROBE_NEIGHBOUR_LIMIT) {
        this.#rowOf.fill(0);
        this.#rows = 0;
      }
      if (this.#rows * this.#width >= this.#answers.length) {
        const grown = new Int8Array(Math.max(INITIAL_NEIGHBOURS, this.#rows * 2) * this.#width);
        grown.fill(-1).set(this.#answers.subarray(0, this.#rows * this.#width));
        this.#answers = grown;
      }
      this.#answers.fill(-1, this.#rows * this.#width, (this.#rows + 1) * this.#width);
      row = ++this.#rows;
      this.#rowOf[neighbour] = row;
    }
    this.#answers[(row - 1) * this.#width + edgeAndSide] = split ? 1 : 0;
    return split;
  }
}

function slotHash(a: number, b: number, c: number): number {
  let hash = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35);
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  return hash ^ (hash >>> 13);
}

interface Reading {
  words: number;
  /** Single characters that rarely stand alone as words. */
  strays: number;
}

const NO_READING: Reading = { words: 0, strays: 0 };
const LONE_STANDALONE: Reading = { words: 1, strays: 0 };
const LONE_STRAY: Reading = { words: 1, strays: 1 };

/** A pattern of the matcher as this check needs it. */
export interface CjkPattern {
  /** The folded text. */
  text: string;
  /** The original spellings of the aliases that fold to it, as listed. */
  spellings: readonly string[];
  cjkStart: boolean;
  cjkEnd: boolean;
}

/**
 * Decides CJK ends of hits, with its own caches. A side passes without segmenting when the
 * character beyond it is not CJK (a space, punctuation, Latin, a digit, the end). Otherwise the
 * hit is first probed next to each neighbouring character alone: if the segmenter leaves both
 * edges alone there, more context almost never changes its mind, and those probes repeat
 * constantly on a page (a name next to 的, 在, 和), so they are cached, in a table read directly
 * by neighbour. A probe is made from its key alone (the neighbour and the name's two edge
 * characters as folded), so its answer never depends on which spelling of the name came first.
 * Only when a probe finds a word crossing an edge (其中|超 in 其中超过) does the hit pay for the
 * full reading of its window, whose answer depends only on the name as spelled and at most two
 * CJK characters on each side checked, and is cached under exactly those.
 */
export class CjkBoundaryCheck {
  /** Undefined until the first question the segmenter must answer. */
  #segmenter: Intl.Segmenter | null | undefined;
  readonly #cjk = getCjkUnitTable();
  readonly #fold = getFoldTable(false);
  /** By pattern: the edge numbers of its first and last two folded units when CJK, else -1. */
  readonly #startEdges: Int32Array;
  readonly #endEdges: Int32Array;
  /** The first or last two folded units of names, by edge number. */
  readonly #edges: readonly string[];
  /** By pattern: its folded text then its listed spellings, without repeats. */
  readonly #spellings: readonly (readonly string[])[];
  readonly #probes: ProbeTable;
  readonly #decisions = new AnswerTable(DECISION_CACHE_LIMIT);
  readonly #contexts = new BoundedCache<string, Reading>(CONTEXT_CACHE_LIMIT);
  readonly #otherSpellings = new BoundedCache<string, boolean>(SPELLING_CACHE_LIMIT);

  /** `patterns`: the matcher's patterns, by pattern number. */
  constructor(patterns: readonly CjkPattern[]) {
    const edgeNumbers = new Map<string, number>();
    const edgeNumber = (edge: string): number => {
      let number = edgeNumbers.get(edge);
      if (number === undefined) {
        number = edgeNumbers.size;
        edgeNumbers.set(edge, number);
      }
      return number;
    };
    this.#startEdges = Int32Array.from(patterns, ({ text, cjkStart }) =>
      cjkStart ? edgeNumber(text.slice(0, 2)) : -1,
    );
    this.#endEdges = Int32Array.from(patterns, ({ text, cjkEnd }) =>
      cjkEnd ? edgeNumber(text.slice(-2)) : -1,
    );
    this.#edges = [...edgeNumbers.keys()];
    this.#probes = new ProbeTable(this.#edges.length * 2);
    this.#spellings = patterns.map(({ text, spellings }) => [...new Set([text, ...spellings])]);
  }

  /**
   * Whether the hit of `pattern` at `text[start, end)` reads as a word of its own. Skipped units
   * (invisible characters, combining marks) count as absent, here as for the automaton: a
   * zero-width space in 其中\u200b超过 hides neither the word 其中 nor 超过.
   */
  accepts(text: string, start: number, end: number, pattern: number): boolean {
    const cjk = this.#cjk;
    const startEdge = this.#startEdges[pattern]!;
    const endEdge = this.#endEdges[pattern]!;
    // The nearest units around the hit that are not skipped; -1 and text.length stand for none.
    const beforeAt = startEdge >= 0 ? this.#visibleBefore(text, start) : -1;
    const afterAt = endEdge >= 0 ? this.#visibleFrom(text, end) : text.length;
    // 0 stands for "no character": it is not CJK, so no side is checked against it.
    const before = beforeAt >= 0 ? text.charCodeAt(beforeAt) : 0;
    const after = afterAt < text.length ? text.charCodeAt(afterAt) : 0;
    const needsStart = cjk[before] !== 0;
    const needsEnd = cjk[after] !== 0;
    if (!needsStart && !needsEnd) return true;
    if ((this.#segmenter ??= getSegmenter()) === null) return true;
    // An unclean edge on either side sends the hit to the full reading, so the end is only
    // probed when the start is clean.
    if (
      (!needsStart || this.#isCleanEdge(startEdge * 2, before)) &&
      (!needsEnd || this.#isCleanEdge(endEdge * 2 + 1, after))
    ) {
      return true;
    }
    // The context: up to two CJK units on each side checked, packed as (farther << 16) | nearer
    // (CJK units are never 0, so the packing also tells how many there are). On 60,000 names
    // placed at random in real Chinese news text, two units of context decided exactly as eight
    // did; with one, about 0.05% of decisions changed, among them 英伟达 in 英伟达成为, lost to 达成
    // although 成为 claims the 成.
    const beforeFarAt = needsStart ? this.#visibleBefore(text, beforeAt) : -1;
    const afterFarAt = needsEnd ? this.#visibleFrom(text, afterAt + 1) : text.length;
    const beforeFar = beforeFarAt >= 0 ? text.charCodeAt(beforeFarAt) : 0;
    const afterFar = afterFarAt < text.length ? text.charCodeAt(afterFarAt) : 0;
    const beforeKey = needsStart ? ((cjk[beforeFar] !== 0 ? beforeFar : 0) << 16) | before : 0;
    const afterKey = needsEnd ? ((cjk[afterFar] !== 0 ? afterFar : 0) << 16) | after : 0;
    // The answer depends on nothing else than the name as read and the context: cached so.
    const name = this.#visibleName(text, start, end);
    const spelling = this.#spellings[pattern]!.indexOf(name);
    if (spelling >= 0) {
      // Pattern numbers stay far below 2^16, and a name has few spellings.
      const nameKey = pattern * 0x10000 + spelling;
      const known = this.#decisions.get(nameKey, beforeKey, afterKey);
      if (known >= 0) return known === 1;
      return this.#decisions.set(
        nameKey,
        beforeKey,
        afterKey,
        this.#keepsName(name, beforeKey, afterKey),
      );
    }
    const key = `${beforeKey} ${afterKey} ${name}`;
    return (
      this.#otherSpellings.get(key) ??
      this.#otherSpellings.set(key, this.#keepsName(name, beforeKey, afterKey))
    );
  }

  /** Index of the nearest unit before `index` that is not skipped, or -1. */
  #visibleBefore(text: string, index: number): number {
    let k = index - 1;
    while (k >= 0 && this.#isSkipped(text.charCodeAt(k))) k--;
    return k;
  }

  /** Index of the nearest unit at or after `index` that is not skipped, or `text.length`. */
  #visibleFrom(text: string, index: number): number {
    let k = index;
    while (k < text.length && this.#isSkipped(text.charCodeAt(k))) k++;
    return k;
  }

  #isSkipped(unit: number): boolean {
    // CJK units are never skipped, so most neighbours need no look at the folding.
    return this.#cjk[unit] === 0 && this.#fold[unit] === FOLD_SKIP;
  }

  /** `text[start, end)` without its skipped units. */
  #visibleName(text: string, start: number, end: number): string {
    let name = '';
    let from = start;
    for (let k = start; k < end; k++) {
      if (!this.#isSkipped(text.charCodeAt(k))) continue;
      name += text.slice(from, k);
      from = k + 1;
    }
    return from === start ? text.slice(start, end) : name + text.slice(from, end);
  }

  /** Whether `name`, between the packed contexts, should read as a word of its own. */
  #keepsName(name: string, beforeKey: number, afterKey: number): boolean {
    const before = contextText(beforeKey);
    return this.#keepsWord(
      before + name + reversed(contextText(afterKey)),
      before.length,
      before.length + name.length,
    );
  }

  /**
   * Whether the segmenter leaves a boundary between a name's edge and its neighbour, reading
   * the two edge characters and the neighbour alone. `edgeAndSide` is twice the edge number,
   * plus one for an end edge. Names sharing an edge (阿里, 阿里巴巴) share probes; words crossing
   * an edge are rarely longer than that.
   */
  #isCleanEdge(edgeAndSide: number, neighbour: number): boolean {
    const known = this.#probes.get(edgeAndSide, neighbour);
    if (known >= 0) return known === 1;
    const edge = this.#edges[edgeAndSide >> 1] ?? '';
    const isStart = (edgeAndSide & 1) === 0;
    const probe = isStart
      ? String.fromCharCode(neighbour) + edge
      : edge + String.fromCharCode(neighbour);
    const boundary = isStart ? 1 : edge.length;
    const segment = this.#segmenter!.segment(probe).containing(boundary);
    return this.#probes.set(
      edgeAndSide,
      neighbour,
      segment === undefined || segment.index === boundary,
    );
  }

  /** Whether `window[start, end)` should read as a word of its own within `window`. */
  #keepsWord(window: string, start: number, end: number): boolean {
    let words = 0;
    let strays = 0;
    let splitsAtStart = false;
    let splitsAtEnd = end === window.length;
    for (const { segment, index } of this.#segmenter!.segment(window)) {
      words++;
      if (segment.length === 1 && !STANDALONE_CHARACTERS.has(segment)) strays++;
      if (index === start) splitsAtStart = true;
      if (index === end) splitsAtEnd = true;
    }
    if (splitsAtStart && splitsAtEnd) return true;
    const before = this.#readContext(window.slice(0, start));
    const after = this.#readContext(window.slice(end));
    const nameWords = before.words + 1 + after.words;
    const nameStrays = before.strays + after.strays;
    return nameWords < words || (nameWords === words && nameStrays <= strays);
  }

  /** The reading of a context of up to two characters. */
  #readContext(context: string): Reading {
    if (context.length === 0) return NO_READING;
    // One unit is one segment whatever the segmenter: no need to ask it.
    if (context.length === 1) {
      return STANDALONE_CHARACTERS.has(context) ? LONE_STANDALONE : LONE_STRAY;
    }
    const known = this.#contexts.get(context);
    if (known !== undefined) return known;
    const reading: Reading = { words: 0, strays: 0 };
    for (const { segment } of this.#segmenter!.segment(context)) {
      reading.words++;
      if (segment.length === 1 && !STANDALONE_CHARACTERS.has(segment)) reading.strays++;
    }
    return this.#contexts.set(context, reading);
  }
}

/** The units of a packed context (see `accepts`), farther first. */
function contextText(key: number): string {
  if (key === 0) return '';
  const nearer = String.fromCharCode(key & 0xffff);
  return key >>> 16 === 0 ? nearer : String.fromCharCode(key >>> 16) + nearer;
}

function reversed(pair: string): string {
  return pair.length < 2 ? pair : pair.charAt(1) + pair.charAt(0);
}
