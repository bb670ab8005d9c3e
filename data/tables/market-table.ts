import { cellsFrom, figure } from '../make-figure';
import type { MarketRow, MarketTable } from '../schema';

const cell = cellsFrom('market-table');

const BILLION = 1e9;
const MILLION = 1e6;

interface MarketYear {
  year: number;
  projected?: boolean;
  /** Yuan, as printed: the table's headers give the scale (¥B, ¥M). */
  aiMarketBillions: number;
  zhipuRevenueMillions: number;
  governmentProcurementBillions: number;
  overseasFootballBillions: number;
}

/** Turns one printed row into cells; the revenue column is headed "est.", so all of it is. */
function marketRow(row: MarketYear): MarketRow {
  const projected = row.projected === true ? { projected: true } : {};
  const yuan = (value: number, estimated = false) =>
    cell(figure(value, 'CNY', { ...projected, ...(estimated ? { estimated } : {}) }));
  return {
    year: cell(figure(row.year, 'year', projected)),
    aiMarket: yuan(row.aiMarketBillions * BILLION),
    zhipuRevenue: yuan(row.zhipuRevenueMillions * MILLION, true),
    governmentProcurement: yuan(row.governmentProcurementBillions * BILLION),
    overseasFootballInvestment: yuan(row.overseasFootballBillions * BILLION),
  };
}

/** The table as printed, in its own scale. */
const printedRows: MarketYear[] = [
  {
    year: 2020,
    aiMarketBillions: 300,
    zhipuRevenueMillions: 50,
    governmentProcurementBillions: 20,
    overseasFootballBillions: 45,
  },
  {
    year: 2022,
    aiMarketBillions: 600,
    zhipuRevenueMillions: 200,
    governmentProcurementBillions: 80,
    overseasFootballBillions: 15,
  },
  {
    year: 2024,
    aiMarketBillions: 1200,
    zhipuRevenueMillions: 800,
    governmentProcurementBillions: 200,
    overseasFootballBillions: 5,
  },
  {
    year: 2026,
    projected: true,
    aiMarketBillions: 2500,
    zhipuRevenueMillions: 3000,
    governmentProcurementBillions: 500,
    overseasFootballBillions: 2,
  },
];

export const marketTableData: MarketTable = {
  source: 'market-table',
  caption: { en: 'Market growth', zh: '市场增长指标' },
  columns: [
    { key: 'aiMarket', label: { en: 'Chinese AI market size', zh: '中国 AI 市场规模' } },
    {
      key: 'zhipuRevenue',
      label: { en: 'Zhipu revenue', zh: '智谱营收' },
      entityId: 'zhipu-ai',
    },
    {
      key: 'governmentProcurement',
      label: { en: 'Government AI procurement', zh: '政府 AI 采购' },
    },
    {
      key: 'overseasFootballInvestment',
      label: { en: 'Overseas football investment', zh: '海外足球投资' },
    },
  ],
  rows: printedRows.map(marketRow),
};
