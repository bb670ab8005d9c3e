import type {
  EntityId,
  Figure,
  FigureCell,
  LandscapeTable,
  MarketColumnKey,
  MarketTable,
} from '../data/schema';

/** One company's valuation as a multiple of another's. */
export interface ValuationMultiple {
  peerId: EntityId;
  peerValuation: Figure;
  multiple: Figure;
}

/** Figures the article implies but does not tabulate, computed from its tables. */
export interface ValuationFigures {
  companyId: EntityId;
  valuation: Figure;
  /** The latest revenue the market table reports as fact (projected years are skipped). */
  revenue: Figure;
  revenueYear: number;
  /** Valuation divided by that revenue. */
  priceToSales: Figure;
  multiples: ValuationMultiple[];
}

export interface ValuationFiguresOptions {
  landscape: LandscapeTable;
  market: MarketTable;
  companyId: EntityId;
  peerIds: readonly EntityId[];
}

function reported(cell: FigureCell | undefined): Figure | undefined {
  return cell?.kind === 'figure' ? cell : undefined;
}

/** A ratio inherits the doubt of what it is made of: an estimate in, an estimate out. */
function ratio(numerator: Figure, denominator: Figure): Figure {
  const estimated = numerator.estimated === true || denominator.estimated === true;
  const projected = numerator.projected === true || denominator.projected === true;
  return {
    kind: 'figure',
    value: numerator.value / denominator.value,
    unit: 'ratio',
    ...(estimated ? { estimated } : {}),
    ...(projected ? { projected } : {}),
  };
}

function revenueColumn(market: MarketTable, companyId: EntityId): MarketColumnKey | undefined {
  return market.columns.find((column) => column.entityId === companyId)?.key;
}

/**
 * The company's price-to-sales and its valuation relative to each peer, or undefined when the
 * tables lack a figure it needs (a missing figure is never read as zero). Peers without a
 * reported valuation are left out. Currencies must match; the tables price everything in yuan.
 */
export function valuationFigures({
  landscape,
  market,
  companyId,
  peerIds,
}: ValuationFiguresOptions): ValuationFigures | undefined {
  const valuationOf = (id: EntityId) =>
    reported(landscape.rows.find((row) => row.companyId === id)?.valuation);
  const valuation = valuationOf(companyId);
  const column = revenueColumn(market, companyId);
  if (!valuation || valuation.value <= 0 || !column) return undefined;

  const latest = market.rows
    .map((row) => ({ year: reported(row.year), revenue: reported(row[column]) }))
    .filter(
      (entry): entry is { year: Figure; revenue: Figure } =>
        entry.year !== undefined &&
        entry.revenue !== undefined &&
        entry.year.projected !== true &&
        entry.revenue.projected !== true &&
        entry.revenue.value > 0 &&
        entry.revenue.unit === valuation.unit,
    )
    .sort((a, b) => b.year.value - a.year.value)[0];
  if (!latest) return undefined;

  const multiples = peerIds.flatMap((peerId): ValuationMultiple[] => {
    const peerValuation = valuationOf(peerId);
    if (!peerValuation || peerValuation.value <= 0 || peerValuation.unit !== valuation.unit) {
      return [];
    }
    return [{ peerId, peerValuation, multiple: ratio(valuation, peerValuation) }];
  });

  return {
    companyId,
    valuation,
    revenue: latest.revenue,
    revenueYear: latest.year.value,
    priceToSales: ratio(valuation, latest.revenue),
    multiples,
  };
}
