import { describe, expect, it } from 'vitest';
import { cardContentFor, type CardContent } from '@/components/card/card-content';
import { NOT_REPORTED_TEXT } from '@/core/format-figure';
import {
  article,
  benchmarkTable,
  entities,
  footballTable,
  landscapeTable,
  marketTable,
  type FigureCell,
} from '@/data';

function card(entityId: string, lang: 'en' | 'zh' = 'en'): CardContent {
  const content = cardContentFor(entityId, lang);
  if (!content) throw new Error(`no card for ${entityId}`);
  return content;
}

function figure(content: CardContent, factId: string) {
  const found = content.figures.find((fact) => fact.id === factId);
  if (!found) throw new Error(`${content.entityId} has no figure ${factId}`);
  return found.value;
}

function value(cell: FigureCell | undefined): number | undefined {
  return cell?.kind === 'figure' ? cell.value : undefined;
}

describe('model cards', () => {
  it('show GLM-4’s four scores as the article prints them, and its estimated size', () => {
    const glm = card('glm-4');
    expect(glm.scores.map((row) => [row.name, row.value.text])).toEqual([
      ['MMLU', '82.3'],
      ['C-Eval', '78.9'],
      ['GSM8K', '84.1'],
      ['HumanEval', '48.9'],
    ]);
    expect(figure(glm, 'parameters')).toEqual({
      text: '~130B',
      qualifiers: ['est.'],
      notReported: false,
    });
  });

  it('rank each score against the other models and mark the best', () => {
    const glm = card('glm-4');
    for (const row of glm.scores) {
      const column = benchmarkTable.rows
        .map((r) => value(r.scores[row.benchmarkId as keyof typeof r.scores]))
        .filter((v): v is number => v !== undefined);
      const own = value(
        benchmarkTable.rows.find((r) => r.modelId === 'glm-4')?.scores[row.benchmarkId as 'mmlu'],
      );
      expect(own).toBeDefined();
      expect(row.of).toBe(column.length);
      expect(row.rank).toBe(1 + column.filter((v) => v > (own ?? 0)).length);
      expect(row.isBest).toBe(own === Math.max(...column));
      expect(row.others).toHaveLength(column.length - 1);
      expect(row.others.filter((other) => other.isBest)).toHaveLength(row.isBest ? 0 : 1);
    }
    // The article's point: GLM-4 leads only on the Chinese-language test.
    expect(glm.scores.filter((row) => row.isBest).map((row) => row.benchmarkId)).toEqual([
      'c-eval',
    ]);
  });

  it('leave a score the article does not report unranked, never zero', () => {
    const claude = card('claude-3-opus');
    const cEval = claude.scores.find((row) => row.benchmarkId === 'c-eval');
    expect(cEval?.value).toEqual({
      text: NOT_REPORTED_TEXT.en,
      qualifiers: [],
      notReported: true,
    });
    expect(cEval?.fraction).toBeUndefined();
    expect(cEval?.rank).toBeUndefined();
    expect(figure(claude, 'parameters').notReported).toBe(true);
  });

  it('do not list the scores a second time among the figures', () => {
    expect(card('glm-4').figures.map((fact) => fact.id)).not.toContain('score-mmlu');
  });
});

describe('benchmark cards', () => {
  it('rank every model of the table, best first, the unreported last', () => {
    const cEval = card('c-eval');
    expect(cEval.ranking.map((row) => [row.entityId, row.rank, row.value.text])).toEqual([
      ['glm-4', 1, '78.9'],
      ['gpt-4', 2, '76.3'],
      ['qwen-72b', 3, '74.1'],
      ['claude-3-opus', undefined, NOT_REPORTED_TEXT.en],
    ]);
    const mmlu = card('mmlu');
    expect(mmlu.ranking.map((row) => row.value.text)).toEqual(['86.8', '86.4', '82.3', '77.4']);
    expect(mmlu.ranking.filter((row) => row.isBest).map((row) => row.entityId)).toEqual([
      'claude-3-opus',
    ]);
  });
});

describe('company cards', () => {
  it('show Zhipu’s ¥1 trillion valuation as an estimate', () => {
    expect(figure(card('zhipu-ai'), 'valuation')).toEqual({
      text: '¥1 trillion',
      qualifiers: ['est.'],
      notReported: false,
    });
  });

  it('show Zhipu’s revenue by year with the projection marked, 2024 being ¥800 million (est.)', () => {
    const [revenue] = card('zhipu-ai').series;
    expect(revenue?.points.map((point) => point.label)).toEqual(['2020', '2022', '2024', '2026']);
    // The whole column is estimated: said once, for the series; the projection per point.
    expect(revenue?.qualifiers).toEqual(['est.']);
    const y2024 = revenue?.points[2];
    expect(y2024?.value).toEqual({ text: '¥800 million', qualifiers: [], notReported: false });
    expect(revenue?.points[3]?.value.qualifiers).toEqual(['proj.']);
  });

  it('show the price-to-sales ratio the valuation and the 2024 revenue imply', () => {
    const valuation = value(landscapeTable.rows.find((r) => r.companyId === 'zhipu-ai')?.valuation);
    const revenue = value(
      marketTable.rows.find((row) => row.year.kind === 'figure' && row.year.value === 2024)
        ?.zhipuRevenue,
    );
    expect(valuation).toBeDefined();
    expect(revenue).toBeDefined();
    const ratio = (valuation ?? 0) / (revenue ?? 1);
    const shown = figure(card('zhipu-ai'), 'price-to-sales');
    expect(shown.text).toBe(`over ${ratio.toLocaleString('en-US')}x`);
    expect(shown.text).toBe('over 1,250x');
  });

  it('name the flagship model as a link and give the differentiator and backers', () => {
    const baidu = card('baidu');
    expect(baidu.links.find((fact) => fact.id === 'flagship-model')?.entities).toEqual([
      { id: 'ernie-4-0', name: 'ERNIE 4.0' },
    ]);
    expect(baidu.texts.map((fact) => fact.id)).toEqual(
      expect.arrayContaining(['differentiator', 'funding']),
    );
    expect(figure(baidu, 'valuation').text).toBe('¥500 billion');
  });
});

describe('football cards', () => {
  it('give Suning’s Inter Milan deal: stake, price, year, outcome and losses', () => {
    const suning = card('suning');
    expect(figure(suning, 'stake').text).toBe('70%');
    expect(figure(suning, 'price').text).toBe('€270 million');
    expect(figure(suning, 'deal-year').text).toBe('2016');
    expect(figure(suning, 'losses')).toEqual({
      text: 'over €1 billion',
      qualifiers: ['est.'],
      notReported: false,
    });
    expect(suning.texts.map((fact) => fact.id)).toContain('outcome');
    expect(suning.links.find((fact) => fact.id === 'club')?.entities[0]?.id).toBe('inter-milan');
    expect(suning.tablesView).toBe('football');
  });

  it('mark figures the article leaves out as not reported', () => {
    const wolves = card('wolves');
    const deal = footballTable.deals.find((d) => d.clubId === 'wolves');
    expect(deal?.stake.kind).toBe('not-reported');
    expect(figure(wolves, 'stake').notReported).toBe(true);
    expect(figure(wolves, 'later-investment').qualifiers).toContain('reportedly');
  });
});

describe('every card', () => {
  it('names its source, links to a table view, and shows every fact of its entity', () => {
    for (const entity of entities) {
      const content = card(entity.id);
      expect(content.source).toEqual({ title: article.title.en, published: 'June 2026' });
      expect(['models', 'companies', 'market', 'football', 'page']).toContain(content.tablesView);
      const listed = new Set([
        ...content.figures.map((fact) => fact.id),
        ...content.texts.map((fact) => fact.id),
        ...content.links.map((fact) => fact.id),
      ]);
      const drawn = entity.facts.filter((fact) => !listed.has(fact.id));
      for (const fact of drawn) {
        // Facts missing from the lists must be drawn as a chart instead.
        const inScores =
          fact.id.startsWith('score-') && (content.scores.length > 0 || content.ranking.length > 0);
        const inSeries = fact.sources[0] === 'market-table' && content.series.length > 0;
        expect(inScores || inSeries, `${entity.id}: ${fact.id}`).toBe(true);
      }
    }
  });

  it('is written in Chinese when the UI is', () => {
    const zhipu = card('zhipu-ai', 'zh');
    expect(zhipu.name).toBe('智谱AI');
    expect(zhipu.otherName).toBe('Zhipu AI');
    expect(zhipu.source.published).toBe(article.published.zh);
    expect(figure(zhipu, 'valuation').qualifiers).toEqual(['估']);
    expect(card('claude-3-opus', 'zh').scores[1]?.value.text).toBe(NOT_REPORTED_TEXT.zh);
    expect(card('suning', 'zh').related.map((link) => link.name)).toContain('国际米兰');
  });

  it('is undefined for an id the data does not know', () => {
    expect(cardContentFor('no-such-entity', 'en')).toBeUndefined();
  });
});
