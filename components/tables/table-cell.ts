import { formatAmount, formatMeasure, qualifierLabels, sortValue } from '../../core/format-figure';
import type { SortKey } from '../../core/table-sort';
import type { UiLang } from '../../core/ui-language';
import type { Measure } from '../../data/schema';

/** What the article prints for a figure it does not give; copied tables keep it. */
export const NOT_REPORTED_MARK = '—';

/** One cell, already written out for the UI language. */
export interface TableCell {
  /** The main text; empty when `notReported`. */
  text: string;
  /** Shown beside the text as small tags: est., proj., reportedly. */
  qualifiers: readonly string[];
  /** A second, quieter line under the text. */
  note?: string;
  notReported: boolean;
  /** A number with its unit, kept on one line; words may wrap. */
  figure: boolean;
  sortKey: SortKey;
  /** The cell as one line of plain text, for CSV and Markdown. */
  exportText: string;
}

/** A cell for an article figure (or its "—"), formatted only through format-figure. */
export function measureCell(measure: Measure, lang: UiLang, note?: string): TableCell {
  const exportParts = [
    measure.kind === 'figure' ? formatMeasure(measure, { lang }) : NOT_REPORTED_MARK,
  ];
  if (note) exportParts.push(note);
  const exportText = exportParts.join(lang === 'zh' ? '；' : '; ');
  if (measure.kind === 'not-reported') {
    return {
      text: '',
      qualifiers: [],
      note,
      notReported: true,
      figure: true,
      sortKey: undefined,
      exportText,
    };
  }
  return {
    text: formatAmount(measure, { lang }),
    qualifiers: qualifierLabels(measure, lang),
    note,
    notReported: false,
    figure: true,
    sortKey: sortValue(measure),
    exportText,
  };
}

/** A cell of words; it sorts by its own text. */
export function textCell(text: string, note?: string): TableCell {
  return {
    text,
    qualifiers: [],
    note,
    notReported: false,
    figure: false,
    sortKey: text,
    exportText: note ? `${text} (${note})` : text,
  };
}
