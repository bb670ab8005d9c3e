import type { UiLang } from '@/core/ui-language';

const en = {
  /** Accessible name of the card when it is a dialog: "Zhipu AI: facts from the article". */
  dialogName: (name: string) => `${name}: facts from the article`,
  close: 'Close',
  back: 'Back',
  fullTables: 'Full tables',
  /** "Source: the article, June 2026". */
  sourceLine: (published: string) => `Source: the article, ${published}`,
  more: (count: number) => `More from the article (${count})`,
  moreRelated: (count: number) => `+${count} more`,
  related: 'Related',
  scores: 'Benchmark scores',
  scoresHint: 'Bar: this model. Ticks: the other models in the article’s table.',
  ranking: 'Models ranked',
  best: 'best',
  bestLabel: (name: string, score: string) => `best: ${name} ${score}`,
  rank: (rank: number, of: number) => `#${rank} of ${of}`,
  keyFigures: 'Key figures',
  listSeparator: ', ',
  showEntity: (name: string) => `Show the facts about ${name}`,
};

export type CardStrings = typeof en;

const zh: CardStrings = {
  dialogName: (name) => `${name}：文章中的数据`,
  close: '关闭',
  back: '返回',
  fullTables: '完整表格',
  sourceLine: (published) => `来源：原文，${published}`,
  more: (count) => `文中更多内容（${count}）`,
  moreRelated: (count) => `另外 ${count} 个`,
  related: '相关',
  scores: '基准测试得分',
  scoresHint: '色条为本模型，刻度为文章表格中的其他模型。',
  ranking: '模型排名',
  best: '最佳',
  bestLabel: (name, score) => `最佳：${name} ${score}`,
  rank: (rank, of) => `第 ${rank} / ${of} 名`,
  keyFigures: '关键数据',
  listSeparator: '、',
  showEntity: (name) => `查看${name}的数据`,
};

/** Words of the hover card, in each UI language; names and figures come from data/. */
export const cardStrings: Record<UiLang, CardStrings> = { en, zh };
