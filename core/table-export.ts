/** A table as the reader sees it: every cell already written out in the UI language. */
export interface PlainTable {
  caption: string;
  headers: readonly string[];
  rows: readonly (readonly string[])[];
  /** Columns of numbers, right-aligned in Markdown. */
  numericColumns?: readonly number[];
  /** One line naming where the figures come from; Markdown prints it under the table. */
  source?: string;
}

// RFC 4180: a field holding a comma, a quote or a line break is quoted, and quotes are doubled.
const CSV_NEEDS_QUOTES = /[",\r\n]/;

function csvField(text: string): string {
  return CSV_NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Header line plus one line per row, CRLF-separated as RFC 4180 asks. */
export function tableToCsv(table: PlainTable): string {
  return [table.headers, ...table.rows].map((cells) => cells.map(csvField).join(',')).join('\r\n');
}

/** A cell must stay on one line and must not end the column early. */
function markdownCell(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .trim();
}

function markdownRow(cells: readonly string[]): string {
  return `| ${cells.map(markdownCell).join(' | ')} |`;
}

/** A GitHub-flavoured Markdown table with its caption in bold above and the source below. */
export function tableToMarkdown(table: PlainTable): string {
  const numeric = new Set(table.numericColumns ?? []);
  const rule = `| ${table.headers.map((_, index) => (numeric.has(index) ? '---:' : '---')).join(' | ')} |`;
  const lines = [
    `**${markdownCell(table.caption)}**`,
    '',
    markdownRow(table.headers),
    rule,
    ...table.rows.map(markdownRow),
  ];
  if (table.source) lines.push('', markdownCell(table.source));
  return lines.join('\n');
}
