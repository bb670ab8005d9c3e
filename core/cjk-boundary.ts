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
 * answer is cached, under numeric keys or looked up in place: a repeated decision costs no
 * string and no segmenter call.
 */
import { isCjkCodeUnit } from './char-kind.ts';

/**
 * CJK characters of context taken on each side of a hit for the full reading. On 60,000 names
 * placed at random in real Chinese news text, this check with 2 characters of context decided
 * exactly as a full reading with 8 did; with 1 about 0.05% of decisions changed, among them 英伟达
 * in 英伟达成为, lost to 达成 although 成为 claims the 成.
 */
const CONTEXT_UNITS = 2;

/**
 * Single characters that commonly stand alone as words: particles, prepositions, conjunctions,
 * adverbs, pronouns, localisers and classifiers. Left over next to a hit, they cost nothing.
 */
const STANDALONE_CHARACTERS = new Set(
  '的了着地得之所其此这那该各每某在于与和及或而并且但却则因为以由从自向往对把被将让给比跟同据按经至到是有无非不没也都就还又再才已曾很最更较仅只均皆亦即便上下中内外前后里间年月日时号届位个家项名次种件他她它我你们谁说称',
);

/**
 * Bounds on the caches, which start afresh when full: one probe entry per (neighbour, edge of
 * a name) seen, one reading per context of up to two characters, one decision per full window.
 */
const PROBE_CACHE_LIMIT = 16384;
const CONTEXT_CACHE_LIMIT = 8192;
const WINDOW_CACHE_LIMIT = 16384;
/** Slots a numeric cache starts with (a power of two); it doubles while at most half full. */
const INITIAL_SLOTS = 256;
/** Probe keys pack an edge number, the side of the hit it lies on, and the neighbouring unit. */
const PROBE_KEY_STRIDE = 0x10000;
/** 2^32 divided by the golden ratio: spreads consecutive edge numbers across the table. */
const GOLDEN = 0x9e3779b1;

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
 * Probe answers by (edge and side, neighbour): an open-addressing table, a few typed-array reads
 * per lookup where a Map costs a call into the engine. Key and answer share a slot, so a lookup
 * touches one cache line. Grows with use (a page without Chinese costs a few kilobytes) and
 * starts afresh when full.
 */
class ProbeCache {
  /**
   * Per slot: the key, `edgeAndSide * PROBE_KEY_STRIDE + neighbour` (-1 when the slot is free),
   * then 1 or 0 for the answer.
   */
  #slots = new Float64Array(INITIAL_SLOTS * 2).fill(-1);
  #mask = INITIAL_SLOTS - 1;
  #size = 0;

  /** 1 when the segmenter splits there, 0 when not, -1 when not known yet. */
  get(edgeAndSide: number, neighbour: number): number {
    const slots = this.#slots;
    const key = edgeAndSide * PROBE_KEY_STRIDE + neighbour;
    for (
      let slot = probeHash(edgeAndSide, neighbour) & this.#mask;
      ;
      slot = (slot + 1) & this.#mask
    ) {
      const stored = slots[slot * 2]!;
      if (stored === key) return slots[slot * 2 + 1]!;
      if (stored < 0) return -1;
    }
  }

  /** Stores and returns `split`; the key must not be cached yet. */
  set(edgeAndSide: number, neighbour: number, split: boolean): boolean {
    if (this.#size >= PROBE_CACHE_LIMIT) {
      this.#slots.fill(-1);
      this.#size = 0;
    } else if (this.#size * 2 >= this.#mask) {
      this.#grow();
    }
    this.#insert(edgeAndSide * PROBE_KEY_STRIDE + neighbour, split ? 1 : 0);
    this.#size++;
    return split;
  }

  #insert(key: number, answer: number): void {
    const slots = this.#slots;
    const unit = key % PROBE_KEY_STRIDE;
    let slot = probeHash((key - unit) / PROBE_KEY_STRIDE, unit) & this.#mask;
    while (slots[slot * 2]! >= 0) slot = (slot + 1) & this.#mask;
    slots[slot * 2] = key;
    slots[slot * 2 + 1] = answer;
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Float64Array(old.length * 2).fill(-1);
    this.#mask = this.#mask * 2 + 1;
    for (let at = 0; at < old.length; at += 2) {
      if (old[at]! >= 0) this.#insert(old[at]!, old[at + 1]!);
    }
  }
}

function probeHash(edgeAndSide: number, neighbour: number): number {
  const hash = Math.imul(neighbour ^ Math.imul(edgeAndSide, GOLDEN), 0x85ebca6b);
  return hash ^ (hash >>> 15);
}

/** FNV-1a over `text[from, to)` and the hit's offsets in it. */
function windowHash(text: string, from: number, to: number, start: number, end: number): number {
  let hash = Math.imul(Math.imul(0x811c9dc5 ^ start, 0x01000193) ^ end, 0x01000193);
  for (let k = from; k < to; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
  return hash;
}

/** Whether `text` holds `window` at `from` (compared in place: no string is made). */
function isSameText(window: string, text: string, from: number): boolean {
  for (let k = 0; k < window.length; k++) {
    if (window.charCodeAt(k) !== text.charCodeAt(from + k)) return false;
  }
  return true;
}

/** Fields of one slot of the window cache. */
const SLOT_KEEPS = 0;
const SLOT_HASH = 1;
const SLOT_START = 2;
const SLOT_END = 3;
const SLOT_FIELDS = 4;

/**
 * Decisions by window (the hit with its context) and the hit's offsets in it. Looked up straight
 * from the text being scanned, so a repeated window costs no string: open addressing on the
 * window's hash, confirmed against the stored window only when hash and offsets agree. Grows
 * with use and starts afresh when full.
 */
class WindowCache {
  /** Per slot: 1 or 0 for the decision (-1 when the slot is free), hash, start, end. */
  #slots = new Int32Array(INITIAL_SLOTS * SLOT_FIELDS).fill(-1);
  #windows: string[] = new Array<string>(INITIAL_SLOTS).fill('');
  #mask = INITIAL_SLOTS - 1;
  #size = 0;

  /**
   * 1 when the hit at `[start, end)` of the window `text[from, to)` keeps its word, 0 when not,
   * -1 when not known yet.
   */
  get(text: string, from: number, to: number, start: number, end: number, hash: number): number {
    const slots = this.#slots;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const at = slot * SLOT_FIELDS;
      const keeps = slots[at + SLOT_KEEPS]!;
      if (keeps < 0) return -1;
      if (
        slots[at + SLOT_HASH] === hash &&
        slots[at + SLOT_START] === start &&
        slots[at + SLOT_END] === end
      ) {
        const window = this.#windows[slot]!;
        if (window.length === to - from && isSameText(window, text, from)) return keeps;
      }
    }
  }

  /** Stores and returns `keeps`; the window must not be cached yet. */
  set(window: string, start: number, end: number, hash: number, keeps: boolean): boolean {
    if (this.#size >= WINDOW_CACHE_LIMIT) {
      this.#slots.fill(-1);
      this.#windows.fill('');
      this.#size = 0;
    } else if (this.#size * 2 >= this.#mask) {
      this.#grow();
    }
    this.#insert(window, start, end, hash, keeps ? 1 : 0);
    this.#size++;
    return keeps;
  }

  #insert(window: string, start: number, end: number, hash: number, keeps: number): void {
    const slots = this.#slots;
    let slot = hash & this.#mask;
    while (slots[slot * SLOT_FIELDS + SLOT_KEEPS]! >= 0) slot = (slot + 1) & this.#mask;
    const at = slot * SLOT_FIELDS;
    slots[at + SLOT_KEEPS] = keeps;
    slots[at + SLOT_HASH] = hash;
    slots[at + SLOT_START] = start;
    slots[at + SLOT_END] = end;
    this.#windows[slot] = window;
  }

  #grow(): void {
    const slots = this.#slots;
    const windows = this.#windows;
    this.#slots = new Int32Array(slots.length * 2).fill(-1);
    this.#windows = new Array<string>(windows.length * 2).fill('');
    this.#mask = this.#mask * 2 + 1;
    windows.forEach((window, slot) => {
      const at = slot * SLOT_FIELDS;
      const keeps = slots[at + SLOT_KEEPS]!;
      if (keeps < 0) return;
      this.#insert(
        window,
        slots[at + SLOT_START]!,
        slots[at + SLOT_END]!,
        slots[at + SLOT_HASH]!,
        keeps,
      );
    });
  }
}

interface Reading {
  words: number;
  /** Single characters that rarely stand alone as words. */
  strays: number;
}

const NO_READING: Reading = { words: 0, strays: 0 };

/**
 * Decides CJK ends of hits, with its own caches. A side passes without segmenting when the
 * character beyond it is not CJK (a space, punctuation, Latin, a digit, the end). Otherwise the
 * hit is first probed next to each neighbouring character alone: if the segmenter leaves both
 * edges alone there, more context almost never changes its mind, and those probes repeat
 * constantly on a page (a name next to 的, 在, 和), so they are cached. A probe is made from its
 * key alone (the neighbour and the name's two edge characters as folded), so its answer never
 * depends on which spelling of the name came first. Only when a probe finds a word crossing an
 * edge (其中|超 in 其中超过) does the hit pay for the full reading of its window.
 */
export class CjkBoundaryCheck {
  readonly #segmenter = getSegmenter();
  /** The first or last two folded units of names, by edge number. */
  readonly #edges: readonly string[];
  readonly #probes = new ProbeCache();
  readonly #contexts = new BoundedCache<string, Reading>(CONTEXT_CACHE_LIMIT);
  readonly #windows = new WindowCache();

  /** `edges`: the strings that the edge numbers given with each hit stand for. */
  constructor(edges: readonly string[]) {
    this.#edges = edges;
  }

  /**
   * Whether `text[start, end)` reads as a word of its own. `startEdge` and `endEdge` are the edge
   * numbers of the hit's first and last two folded units when those are CJK, or -1.
   */
  accepts(text: string, start: number, end: number, startEdge: number, endEdge: number): boolean {
    const needsStart = startEdge >= 0 && start > 0 && isCjkCodeUnit(text.charCodeAt(start - 1));
    const needsEnd = endEdge >= 0 && end < text.length && isCjkCodeUnit(text.charCodeAt(end));
    if ((!needsStart && !needsEnd) || this.#segmenter === null) return true;
    // An unclean edge on either side sends the hit to the full reading, so the end is only
    // probed when the start is clean.
    const clean =
      (!needsStart || this.#isCleanEdge(startEdge * 2, text.charCodeAt(start - 1))) &&
      (!needsEnd || this.#isCleanEdge(endEdge * 2 + 1, text.charCodeAt(end)));
    if (clean) return true;

    const from = needsStart ? contextStart(text, start) : start;
    const to = needsEnd ? contextEnd(text, end) : end;
    const hash = windowHash(text, from, to, start - from, end - from);
    const known = this.#windows.get(text, from, to, start - from, end - from, hash);
    if (known >= 0) return known === 1;
    const window = text.slice(from, to);
    const keeps = this.#keepsWord(window, start - from, end - from);
    return this.#windows.set(window, start - from, end - from, hash, keeps);
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

  /** The reading of a context of up to CONTEXT_UNITS characters. */
  #readContext(context: string): Reading {
    if (context.length === 0) return NO_READING;
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

/** Start of the window: up to CONTEXT_UNITS CJK units before `start`. */
function contextStart(text: string, start: number): number {
  let from = start;
  while (from > 0 && start - from < CONTEXT_UNITS && isCjkCodeUnit(text.charCodeAt(from - 1))) {
    from--;
  }
  return from;
}

/** End of the window: up to CONTEXT_UNITS CJK units from `end`. */
function contextEnd(text: string, end: number): number {
  let to = end;
  while (to < text.length && to - end < CONTEXT_UNITS && isCjkCodeUnit(text.charCodeAt(to))) to++;
  return to;
}
