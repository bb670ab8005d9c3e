import { useMemo } from 'preact/hooks';
import { GroupedBarChart } from '../../../components/charts/grouped-bar-chart';
import { DataTable, type TableColumn } from '../../../components/tables/data-table';
import { measureCell, textCell } from '../../../components/tables/table-cell';
import { tableStrings } from '../../../components/tables/table-strings';
import { formatAmount } from '../../../core/format-figure';
import type { UiLang } from '../../../core/ui-language';
import { benchmarkTable, type BenchmarkRow, type FigureCell } from '../../../data';
import { entityName } from '../entity-name';
import { popupStrings } from '../popup-strings';
import { SourceNote, sourceText } from './source-note';

// Every benchmark in the table is a percentage score, so the axis ends at the top mark.
const SCORE_CEILING = 100;

function scoreTick(value: number, lang: UiLang): string {
  return formatAmount({ kind: 'figure', value, unit: 'points', decimals: 0 }, { lang });
}

function scoreOf(benchmarkId: string, modelId: string): FigureCell | undefined {
  const row = benchmarkTable.rows.find((entry) => entry.modelId === modelId);
  const column = benchmarkTable.benchmarks.find((entry) => entry.benchmarkId === benchmarkId);
  return row && column ? row.scores[column.benchmarkId] : undefined;
}

function columnsFor(lang: UiLang): TableColumn<BenchmarkRow>[] {
  const strings = popupStrings[lang].models;
  return [
    {
      id: 'model',
      label: strings.model,
      rowHeader: true,
      cell: (row) => textCell(entityName(row.modelId, lang)),
    },
    {
      id: 'parameters',
      label: strings.parameters,
      numeric: true,
      cell: (row) => measureCell(row.parameters, lang),
    },
    ...benchmarkTable.benchmarks.map(({ benchmarkId, setting }): TableColumn<BenchmarkRow> => ({
      id: benchmarkId,
      label: entityName(benchmarkId, lang),
      note: setting,
      numeric: true,
      best: 'higher',
      cell: (row) => measureCell(row.scores[benchmarkId] ?? { kind: 'not-reported' }, lang),
    })),
  ];
}

/** The benchmark table, sortable with the best score per column marked, and its chart. */
export function ModelsView({ lang }: { lang: UiLang }) {
  const strings = popupStrings[lang];
  const columns = useMemo(() => columnsFor(lang), [lang]);
  const series = benchmarkTable.rows.map((row) => ({
    id: row.modelId,
    label: entityName(row.modelId, lang),
  }));
  const groups = benchmarkTable.benchmarks.map(({ benchmarkId }) => ({
    id: benchmarkId,
    label: entityName(benchmarkId, lang),
  }));

  return (
    <div class="zf-view-body">
      <DataTable
        caption={benchmarkTable.caption[lang]}
        columns={columns}
        rows={benchmarkTable.rows}
        rowKey={(row) => row.modelId}
        lang={lang}
        source={sourceText([benchmarkTable.source], lang)}
      />
      <GroupedBarChart
        title={strings.models.chartTitle}
        summary={strings.models.chartSummary}
        groups={groups}
        series={series}
        maxValue={SCORE_CEILING}
        valueOf={(benchmarkId, modelId) => {
          const score = scoreOf(benchmarkId, modelId);
          return score?.kind === 'figure'
            ? { value: score.value, label: formatAmount(score, { lang }) }
            : { value: undefined, label: '' };
        }}
        tickLabel={(value) => scoreTick(value, lang)}
        missingLabel={tableStrings[lang].notReported}
        listSeparator={strings.listSeparator}
      />
      <SourceNote sections={[benchmarkTable.source]} lang={lang} />
    </div>
  );
}
