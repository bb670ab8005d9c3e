/**
 * Generated pages for the page bench: paragraphs of mixed English and Chinese prose with
 * mentions of the article's entities at the rate a news page on the topic has them, marked up
 * the ways real pages do it (links, emphasis, a name split by inline tags, code the engine must
 * skip). Seeded, so every run gets the same bytes.
 */
import { createRandom, type Random } from './random.ts';

export interface BenchAlias {
  text: string;
  lang: 'en' | 'zh';
  caseSensitive?: boolean;
}

export interface GeneratedBlocks {
  /** One HTML block element each (p, h2, ul, blockquote). */
  blocks: string[];
  /** Mentions written into the text outside code (what a perfect matcher would find). */
  planted: number;
  paragraphs: number;
}

/** A mention every ~110 English words or ~55 Chinese words: a news page on the topic. */
const ENGLISH_MENTION_RATE = 1 / 110;
const CHINESE_MENTION_RATE = 1 / 55;

const ENGLISH_FILLER = (
  'the a of to in and for on with as by at from that this it its was were has had have will ' +
  'would could may might said says reported earlier later today week month year years about ' +
  'after before during while since than more most less new last next first second largest ' +
  'share shares price prices stake deal deals round rounds raised raising investors backers ' +
  'valuation valued revenue sales growth losses profit loss market markets analysts estimate ' +
  'estimates figure figures startup startups firm firms lab labs team teams researchers ' +
  'release released launch launched version versions score scores test tests results ranking ' +
  'ranked leaderboard compute chips cloud training trained inference users developers ' +
  'customers contracts government policy regulators owner owners buyer sold bought stadium ' +
  'season seasons fans coach players transfer transfers debt sponsor sponsors league table ' +
  'points title relegation promotion spending wages rights broadcast tournament match matches'
).split(' ');

const CHINESE_FILLER = (
  '记者 消息 报道 数据 显示 公司 估值 融资 投资者 股东 股份 市场 份额 收入 利润 亏损 增长 ' +
  '模型 版本 发布 推出 测试 成绩 排名 榜单 算力 芯片 训练 推理 用户 开发者 客户 合同 政府 ' +
  '政策 监管 球队 球迷 教练 球员 转会 赛季 联赛 积分 冠军 降级 赞助 转播 比赛 体育场 债务 ' +
  '今年 去年 上月 本周 目前 此前 随后 同时 此外 然而 因此 据悉 预计 大约 超过 不足 接近'
).split(' ');
const CHINESE_JOINERS = '的了在是和与对从被把也都还就而或等'.split('');

const INLINE_TAGS = ['em', 'strong', 'b', 'i', 'span'] as const;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Filler words that could not extend an alias into a longer one ("Kimi" + "Chat"). */
function safeEnglishFiller(aliases: readonly BenchAlias[]): string[] {
  const aliasWords = new Set(
    aliases.flatMap((alias) => alias.text.toLowerCase().split(/[\s-]+/)).filter(Boolean),
  );
  return ENGLISH_FILLER.filter((word) => !aliasWords.has(word));
}

/**
 * One mention as HTML: usually plain, sometimes a link or emphasis, sometimes split by an
 * inline tag at a space, hyphen or between two Chinese characters (still one mention).
 */
function mentionHtml(random: Random, text: string): string {
  const roll = random.next();
  if (roll < 0.08) return `<a href="#m">${escapeHtml(text)}</a>`;
  if (roll < 0.13) {
    const tag = random.pick(INLINE_TAGS);
    return `<${tag}>${escapeHtml(text)}</${tag}>`;
  }
  if (roll < 0.17) {
    const cut = text.search(/[ -]/);
    const at = cut > 0 ? cut + 1 : /^\p{Script=Han}{2}/u.test(text) ? 1 : -1;
    if (at > 0 && at < text.length) {
      const tag = random.pick(INLINE_TAGS);
      return `${escapeHtml(text.slice(0, at))}<${tag}>${escapeHtml(text.slice(at))}</${tag}>`;
    }
  }
  return escapeHtml(text);
}

function spelling(random: Random, alias: BenchAlias): string {
  if (alias.caseSensitive || alias.lang === 'zh') return alias.text;
  return random.chance(0.1) ? alias.text.toLowerCase() : alias.text;
}

interface Writer {
  random: Random;
  english: readonly BenchAlias[];
  chinese: readonly BenchAlias[];
  filler: readonly string[];
  planted: number;
}

function englishSentence(w: Writer): string {
  const words: string[] = [];
  const length = w.random.int(6, 20);
  for (let k = 0; k < length; k++) {
    if (w.random.chance(ENGLISH_MENTION_RATE)) {
      words.push(mentionHtml(w.random, spelling(w.random, w.random.pick(w.english))));
      w.planted++;
    } else if (w.random.chance(0.02)) {
      const tag = w.random.pick(INLINE_TAGS);
      words.push(`<${tag}>${w.random.pick(w.filler)}</${tag}>`);
    } else {
      words.push(w.random.pick(w.filler));
    }
  }
  const sentence = words.join(' ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}${w.random.pick(['.', '.', '.', ';', '?'])}`;
}

function chineseSentence(w: Writer): string {
  let sentence = '';
  const length = w.random.int(5, 14);
  for (let k = 0; k < length; k++) {
    if (w.random.chance(CHINESE_MENTION_RATE)) {
      // Chinese writing names Latin-script models and firms as they are: GLM-4, MMLU.
      const latin = w.random.chance(0.3);
      const alias = w.random.pick(latin ? w.english : w.chinese);
      const text = mentionHtml(w.random, alias.text);
      sentence += latin ? ` ${text} ` : text;
      w.planted++;
    } else {
      sentence += w.random.pick(CHINESE_FILLER);
    }
    if (w.random.chance(0.4)) sentence += w.random.pick(CHINESE_JOINERS);
  }
  return `${sentence}${w.random.pick(['。', '。', '，', '；'])}`;
}

function paragraphText(w: Writer): string {
  const kind = w.random.next();
  const sentences: string[] = [];
  const count = w.random.int(1, 4);
  for (let k = 0; k < count; k++) {
    if (kind < 0.55) sentences.push(englishSentence(w));
    else if (kind < 0.9) sentences.push(chineseSentence(w));
    else sentences.push(w.random.chance(0.5) ? englishSentence(w) : chineseSentence(w));
  }
  // Chinese sentences run on without a space; anything with English in it takes one.
  return sentences.join(kind >= 0.55 && kind < 0.9 ? '' : ' ');
}

function writer(seed: number, aliases: readonly BenchAlias[]): Writer {
  return {
    random: createRandom(seed),
    english: aliases.filter((alias) => alias.lang === 'en'),
    chinese: aliases.filter((alias) => alias.lang === 'zh'),
    filler: safeEnglishFiller(aliases),
    planted: 0,
  };
}

/** `paragraphs` paragraphs of prose, with a heading, a list or a quote now and then. */
export function generateArticle({
  paragraphs,
  seed,
  aliases,
}: {
  paragraphs: number;
  seed: number;
  aliases: readonly BenchAlias[];
}): GeneratedBlocks {
  const w = writer(seed, aliases);
  const blocks: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    if (i % 25 === 0) blocks.push(`<h2>${englishSentence(w).slice(0, -1)}</h2>`);
    if (i % 40 === 17) {
      const items = Array.from({ length: w.random.int(3, 5) }, () => englishSentence(w));
      blocks.push(`<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`);
    }
    if (i % 90 === 53) {
      // Code is never scanned: an alias inside it is not a mention.
      blocks.push(`<pre><code>model = load("${w.random.pick(w.english).text}")</code></pre>`);
    }
    const text = paragraphText(w);
    blocks.push(i % 60 === 31 ? `<blockquote><p>${text}</p></blockquote>` : `<p>${text}</p>`);
  }
  return { blocks, planted: w.planted, paragraphs };
}

/**
 * Exactly `mentions` mentions, `perParagraph` to a paragraph, each with clear edges (spaces in
 * English, corner brackets in Chinese), so a correct engine registers exactly that many.
 */
export function generateDenseArticle({
  mentions,
  perParagraph,
  seed,
  aliases,
}: {
  mentions: number;
  perParagraph: number;
  seed: number;
  aliases: readonly BenchAlias[];
}): GeneratedBlocks {
  const w = writer(seed, aliases);
  const blocks: string[] = [];
  let left = mentions;
  while (left > 0) {
    const inThis = Math.min(perParagraph, left);
    const chinese = w.random.chance(0.4);
    const parts: string[] = [];
    for (let k = 0; k < inThis; k++) {
      if (chinese) {
        const alias = w.random.pick(w.chinese);
        parts.push(`${w.random.pick(CHINESE_FILLER)}「${mentionHtml(w.random, alias.text)}」`);
        parts.push(w.random.pick(CHINESE_FILLER) + w.random.pick(CHINESE_FILLER));
      } else {
        const alias = w.random.pick(w.english);
        const filler = Array.from({ length: w.random.int(3, 8) }, () => w.random.pick(w.filler));
        parts.push(`${filler.join(' ')} ${mentionHtml(w.random, alias.text)}`);
      }
    }
    blocks.push(`<p>${parts.join(chinese ? '，' : ' ')}${chinese ? '。' : '.'}</p>`);
    w.planted += inThis;
    left -= inThis;
  }
  return { blocks, planted: w.planted, paragraphs: blocks.length };
}

export function pageHtml({
  title,
  blocks,
  head = '',
  bodyStart = '',
}: {
  title: string;
  blocks: readonly string[];
  head?: string;
  bodyStart?: string;
}): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{max-width:46rem;margin:2rem auto;font:16px/1.5 sans-serif}</style>',
    head,
    '</head><body>',
    bodyStart,
    ...blocks,
    '</body></html>',
  ].join('\n');
}
