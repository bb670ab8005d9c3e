import { axisTicks } from './chart-scale';
import { ChartFrame, ChartLegend, type LegendItem, ValueGrid } from './chart-frame';

export interface BarValue {
  /** Undefined when not reported: no bar is drawn, and a dash says so. */
  value: number | undefined;
  /** The value as the reader should see it, formatted by the caller. */
  label: string;
}

export interface GroupedBarChartProps {
  title: string;
  /** Opening sentence of the text alternative; the figures of every bar follow it. */
  summary: string;
  /** Clusters along the x axis (the benchmarks). */
  groups: readonly LegendItem[];
  /** Bars inside each cluster, one colour each (the models). */
  series: readonly LegendItem[];
  valueOf: (groupId: string, seriesId: string) => BarValue;
  /** The top of the axis; by default a round number above the largest value. */
  maxValue?: number;
  tickLabel: (value: number) => string;
  /** Words for a missing bar in the text alternative ("not reported"). */
  missingLabel: string;
  /** Joins a name and its value in the text alternative ("GLM-4: 82.3"). */
  listSeparator: string;
}

const WIDTH = 640;
const HEIGHT = 240;
// Room for the tick labels on the left and the cluster names below.
const MARGIN = { top: 18, right: 8, bottom: 30, left: 36 } as const;
const CLUSTER_GAP = 0.22; // share of a cluster's width left empty between clusters
const MISSING_MARK = '—';

/** Vertical bars grouped by category, with each bar's value printed above it. */
export function GroupedBarChart({
  title,
  summary,
  groups,
  series,
  valueOf,
  maxValue,
  tickLabel,
  missingLabel,
  listSeparator,
}: GroupedBarChartProps) {
  const values = groups.flatMap((group) => series.map((item) => valueOf(group.id, item.id).value));
  const anyMissing = values.includes(undefined);
  const ticks = axisTicks(maxValue ?? Math.max(...values.map((value) => value ?? 0), 0));
  const top = ticks.at(-1) ?? 1;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const baseline = MARGIN.top + plotHeight;
  const y = (value: number) => baseline - (value / top) * plotHeight;
  const clusterWidth = plotWidth / Math.max(groups.length, 1);
  const barWidth = (clusterWidth * (1 - CLUSTER_GAP)) / Math.max(series.length, 1);

  const description = [
    summary,
    ...groups.map((group) => {
      const bars = series.map((item) => {
        const bar = valueOf(group.id, item.id);
        return `${item.label} ${bar.value === undefined ? missingLabel : bar.label}`;
      });
      return `${group.label}: ${bars.join(listSeparator)}.`;
    }),
  ].join(' ');

  return (
    <figure class="zf-chart-figure">
      {/* Seen, not read: the image below carries the same title for assistive technology. */}
      <figcaption class="zf-chart-title" aria-hidden="true">
        {title}
      </figcaption>
      <ChartLegend items={series} />
      <ChartFrame title={title} description={description} width={WIDTH} height={HEIGHT}>
        <ValueGrid
          ticks={ticks}
          y={y}
          left={MARGIN.left}
          right={WIDTH - MARGIN.right}
          tickLabel={tickLabel}
        />
        {groups.map((group, groupIndex) => {
          const clusterStart =
            MARGIN.left + groupIndex * clusterWidth + (clusterWidth * CLUSTER_GAP) / 2;
          return (
            <g key={group.id} data-group={group.id}>
              {series.map((item, seriesIndex) => {
                const bar = valueOf(group.id, item.id);
                const x = clusterStart + seriesIndex * barWidth;
                const centre = x + barWidth / 2;
                if (bar.value === undefined) {
                  return (
                    <text
                      key={item.id}
                      class="zf-chart-missing"
                      x={centre}
                      y={baseline - 6}
                      text-anchor="middle"
                    >
                      {MISSING_MARK}
                    </text>
                  );
                }
                return (
                  <g key={item.id}>
                    <rect
                      class={`zf-series-${seriesIndex}`}
                      x={x + 1}
                      y={y(bar.value)}
                      width={Math.max(barWidth - 2, 1)}
                      height={baseline - y(bar.value)}
                    />
                    <text
                      class="zf-chart-value"
                      x={centre}
                      y={y(bar.value) - 4}
                      text-anchor="middle"
                    >
                      {bar.label}
                    </text>
                  </g>
                );
              })}
              <text
                class="zf-chart-category"
                x={MARGIN.left + (groupIndex + 0.5) * clusterWidth}
                y={baseline + 18}
                text-anchor="middle"
              >
                {group.label}
              </text>
            </g>
          );
        })}
        <line
          class="zf-chart-axis"
          x1={MARGIN.left}
          x2={WIDTH - MARGIN.right}
          y1={baseline}
          y2={baseline}
        />
      </ChartFrame>
      {anyMissing && (
        <p class="zf-chart-note" aria-hidden="true">
          {MISSING_MARK} {missingLabel}
        </p>
      )}
    </figure>
  );
}
