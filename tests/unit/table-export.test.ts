import { describe, expect, it } from 'vitest';
import { tableToCsv, tableToMarkdown, type PlainTable } from '../../core/table-export';

const table: PlainTable = {
  caption: 'Scores',
  headers: ['Model', 'Parameters', 'MMLU'],
  rows: [
    ['GLM-4', '~130B (est.)', '82.3'],
    ['Claude 3 Opus', '—', '86.8'],
  ],
  numericColumns: [1, 2],
  source: 'Source: an article (June 2026)',
};

describe('tableToCsv', () => {
  it('writes a header line and one line per row, CRLF-separated', () => {
    expect(tableToCsv(table)).toBe(
      'Model,Parameters,MMLU\r\nGLM-4,~130B (est.),82.3\r\nClaude 3 Opus,—,86.8',
    );
  });

  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    const csv = tableToCsv({
      caption: 'x',
      headers: ['a', 'b'],
      rows: [['State funds, Alibaba', 'the "Big Fund"\nline']],
    });
    expect(csv).toBe('a,b\r\n"State funds, Alibaba","the ""Big Fund""\nline"');
  });
});

describe('tableToMarkdown', () => {
  it('writes a captioned table with numeric columns right-aligned and the source below', () => {
    expect(tableToMarkdown(table).split('\n')).toEqual([
      '**Scores**',
      '',
      '| Model | Parameters | MMLU |',
      '| --- | ---: | ---: |',
      '| GLM-4 | ~130B (est.) | 82.3 |',
      '| Claude 3 Opus | — | 86.8 |',
      '',
      'Source: an article (June 2026)',
    ]);
  });

  it('escapes pipes and keeps every cell on one line', () => {
    const markdown = tableToMarkdown({
      caption: 'a|b',
      headers: ['x'],
      rows: [['one | two\nthree']],
    });
    expect(markdown).toContain('**a\\|b**');
    expect(markdown).toContain('| one \\| two three |');
    expect(markdown.split('\n')).toHaveLength(5);
  });

  it('works in Chinese without touching the text', () => {
    const markdown = tableToMarkdown({
      caption: '竞争格局',
      headers: ['公司'],
      rows: [['智谱AI']],
    });
    expect(markdown).toContain('| 智谱AI |');
  });
});
