import { figure } from '../make-figure';
import { localText, textValue } from '../make-text';
import type { AuthoredEntity } from '../schema';

// Valuations, flagships, differentiators, backers, revenue and the ratios built on them live in
// the tables; derive-facts.ts adds them to these entities.
export const aiCompanies: AuthoredEntity[] = [
  {
    id: 'zhipu-ai',
    name: localText('Zhipu AI', '智谱AI'),
    description: localText(
      'Beijing lab behind the GLM language models, and the company the article is about.',
      '开发 GLM 系列大模型的北京公司，也是本文的主角。',
    ),
    facts: [
      {
        id: 'architecture',
        label: localText('Technical base', '技术基础'),
        value: textValue(
          'GLM models learn by filling in blanked-out spans of text one token at a time, instead of being plain decoder-only models.',
          'GLM 模型采用自回归空白填充方式训练，而非单纯的仅解码器结构。',
        ),
        sources: ['technical-deep-dive'],
        refs: ['glm-4', 'glm-130b'],
      },
      {
        id: 'state-fund-backing',
        label: localText('State money', '国家资金'),
        value: textValue(
          'A main recipient as the CIIF and the Big Fund put more of their money into AI.',
          '中国互联网投资基金与大基金加码 AI，智谱是主要受益者之一。',
        ),
        sources: ['key-players'],
        refs: ['ciif', 'big-fund'],
      },
      {
        id: 'government-contracts',
        label: localText('Government work', '政府项目'),
        value: textValue(
          'Holds large contracts with provincial governments for smart-city work and with the military for simulation and training.',
          '拿下省级政府智慧城市项目和军方模拟训练应用的大额合同。',
        ),
        sources: ['industry-impact'],
      },
      {
        id: 'chip-dependency',
        label: localText('Chip supply', '芯片供应'),
        value: textValue(
          'Leans heavily on advanced NVIDIA chips, so tighter US export rules could stall training of its next models.',
          '高度依赖英伟达先进芯片，美国出口管制一旦收紧，下一代模型训练可能受阻。',
        ),
        sources: ['risks'],
        refs: ['nvidia'],
      },
      {
        id: 'champion-chance',
        label: localText(
          'Odds of becoming a true national champion (article’s call)',
          '成为真正国家冠军的概率（文章判断）',
        ),
        value: figure(60, 'percent'),
        sources: ['verdict'],
      },
      {
        id: 'next-suning-chance',
        label: localText(
          'Odds of ending up “the next Suning” (article’s call)',
          '沦为“下一个苏宁”的概率（文章判断）',
        ),
        value: figure(40, 'percent'),
        sources: ['verdict'],
        refs: ['suning'],
      },
    ],
    related: [
      'glm-4',
      'glm-4-9b-chat',
      'glm-130b',
      'glm-5',
      'cogvideo',
      'cogview',
      'codegeex',
      'alibaba',
      'tencent',
      'ciif',
      'big-fund',
      'nvidia',
      'baidu',
      'deepseek',
      'moonshot-ai',
    ],
  },
  {
    id: 'baidu',
    name: localText('Baidu', '百度'),
    description: localText(
      'China’s largest search engine company, maker of the ERNIE models.',
      '中国最大的搜索引擎公司，文心大模型的开发者。',
    ),
    facts: [],
    related: ['ernie-4-0', 'zhipu-ai'],
  },
  {
    id: 'alibaba',
    name: localText('Alibaba', '阿里巴巴'),
    description: localText(
      'E-commerce and cloud group that builds the Qwen models and invests in other AI labs.',
      '电商与云计算集团，开发通义千问模型，并投资其他 AI 公司。',
    ),
    facts: [],
    related: ['qwen-2-5', 'qwen-72b', 'zhipu-ai', 'moonshot-ai'],
  },
  {
    id: 'tencent',
    name: localText('Tencent', '腾讯'),
    description: localText(
      'Internet group behind WeChat, named as one of Zhipu’s backers.',
      '微信背后的互联网集团，文中列为智谱的投资方之一。',
    ),
    facts: [],
    related: ['zhipu-ai'],
  },
  {
    id: 'deepseek',
    name: localText('DeepSeek', '深度求索'),
    description: localText(
      'Hangzhou lab known for cheap-to-run open models.',
      '以低成本开源模型著称的杭州 AI 公司。',
    ),
    facts: [
      {
        id: 'valuation-push',
        label: localText('Fundraising', '融资动向'),
        value: textValue(
          'Pulled up by Zhipu’s price tag, it now seeks a valuation that looked out of reach half a year earlier.',
          '受智谱估值带动，正寻求半年前难以想象的估值。',
        ),
        sources: ['industry-impact'],
        refs: ['zhipu-ai'],
      },
    ],
    related: ['deepseek-v2', 'zhipu-ai'],
  },
  {
    id: 'moonshot-ai',
    name: localText('Moonshot AI', '月之暗面'),
    description: localText(
      'Beijing start-up behind the Kimi chatbot.',
      '推出 Kimi 智能助手的北京创业公司。',
    ),
    facts: [
      {
        id: 'valuation-push',
        label: localText('Fundraising', '融资动向'),
        value: textValue(
          'Like DeepSeek, it now asks for a valuation that was out of reach not long ago.',
          '与深度求索一样，正寻求不久前还难以企及的估值。',
        ),
        sources: ['industry-impact'],
        refs: ['zhipu-ai', 'deepseek'],
      },
    ],
    related: ['kimi', 'alibaba', 'hongshan', 'zhipu-ai'],
  },
];
