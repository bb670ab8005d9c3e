import { localText, textValue } from '../make-text';
import type { AuthoredEntity } from '../schema';

export const fundsAndInvestors: AuthoredEntity[] = [
  {
    id: 'ciif',
    name: localText('China Internet Investment Fund', '中国互联网投资基金'),
    description: localText(
      'State-backed fund that invests in internet and technology companies.',
      '投资互联网与科技企业的国家背景基金。',
    ),
    facts: [
      {
        id: 'ai-allocation',
        label: localText('AI bets', 'AI 投资'),
        value: textValue(
          'Has raised its allocation to AI, with Zhipu among the main recipients.',
          '已加大对 AI 的配置，智谱是主要受益者之一。',
        ),
        sources: ['key-players'],
        refs: ['zhipu-ai'],
      },
    ],
    related: ['big-fund', 'zhipu-ai'],
  },
  {
    id: 'big-fund',
    name: localText(
      'National Integrated Circuit Industry Investment Fund',
      '国家集成电路产业投资基金',
    ),
    description: localText(
      'China’s state fund for the chip industry, nicknamed the “Big Fund”.',
      '国家设立的集成电路产业基金，俗称“大基金”。',
    ),
    facts: [
      {
        id: 'ai-allocation',
        label: localText('AI bets', 'AI 投资'),
        value: textValue(
          'Now puts more into AI too; Zhipu is one of the main winners.',
          '同样加码 AI，智谱是主要受益方之一。',
        ),
        sources: ['key-players'],
        refs: ['zhipu-ai'],
      },
    ],
    related: ['ciif', 'zhipu-ai', 'nvidia'],
  },
  {
    id: 'hongshan',
    name: localText('HongShan', '红杉中国'),
    description: localText(
      'Venture capital firm formerly known as Sequoia China.',
      '风险投资机构，前身为红杉资本中国基金。',
    ),
    facts: [],
    related: ['moonshot-ai'],
  },
  {
    id: 'oaktree-capital',
    name: localText('Oaktree Capital', '橡树资本'),
    description: localText(
      'US investment firm that lent to Suning and ended up with Inter Milan.',
      '美国投资机构，曾向苏宁放贷，最终接手国际米兰。',
    ),
    facts: [],
    related: ['suning', 'inter-milan'],
  },
];

export const others: AuthoredEntity[] = [
  {
    id: 'nvidia',
    name: localText('NVIDIA', '英伟达'),
    description: localText(
      'US maker of the AI chips that Chinese labs train their models on.',
      '美国芯片公司，中国 AI 公司训练模型所用芯片的供应商。',
    ),
    facts: [
      {
        id: 'zhipu-exposure',
        label: localText('Risk for Zhipu', '对智谱的风险'),
        value: textValue(
          'Zhipu depends on its advanced chips; any tightening of US export controls could cripple training.',
          '智谱依赖其先进芯片，美国出口管制一旦升级，模型训练可能严重受阻。',
        ),
        sources: ['risks'],
        refs: ['zhipu-ai'],
      },
    ],
    related: ['zhipu-ai'],
  },
];
