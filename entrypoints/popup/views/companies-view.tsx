import { useMemo } from 'preact/hooks';
import { HorizontalBarChart } from '../../../components/charts/horizontal-bar-chart';
import { DataTable, type TableColumn } from '../../../components/tables/data-table';
import { measureCell, textCell } from '../../../components/tables/table-cell';
import { tableStrings } from '../../../components/tables/table-strings';
import { formatAmount, formatMeasure } from '../../../core/format-figure';
import type { UiLang } from '../../../core/ui-language';
import {
  entityById,
  landscapeTable,
  marketTable,
  type Fact,
  type Figure,
  type LandscapeRow,
} from '../../../data';
import { entityName } from '../entity-name';
import { popupStrings } from '../popup-strings';
import { SourceNote, sourceText } from './source-note';

/** The company the article is about, and the competitors its takeaway measures it against. */
const SUBJECT_ID = 'zhipu-ai';
const REVENUE_FACT_PREFIX = 'zhipu-revenue-';

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

/** The company's facts that the popup sums up; data/ derives them from the two tables. */
const IMPLIED_FACT_IDS = [
  'valuation',
  'price-to-sales',
  'valuation-vs-baidu',
  'valuation-vs-alibaba',
];

function isFigureFact(fact: Fact): fact is Fact & { value: Figure } {
  return fact.value.kind === 'figure';
}

/** Zhipu's valuation, latest reported revenue, price-to-sales and relative valuation. */
function ImpliedFigures({ lang }: { lang: UiLang }) {
  const strings = popupStrings[lang].companies;
  const facts = (entityById(SUBJECT_ID)?.facts ?? []).filter(isFigureFact);
  // The latest revenue the article reports as fact: projected years are not revenue yet.
  const revenue = facts
    .filter((fact) => fact.id.startsWith(REVENUE_FACT_PREFIX) && fact.value.projected !== true)
    .at(-1);
  const shown = IMPLIED_FACT_IDS.flatMap((id) => facts.filter((fact) => fact.id === id));
  if (revenue) shown.splice(1, 0, revenue);
  const rows = shown.map((fact) => ({
    id: fact.id,
    label: fact.label[lang],
    value: formatMeasure(fact.value, { lang, long: true }),
  }));
  if (rows.length === 0) return null;
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
