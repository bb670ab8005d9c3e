import type { Article } from './schema';

/** The one article this extension is about: every figure in data/ comes from it. */
export const articleData: Article = {
  // The title is quoted as the name of our source, the only text we take verbatim.
  title: {
    en: "From Soccer Stadiums to AI Temples: The Capital Exodus Powering Zhipu's Trillion-Yuan Valuation",
    zh: '从足球场到 AI 神殿：推动智谱万亿估值的资本大迁徙',
  },
  published: { en: 'June 2026', zh: '2026 年 6 月' },
  date: { year: 2026, month: 6 },
  sections: [
    { id: 'intro', name: { en: 'Introduction', zh: '导语' } },
    { id: 'technical-deep-dive', name: { en: 'Technical deep dive', zh: '技术深度解析' } },
    { id: 'benchmark-table', name: { en: 'Benchmark table', zh: '基准测试表' } },
    { id: 'benchmark-takeaway', name: { en: 'Benchmark takeaway', zh: '基准测试解读' } },
    { id: 'key-players', name: { en: 'Key players and case studies', zh: '关键参与者与案例' } },
    { id: 'competitive-table', name: { en: 'Competitive landscape table', zh: '竞争格局表' } },
    { id: 'competitive-takeaway', name: { en: 'Competitive takeaway', zh: '竞争格局解读' } },
    { id: 'industry-impact', name: { en: 'Industry impact', zh: '行业影响' } },
    { id: 'market-table', name: { en: 'Market growth table', zh: '市场增长表' } },
    { id: 'market-takeaway', name: { en: 'Market takeaway', zh: '市场数据解读' } },
    { id: 'risks', name: { en: 'Risks and open questions', zh: '风险与悬而未决的问题' } },
    { id: 'verdict', name: { en: 'Verdict and predictions', zh: '结论与预测' } },
  ],
};
