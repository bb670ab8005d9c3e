import type { UiLang } from '../../core/ui-language';

const en = {
  appName: 'Zhipu Facts',
  views: {
    page: 'On this page',
    models: 'Models',
    companies: 'Companies',
    market: 'Market',
    football: 'Football',
  },
  viewsLabel: 'Views',
  openInTab: 'Open in a tab',
  openInTabLabel: 'Open these tables in a browser tab',
  switches: {
    site: 'Highlight on this site',
    siteUnknown: 'Not available: the extension cannot run on this page.',
    extension: 'Extension on',
    saveFailed: 'The setting could not be saved.',
  },
  source: (title: string, published: string, part: string) =>
    `Source: “${title}” (${published}): ${part}.`,
  listSeparator: '; ',
  page: {
    heading: 'Entities mentioned on this page',
    loading: 'Looking at the page…',
    noTab: 'There is no page to look at: open this from the toolbar button while a page is shown.',
    unavailable:
      'Zhipu Facts cannot run on this page. Browsers keep extensions out of their own pages (settings, new tabs, about: pages), the extension stores and the built-in PDF viewer. A page opened before the extension was installed or updated needs a reload.',
    none: 'No company, model, fund or club from the article is mentioned on this page.',
    off: 'Highlighting is off here, so this page was not searched. Turn it on with the switches above.',
    mentionCount: (count: number, text: string) =>
      count === 1 ? `${text} mention` : `${text} mentions`,
    total: (entities: number, entitiesText: string, mentions: number, mentionsText: string) =>
      `${entitiesText} ${entities === 1 ? 'entity' : 'entities'}, ${mentionsText} ${mentions === 1 ? 'mention' : 'mentions'}.`,
    writtenAs: (text: string) => `as “${text}”`,
    revealHint: 'Select one to scroll to its next mention and open its card.',
    refresh: 'Refresh',
    revealFailed: 'The page did not respond; reload it and try again.',
  },
  models: {
    model: 'Model',
    parameters: 'Parameters',
    chartTitle: 'Benchmark scores by model',
    chartSummary:
      'Grouped bars: for each benchmark, one bar per model, higher is better; a dash marks a score the article does not report.',
  },
  companies: {
    company: 'Company',
    flagship: 'Flagship model',
    valuation: 'Valuation',
    differentiator: 'Differentiator',
    funding: 'Funding',
    chartTitle: 'Estimated valuation by company',
    chartSummary: 'Horizontal bars of each company’s estimated valuation, in yuan.',
    derivedHeading: (company: string) => `What ${company}’s figures imply`,
    derivedNote: 'Worked out here from the article’s tables, not copied from its text.',
  },
  market: {
    year: 'Year',
    projectedNote: 'proj. = projected by the article, not yet measured.',
    chartsTitle: 'Two trends, each on its own scale',
    chartsNote:
      'Each chart has its own yuan axis starting at zero: the AI market is measured in hundreds of billions, football investment in billions. Hollow points and dashed lines are projections.',
    trendSummary: (label: string) => `Line chart of ${label} by year, in yuan.`,
    projected: 'projected',
  },
  football: {
    investor: 'Investor',
    club: 'Club',
    stake: 'Stake',
    price: 'Price',
    year: 'Year',
    outcome: 'Outcome',
    losses: 'Losses',
    spree: (league: string, spent: string, from: string, to: string) =>
      `From ${from} to ${to}, Chinese companies spent ${spent} buying into European clubs: the ${league}’s overseas spree.`,
    outcomeIn: (year: string) => `in ${year}`,
    laterInvestment: (amount: string) => `then put in ${amount}`,
    defaulted: (amount: string, lender: string) => `defaulted on a ${amount} loan from ${lender}`,
  },
};

export type PopupStrings = typeof en;

const zh: PopupStrings = {
  appName: '智谱事实卡',
  views: {
    page: '本页提及',
    models: '模型',
    companies: '公司',
    market: '市场',
    football: '足球',
  },
  viewsLabel: '视图',
  openInTab: '在标签页中打开',
  openInTabLabel: '在浏览器标签页中打开这些表格',
  switches: {
    site: '在此网站上高亮',
    siteUnknown: '不可用：扩展无法在此页面运行。',
    extension: '启用扩展',
    saveFailed: '设置未能保存。',
  },
  source: (title, published, part) => `来源：《${title}》（${published}），${part}。`,
  listSeparator: '；',
  page: {
    heading: '本页提到的实体',
    loading: '正在查看页面…',
    noTab: '没有可查看的页面：请在显示网页时点击工具栏按钮打开。',
    unavailable:
      '智谱事实卡无法在此页面运行。浏览器不允许扩展进入其自身页面（设置页、新标签页、about: 页面）、扩展商店和内置 PDF 阅读器。在安装或更新扩展之前打开的页面需要刷新。',
    none: '此页面没有提到文章中的任何公司、模型、基金或俱乐部。',
    off: '此处的高亮已关闭，因此未搜索此页面。可用上方的开关重新打开。',
    mentionCount: (_count, text) => `${text} 处提及`,
    total: (_entities, entitiesText, _mentions, mentionsText) =>
      `${entitiesText} 个实体，${mentionsText} 处提及。`,
    writtenAs: (text) => `原文：“${text}”`,
    revealHint: '点击任一项可滚动到它的下一处提及并打开卡片。',
    refresh: '刷新',
    revealFailed: '页面没有响应，请刷新页面后重试。',
  },
  models: {
    model: '模型',
    parameters: '参数量',
    chartTitle: '各模型的基准测试得分',
    chartSummary:
      '分组柱状图：每个基准测试下每个模型一根柱，越高越好；短横线表示文章未披露该得分。',
  },
  companies: {
    company: '公司',
    flagship: '旗舰模型',
    valuation: '估值',
    differentiator: '差异化优势',
    funding: '资金来源',
    chartTitle: '各公司估值（估算）',
    chartSummary: '横向柱状图，显示各公司以人民币计的估算估值。',
    derivedHeading: (company) => `${company}的数据意味着什么`,
    derivedNote: '以下数值由本扩展根据文章表格计算得出，并非摘自正文。',
  },
  market: {
    year: '年份',
    projectedNote: '预测 = 文章给出的预测值，尚非实际数据。',
    chartsTitle: '两种趋势，各用各的刻度',
    chartsNote:
      '两张图各有从零开始的人民币坐标轴：AI 市场以数千亿计，足球投资以十亿计。空心点和虚线表示预测值。',
    trendSummary: (label) => `${label}逐年折线图，单位为人民币。`,
    projected: '预测',
  },
  football: {
    investor: '投资方',
    club: '俱乐部',
    stake: '股份',
    price: '价格',
    year: '年份',
    outcome: '结局',
    losses: '亏损',
    spree: (league, spent, from, to) =>
      `${from}–${to} 年，中国企业投入${spent}收购欧洲俱乐部股份，即${league}的海外投资热潮。`,
    outcomeIn: (year) => `${year} 年`,
    laterInvestment: (amount) => `之后又投入${amount}`,
    defaulted: (amount, lender) => `拖欠${lender}${amount}贷款`,
  },
};

/** Every word of the popup, in each UI language; entity names come from data/. */
export const popupStrings: Record<UiLang, PopupStrings> = { en, zh };
