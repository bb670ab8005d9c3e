import { aliases, caseSensitiveAlias } from './make-alias';
import type { EntityAliases } from './schema';

/**
 * Every entity's id, group and aliases: what the content script needs to find mentions and colour
 * them, on every page. Kept apart from what the card says about each entity (data/entities/), which
 * the content script asks the background for only when a card opens; data/index.ts joins the two.
 */
export const entityAliases: readonly EntityAliases[] = [
  // AI companies
  {
    id: 'zhipu-ai',
    group: 'ai-companies',
    aliases: [
      ...aliases('Zhipu AI', 'Zhipu', 'ZhipuAI', 'Zhipu Huazhang', 'Z.ai'),
      ...aliases('智谱AI', '智谱 AI', '智谱', '智谱华章', '智譜', '智譜AI', '智譜華章'),
    ],
  },
  {
    id: 'baidu',
    group: 'ai-companies',
    aliases: aliases('Baidu', 'Baidu Inc', '百度', '百度公司'),
  },
  {
    id: 'alibaba',
    group: 'ai-companies',
    aliases: aliases('Alibaba', 'Alibaba Group', '阿里巴巴', '阿里巴巴集团', '阿里'),
  },
  {
    id: 'tencent',
    group: 'ai-companies',
    aliases: aliases('Tencent', 'Tencent Holdings', '腾讯', '腾讯控股', '騰訊', '騰訊控股'),
  },
  {
    id: 'deepseek',
    group: 'ai-companies',
    aliases: aliases('DeepSeek', 'DeepSeek AI', '深度求索', '杭州深度求索'),
  },
  {
    id: 'moonshot-ai',
    group: 'ai-companies',
    aliases: [
      ...aliases('Moonshot AI', '月之暗面', '月之暗面科技'),
      // "moonshot" is an everyday word ("a moonshot project"), so only the capitalised name.
      caseSensitiveAlias('Moonshot'),
    ],
  },
  // Models and products
  // Family names that cover several models are not aliases: bare "GLM" (five GLM entities here),
  // bare "Qwen" / "通义千问" (the article names two different Qwen models, so a bare mention could
  // be either; "Qwen3" would be neither), bare "Claude" (a common first name) and "Claude 3" (a
  // family of three; it would also catch "Claude 3.5"). ERNIE is the exception: the article names a
  // single ERNIE model, and Baidu's chatbot (文心一言, ERNIE Bot) runs it, so those names point to it.
  {
    id: 'glm-4',
    group: 'models',
    aliases: aliases('GLM-4', 'GLM4', 'GLM 4'),
  },
  {
    id: 'glm-4-9b-chat',
    group: 'models',
    // The base GLM-4-9B is listed here too: without it, "GLM-4-9B" would read as GLM-4.
    aliases: aliases('GLM-4-9B-Chat', 'GLM4-9B-Chat', 'GLM-4-9B', 'GLM4-9B'),
  },
  {
    id: 'glm-130b',
    group: 'models',
    aliases: aliases('GLM-130B', 'GLM 130B', 'GLM130B'),
  },
  {
    id: 'glm-5',
    group: 'models',
    aliases: aliases('GLM-5', 'GLM5', 'GLM 5'),
  },
  {
    id: 'cogvideo',
    group: 'models',
    // CogVideoX is the current model published in the same repository.
    aliases: aliases('CogVideo', 'CogVideoX'),
  },
  {
    id: 'cogview',
    group: 'models',
    aliases: aliases('CogView'),
  },
  {
    id: 'codegeex',
    group: 'models',
    aliases: aliases('CodeGeeX'),
  },
  {
    id: 'gpt-4',
    group: 'models',
    aliases: aliases('GPT-4', 'GPT4', 'GPT 4'),
  },
  {
    id: 'claude-3-opus',
    group: 'models',
    aliases: aliases('Claude 3 Opus', 'Claude-3-Opus', 'Claude Opus 3'),
  },
  {
    id: 'qwen-72b',
    group: 'models',
    aliases: aliases(
      'Qwen-72B',
      'Qwen 72B',
      'Qwen72B',
      '通义千问-72B',
      '通义千问72B',
      '通義千問-72B',
    ),
  },
  {
    id: 'qwen-2-5',
    group: 'models',
    aliases: aliases(
      'Qwen 2.5',
      'Qwen2.5',
      'Qwen-2.5',
      '通义千问2.5',
      '通义千问 2.5',
      '通義千問2.5',
    ),
  },
  {
    id: 'llama-3-8b',
    group: 'models',
    aliases: aliases(
      'Llama-3-8B',
      'Llama 3 8B',
      'Llama3-8B',
      'Llama-3 8B',
      'Llama 3-8B',
      'Meta-Llama-3-8B',
    ),
  },
  {
    id: 'ernie-4-0',
    group: 'models',
    aliases: [
      ...aliases(
        'ERNIE 4.0',
        'ERNIE-4.0',
        'ERNIE Bot',
        '文心大模型4.0',
        '文心4.0',
        '文心一言',
        '文心大模型',
      ),
      // "Ernie" is a first name; only the all-caps model name counts.
      caseSensitiveAlias('ERNIE'),
    ],
  },
  {
    id: 'deepseek-v2',
    group: 'models',
    aliases: aliases('DeepSeek-V2', 'DeepSeek V2', 'DeepSeekV2'),
  },
  {
    id: 'kimi',
    group: 'models',
    aliases: [
      ...aliases('Kimi Chat', 'Kimi AI', 'Kimi智能助手'),
      // The product's only short name. Case-sensitive keeps "kimi" out; the first name
      // (Kimi Räikkönen) still matches, which is why the entity can be switched off.
      caseSensitiveAlias('Kimi'),
    ],
  },
  // Benchmarks
  {
    id: 'mmlu',
    group: 'benchmarks',
    aliases: aliases('MMLU'),
  },
  {
    id: 'c-eval',
    group: 'benchmarks',
    aliases: aliases('C-Eval', 'CEval'),
  },
  {
    id: 'gsm8k',
    group: 'benchmarks',
    aliases: aliases('GSM8K', 'GSM-8K', 'GSM 8K'),
  },
  {
    id: 'humaneval',
    group: 'benchmarks',
    aliases: aliases('HumanEval', 'Human-Eval'),
  },
  {
    id: 'chatbot-arena',
    group: 'benchmarks',
    aliases: aliases('Chatbot Arena', 'LMSYS Chatbot Arena', 'LMArena', 'LM Arena', '大模型竞技场'),
  },
  // Football investors
  {
    id: 'suning',
    group: 'football-investors',
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
  },
  {
    id: 'fosun',
    group: 'football-investors',
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
  },
  {
    id: 'dalian-wanda',
    group: 'football-investors',
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
  },
  // Clubs and leagues
  {
    id: 'inter-milan',
    group: 'clubs-leagues',
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
  },
  {
    id: 'wolves',
    group: 'clubs-leagues',
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
  },
  {
    id: 'atletico-madrid',
    group: 'clubs-leagues',
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
  },
  {
    id: 'chinese-super-league',
    group: 'clubs-leagues',
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
  },
  // Funds and investors
  {
    id: 'ciif',
    group: 'funds-investors',
    aliases: aliases(
      'China Internet Investment Fund',
      'CIIF',
      '中国互联网投资基金',
      '中國互聯網投資基金',
    ),
  },
  {
    id: 'big-fund',
    group: 'funds-investors',
    aliases: [
      ...aliases(
        'National Integrated Circuit Industry Investment Fund',
        'China Integrated Circuit Industry Investment Fund',
        '国家集成电路产业投资基金',
        '國家集成電路產業投資基金',
        '大基金',
      ),
      // Lowercase "big fund" is an ordinary phrase.
      caseSensitiveAlias('Big Fund'),
    ],
  },
  {
    id: 'hongshan',
    group: 'funds-investors',
    aliases: [
      ...aliases(
        'HongShan Capital Group',
        'HongShan Capital',
        'Sequoia Capital China',
        'Sequoia China',
        '红杉中国',
        '紅杉中國',
        '红杉资本中国',
      ),
      // "Hongshan" is also a district of Wuhan; the firm writes its name with a capital S.
      caseSensitiveAlias('HongShan'),
    ],
  },
  {
    id: 'oaktree-capital',
    group: 'funds-investors',
    aliases: aliases(
      'Oaktree Capital Management',
      'Oaktree Capital',
      'Oaktree',
      '橡树资本',
      '橡樹資本',
    ),
  },
  // Other
  {
    id: 'nvidia',
    group: 'other',
    aliases: aliases('NVIDIA', 'NVIDIA Corporation', 'Nvidia Corp', '英伟达', '英偉達', '輝達'),
  },
];
