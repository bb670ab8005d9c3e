import { describe, expect, it } from 'vitest';
import { valuationFigures } from '../../core/derived-figures';
import {
  entityById,
  landscapeTable,
  marketTable,
  type Figure,
  type FigureCell,
  type LandscapeTable,
  type MarketTable,
} from '../../data';

const yuan = (value: number, extra: Partial<Figure> = {}): FigureCell => ({
  kind: 'figure',
  value,
  unit: 'CNY',
  source: 'competitive-table',
  ...extra,
});
const year = (value: number, projected = false): FigureCell => ({
  kind: 'figure',
  value,
  unit: 'year',
  source: 'market-table',
  ...(projected ? { projected } : {}),
});
const notReported: FigureCell = { kind: 'not-reported', source: 'market-table' };
const text = { text: { en: 'x', zh: 'x' }, source: 'competitive-table' as const };

function landscapeOf(valuations: Record<string, FigureCell>): LandscapeTable {
  return {
    source: 'competitive-table',
    caption: { en: 'c', zh: 'c' },
    rows: Object.entries(valuations).map(([companyId, valuation]) => ({
      companyId,
      flagshipModelId: `${companyId}-model`,
      valuation,
      differentiator: text,
      funding: { ...text, funderIds: [] },
    })),
  };
}

function marketOf(rows: { year: FigureCell; revenue: FigureCell }[]): MarketTable {
  return {
    source: 'market-table',
    caption: { en: 'm', zh: 'm' },
    columns: [{ key: 'zhipuRevenue', label: { en: 'r', zh: 'r' }, entityId: 'acme' }],
    rows: rows.map((row) => ({
      year: row.year,
      aiMarket: notReported,
      zhipuRevenue: row.revenue,
      governmentProcurement: notReported,
      overseasFootballInvestment: notReported,
    })),
  };
}

describe('valuationFigures on made-up tables', () => {
  const landscape = landscapeOf({
    acme: yuan(600, { estimated: true }),
    peer: yuan(200),
    ghost: notReported,
  });

  it('divides by the latest revenue that is not projected', () => {
    const market = marketOf([
      { year: year(2020), revenue: yuan(2) },
      { year: year(2024), revenue: yuan(3) },
      { year: year(2022), revenue: yuan(5) },
      { year: year(2026, true), revenue: yuan(100, { projected: true }) },
    ]);
    const figures = valuationFigures({ landscape, market, companyId: 'acme', peerIds: ['peer'] });
    expect(figures?.revenueYear).toBe(2024);
    expect(figures?.priceToSales).toEqual({
      kind: 'figure',
      value: 200,
      unit: 'ratio',
      estimated: true,
    });
    expect(figures?.multiples.map((entry) => [entry.peerId, entry.multiple.value])).toEqual([
      ['peer', 3],
    ]);
  });

  it('skips a year whose revenue is not reported instead of dividing by zero', () => {
    const market = marketOf([
      { year: year(2020), revenue: yuan(6) },
      { year: year(2022), revenue: notReported },
    ]);
    const figures = valuationFigures({ landscape, market, companyId: 'acme', peerIds: [] });
    expect(figures?.revenueYear).toBe(2020);
    expect(figures?.priceToSales.value).toBe(100);
  });

  it('leaves out peers without a valuation and gives up without a revenue', () => {
    const market = marketOf([{ year: year(2020), revenue: yuan(6) }]);
    const figures = valuationFigures({
      landscape,
      market,
      companyId: 'acme',
      peerIds: ['ghost', 'nobody', 'peer'],
    });
    expect(figures?.multiples.map((entry) => entry.peerId)).toEqual(['peer']);
    const empty = marketOf([{ year: year(2020), revenue: notReported }]);
    expect(valuationFigures({ landscape, market: empty, companyId: 'acme', peerIds: [] })).toBe(
      undefined,
    );
    expect(valuationFigures({ landscape, market, companyId: 'ghost', peerIds: [] })).toBe(
      undefined,
    );
  });
});

describe('valuationFigures on the article', () => {
  const figures = valuationFigures({
    landscape: landscapeTable,
    market: marketTable,
    companyId: 'zhipu-ai',
    peerIds: ['baidu', 'alibaba'],
  });

  it('gives the ratios the article states in its text', () => {
    // "Zhipu's estimated revenue of ¥800M ... its ¥1T valuation ... over 1,250x" (risks)
    expect(figures?.revenue.value).toBe(800e6);
    expect(figures?.priceToSales.value).toBe(1250);
    // "2x that of Baidu and 1.25x that of Alibaba" (competitive takeaway)
    expect(figures?.multiples.map((entry) => [entry.peerId, entry.multiple.value])).toEqual([
      ['baidu', 2],
      ['alibaba', 1.25],
    ]);
  });

  it('agrees with the facts the hover card shows for Zhipu AI', () => {
    const facts = new Map(entityById('zhipu-ai')?.facts.map((fact) => [fact.id, fact.value]));
    const valueOf = (id: string) => {
      const value = facts.get(id);
      return value?.kind === 'figure' ? value.value : undefined;
    };
    expect(valueOf('price-to-sales')).toBe(figures?.priceToSales.value);
    expect(valueOf('valuation-vs-baidu')).toBe(figures?.multiples[0]?.multiple.value);
    expect(valueOf('valuation-vs-alibaba')).toBe(figures?.multiples[1]?.multiple.value);
  });
});
