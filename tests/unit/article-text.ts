// Reads the article the data comes from (kept outside the repository, in ../shared) and cuts it
// into the parts that data/ cites as sources, with its markdown tables parsed into cells.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SectionId } from '../../data';

export const ARTICLE_PATH = fileURLToPath(
  new URL('../../../shared/seeds/000_d3b9c7ab00190a20.txt', import.meta.url),
);

export function articleIsPresent(): boolean {
  return existsSync(ARTICLE_PATH);
}

export interface MarkdownTable {
  header: string[];
  rows: string[][];
}

export interface ArticleParts {
  /** Text of each part, keyed by the section ids data/ uses. */
  sections: Map<SectionId, string>;
  /** The tables, keyed by the section id of the table. */
  tables: Map<SectionId, MarkdownTable>;
}

/**
 * The article's headings, in order, and the part each one starts. A heading followed by a table
 * starts a '*-table' part; the lines after the table form the matching '*-takeaway' part.
 */
const HEADINGS: readonly { line: string; section: SectionId; takeaway?: SectionId }[] = [
  { line: 'Technical Deep Dive', section: 'technical-deep-dive' },
  { line: 'Benchmark Performance:', section: 'benchmark-table', takeaway: 'benchmark-takeaway' },
  { line: 'Key Players & Case Studies', section: 'key-players' },
  {
    line: 'Competitive Landscape:',
    section: 'competitive-table',
    takeaway: 'competitive-takeaway',
  },
  { line: 'Industry Impact & Market Dynamics', section: 'industry-impact' },
  { line: 'Market Growth Metrics:', section: 'market-table', takeaway: 'market-takeaway' },
  { line: 'Risks, Limitations & Open Questions', section: 'risks' },
  { line: 'AINews Verdict & Predictions', section: 'verdict' },
];
/** Where the article ends and the site's navigation begins. */
const END_LINE = 'Related topics';

function splitCells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

export function parseMarkdownTable(lines: readonly string[]): MarkdownTable {
  const [headerLine, separator, ...rowLines] = lines;
  if (headerLine === undefined || separator === undefined || !/^\|[\s|:-]+\|$/.test(separator)) {
    throw new Error('not a markdown table');
  }
  return { header: splitCells(headerLine), rows: rowLines.map(splitCells) };
}

export function cutArticle(text: string): ArticleParts {
  const lines = text.split(/\r?\n/);
  const indexOf = (wanted: string) => {
    const at = lines.findIndex((line) => line.trim() === wanted);
    if (at < 0) throw new Error(`article heading not found: ${wanted}`);
    return at;
  };
  const starts = HEADINGS.map((heading) => ({ ...heading, at: indexOf(heading.line) }));
  const end = indexOf(END_LINE);

  const sections = new Map<SectionId, string>();
  const tables = new Map<SectionId, MarkdownTable>();
  const firstStart = starts[0]?.at ?? end;
  sections.set('intro', lines.slice(0, firstStart).join('\n'));

  starts.forEach((heading, i) => {
    const body = lines.slice(heading.at + 1, starts[i + 1]?.at ?? end);
    if (heading.takeaway === undefined) {
      sections.set(heading.section, body.join('\n'));
      return;
    }
    const tableStart = body.findIndex((line) => line.trim().startsWith('|'));
    if (tableStart < 0) throw new Error(`no table after heading: ${heading.line}`);
    let tableEnd = tableStart;
    while (tableEnd < body.length && (body[tableEnd] ?? '').trim().startsWith('|')) tableEnd += 1;
    const tableLines = body.slice(tableStart, tableEnd);
    tables.set(heading.section, parseMarkdownTable(tableLines));
    sections.set(heading.section, tableLines.join('\n'));
    sections.set(heading.takeaway, body.slice(tableEnd).join('\n'));
  });
  return { sections, tables };
}

export function readArticle(): ArticleParts {
  return cutArticle(readFileSync(ARTICLE_PATH, 'utf8'));
}
