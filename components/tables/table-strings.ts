import { NOT_REPORTED_TEXT } from '../../core/format-figure';
import type { UiLang } from '../../core/ui-language';

const en = {
  notReported: NOT_REPORTED_TEXT.en,
  best: 'best in column',
  bestLegend: 'best value in its column',
  copyCsv: 'Copy CSV',
  copyMarkdown: 'Copy Markdown',
  copied: 'Copied',
  copyFailed: 'Could not copy: the browser refused access to the clipboard.',
  sortHint: 'Select a column heading to sort by it.',
};

export type TableStrings = typeof en;

const zh: TableStrings = {
  notReported: NOT_REPORTED_TEXT.zh,
  best: '本列最佳',
  bestLegend: '本列最佳值',
  copyCsv: '复制 CSV',
  copyMarkdown: '复制 Markdown',
  copied: '已复制',
  copyFailed: '复制失败：浏览器拒绝访问剪贴板。',
  sortHint: '点击列标题即可按该列排序。',
};

/** Words the shared tables need, in each UI language. */
export const tableStrings: Record<UiLang, TableStrings> = { en, zh };
