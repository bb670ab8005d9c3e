import { cellsFrom, figure } from '../make-figure';
import type { LandscapeTable } from '../schema';

const SOURCE = 'competitive-table';
const cell = cellsFrom(SOURCE);
/** The valuation column is headed "(est.)": every valuation in it is an estimate. */
const valuation = (yuan: number) => cell(figure(yuan, 'CNY', { estimated: true }));

export const landscapeTableData: LandscapeTable = {
  source: SOURCE,
  caption: {
    en: 'Competitive landscape',
    zh: '竞争格局',
  },
  rows: [
    {
      companyId: 'zhipu-ai',
      flagshipModelId: 'glm-4',
      valuation: valuation(1e12),
      differentiator: {
        text: {
          en: 'Its own GLM architecture, an open-source ecosystem, the national story',
          zh: '自研 GLM 架构、开源生态、国家叙事',
        },
        source: SOURCE,
      },
      funding: {
        text: { en: 'State-backed funds, Alibaba, Tencent', zh: '国资背景基金、阿里巴巴、腾讯' },
        funderIds: ['alibaba', 'tencent'],
        source: SOURCE,
      },
    },
    {
      companyId: 'baidu',
      flagshipModelId: 'ernie-4-0',
      valuation: valuation(500e9),
      differentiator: {
        text: { en: 'Built into search, self-driving cars', zh: '与搜索深度整合、自动驾驶' },
        source: SOURCE,
      },
      funding: {
        text: { en: 'Listed on public markets', zh: '公开市场（上市公司）' },
        funderIds: [],
        source: SOURCE,
      },
    },
    {
      companyId: 'alibaba',
      flagshipModelId: 'qwen-2-5',
      valuation: valuation(800e9),
      differentiator: {
        text: { en: 'Tied into its cloud, e-commerce', zh: '与云服务整合、电商' },
        source: SOURCE,
      },
      funding: {
        text: { en: 'Listed on public markets', zh: '公开市场（上市公司）' },
        funderIds: [],
        source: SOURCE,
      },
    },
    {
      companyId: 'deepseek',
      flagshipModelId: 'deepseek-v2',
      valuation: valuation(200e9),
      differentiator: {
        text: { en: 'Cost-efficient, open-source', zh: '成本效率高、开源' },
        source: SOURCE,
      },
      funding: {
        text: { en: 'Private backers', zh: '私人投资者' },
        funderIds: [],
        source: SOURCE,
      },
    },
    {
      companyId: 'moonshot-ai',
      flagshipModelId: 'kimi',
      valuation: valuation(150e9),
      differentiator: {
        text: { en: 'Long-context handling', zh: '超长上下文处理' },
        source: SOURCE,
      },
      funding: {
        text: { en: 'Alibaba, HongShan', zh: '阿里巴巴、红杉中国' },
        funderIds: ['alibaba', 'hongshan'],
        source: SOURCE,
      },
    },
  ],
};
