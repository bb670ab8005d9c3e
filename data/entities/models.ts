import { figure } from '../make-figure';
import { localText, textValue } from '../make-text';
import type { AuthoredEntity } from '../schema';

export const models: AuthoredEntity[] = [
  {
    id: 'glm-4',
    name: localText('GLM-4', 'GLM-4'),
    description: localText(
      'Zhipu’s current flagship series of large language models.',
      '智谱当前的旗舰大语言模型系列。',
    ),
    facts: [
      {
        id: 'strengths',
        label: localText('Where it stands', '强弱项'),
        value: textValue(
          'Tops the table on the Chinese-focused C-Eval but trails GPT-4 and Claude 3 Opus on maths (GSM8K) and coding (HumanEval).',
          '在侧重中文的 C-Eval 上居首，但在数学（GSM8K）和编程（HumanEval）上落后于 GPT-4 与 Claude 3 Opus。',
        ),
        sources: ['benchmark-takeaway', 'risks'],
        refs: ['c-eval', 'gsm8k', 'humaneval', 'gpt-4', 'claude-3-opus'],
      },
    ],
    related: [
      'zhipu-ai',
      'glm-4-9b-chat',
      'glm-130b',
      'glm-5',
      'gpt-4',
      'claude-3-opus',
      'qwen-72b',
    ],
  },
  {
    id: 'glm-4-9b-chat',
    name: localText('GLM-4-9B-Chat', 'GLM-4-9B-Chat'),
    description: localText(
      'Small open-source chat model from Zhipu’s GLM-4 family.',
      '智谱 GLM-4 系列中的小型开源对话模型。',
    ),
    facts: [
      {
        id: 'parameters',
        label: localText('Parameters', '参数量'),
        value: figure(9e9, 'parameters'),
        sources: ['technical-deep-dive'],
      },
      {
        id: 'github-stars',
        label: localText('GitHub stars', 'GitHub 星标'),
        value: figure(15_000, 'stars', { bound: 'over' }),
        sources: ['technical-deep-dive'],
      },
      {
        id: 'standing',
        label: localText('Standing', '表现'),
        value: textValue(
          'Keeps up with bigger models such as Llama-3-8B; Chinese developers use it widely for fine-tuning and deployment.',
          '可与 Llama-3-8B 等更大的模型一较高下，国内开发者广泛用它做微调和部署。',
        ),
        sources: ['technical-deep-dive'],
        refs: ['llama-3-8b'],
      },
    ],
    related: ['zhipu-ai', 'glm-4', 'llama-3-8b'],
  },
  {
    id: 'glm-130b',
    name: localText('GLM-130B', 'GLM-130B'),
    description: localText(
      'The first large model of Zhipu’s GLM line.',
      '智谱 GLM 系列的第一个大模型。',
    ),
    facts: [
      {
        id: 'lineage',
        label: localText('Lineage', '沿革'),
        value: textValue(
          'Where the GLM family started; it led to today’s GLM-4 series.',
          'GLM 家族的起点，后来演进为如今的 GLM-4 系列。',
        ),
        sources: ['technical-deep-dive'],
        refs: ['glm-4'],
      },
    ],
    related: ['zhipu-ai', 'glm-4'],
  },
  {
    id: 'glm-5',
    name: localText('GLM-5', 'GLM-5'),
    description: localText(
      'Zhipu’s next GLM model, the one the article says to watch.',
      '智谱的下一代 GLM 模型，文章认为最值得关注。',
    ),
    facts: [
      {
        id: 'expected-release',
        label: localText('Expected', '预计发布'),
        value: textValue('Late 2025', '2025 年底'),
        sources: ['verdict'],
      },
      {
        id: 'arena-test',
        label: localText('The test it faces', '面临的考验'),
        value: textValue(
          'A top-three place on the Chatbot Arena leaderboard would secure Zhipu’s story.',
          '若能跻身 Chatbot Arena 排行榜前三，智谱的叙事就稳了。',
        ),
        sources: ['verdict'],
        refs: ['chatbot-arena'],
      },
    ],
    related: ['zhipu-ai', 'glm-4', 'chatbot-arena'],
  },
  {
    id: 'cogvideo',
    name: localText('CogVideo', 'CogVideo'),
    description: localText('Zhipu’s open-source text-to-video model.', '智谱的开源文生视频模型。'),
    facts: [
      {
        id: 'github-stars',
        label: localText('GitHub stars', 'GitHub 星标'),
        value: figure(8_000, 'stars', { bound: 'over' }),
        sources: ['technical-deep-dive'],
      },
      {
        id: 'world-model',
        label: localText('Direction', '发展方向'),
        value: textValue(
          'Being merged with CogView into one world model; produces coherent videos with several scenes.',
          '正与 CogView 整合为统一的世界模型；能生成连贯的多场景视频。',
        ),
        sources: ['technical-deep-dive'],
        refs: ['cogview'],
      },
    ],
    related: ['zhipu-ai', 'cogview'],
  },
  {
    id: 'cogview',
    name: localText('CogView', 'CogView'),
    description: localText('Zhipu’s text-to-image model.', '智谱的文生图模型。'),
    facts: [
      {
        id: 'world-model',
        label: localText('Direction', '发展方向'),
        value: textValue(
          'Being folded, together with CogVideo, into a single world model.',
          '正与 CogVideo 一起并入统一的世界模型。',
        ),
        sources: ['technical-deep-dive'],
        refs: ['cogvideo'],
      },
    ],
    related: ['zhipu-ai', 'cogvideo'],
  },
  {
    id: 'codegeex',
    name: localText('CodeGeeX', 'CodeGeeX'),
    description: localText('Zhipu’s code-generation model.', '智谱的代码生成模型。'),
    facts: [
      {
        id: 'positioning',
        label: localText('Positioning', '定位'),
        value: textValue(
          'Takes on GitHub Copilot, aimed at Chinese programming contexts and many programming languages.',
          '对标 GitHub Copilot，侧重中文编程场景，支持多种编程语言。',
        ),
        sources: ['technical-deep-dive'],
      },
    ],
    related: ['zhipu-ai'],
  },
  {
    id: 'gpt-4',
    name: localText('GPT-4', 'GPT-4'),
    description: localText(
      'OpenAI’s frontier model, the article’s main yardstick.',
      'OpenAI 的前沿模型，文中主要的比较基准。',
    ),
    facts: [
      {
        id: 'moment',
        label: localText('As a milestone', '作为里程碑'),
        value: textValue(
          'The article says Zhipu needs a “GPT-4 moment”: a release good enough to silence doubters.',
          '文章认为智谱需要一个“GPT-4 时刻”，即足以让质疑者闭嘴的产品。',
        ),
        sources: ['verdict'],
        refs: ['zhipu-ai'],
      },
    ],
    related: ['glm-4', 'claude-3-opus'],
  },
  {
    id: 'claude-3-opus',
    name: localText('Claude 3 Opus', 'Claude 3 Opus'),
    description: localText(
      'Anthropic’s largest Claude 3 model, a frontier yardstick in the article.',
      'Anthropic 最大的 Claude 3 模型，文中的前沿参照。',
    ),
    facts: [],
    related: ['glm-4', 'gpt-4'],
  },
  {
    id: 'qwen-72b',
    name: localText('Qwen-72B', '通义千问-72B'),
    description: localText(
      'Large open model from Alibaba’s Qwen family.',
      '阿里巴巴通义千问家族的大型开源模型。',
    ),
    facts: [],
    related: ['alibaba', 'qwen-2-5', 'glm-4'],
  },
  {
    id: 'qwen-2-5',
    name: localText('Qwen 2.5', '通义千问2.5'),
    description: localText(
      'The Qwen generation the article lists as Alibaba’s flagship.',
      '文中列为阿里巴巴旗舰的通义千问版本。',
    ),
    facts: [],
    related: ['alibaba', 'qwen-72b'],
  },
  {
    id: 'llama-3-8b',
    name: localText('Llama-3-8B', 'Llama-3-8B'),
    description: localText('Meta’s small open-weights model.', 'Meta 的小型开放权重模型。'),
    facts: [
      {
        id: 'yardstick',
        label: localText('In the article', '文中角色'),
        value: textValue(
          'The bigger rival that GLM-4-9B-Chat is said to keep up with.',
          '文中称 GLM-4-9B-Chat 可与之抗衡的更大模型。',
        ),
        sources: ['technical-deep-dive'],
        refs: ['glm-4-9b-chat'],
      },
    ],
    related: ['glm-4-9b-chat'],
  },
  {
    id: 'ernie-4-0',
    name: localText('ERNIE 4.0', '文心大模型4.0'),
    description: localText(
      'Baidu’s large language model; it powers the ERNIE Bot chatbot.',
      '百度的大语言模型，文心一言聊天机器人背后的模型。',
    ),
    facts: [],
    related: ['baidu'],
  },
  {
    id: 'deepseek-v2',
    name: localText('DeepSeek-V2', 'DeepSeek-V2'),
    description: localText(
      'DeepSeek’s open mixture-of-experts model.',
      '深度求索的开源混合专家模型。',
    ),
    facts: [],
    related: ['deepseek'],
  },
  {
    id: 'kimi',
    name: localText('Kimi', 'Kimi'),
    description: localText(
      'Moonshot AI’s chatbot, known for reading very long inputs.',
      '月之暗面的智能助手，以超长文本处理见长。',
    ),
    facts: [],
    related: ['moonshot-ai'],
  },
];
