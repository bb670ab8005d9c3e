import type { Group } from './schema';

/** Display order of the entity groups in the options page, popup and highlight styles. */
export const groupsData: Group[] = [
  { id: 'ai-companies', name: { en: 'AI companies', zh: 'AI 公司' } },
  { id: 'models', name: { en: 'Models and products', zh: '模型与产品' } },
  { id: 'benchmarks', name: { en: 'Benchmarks', zh: '基准测试' } },
  { id: 'football-investors', name: { en: 'Football investors', zh: '足球投资方' } },
  { id: 'clubs-leagues', name: { en: 'Clubs and leagues', zh: '俱乐部与联赛' } },
  { id: 'funds-investors', name: { en: 'Funds and investors', zh: '基金与投资机构' } },
  { id: 'other', name: { en: 'Other', zh: '其他' } },
];
