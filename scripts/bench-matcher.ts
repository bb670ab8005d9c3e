/**
 * Matcher benchmark: `npx tsx scripts/bench-matcher.ts`. Prints figures; never a timed test.
 *
 * Generates two texts of over 10 MB (UTF-8) of mixed English and Chinese paragraphs from a seeded
 * PRNG, full of mentions of every real alias in their spelling variants and of near-misses, then
 * times in the same rounds, in an order that rotates from round to round: our matcher (with its
 * segmenter caches warm, and with a fresh matcher whose caches start empty, as on a newly loaded
 * page), one alternation regex of all aliases with boundary look-arounds, one `toLowerCase()` per
 * paragraph, and four floors: a bare charCodeAt loop that reads every character through a table
 * and does nothing else (what any scanner written in JavaScript costs at least), the matcher's
 * automaton alone with no hit handling, read by one chain and by two (the matcher reads both
 * halves of a text at once), and the segmenter calls of one cold pass replayed alone.
 * Paragraphs are passed one by one, as the page engine passes blocks of text, so per-call
 * overhead counts.
 *
 * What `toLowerCase()` costs depends on how V8 stores the string: a paragraph whose characters
 * are all below U+0100 (the English ones here) is stored one byte per character and lowercased
 * several characters per machine step, while a paragraph holding Chinese is stored two bytes per
 * character and lowercased one character at a time. So the same comparison is also made over the
 * whole text as one string (two-byte throughout: the literal "one pass over the same text") and
 * over each kind of paragraph apart, each beside the bare loop.
 *
 * Ratios are taken per round (load on a shared machine hits every contender of a round alike)
 * and their median reported. Writes bench-results/matcher.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { entities } from '../data/index.ts';
import { buildAliasAutomaton } from '../core/alias-automaton.ts';
import { foldText, getCaselessChangedUnits, getFoldTable } from '../core/fold-text.ts';
import { compileMatcher, type AliasSpec, type Matcher } from '../core/matcher.ts';

const TARGET_BYTES = 10.5e6;
const SEED = 20260601;
const WARMUP_ROUNDS = 2;
// Odd, for a true median; enough that other work on a shared machine rarely decides it.
const TIMED_ROUNDS = 11;
/**
 * Pause after the collection before each sample: the collector finishes sweeping on background
 * threads, whose CPU time `process.cpuUsage` counts, and which would otherwise be billed to
 * whichever contender runs next (about 3 ms, a sixth of a warm matcher run).
 */
const SETTLE_MS = 20;
const TARGET_VS_REGEX = 5;
const TARGET_VS_LOWERCASE = 3;
const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench-results', 'matcher.json');

/** mulberry32: small, fast and good enough to make the same text on every run. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * How often a word slot holds a mention or a near-miss. "typical" is a news page on the topic:
 * a mention every 100-odd English words or every 60-odd Chinese words. "dense" matches the
 * article itself, where nearly every sentence names an entity.
 */
interface Density {
  englishMention: number;
  englishNearMiss: number;
  chineseMention: number;
  chineseNearMiss: number;
}
const DENSITIES: Readonly<Record<'typical' | 'dense', Density>> = {
  typical: {
    englishMention: 0.008,
    englishNearMiss: 0.004,
    chineseMention: 0.015,
    chineseNearMiss: 0.008,
  },
  dense: {
    englishMention: 0.03,
    englishNearMiss: 0.025,
    chineseMention: 0.06,
    chineseNearMiss: 0.04,
  },
};

let random = createRandom(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (p: number): boolean => random() < p;

const ENGLISH_WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which ' +
  'but have an they you were her she there been one all we their has would when if so no what ' +
  'up out about into than them can only other new some could time these two may then first any ' +
  'like now my such make over our even most me state after also made many did must before back ' +
  'through years where much your way well down should because each just those people how too ' +
  'little good very market capital model models training valuation investors funding revenue ' +
  'football club league season stadium transfer growth national strategy research benchmark ' +
  'score parameters language video image open source developers government procurement policy ' +
  'analysts estimate billion million percent quarter report company companies share price'
).split(' ');
const CHINESE_WORDS = (
  '我们 他们 市场 资本 模型 训练 估值 投资 融资 收入 足球 俱乐部 联赛 赛季 球场 转会 增长 国家 战略 ' +
  '研究 基准 分数 参数 语言 视频 图像 开源 开发者 政府 采购 政策 分析师 估计 亿元 百分之 季度 报告 ' +
  '公司 股价 今年 去年 已经 开始 认为 表示 发布 推出 宣布 计划 可能 需要 进一步 同时 此外 但是 因此 ' +
  '由于 其中 超过 一半 目前 未来 技术 产品 用户 数据 能力 领先 落后 竞争 合作 收购 出售 亏损 盈利'
).split(' ');
const CHINESE_PARTICLES = '的了在是和与对从被把也都还就而或等中上'.split('');

/** Strings that must not be mentions (or not of what they seem), placed as often as mentions. */
const NEAR_MISSES = [
  'GPT-4o',
  'GPT-45',
  'GLM-45',
  'GLM-4.5',
  'Internal',
  'Inter-American',
  'international',
  'Atletico',
  'wolves',
  'Ernie',
  'moonshot',
  'Kimiko',
  'Zhipuxi',
  'MMLUs',
  'CodeGeeX2',
  'Fosunite',
  'Baidus',
  '其中超过',
  '阿里山',
  '重大基金',
  '一万达到',
  '任务中超越',
  '集中超过',
];

const FULL_WIDTH_OFFSET = 0xfee0;

function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + FULL_WIDTH_OFFSET));
}

function stripAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** One way a page might spell the alias: case, whitespace, hyphens, width, accents. */
function spellVariant(alias: { text: string; caseSensitive?: boolean }): string {
  let text = alias.text;
  const casing = random();
  if (!alias.caseSensitive && casing < 0.15) text = text.toUpperCase();
  else if (!alias.caseSensitive && casing < 0.3) text = text.toLowerCase();
  if (text.includes(' ') && chance(0.2)) text = text.replace(/ /g, pick(['\u00a0', '\n  ', '  ']));
  if (text.includes('-') && chance(0.15)) text = text.replace(/-/g, pick(['\u2011', '\u2013']));
  if (/^[\x20-\x7e]+$/.test(text) && chance(0.05)) text = toFullWidth(text);
  if (chance(0.1)) text = stripAccents(text);
  return text;
}

const allAliases = entities.flatMap((entity) => entity.aliases);
const englishAliases = allAliases.filter((alias) => alias.lang === 'en');
const chineseAliases = allAliases.filter((alias) => alias.lang === 'zh');
const englishNearMisses = NEAR_MISSES.filter((text) => /^[\x20-\x7e]+$/.test(text));
const chineseNearMisses = NEAR_MISSES.filter((text) => !/^[\x20-\x7e]+$/.test(text));

function englishSentence(density: Density): string {
  const words: string[] = [];
  const length = 8 + Math.floor(random() * 18);
  for (let k = 0; k < length; k++) {
    if (chance(density.englishMention)) {
      const mention = spellVariant(pick(englishAliases));
      words.push(chance(0.1) ? `${mention}’s` : mention);
    } else if (chance(density.englishNearMiss)) {
      words.push(pick(englishNearMisses));
    } else {
      words.push(pick(ENGLISH_WORDS));
    }
  }
  const sentence = words.join(' ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}${pick(['.', '.', '.', ',', ';', '?'])}`;
}

function chineseSentence(density: Density): string {
  let sentence = '';
  const length = 6 + Math.floor(random() * 14);
  for (let k = 0; k < length; k++) {
    if (chance(density.chineseMention)) sentence += pick(chineseAliases).text;
    else if (chance(density.chineseMention / 2)) sentence += pick(englishAliases).text;
    else if (chance(density.chineseNearMiss)) sentence += pick(chineseNearMisses);
    else sentence += pick(CHINESE_WORDS);
    if (chance(0.35)) sentence += pick(CHINESE_PARTICLES);
  }
  return `${sentence}${pick(['。', '。', '，', '；', '？'])}`;
}

function paragraph(density: Density): string {
  const kind = random();
  const sentences: string[] = [];
  const count = 2 + Math.floor(random() * 8);
  for (let k = 0; k < count; k++) {
    if (kind < 0.5) sentences.push(englishSentence(density));
    else if (kind < 0.8) sentences.push(chineseSentence(density));
    else sentences.push(chance(0.5) ? englishSentence(density) : chineseSentence(density));
  }
  return sentences.join(kind < 0.5 ? ' ' : '');
}

function generateBlocks(density: Density): { blocks: string[]; bytes: number; chars: number } {
  random = createRandom(SEED);
  const blocks: string[] = [];
  let bytes = 0;
  let chars = 0;
  while (bytes < TARGET_BYTES) {
    const block = paragraph(density);
    blocks.push(block);
    bytes += Buffer.byteLength(block, 'utf8');
    chars += block.length;
  }
  return { blocks, bytes, chars };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function naiveRegex(texts: readonly string[]): RegExp {
  const alternatives = [...new Set(texts)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

interface Contender {
  name: string;
  /** Untimed set-up before each run. */
  prepare?: () => void;
  run: () => number;
}

interface Samples {
  /** Per timed round, in milliseconds. */
  cpu: number[];
  wall: number[];
  result: number;
}

// A collection before every sample, so no contender pays for garbage another one left behind.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const pause = new Int32Array(new SharedArrayBuffer(4));

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function timeRounds(contenders: readonly Contender[]): Samples[] {
  const samples = contenders.map((): Samples => ({ cpu: [], wall: [], result: 0 }));
  for (let round = 0; round < WARMUP_ROUNDS + TIMED_ROUNDS; round++) {
    for (let turn = 0; turn < contenders.length; turn++) {
      const index = (round + turn) % contenders.length;
      const { prepare, run } = contenders[index]!;
      const sample = samples[index]!;
      prepare?.();
      collectGarbage();
      Atomics.wait(pause, 0, 0, SETTLE_MS);
      const wallStarted = performance.now();
      const cpuStarted = cpuMs();
      sample.result = run();
      const cpuElapsed = cpuMs() - cpuStarted;
      const wallElapsed = performance.now() - wallStarted;
      if (round < WARMUP_ROUNDS) continue;
      sample.cpu.push(cpuElapsed);
      sample.wall.push(wallElapsed);
    }
  }
  return samples;
}

/** The strings given to the segmenter during one pass, recorded outside the timed rounds. */
function recordSegmenterCalls(run: () => void): string[] {
  const prototype = Intl.Segmenter.prototype;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with its own `this`
  const original = prototype.segment;
  const inputs: string[] = [];
  prototype.segment = function segment(this: Intl.Segmenter, input: string) {
    inputs.push(input);
    return original.call(this, input);
  };
  try {
    run();
  } finally {
    prototype.segment = original;
  }
  return inputs;
}

function findAll(matcher: Matcher, blocks: readonly string[]): number {
  let found = 0;
  for (const block of blocks) found += matcher.find(block).length;
  return found;
}

const round2 = (value: number): number => Number(value.toFixed(2));

/** Median over the timed rounds of the ratio of two contenders' CPU times in the same round. */
function medianRatio(top: Samples, bottom: Samples): number {
  return round2(median(top.cpu.map((cpu, round) => cpu / bottom.cpu[round]!)));
}

interface PreparedText {
  name: keyof typeof DENSITIES;
  blocks: string[];
  bytes: number;
  chars: number;
  /** What a cold pass gives the segmenter. */
  segmenterInputs: string[];
}

/**
 * Generates a text and records its cold pass's segmenter calls. Done for every text before any
 * timing: recording swaps a method of the segmenter, which sends compiled code back to be
 * compiled again.
 */
function prepareText(name: keyof typeof DENSITIES, specs: readonly AliasSpec[]): PreparedText {
  const { blocks, bytes, chars } = generateBlocks(DENSITIES[name]);
  const segmenterInputs = recordSegmenterCalls(() => findAll(compileMatcher(specs), blocks));
  return { name, blocks, bytes, chars, segmenterInputs };
}

/** V8 stores a string one byte per character when every code unit is below 0x100. */
function isOneByte(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

function lowerCaseAll(blocks: readonly string[]): number {
  let total = 0;
  for (const block of blocks) total += block.toLowerCase().length;
  return total;
}

function bareLoop(blocks: readonly string[], table: Uint16Array): number {
  let sum = 0;
  for (const block of blocks) {
    for (let i = 0; i < block.length; i++) sum += table[block.charCodeAt(i)]!;
  }
  return sum;
}

function benchText(
  { name, blocks, bytes, chars, segmenterInputs }: PreparedText,
  specs: readonly AliasSpec[],
  regex: RegExp,
) {
  const warm = compileMatcher(specs);
  let cold = compileMatcher(specs);
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  const table = new Uint16Array(0x10000).map((_, unit) => unit & 0xff);
  const folded = [...new Set(specs.map(({ text }) => foldText(text)))].filter((text) => text);
  const { classOf, transitions, outputRow } = buildAliasAutomaton(folded, {
    table: getFoldTable(false),
    changed: getCaselessChangedUnits(),
  });
  // The same text as one string (two bytes per character, since it holds Chinese), and the
  // paragraphs by how V8 stores them.
  const wholeText = blocks.join('\n');
  const oneByte = blocks.filter(isOneByte);
  const twoByte = blocks.filter((block) => !isOneByte(block));
  const contenders: Contender[] = [
    { name: 'matcher, caches warm', run: () => findAll(warm, blocks) },
    {
      name: 'matcher, caches cold',
      prepare: () => {
        cold = compileMatcher(specs);
      },
      run: () => findAll(cold, blocks),
    },
    {
      name: 'regex',
      run: () => {
        let found = 0;
        for (const block of blocks) {
          regex.lastIndex = 0;
          while (regex.exec(block) !== null) found++;
        }
        return found;
      },
    },
    { name: 'toLowerCase', run: () => lowerCaseAll(blocks) },
    { name: 'whole text: matcher, caches warm', run: () => warm.find(wholeText).length },
    { name: 'whole text: toLowerCase', run: () => wholeText.toLowerCase().length },
    { name: 'one-byte paragraphs: matcher, warm', run: () => findAll(warm, oneByte) },
    { name: 'one-byte paragraphs: toLowerCase', run: () => lowerCaseAll(oneByte) },
    { name: 'one-byte paragraphs: bare loop', run: () => bareLoop(oneByte, table) },
    { name: 'two-byte paragraphs: matcher, warm', run: () => findAll(warm, twoByte) },
    { name: 'two-byte paragraphs: toLowerCase', run: () => lowerCaseAll(twoByte) },
    { name: 'two-byte paragraphs: bare loop', run: () => bareLoop(twoByte, table) },
    { name: 'floor: bare charCodeAt loop', run: () => bareLoop(blocks, table) },
    {
      // The automaton read by one chain with every pattern end ignored: each step waits for the
      // table read of the step before.
      name: 'floor: automaton, one chain',
      run: () => {
        let ends = 0;
        for (const block of blocks) {
          let row = 0;
          for (let i = 0; i < block.length; i++) {
            const entry = transitions[row + classOf[block.charCodeAt(i)]!]!;
            if (entry >= 0) {
              row = entry;
            } else {
              row = outputRow[~entry]!;
              ends++;
            }
          }
        }
        return ends;
      },
    },
    {
      // The same with both halves of each paragraph read at once, as the matcher scans (it then
      // reconciles the halves): the two chains' table reads overlap.
      name: 'floor: automaton, two chains',
      run: () => {
        let ends = 0;
        for (const block of blocks) {
          const half = block.length >> 1;
          let row = 0;
          let laterRow = 0;
          for (let i = 0; i < half; i++) {
            const entry = transitions[row + classOf[block.charCodeAt(i)]!]!;
            const laterEntry = transitions[laterRow + classOf[block.charCodeAt(half + i)]!]!;
            if ((entry | laterEntry) >= 0) {
              row = entry;
              laterRow = laterEntry;
              continue;
            }
            if (entry < 0) ends++;
            if (laterEntry < 0) ends++;
            row = entry < 0 ? outputRow[~entry]! : entry;
            laterRow = laterEntry < 0 ? outputRow[~laterEntry]! : laterEntry;
          }
          for (let i = half * 2; i < block.length; i++) {
            const entry = transitions[laterRow + classOf[block.charCodeAt(i)]!]!;
            if (entry < 0) ends++;
          }
        }
        return ends;
      },
    },
    {
      // Each string one cold pass gives the segmenter, with the cheapest question about it: a
      // lower bound on the segmenter's share of a cold pass, whatever the code around it.
      name: 'floor: segmenter calls of a cold pass',
      run: () => {
        let found = 0;
        for (const input of segmenterInputs) {
          if (segmenter.segment(input).containing(0) !== undefined) found++;
        }
        return found;
      },
    },
  ];
  const samples = timeRounds(contenders);
  const runsOf = (contender: string): Samples =>
    samples[contenders.findIndex(({ name: other }) => other === contender)]!;
  const warmRuns = runsOf('matcher, caches warm');
  const coldRuns = runsOf('matcher, caches cold');
  const regexRuns = runsOf('regex');
  const lowerRuns = runsOf('toLowerCase');
  const scanRuns = runsOf('floor: automaton, one chain');
  const twoChainRuns = runsOf('floor: automaton, two chains');
  const segmenterRuns = runsOf('floor: segmenter calls of a cold pass');
  const ratio = (top: string, bottom: string): number => medianRatio(runsOf(top), runsOf(bottom));
  return {
    name,
    density: DENSITIES[name],
    blocks: blocks.length,
    utf8Bytes: bytes,
    utf16Units: chars,
    oneByteParagraphs: { count: oneByte.length, utf16Units: unitsIn(oneByte) },
    twoByteParagraphs: { count: twoByte.length, utf16Units: unitsIn(twoByte) },
    mentions: warmRuns.result,
    mentionsPerMegabyte: Math.round(warmRuns.result / (bytes / 1e6)),
    segmenterCallsColdPass: segmenterInputs.length,
    contenders: contenders.map(({ name: contender }, index) => {
      const { cpu, wall, result } = samples[index]!;
      return {
        name: contender,
        cpuMedianMs: Number(median(cpu).toFixed(1)),
        wallMedianMs: Number(median(wall).toFixed(1)),
        wallMinMs: Number(Math.min(...wall).toFixed(1)),
        mbPerCpuSecond: Number((bytes / 1e6 / (median(cpu) / 1000)).toFixed(1)),
        result,
        cpuPerRoundMs: cpu.map((ms) => Number(ms.toFixed(2))),
      };
    }),
    /** Medians over the rounds of each round's ratio of CPU times. */
    ratios: {
      regexOverWarm: medianRatio(regexRuns, warmRuns),
      regexOverCold: medianRatio(regexRuns, coldRuns),
      warmOverLowerCase: medianRatio(warmRuns, lowerRuns),
      coldOverLowerCase: medianRatio(coldRuns, lowerRuns),
      wholeTextWarmOverLowerCase: ratio(
        'whole text: matcher, caches warm',
        'whole text: toLowerCase',
      ),
      oneByteWarmOverLowerCase: ratio(
        'one-byte paragraphs: matcher, warm',
        'one-byte paragraphs: toLowerCase',
      ),
      oneByteBareLoopOverLowerCase: ratio(
        'one-byte paragraphs: bare loop',
        'one-byte paragraphs: toLowerCase',
      ),
      twoByteWarmOverLowerCase: ratio(
        'two-byte paragraphs: matcher, warm',
        'two-byte paragraphs: toLowerCase',
      ),
      twoByteBareLoopOverLowerCase: ratio(
        'two-byte paragraphs: bare loop',
        'two-byte paragraphs: toLowerCase',
      ),
      bareLoopOverLowerCase: ratio('floor: bare charCodeAt loop', 'toLowerCase'),
      scanOverLowerCase: medianRatio(scanRuns, lowerRuns),
      twoChainScanOverLowerCase: medianRatio(twoChainRuns, lowerRuns),
      warmOverBareLoop: ratio('matcher, caches warm', 'floor: bare charCodeAt loop'),
      warmOverScan: medianRatio(warmRuns, scanRuns),
      warmOverTwoChainScan: medianRatio(warmRuns, twoChainRuns),
      regexOverSegmenterFloor: medianRatio(regexRuns, segmenterRuns),
      // The best a cold pass could do with this scanner and these segmenter calls and nothing else.
      regexOverColdFloor: round2(
        median(
          regexRuns.cpu.map(
            (cpu, round) => cpu / (twoChainRuns.cpu[round]! + segmenterRuns.cpu[round]!),
          ),
        ),
      ),
    },
    perRound: {
      regexOverWarm: regexRuns.cpu.map((cpu, round) => round2(cpu / warmRuns.cpu[round]!)),
      regexOverCold: regexRuns.cpu.map((cpu, round) => round2(cpu / coldRuns.cpu[round]!)),
      warmOverLowerCase: warmRuns.cpu.map((cpu, round) => round2(cpu / lowerRuns.cpu[round]!)),
      coldOverLowerCase: coldRuns.cpu.map((cpu, round) => round2(cpu / lowerRuns.cpu[round]!)),
    },
  };
}

function unitsIn(blocks: readonly string[]): number {
  return blocks.reduce((total, block) => total + block.length, 0);
}

/** CPU time of the first compile in this process, and of the segmenter the first CJK check makes. */
function measureStartUp(specs: readonly AliasSpec[]): { compileMs: number; segmenterMs: number } {
  const compileStarted = cpuMs();
  const matcher = compileMatcher(specs);
  const compileMs = cpuMs() - compileStarted;
  const segmenterStarted = cpuMs();
  // 百度 between Chinese characters: the first question only the segmenter can answer.
  matcher.find('在百度工作');
  return { compileMs, segmenterMs: cpuMs() - segmenterStarted };
}

function main(): void {
  const specs: AliasSpec[] = entities.flatMap((entity) =>
    entity.aliases.map(({ text, caseSensitive }) => ({ entityId: entity.id, text, caseSensitive })),
  );
  const startUp = measureStartUp(specs);
  const regex = naiveRegex(specs.map(({ text }) => text));
  const prepared = (['typical', 'dense'] as const).map((name) => prepareText(name, specs));
  const texts = prepared.map((text) => benchText(text, specs, regex));
  const typical = texts[0]!;

  const report = {
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadAverage: loadavg().map((load) => Number(load.toFixed(2))),
    },
    seed: SEED,
    aliases: specs.length,
    entities: entities.length,
    firstCompileMs: Number(startUp.compileMs.toFixed(2)),
    segmenterCreationMs: Number(startUp.segmenterMs.toFixed(2)),
    rounds: { warmup: WARMUP_ROUNDS, timed: TIMED_ROUNDS },
    texts,
    targets: {
      text: typical.name,
      fasterThanRegex: {
        target: TARGET_VS_REGEX,
        warm: typical.ratios.regexOverWarm,
        cold: typical.ratios.regexOverCold,
        metWarm: typical.ratios.regexOverWarm >= TARGET_VS_REGEX,
        metCold: typical.ratios.regexOverCold >= TARGET_VS_REGEX,
      },
      withinLowerCase: {
        target: TARGET_VS_LOWERCASE,
        warm: typical.ratios.warmOverLowerCase,
        cold: typical.ratios.coldOverLowerCase,
        wholeTextWarm: typical.ratios.wholeTextWarmOverLowerCase,
        metWarm: typical.ratios.warmOverLowerCase <= TARGET_VS_LOWERCASE,
        metCold: typical.ratios.coldOverLowerCase <= TARGET_VS_LOWERCASE,
        metWholeTextWarm: typical.ratios.wholeTextWarmOverLowerCase <= TARGET_VS_LOWERCASE,
      },
    },
  };

  console.log(
    `${specs.length} aliases of ${entities.length} entities; first compile ${report.firstCompileMs} ms CPU ` +
      `(builds the shared folding tables too), the segmenter made by the first CJK check ` +
      `${report.segmenterCreationMs} ms. ${report.machine.cpus} × ${report.machine.cpuModel}, ` +
      `Node ${process.version}, load average ${report.machine.loadAverage.join(' ')}.`,
  );
  console.log(
    `Medians of ${TIMED_ROUNDS} rounds after ${WARMUP_ROUNDS} warm-up, contenders in turn, each ` +
      `after a collection and a ${SETTLE_MS} ms pause; wall: also the minimum. Ratios are of CPU ` +
      'times in the same round, median over the rounds; MB = 10^6 bytes of UTF-8. Unless named ' +
      'otherwise, contenders take the paragraphs one call each, as the page engine passes blocks; ' +
      '"whole text" is all paragraphs joined into one string.',
  );
  for (const text of texts) {
    console.log(
      `\n${text.name}: ${text.blocks} paragraphs, ${(text.utf8Bytes / 1e6).toFixed(2)} MB, ` +
        `${text.mentions} mentions (${text.mentionsPerMegabyte}/MB), ` +
        `${text.segmenterCallsColdPass} segmenter calls in a cold pass; ` +
        `${text.oneByteParagraphs.count} one-byte paragraphs (${text.oneByteParagraphs.utf16Units} ` +
        `units, English), ${text.twoByteParagraphs.count} two-byte (${text.twoByteParagraphs.utf16Units} units)`,
    );
    console.table(
      text.contenders.map((row) => ({
        contender: row.name,
        'CPU ms': row.cpuMedianMs,
        'MB/s': row.mbPerCpuSecond,
        'wall ms': row.wallMedianMs,
        'wall min ms': row.wallMinMs,
        result: row.result,
      })),
    );
    const { ratios } = text;
    console.log(
      `regex ÷ matcher: ${ratios.regexOverWarm} warm, ${ratios.regexOverCold} cold ` +
        `(target ≥ ${TARGET_VS_REGEX}); regex ÷ segmenter floor: ${ratios.regexOverSegmenterFloor}, ` +
        `÷ (two-chain automaton + segmenter floors): ${ratios.regexOverColdFloor}\n` +
        `matcher ÷ toLowerCase, per paragraph: ${ratios.warmOverLowerCase} warm, ` +
        `${ratios.coldOverLowerCase} cold; whole text: ${ratios.wholeTextWarmOverLowerCase} warm ` +
        `(target ≤ ${TARGET_VS_LOWERCASE})\n` +
        `  one-byte paragraphs: matcher ${ratios.oneByteWarmOverLowerCase}, bare loop ` +
        `${ratios.oneByteBareLoopOverLowerCase}; two-byte: matcher ${ratios.twoByteWarmOverLowerCase}, ` +
        `bare loop ${ratios.twoByteBareLoopOverLowerCase}\n` +
        `floors ÷ toLowerCase: bare loop ${ratios.bareLoopOverLowerCase}, automaton one chain ` +
        `${ratios.scanOverLowerCase}, two chains ${ratios.twoChainScanOverLowerCase}; ` +
        `matcher (warm) ÷ bare loop: ${ratios.warmOverBareLoop}; ÷ automaton one chain: ` +
        `${ratios.warmOverScan}, two chains: ${ratios.warmOverTwoChainScan}`,
    );
  }
  const { fasterThanRegex, withinLowerCase } = report.targets;
  const verdict = (met: boolean): string => (met ? 'MET' : 'NOT MET');
  console.log(
    `\nTargets on the ${typical.name} text: ≥ ${TARGET_VS_REGEX}× faster than the regex ` +
      `${verdict(fasterThanRegex.metWarm)} warm, ${verdict(fasterThanRegex.metCold)} cold; ` +
      `within ${TARGET_VS_LOWERCASE}× of toLowerCase per paragraph ` +
      `${verdict(withinLowerCase.metWarm)} warm, ${verdict(withinLowerCase.metCold)} cold, ` +
      `over the whole text as one string ${verdict(withinLowerCase.metWholeTextWarm)} warm`,
  );
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Wrote ${OUTPUT}`);
}

main();
