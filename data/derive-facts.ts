import { figure } from './make-figure';
import {
  type BenchmarkTable,
  type Fact,
  type FigureCell,
  type FootballTable,
  type LandscapeTable,
  type LocalText,
  type MarketTable,
  type Measure,
  type SectionId,
} from './schema';

// Figures that sit in a table are typed once, there; the entity cards read them through the facts
// built here, so a card and the popup can never disagree.

export interface Tables {
  benchmarkTable: BenchmarkTable;
  landscapeTable: LandscapeTable;
  marketTable: MarketTable;
  footballTable: FootballTable;
}

/** Display name of an entity, for labels such as "MMLU (5-shot)". */
export type NameOf = (entityId: string) => LocalText;

/** The company whose revenue and valuation ratios the article works out. */
const SUBJECT_ID = 'zhipu-ai';
/** The competitors the article measures Zhipu's valuation against (competitive takeaway). */
const VALUATION_PEERS = ['baidu', 'alibaba'] as const;

/** A table cell without its `source`: the fact that carries it lists the source instead. */
function measureOf(cell: FigureCell): Measure {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- taken out, not used
  const { source, ...measure } = cell;
  return measure;
}

function isFigure(cell: FigureCell): cell is Extract<FigureCell, { kind: 'figure' }> {
  return cell.kind === 'figure';
}

class FactCollector {
  readonly byEntity = new Map<string, Fact[]>();

  add(entityId: string, fact: Fact): void {
    const list = this.byEntity.get(entityId);
    if (list) list.push(fact);
    else this.byEntity.set(entityId, [fact]);
  }

  addCell(
    entityId: string,
    fact: { id: string; label: LocalText; cell: FigureCell; refs?: string[] },
    extraSources: SectionId[] = [],
  ): void {
    this.add(entityId, {
      id: fact.id,
      label: fact.label,
      value: measureOf(fact.cell),
      sources: [fact.cell.source, ...extraSources],
      ...(fact.refs && fact.refs.length > 0 ? { refs: fact.refs } : {}),
    });
  }
}

function addBenchmarkFacts(out: FactCollector, table: BenchmarkTable, nameOf: NameOf): void {
  for (const { benchmarkId, setting } of table.benchmarks) {
    out.add(benchmarkId, {
      id: 'setting',
      label: { en: 'Setting used in the article', zh: '文中评测设置' },
      value: { kind: 'text', text: { en: setting, zh: setting } },
      sources: [table.source],
    });
  }
  for (const row of table.rows) {
    out.addCell(row.modelId, {
      id: 'parameters',
      label: { en: 'Parameters', zh: '参数量' },
      cell: row.parameters,
    });
    for (const { benchmarkId, setting } of table.benchmarks) {
      const cell = row.scores[benchmarkId];
      const benchmark = nameOf(benchmarkId);
      out.addCell(row.modelId, {
        id: `score-${benchmarkId}`,
        label: { en: `${benchmark.en} (${setting})`, zh: `${benchmark.zh}（${setting}）` },
        cell,
        refs: [benchmarkId],
      });
      out.addCell(benchmarkId, {
        id: `score-${row.modelId}`,
        label: nameOf(row.modelId),
        cell,
        refs: [row.modelId],
      });
    }
  }
}

function addLandscapeFacts(out: FactCollector, table: LandscapeTable): void {
  const backed = new Map<string, string[]>();
  for (const row of table.rows) {
    out.addCell(row.companyId, {
      id: 'valuation',
      label: { en: 'Valuation', zh: '估值' },
      cell: row.valuation,
    });
    out.add(row.companyId, {
      id: 'flagship-model',
      label: { en: 'Flagship model', zh: '旗舰模型' },
      value: { kind: 'entities', ids: [row.flagshipModelId] },
      sources: [table.source],
    });
    out.add(row.companyId, {
      id: 'differentiator',
      label: { en: 'What sets it apart', zh: '核心差异' },
      value: { kind: 'text', text: row.differentiator.text },
      sources: [row.differentiator.source],
    });
    out.add(row.companyId, {
      id: 'funding',
      label: { en: 'Funding', zh: '资金来源' },
      value: { kind: 'text', text: row.funding.text },
      sources: [row.funding.source],
      ...(row.funding.funderIds.length > 0 ? { refs: row.funding.funderIds } : {}),
    });
    out.add(row.flagshipModelId, {
      id: 'flagship-of',
      label: { en: 'Flagship model of', zh: '所属公司' },
      value: { kind: 'entities', ids: [row.companyId] },
      sources: [table.source],
    });
    for (const funderId of row.funding.funderIds) {
      backed.set(funderId, [...(backed.get(funderId) ?? []), row.companyId]);
    }
  }
  for (const [funderId, companyIds] of backed) {
    out.add(funderId, {
      id: 'backs',
      label: { en: 'Named as a backer of', zh: '文中所投公司' },
      value: { kind: 'entities', ids: companyIds },
      sources: [table.source],
    });
  }
}

/**
 * Columns about one entity (Zhipu's revenue) become that entity's facts, one per year. The
 * latest year that is not a projection is the revenue the risks section quotes, so that fact
 * names both places.
 */
function addMarketFacts(out: FactCollector, table: MarketTable): void {
  const latestReported = latestReportedRow(table);
  for (const column of table.columns) {
    if (column.entityId === undefined) continue;
    for (const row of table.rows) {
      if (!isFigure(row.year)) continue;
      const year = row.year.value;
      out.addCell(
        column.entityId,
        {
          id: `${column.key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-${year}`,
          label: { en: `${column.label.en}, ${year}`, zh: `${year} 年${column.label.zh}` },
          cell: row[column.key],
        },
        row === latestReported && column.entityId === SUBJECT_ID ? ['risks'] : [],
      );
    }
  }
}

function latestReportedRow(table: MarketTable): MarketTable['rows'][number] | undefined {
  let latest: MarketTable['rows'][number] | undefined;
  for (const row of table.rows) {
    if (!isFigure(row.year) || row.year.projected === true) continue;
    if (latest === undefined || (isFigure(latest.year) && row.year.value > latest.year.value)) {
      latest = row;
    }
  }
  return latest;
}

/** Ratios the article states, computed from the table figures rather than typed again. */
function addSubjectRatios(out: FactCollector, tables: Tables, nameOf: NameOf): void {
  const valuationOf = (companyId: string) => {
    const cell = tables.landscapeTable.rows.find((row) => row.companyId === companyId)?.valuation;
    return cell && isFigure(cell) ? cell.value : undefined;
  };
  const subjectValuation = valuationOf(SUBJECT_ID);
  if (subjectValuation === undefined) return;

  const revenueColumn = tables.marketTable.columns.find((column) => column.entityId === SUBJECT_ID);
  const latest = latestReportedRow(tables.marketTable);
  const revenueCell = revenueColumn && latest ? latest[revenueColumn.key] : undefined;
  if (revenueCell && isFigure(revenueCell) && revenueCell.value > 0) {
    out.add(SUBJECT_ID, {
      id: 'price-to-sales',
      label: { en: 'Price-to-sales ratio (valuation ÷ revenue)', zh: '市销率（估值 ÷ 营收）' },
      // The article words it as "over" the exact quotient; we keep its wording as a qualifier.
      value: figure(subjectValuation / revenueCell.value, 'ratio', { bound: 'over' }),
      sources: ['risks'],
    });
  }
  for (const peerId of VALUATION_PEERS) {
    const peerValuation = valuationOf(peerId);
    if (peerValuation === undefined || peerValuation <= 0) continue;
    const peer = nameOf(peerId);
    out.add(SUBJECT_ID, {
      id: `valuation-vs-${peerId}`,
      label: { en: `Valuation relative to ${peer.en}`, zh: `估值相当于${peer.zh}的倍数` },
      value: figure(subjectValuation / peerValuation, 'ratio'),
      sources: ['competitive-takeaway'],
      refs: [peerId],
    });
  }
}

function addFootballFacts(out: FactCollector, table: FootballTable, nameOf: NameOf): void {
  const { spree } = table;
  if (isFigure(spree.fromYear) && isFigure(spree.toYear)) {
    const span = `${spree.fromYear.value}–${spree.toYear.value}`;
    out.addCell(spree.leagueId, {
      id: 'spree-spending',
      label: {
        en: `Spent by Chinese companies on stakes in European clubs, ${span}`,
        zh: `${span} 年中国企业收购欧洲俱乐部股份的投入`,
      },
      cell: spree.spent,
    });
  }
  out.add(spree.leagueId, {
    id: 'major-deals',
    label: { en: 'Major deals by', zh: '主要交易方' },
    value: { kind: 'entities', ids: table.deals.map((deal) => deal.investorId) },
    sources: [table.source],
  });

  for (const deal of table.deals) {
    const sides = [deal.investorId, deal.clubId];
    out.add(deal.investorId, {
      id: 'club',
      label: { en: 'Club bought into', zh: '入股的俱乐部' },
      value: { kind: 'entities', ids: [deal.clubId] },
      sources: [table.source],
    });
    out.add(deal.clubId, {
      id: 'chinese-owner',
      label: { en: 'Chinese investor', zh: '中国投资方' },
      value: { kind: 'entities', ids: [deal.investorId] },
      sources: [table.source],
    });
    for (const entityId of sides) {
      out.addCell(entityId, {
        id: 'stake',
        label: { en: 'Stake bought', zh: '收购股份' },
        cell: deal.stake,
      });
      out.addCell(entityId, {
        id: 'price',
        label: { en: 'Paid or invested', zh: '收购或投资金额' },
        cell: deal.price,
      });
      out.addCell(entityId, {
        id: 'deal-year',
        label: { en: 'Year of the deal', zh: '交易年份' },
        cell: deal.year,
      });
      // Optional columns only show where the article has something to say.
      if (isFigure(deal.laterInvestment)) {
        out.addCell(entityId, {
          id: 'later-investment',
          label: { en: 'Invested since', zh: '此后累计投入' },
          cell: deal.laterInvestment,
        });
      }
      out.add(entityId, {
        id: 'outcome',
        label: { en: 'Outcome', zh: '结局' },
        value: { kind: 'text', text: deal.outcome.text },
        sources: [deal.outcome.source],
        ...(deal.lenderIds.length > 0 ? { refs: deal.lenderIds } : {}),
      });
      if (isFigure(deal.outcomeYear)) {
        out.addCell(entityId, {
          id: 'outcome-year',
          label: { en: 'Year of the outcome', zh: '结局年份' },
          cell: deal.outcomeYear,
        });
      }
      if (isFigure(deal.defaultedLoan)) {
        out.addCell(entityId, {
          id: 'defaulted-loan',
          label: { en: 'Loan defaulted on', zh: '违约贷款' },
          cell: deal.defaultedLoan,
          refs: deal.lenderIds,
        });
      }
      out.addCell(entityId, {
        id: 'losses',
        label: { en: 'Losses', zh: '亏损' },
        cell: deal.losses,
      });
      out.add(entityId, {
        id: 'losses-note',
        label: { en: 'About the losses', zh: '亏损说明' },
        value: { kind: 'text', text: deal.lossesNote.text },
        sources: [deal.lossesNote.source],
      });
    }
    for (const lenderId of deal.lenderIds) {
      const investor = nameOf(deal.investorId);
      out.addCell(lenderId, {
        id: `loan-to-${deal.investorId}`,
        label: { en: `Loan ${investor.en} defaulted on`, zh: `${investor.zh}违约的贷款` },
        cell: deal.defaultedLoan,
        refs: sides,
      });
      out.addCell(lenderId, {
        id: `default-year-${deal.investorId}`,
        label: { en: `Year ${investor.en} defaulted`, zh: `${investor.zh}违约年份` },
        cell: deal.outcomeYear,
        refs: sides,
      });
    }
  }
}

/** Every fact that comes from a table, keyed by the entity it belongs to. */
export function deriveFacts(tables: Tables, nameOf: NameOf): Map<string, Fact[]> {
  const out = new FactCollector();
  addLandscapeFacts(out, tables.landscapeTable);
  addSubjectRatios(out, tables, nameOf);
  addMarketFacts(out, tables.marketTable);
  addBenchmarkFacts(out, tables.benchmarkTable, nameOf);
  addFootballFacts(out, tables.footballTable, nameOf);
  return out.byEntity;
}
