import { useMemo } from 'preact/hooks';
import { TrendChart, type TrendPoint } from '../../../components/charts/trend-chart';
import { DataTable, type TableColumn } from '../../../components/tables/data-table';
import { measureCell } from '../../../components/tables/table-cell';
import { tableStrings } from '../../../components/tables/table-strings';
import { formatAmount } from '../../../core/format-figure';
import type { UiLang } from '../../../core/ui-language';
import { marketTable, type MarketColumnKey, type MarketRow } from '../../../data';
import { popupStrings } from '../popup-strings';
import { SourceNote, sourceText } from './source-note';

/** The two series the article sets against each other: one rises while the other falls. */
const TREND_KEYS = ['aiMarket', 'overseasFootballInvestment'] as const satisfies MarketColumnKey[];

function isProjected(row: MarketRow): boolean {
  return row.year.kind === 'figure' && row.year.projected === true;
}

function yearKey(row: MarketRow): string {
  return row.year.kind === 'figure' ? String(row.year.value) : 'unknown';
}

function columnsFor(lang: UiLang): TableColumn<MarketRow>[] {
  return [
    {
      id: 'year',
      label: popupStrings[lang].market.year,
      rowHeader: true,
      cell: (row) => measureCell(row.year, lang),
    },
    ...marketTable.columns.map((column): TableColumn<MarketRow> => ({
      id: column.key,
      label: column.label[lang],
      numeric: true,
      cell: (row) => measureCell(row[column.key], lang),
    })),
  ];
}

function trendPoints(key: MarketColumnKey, lang: UiLang): TrendPoint[] {
  return marketTable.rows.flatMap((row) => {
    if (row.year.kind !== 'figure') return [];
    const cell = row[key];
    return [
      {
        x: row.year.value,
        xLabel: formatAmount(row.year, { lang }),
        value: cell.kind === 'figure' ? cell.value : undefined,
        valueLabel: cell.kind === 'figure' ? formatAmount(cell, { lang }) : '',
        projected: isProjected(row),
      },
    ];
  });
}

/** The market growth table, and the AI market and football investment drawn side by side. */
export function MarketView({ lang }: { lang: UiLang }) {
  const strings = popupStrings[lang];
  const columns = useMemo(() => columnsFor(lang), [lang]);
  const trends = TREND_KEYS.flatMap((key) => {
    const column = marketTable.columns.find((entry) => entry.key === key);
    return column ? [{ key, label: column.label[lang] }] : [];
  });

  return (
    <div class="zf-view-body">
      <DataTable
        caption={marketTable.caption[lang]}
        captionNote={strings.market.projectedNote}
        columns={columns}
        rows={marketTable.rows}
        rowKey={yearKey}
        rowClass={(row) => (isProjected(row) ? 'zf-projected' : undefined)}
        lang={lang}
        source={sourceText([marketTable.source], lang)}
      />
      <figure class="zf-chart-figure zf-trends">
        <figcaption>
          <span class="zf-figure-title">{strings.market.chartsTitle}</span>
          <span class="zf-figure-note">{strings.market.chartsNote}</span>
        </figcaption>
        <div class="zf-trend-pair">
          {trends.map((trend, index) => (
            <div class="zf-trend" key={trend.key} data-trend={trend.key}>
              <p class="zf-trend-title" aria-hidden="true">
                <span class={`zf-swatch zf-series-${index}`} />
                {trend.label}
              </p>
              <TrendChart
                title={trend.label}
                summary={strings.market.trendSummary(trend.label)}
                points={trendPoints(trend.key, lang)}
                seriesIndex={index}
                tickLabel={(value) =>
                  formatAmount({ kind: 'figure', value, unit: 'CNY' }, { lang })
                }
                projectedLabel={strings.market.projected}
                missingLabel={tableStrings[lang].notReported}
                listSeparator={strings.listSeparator}
              />
            </div>
          ))}
        </div>
      </figure>
      <SourceNote sections={[marketTable.source]} lang={lang} />
    </div>
  );
}
