import { aliases, caseSensitiveAlias } from '../make-alias';
import { localText, textValue } from '../make-text';
import type { AuthoredEntity } from '../schema';

// Stakes, prices, years, outcomes and losses come from the football table (derive-facts.ts).
export const footballInvestors: AuthoredEntity[] = [
  {
    id: 'suning',
    group: 'football-investors',
    name: localText('Suning Holdings Group', '苏宁控股集团'),
    aliases: aliases(
      'Suning Holdings Group',
      'Suning Holdings',
      'Suning',
      '苏宁控股集团',
      '苏宁控股',
      '苏宁',
      '蘇寧控股集團',
      '蘇寧控股',
      '蘇寧',
    ),
    description: localText(
      'Chinese retail group that bought control of Inter Milan.',
      '收购国际米兰控股权的中国零售集团。',
    ),
    facts: [
      {
        id: 'ai-pivot',
        label: localText('Since football', '足球之后'),
        value: textValue(
          'Despite the Inter debacle, it has put money into AI start-ups through its venture arm.',
          '尽管在国际米兰上惨败，仍通过旗下创投部门投资 AI 初创公司。',
        ),
        sources: ['key-players'],
      },
    ],
    related: ['inter-milan', 'oaktree-capital', 'zhipu-ai'],
  },
  {
    id: 'fosun',
    group: 'football-investors',
    name: localText('Fosun International', '复星国际'),
    aliases: aliases(
      'Fosun International',
      'Fosun',
      'Fosun Group',
      '复星国际',
      '复星集团',
      '复星',
      '復星國際',
      '復星集團',
      '復星',
    ),
    description: localText(
      'Shanghai conglomerate that owns Wolverhampton Wanderers.',
      '拥有伍尔弗汉普顿流浪者的上海综合企业集团。',
    ),
    facts: [],
    related: ['wolves'],
  },
  {
    id: 'dalian-wanda',
    group: 'football-investors',
    name: localText('Dalian Wanda Group', '大连万达集团'),
    // Bare "Wanda" / 万达 is left out: a first name in English, and in Chinese it also names
    // the group's many malls and cinemas, which are not this football investor.
    aliases: aliases(
      'Dalian Wanda Group',
      'Dalian Wanda',
      'Wanda Group',
      '大连万达集团',
      '大连万达',
      '万达集团',
      '大連萬達集團',
      '大連萬達',
      '萬達集團',
    ),
    description: localText(
      'Property and entertainment group that once held a stake in Atlético Madrid.',
      '曾持有马德里竞技股份的地产与文娱集团。',
    ),
    facts: [],
    related: ['atletico-madrid'],
  },
];

export const clubsAndLeagues: AuthoredEntity[] = [
  {
    id: 'inter-milan',
    group: 'clubs-leagues',
    name: localText('Inter Milan', '国际米兰'),
    // Bare "Inter" is not an alias: it is a common word and prefix (Inter-American, inter alia).
    // Nor is bare "Internazionale": it is the Italian for "international" (Aeroporto
    // Internazionale), so only the club's full forms count.
    aliases: aliases(
      'Inter Milan',
      'Inter Milano',
      'FC Internazionale Milano',
      'FC Internazionale',
      'Internazionale Milano',
      '国际米兰',
      '國際米蘭',
      '国米',
    ),
    description: localText(
      'Milan football club that Suning controlled and then lost to its lender.',
      '米兰的足球俱乐部，苏宁曾控股，后被债权方接手。',
    ),
    facts: [],
    related: ['suning', 'oaktree-capital'],
  },
  {
    id: 'wolves',
    group: 'clubs-leagues',
    name: localText('Wolverhampton Wanderers', '伍尔弗汉普顿流浪者'),
    // "Wolverhampton" alone is also the city; on this topic the club is the usual meaning.
    aliases: [
      ...aliases(
        'Wolverhampton Wanderers',
        'Wolverhampton',
        '伍尔弗汉普顿流浪者',
        '伍尔弗汉普顿',
        '狼队',
        '伍爾弗漢普頓流浪者',
        '伍爾弗漢普頓',
        '狼隊',
      ),
      // Lowercase "wolves" is the animal.
      caseSensitiveAlias('Wolves'),
    ],
    description: localText('English football club owned by Fosun.', '复星旗下的英格兰足球俱乐部。'),
    facts: [],
    related: ['fosun'],
  },
  {
    id: 'atletico-madrid',
    group: 'clubs-leagues',
    name: localText('Atlético Madrid', '马德里竞技'),
    aliases: [
      ...aliases(
        'Atlético Madrid',
        'Atletico Madrid',
        'Atlético de Madrid',
        'Atletico de Madrid',
        'Club Atlético de Madrid',
        '马德里竞技',
        '馬德里競技',
        '马竞',
      ),
      // Lowercase "atleti" is the Italian for "athletes".
      caseSensitiveAlias('Atleti'),
    ],
    description: localText(
      'Spanish football club in which Wanda held a stake.',
      '万达曾入股的西班牙足球俱乐部。',
    ),
    facts: [],
    related: ['dalian-wanda'],
  },
  {
    id: 'chinese-super-league',
    group: 'clubs-leagues',
    name: localText('Chinese Super League', '中国足球超级联赛'),
    // "CSL" is not an alias: it is also a large pharmaceutical company and many other things.
    aliases: aliases(
      'Chinese Super League',
      'China Super League',
      '中国足球超级联赛',
      '中超联赛',
      '中超',
      '中國足球超級聯賽',
      '中超聯賽',
    ),
    description: localText(
      'China’s top football division, the face of the overseas club-buying spree.',
      '中国顶级足球联赛，海外收购热潮的代表。',
    ),
    facts: [
      {
        id: 'disillusion',
        label: localText('In the article', '文中角色'),
        value: textValue(
          'The collapse of its clubs’ spending spree left disappointed capital looking for a new national cause.',
          '中超烧钱热潮的崩塌，让失望的资本转而寻找新的民族寄托。',
        ),
        sources: ['key-players'],
      },
    ],
    related: ['suning', 'fosun', 'dalian-wanda'],
  },
];
