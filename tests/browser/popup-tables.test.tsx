import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { DataTable, type TableColumn } from '../../components/tables/data-table';
import { measureCell, textCell } from '../../components/tables/table-cell';
import { formatAmount, NOT_REPORTED_TEXT } from '../../core/format-figure';
import type { UiLang } from '../../core/ui-language';
import { benchmarkTable, entityById, type Measure } from '../../data';
import { CompaniesView } from '../../entrypoints/popup/views/companies-view';
import { MarketView } from '../../entrypoints/popup/views/market-view';
import { ModelsView } from '../../entrypoints/popup/views/models-view';

let host: HTMLElement | undefined;

async function mount(node: ComponentChild): Promise<HTMLElement> {
  const root = document.createElement('div');
  host = root;
  document.body.append(root);
  await act(() => render(node, root));
  return root;
}

function unmount(): void {
  if (host) render(null, host);
  host?.remove();
  host = undefined;
}

afterEach(unmount);

/** What a sighted reader sees in an element: its rendered text minus screen-reader-only text. */
function visibleText(element: HTMLElement): string {
  const hidden = [...element.querySelectorAll<HTMLElement>('.zf-visually-hidden')].map(
    (node) => node.innerText,
  );
  let text = element.innerText;
  for (const part of hidden) text = text.replace(part, '');
  return text.replace(/\s+/g, ' ').trim();
}

/** The visible text of one column, top to bottom. */
function columnTexts(root: HTMLElement, column: string): string[] {
  return [...root.querySelectorAll<HTMLElement>(`tbody [data-column="${column}"]`)].map(
    visibleText,
  );
}

function rowOrder(root: HTMLElement): string[] {
  return [...root.querySelectorAll<HTMLElement>('tbody tr')].map((row) => row.dataset.row ?? '');
}

function headerButton(root: HTMLElement, column: string): HTMLButtonElement {
  const button = root.querySelector<HTMLButtonElement>(`thead th[data-column="${column}"] button`);
  if (!button) throw new Error(`no sort button for ${column}`);
  return button;
}

async function click(element: HTMLElement): Promise<void> {
  await act(() => element.click());
}

interface Row {
  id: string;
  name: string;
  score: Measure;
}

const fig = (value: number): Measure => ({ kind: 'figure', value, unit: 'points', decimals: 1 });
const rows: Row[] = [
  { id: 'a', name: 'Alpha', score: fig(40.2) },
  { id: 'b', name: 'Beta', score: { kind: 'not-reported' } },
  { id: 'c', name: 'Gamma', score: fig(95) },
  { id: 'd', name: 'Delta', score: fig(0) },
];

function table(lang: UiLang) {
  const columns: TableColumn<Row>[] = [
    { id: 'name', label: 'Name', rowHeader: true, cell: (row) => textCell(row.name) },
    {
      id: 'score',
      label: 'Score',
      note: '5-shot',
      numeric: true,
      best: 'higher',
      cell: (row) => measureCell(row.score, lang),
    },
  ];
  return (
    <DataTable
      caption="Scores"
      columns={columns}
      rows={rows}
      rowKey={(row) => row.id}
      lang={lang}
      source="test"
    />
  );
}

describe('DataTable', () => {
  it('is a real table: caption, column and row header scopes', async () => {
    const root = await mount(table('en'));
    expect(root.querySelector('table caption')?.textContent).toContain('Scores');
    const heads = [...root.querySelectorAll('thead th')];
    expect(heads.map((th) => th.getAttribute('scope'))).toEqual(['col', 'col']);
    expect(root.querySelectorAll('tbody th[scope="row"]')).toHaveLength(rows.length);
  });

  it('sorts down then up on clicks, keeping not-reported last both ways', async () => {
    const root = await mount(table('en'));
    expect(rowOrder(root)).toEqual(['a', 'b', 'c', 'd']);
    const button = headerButton(root, 'score');
    const th = button.closest('th')!;
    expect(th.hasAttribute('aria-sort')).toBe(false);

    await click(button);
    expect(th.getAttribute('aria-sort')).toBe('descending');
    expect(rowOrder(root)).toEqual(['c', 'a', 'd', 'b']);

    await click(button);
    expect(th.getAttribute('aria-sort')).toBe('ascending');
    expect(rowOrder(root)).toEqual(['d', 'a', 'c', 'b']);
  });

  it('moves aria-sort to the column sorted last and sorts text from A', async () => {
    const root = await mount(table('en'));
    await click(headerButton(root, 'score'));
    await click(headerButton(root, 'name'));
    expect(headerButton(root, 'score').closest('th')!.hasAttribute('aria-sort')).toBe(false);
    expect(headerButton(root, 'name').closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    expect(rowOrder(root)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('marks the best value with a star and words, not colour alone, and never a missing one', async () => {
    const root = await mount(table('en'));
    const best = [...root.querySelectorAll<HTMLElement>('tbody .zf-best')];
    expect(best).toHaveLength(1);
    expect(best[0]!.closest('tr')!.dataset.row).toBe('c');
    expect(best[0]!.textContent).toContain('★');
    expect(best[0]!.textContent).toContain('best in column');
  });

  it('shows not-reported as a dash that reads "not reported", in both languages', async () => {
    for (const lang of ['en', 'zh'] as const) {
      const root = await mount(table(lang));
      const cell = root.querySelector<HTMLElement>('tr[data-row="b"] [data-column="score"]')!;
      expect(visibleText(cell)).toBe('—');
      expect(cell.textContent).toContain(NOT_REPORTED_TEXT[lang]);
      expect(cell.textContent).not.toMatch(/\d/);
      unmount();
    }
  });

  it('shows the evaluation setting under the column name', async () => {
    const root = await mount(table('en'));
    expect(headerButton(root, 'score').textContent).toContain('5-shot');
  });
});

describe('ModelsView', () => {
  it('shows every score of the benchmark table in its row, formatted by format-figure', async () => {
    const root = await mount(<ModelsView lang="en" />);
    for (const row of benchmarkTable.rows) {
      for (const { benchmarkId } of benchmarkTable.benchmarks) {
        const score = row.scores[benchmarkId];
        const cell = root.querySelector<HTMLElement>(
          `tr[data-row="${row.modelId}"] [data-column="${benchmarkId}"]`,
        );
        const expected = score.kind === 'figure' ? formatAmount(score, { lang: 'en' }) : '—';
        expect(cell && visibleText(cell)).toContain(expected);
      }
    }
    // Spot checks against the article itself, so data and UI cannot both be wrong unnoticed.
    expect(columnTexts(root, 'mmlu')[0]).toBe('82.3');
    expect(columnTexts(root, 'gsm8k')[1]).toBe('92.0');
    expect(columnTexts(root, 'parameters')[0]).toBe('~130B est.');
    expect(columnTexts(root, 'c-eval')[2]).toBe('—');
  });

  it('marks the best score per benchmark as the article ranks them', async () => {
    const root = await mount(<ModelsView lang="en" />);
    const bestRow = (column: string) =>
      root.querySelector<HTMLElement>(`tbody .zf-best[data-column="${column}"]`)?.closest('tr')
        ?.dataset.row;
    // GLM-4 leads C-Eval; Claude 3 Opus leads MMLU, GSM8K and HumanEval.
    expect(bestRow('c-eval')).toBe('glm-4');
    expect(bestRow('mmlu')).toBe('claude-3-opus');
    expect(bestRow('gsm8k')).toBe('claude-3-opus');
    expect(bestRow('humaneval')).toBe('claude-3-opus');
    expect(root.querySelector('tbody .zf-best[data-column="parameters"]')).toBeNull();
  });

  it('sorts C-Eval with Claude 3 Opus (not reported) last both ways', async () => {
    const root = await mount(<ModelsView lang="en" />);
    const button = headerButton(root, 'c-eval');
    await click(button);
    expect(rowOrder(root)).toEqual(['glm-4', 'gpt-4', 'qwen-72b', 'claude-3-opus']);
    await click(button);
    expect(rowOrder(root)).toEqual(['qwen-72b', 'gpt-4', 'glm-4', 'claude-3-opus']);
  });

  it('writes Chinese figures and names in the Chinese UI', async () => {
    const root = await mount(<ModelsView lang="zh" />);
    expect(columnTexts(root, 'parameters')[0]).toBe('约1300亿 估');
    expect(columnTexts(root, 'model')).toContain(entityById('qwen-72b')!.name.zh);
    expect(root.querySelector('caption')?.textContent).toContain(benchmarkTable.caption.zh);
  });

  it('draws the chart as an image with a title and a description naming every score', async () => {
    const root = await mount(<ModelsView lang="en" />);
    const svg = root.querySelector('svg[role="img"]')!;
    const title = document.getElementById(svg.getAttribute('aria-labelledby')!);
    const desc = document.getElementById(svg.getAttribute('aria-describedby')!);
    expect(title?.textContent).toBe('Benchmark scores by model');
    expect(desc?.textContent).toContain('GLM-4 82.3');
    expect(desc?.textContent).toContain('Claude 3 Opus not reported');
    // One bar per reported score: 4 models x 4 benchmarks, less Claude's C-Eval.
    expect(svg.querySelectorAll('rect[class^="zf-series-"]')).toHaveLength(15);
  });
});

describe('CompaniesView', () => {
  it('shows Zhipu’s revenue, price-to-sales and relative valuation, in both languages', async () => {
    const en = await mount(<CompaniesView lang="en" />);
    const derived = (root: HTMLElement, id: string) =>
      root.querySelector<HTMLElement>(`[data-derived="${id}"] dd`)?.textContent;
    expect(derived(en, 'valuation')).toBe('¥1 trillion (est.)');
    // The latest year the article reports, not the projected 2026.
    expect(derived(en, 'zhipu-revenue-2024')).toBe('¥800 million (est.)');
    expect(derived(en, 'price-to-sales')).toBe('over 1,250x');
    expect(derived(en, 'valuation-vs-baidu')).toBe('2x');
    expect(derived(en, 'valuation-vs-alibaba')).toBe('1.25x');
    unmount();

    const zh = await mount(<CompaniesView lang="zh" />);
    expect(derived(zh, 'valuation')).toBe('¥1万亿（估）');
    expect(derived(zh, 'price-to-sales')).toBe('超过1,250倍');
  });
});

describe('MarketView', () => {
  it('marks 2026 as projected, in the row and in the chart', async () => {
    const root = await mount(<MarketView lang="en" />);
    expect(columnTexts(root, 'year')).toEqual(['2020', '2022', '2024', '2026 proj.']);
    expect(root.querySelector('tr[data-row="2026"]')?.classList.contains('zf-projected')).toBe(
      true,
    );
    expect(columnTexts(root, 'aiMarket')[3]).toBe('¥2.5T proj.');
    expect(root.querySelectorAll('.zf-dot-projected')).toHaveLength(2);
    const descs = [...root.querySelectorAll('svg desc')].map((desc) => desc.textContent ?? '');
    expect(descs[0]).toContain('2026 ¥2.5T (projected)');
    expect(descs[1]).toContain('2020 ¥45B');
  });
});
