import { describe, expect, it } from 'vitest';
import { compileMatcher, type AliasSpec } from '../../core/matcher.ts';

// Our own small list, shaped like the real one: short names, their longer forms, mixed forms.
const ALIASES: AliasSpec[] = [
  { entityId: 'zhipu', text: '智谱' },
  { entityId: 'zhipu', text: '智谱AI' },
  { entityId: 'baidu', text: '百度' },
  { entityId: 'alibaba', text: '阿里巴巴' },
  { entityId: 'alibaba', text: '阿里' },
  { entityId: 'tencent', text: '腾讯' },
  { entityId: 'inter', text: '国际米兰' },
  { entityId: 'suning', text: '苏宁' },
  { entityId: 'csl', text: '中超' },
  { entityId: 'csl', text: '中超联赛' },
  { entityId: 'big-fund', text: '大基金' },
  { entityId: 'nvidia', text: '英伟达' },
  { entityId: 'wanda', text: '万达' },
  { entityId: 'fosun', text: '复星' },
  { entityId: 'wolves', text: '狼队' },
  { entityId: 'atletico', text: '马竞' },
  { entityId: 'kimi', text: 'Kimi智能助手' },
  { entityId: 'qwen-72b', text: '通义千问-72B' },
  { entityId: 'ernie', text: '文心一言' },
  { entityId: 'qwen', text: '通义千问' },
];

const matcher = compileMatcher(ALIASES);

function mentionsIn(text: string): [string, string][] {
  return matcher.find(text).map(({ entityId, start, end }) => [entityId, text.slice(start, end)]);
}

describe('Chinese names next to other words', () => {
  it.each([
    ['智谱AI发布了新模型', 'zhipu', '智谱AI'],
    ['百度公司表示', 'baidu', '百度'],
    ['阿里巴巴集团的财报', 'alibaba', '阿里巴巴'],
    ['腾讯投资了这家公司', 'tencent', '腾讯'],
    ['国际米兰俱乐部', 'inter', '国际米兰'],
    ['他在阿里工作', 'alibaba', '阿里'],
    ['阿里云的服务', 'alibaba', '阿里'],
    ['国家大基金二期', 'big-fund', '大基金'],
    ['英伟达芯片', 'nvidia', '英伟达'],
    ['英伟达成为市值最高的公司', 'nvidia', '英伟达'],
    ['降级的狼队', 'wolves', '狼队'],
    ['复星医药', 'fosun', '复星'],
    ['万达集团', 'wanda', '万达'],
  ])('finds the name in %s', (text, entityId, covered) => {
    expect(mentionsIn(text)).toEqual([[entityId, covered]]);
  });

  it('takes the league’s longer alias 中超联赛 whole', () => {
    expect(mentionsIn('中超联赛开幕')).toEqual([['csl', '中超联赛']]);
  });

  it('finds 中超 where the segmenter splits the following words: 中超公司', () => {
    expect(mentionsIn('中超公司发布赛程')).toEqual([['csl', '中超']]);
  });

  it('decides 苏宁易购 (a Suning company) is a mention of Suning', () => {
    expect(mentionsIn('苏宁易购的门店')).toEqual([['suning', '苏宁']]);
  });

  it('keeps a name the segmenter does not know when a neighbour grabs its first character', () => {
    // The segmenter reads 上智|谱: taking 智谱 whole strands no rarer character than its own
    // reading does, so the name stays.
    expect(mentionsIn('网上智谱的评价')).toEqual([['zhipu', '智谱']]);
  });

  it('finds names at the very start and end of the text and next to punctuation', () => {
    expect(mentionsIn('百度，腾讯。「阿里巴巴」')).toEqual([
      ['baidu', '百度'],
      ['tencent', '腾讯'],
      ['alibaba', '阿里巴巴'],
    ]);
  });

  it('finds several names in one run of Chinese', () => {
    expect(mentionsIn('苏宁收购了国际米兰，复星买下狼队')).toEqual([
      ['suning', '苏宁'],
      ['inter', '国际米兰'],
      ['fosun', '复星'],
      ['wolves', '狼队'],
    ]);
  });

  it('finds two names joined by 和', () => {
    expect(mentionsIn('通义千问和文心一言')).toEqual([
      ['qwen', '通义千问'],
      ['ernie', '文心一言'],
    ]);
  });
});

describe('Chinese near-misses: a short name inside another word', () => {
  it.each([
    ['其中超过一半', '中超 inside 其中|超过 (of which, more than)'],
    ['集中超过三成', '中超 inside 集中|超过'],
    ['在多项任务中超越对手', '中超 inside 中|超越 (surpass)'],
    ['预期中超出', '中超 inside 中|超出 (exceed)'],
    ['阿里山的风景', '阿里 inside the place name 阿里山'],
    ['重大基金项目', '大基金 inside 重大|基金 (major fund)'],
    ['一万达到', '万达 inside 一万|达到 (ten thousand, reaching)'],
    ['千万达成目标', '万达 inside 千万|达成'],
    ['恢复星期一的航班', '复星 inside 恢复|星期'],
    ['色狼队伍', '狼队 inside 色狼|队伍'],
  ])('%s is no mention (%s)', (text) => {
    expect(mentionsIn(text)).toEqual([]);
  });

  it('trade-off: 从中超前三名中 ("from the top three of the league") is missed: 从中|超前 read as words', () => {
    expect(mentionsIn('从中超前三名中')).toEqual([]);
  });

  it('trade-off: 大马竞技场 (an arena in Malaysia) counts as the nickname 马竞', () => {
    expect(mentionsIn('大马竞技场')).toEqual([['atletico', '马竞']]);
  });

  it('trade-off: 大基金会 counts, the segmenter reading 大|基金|会 ("the Big Fund will")', () => {
    expect(mentionsIn('大基金会投资')).toEqual([['big-fund', '大基金']]);
  });
});

describe('names mixing Chinese and Latin', () => {
  it('applies the whole-token rule on the Latin side of 智谱AI', () => {
    expect(mentionsIn('智谱AIx')).toEqual([['zhipu', '智谱']]);
    expect(mentionsIn('智谱AI，发布')).toEqual([['zhipu', '智谱AI']]);
  });

  it('applies the segmenter on the Chinese side of Kimi智能助手 and the token rule on the Latin side', () => {
    expect(mentionsIn('用Kimi智能助手写')).toEqual([['kimi', 'Kimi智能助手']]);
    expect(mentionsIn('MyKimi智能助手')).toEqual([]);
  });

  it('reads the hyphen in 通义千问-72B like any other and folds its variants', () => {
    expect(mentionsIn('通义千问\u201172B的成绩')).toEqual([['qwen-72b', '通义千问\u201172B']]);
    expect(mentionsIn('通义千问-72Bx')).toEqual([['qwen', '通义千问']]);
  });

  it('keeps Chinese names apart from Latin letters and digits around them', () => {
    expect(mentionsIn('2024年中超A组')).toEqual([['csl', '中超']]);
  });
});

describe('boundary decisions do not depend on what the matcher read before', () => {
  it('decides a name with a combining mark inside as its plain spelling, first time or not', () => {
    const text = '万阿\u0301里司';
    const fresh = compileMatcher(ALIASES).find(text);
    const primed = compileMatcher(ALIASES);
    primed.find('万阿里司');
    expect(fresh).toEqual([{ entityId: 'alibaba', start: 1, end: 4 }]);
    expect(primed.find(text)).toEqual(fresh);
  });

  it('decides a longer name on its own when its window equals a shorter name’s', () => {
    // With the mark, 中超 and 中超联赛 have the same window, 里期中超́联赛, and the same start in it.
    expect(mentionsIn('里期中超\u0301联赛')).toEqual([['csl', '中超\u0301联赛']]);
    expect(mentionsIn('里期中超联赛')).toEqual([['csl', '中超联赛']]);
  });

  it('gives the same answers once its caches have filled up and started afresh', () => {
    // A distinct character before 中超 in every text: more probes than the cache holds, some of
    // them crossing the edge (其中, 集中, 期中...) and so sending the hit to a full reading.
    const texts: string[] = [];
    for (let unit = 0x4e00; texts.length < 18000; unit++) {
      texts.push(`${String.fromCharCode(unit)}中超${texts.length % 2 === 0 ? '的' : '过'}`);
    }
    const shared = compileMatcher(ALIASES);
    const firstPass = texts.map((text) => shared.find(text));
    const secondPass = texts.map((text) => shared.find(text));
    expect(secondPass).toEqual(firstPass);
    const found = firstPass.filter((mentions) => mentions.length > 0).length;
    expect(found).toBeGreaterThan(0);
    expect(found).toBeLessThan(texts.length);
    for (let k = 0; k < texts.length; k += 97) {
      expect(compileMatcher(ALIASES).find(texts[k]!)).toEqual(firstPass[k]);
    }
  });
});
