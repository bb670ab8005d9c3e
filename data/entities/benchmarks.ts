import { localText, textValue } from '../make-text';
import type { AuthoredEntity } from '../schema';

// Each benchmark's scores and evaluation setting come from the benchmark table (derive-facts.ts).
export const benchmarks: AuthoredEntity[] = [
  {
    id: 'mmlu',
    name: localText('MMLU', 'MMLU'),
    description: localText(
      'Multiple-choice test of knowledge across dozens of school and professional subjects.',
      '覆盖数十个学科与专业领域的多项选择知识测试。',
    ),
    facts: [],
    related: ['c-eval'],
  },
  {
    id: 'c-eval',
    name: localText('C-Eval', 'C-Eval'),
    description: localText(
      'Chinese-language exam benchmark for language models.',
      '面向大模型的中文考试类基准测试。',
    ),
    facts: [
      {
        id: 'home-ground',
        label: localText('In the article', '文中解读'),
        value: textValue(
          'The Chinese-centric test, and the only one where GLM-4 comes first: a sign Zhipu tunes for the home market.',
          '偏重中文的测试，也是 GLM-4 唯一领先的一项，说明智谱主要针对国内市场优化。',
        ),
        sources: ['benchmark-takeaway'],
        refs: ['glm-4', 'zhipu-ai'],
      },
    ],
    related: ['mmlu', 'glm-4'],
  },
  {
    id: 'gsm8k',
    name: localText('GSM8K', 'GSM8K'),
    description: localText(
      'Grade-school maths word problems that test step-by-step reasoning.',
      '考查逐步推理能力的小学数学应用题。',
    ),
    facts: [],
    related: ['humaneval'],
  },
  {
    id: 'humaneval',
    name: localText('HumanEval', 'HumanEval'),
    description: localText(
      'Python programming tasks checked by unit tests.',
      '以单元测试判定的 Python 编程题。',
    ),
    facts: [],
    related: ['gsm8k', 'codegeex'],
  },
  {
    id: 'chatbot-arena',
    name: localText('Chatbot Arena', 'Chatbot Arena'),
    description: localText(
      'Public leaderboard that ranks chatbots by people’s votes in blind head-to-head chats.',
      '依据用户在匿名对战中的投票为聊天模型排名的公开排行榜。',
    ),
    facts: [
      {
        id: 'glm-5-test',
        label: localText('In the article', '文中角色'),
        value: textValue(
          'The leaderboard the article names as GLM-5’s proving ground.',
          '文章视为 GLM-5 试金石的排行榜。',
        ),
        sources: ['verdict'],
        refs: ['glm-5'],
      },
    ],
    related: ['glm-5'],
  },
];
