import { useMemo } from 'preact/hooks';
import { HorizontalBarChart } from '../../../components/charts/horizontal-bar-chart';
import { DataTable, type TableColumn } from '../../../components/tables/data-table';
import { measureCell, textCell } from '../../../components/tables/table-cell';
import { tableStrings } from '../../../components/tables/table-strings';
import { valuationFigures } from '../../../core/derived-figures';
import { formatAmount, formatMeasure } from '../../../core/format-figure';
import type { UiLang } from '../../../core/ui-language';
import { landscapeTable, marketTable, type LandscapeRow } from '../../../data';
import { entityName } from '../entity-name';
import { popupStrings } from '../popup-strings';
import { SourceNote, sourceText } from './source-note';

/** The company the article is about, and the competitors its takeaway measures it against. */
const SUBJECT_ID = 'zhipu-ai';
const PEER_IDS = ['baidu', 'alibaba'] as const;

function columnsFor(lang: UiLang): TableColumn<LandscapeRow>[] {
  const strings = popupStrings[lang].companies;
  return [
    {
      id: 'company',
      label: strings.company,
      rowHeader: true,
      cell: (row) => textCell(entityName(row.companyId, lang)),
    },
    {
      id: 'flagship',
      label: strings.flagship,
      cell: (row) => textCell(entityName(row.flagshipModelId, lang)),
    },
    {
      id: 'valuation',
      label: strings.valuation,
      numeric: true,
      cell: (row) => measureCell(row.valuation, lang),
    },
    {
      id: 'differentiator',
      prose: true,
      label: strings.differentiator,
      cell: (row) => textCell(row.differentiator.text[lang]),
    },
    {
      id: 'funding',
      prose: true,
      label: strings.funding,
      cell: (row) => textCell(row.funding.text[lang]),
    },
  ];
}

/** Zhipu's price-to-sales and relative valuation, computed from the two tables. */
function ImpliedFigures({ lang }: { lang: UiLang }) {
  const strings = popupStrings[lang].companies;
  const figures = valuationFigures({
    landscape: landscapeTable,
    market: marketTable,
    companyId: SUBJECT_ID,
    peerIds: PEER_IDS,
  });
  if (!figures) return null;
  const long = { lang, long: true };
  const rows: { id: string; label: string; value: string }[] = [
    {
      id: 'valuation',
      label: strings.valuationLabel,
      value: formatMeasure(figures.valuation, long),
    },
    {
      id: 'revenue',
      label: strings.revenue(
        formatAmount({ kind: 'figure', value: figures.revenueYear, unit: 'year' }, { lang }),
      ),
      value: formatMeasure(figures.revenue, long),
    },
    {
      id: 'price-to-sales',
      label: strings.priceToSales,
      value: formatMeasure(figures.priceToSales, long),
    },
    ...figures.multiples.map((entry) => ({
      id: `relative-${entry.peerId}`,
      label: strings.relativeTo(entityName(entry.peerId, lang)),
      value: formatMeasure(entry.multiple, long),
    })),
  ];
  return (
    <section class="zf-derived" aria-labelledby="zf-derived-heading">
      <h3 id="zf-derived-heading">{strings.derivedHeading(entityName(SUBJECT_ID, lang))}</h3>
      <dl>
        {rows.map((row) => (
          <div key={row.id} class="zf-derived-row" data-derived={row.id}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      <p class="zf-derived-note">{strings.derivedNote}</p>
    </section>
  );
}

/** The competitive landscape, its valuation chart and the ratios the article draws from it. */
export function CompaniesView({ lang }: { lang: UiLang }) {
  const strings = popupStrings[lang];
  const columns = useMemo(() => columnsFor(lang), [lang]);
  const bars = landscapeTable.rows.map((row) => ({
    id: row.companyId,
    label: entityName(row.companyId, lang),
    value: row.valuation.kind === 'figure' ? row.valuation.value : undefined,
    valueLabel: row.valuation.kind === 'figure' ? formatAmount(row.valuation, { lang }) : '',
    emphasis: row.companyId === SUBJECT_ID,
  }));

  return (
    <div class="zf-view-body">
      <DataTable
        caption={landscapeTable.caption[lang]}
        columns={columns}
        rows={landscapeTable.rows}
        rowKey={(row) => row.companyId}
        lang={lang}
        source={sourceText([landscapeTable.source], lang)}
      />
      <div class="zf-view-side">
        <ImpliedFigures lang={lang} />
        <HorizontalBarChart
          title={strings.companies.chartTitle}
          summary={strings.companies.chartSummary}
          bars={bars}
          tickLabel={(value) => formatAmount({ kind: 'figure', value, unit: 'CNY' }, { lang })}
          missingLabel={tableStrings[lang].notReported}
          listSeparator={strings.listSeparator}
        />
      </div>
      <SourceNote sections={[landscapeTable.source, marketTable.source]} lang={lang} />
    </div>
  );
}
