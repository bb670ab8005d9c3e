import { localText, textValue } from '../make-text';
import type { AuthoredEntity } from '../schema';

// Stakes, prices, years, outcomes and losses come from the football table (derive-facts.ts).
export const footballInvestors: AuthoredEntity[] = [
  {
    id: 'suning',
    name: localText('Suning Holdings Group', '苏宁控股集团'),
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
    name: localText('Fosun International', '复星国际'),
    description: localText(
      'Shanghai conglomerate that owns Wolverhampton Wanderers.',
      '拥有伍尔弗汉普顿流浪者的上海综合企业集团。',
    ),
    facts: [],
    related: ['wolves'],
  },
  {
    id: 'dalian-wanda',
    name: localText('Dalian Wanda Group', '大连万达集团'),
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
    name: localText('Inter Milan', '国际米兰'),
    description: localText(
      'Milan football club that Suning controlled and then lost to its lender.',
      '米兰的足球俱乐部，苏宁曾控股，后被债权方接手。',
    ),
    facts: [],
    related: ['suning', 'oaktree-capital'],
  },
  {
    id: 'wolves',
    name: localText('Wolverhampton Wanderers', '伍尔弗汉普顿流浪者'),
    description: localText('English football club owned by Fosun.', '复星旗下的英格兰足球俱乐部。'),
    facts: [],
    related: ['fosun'],
  },
  {
    id: 'atletico-madrid',
    name: localText('Atlético Madrid', '马德里竞技'),
    description: localText(
      'Spanish football club in which Wanda held a stake.',
      '万达曾入股的西班牙足球俱乐部。',
    ),
    facts: [],
    related: ['dalian-wanda'],
  },
  {
    id: 'chinese-super-league',
    name: localText('Chinese Super League', '中国足球超级联赛'),
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
