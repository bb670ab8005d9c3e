import { ChartFrame } from './chart-frame';
import { axisTicks } from './chart-scale';

export interface HorizontalBar {
  id: string;
  label: string;
  /** Undefined when not reported: no bar, a dash instead. */
  value: number | undefined;
  valueLabel: string;
  /** Drawn in the accent colour (the company the article is about). */
  emphasis?: boolean;
}

export interface HorizontalBarChartProps {
  title: string;
  /** Opening sentence of the text alternative; every bar's figure follows it. */
  summary: string;
  bars: readonly HorizontalBar[];
  tickLabel: (value: number) => string;
  missingLabel: string;
  listSeparator: string;
}

const WIDTH = 560;
const ROW = 30;
// Names on the left, the value printed after each bar on the right.
const MARGIN = { top: 8, right: 64, bottom: 24, left: 120 } as const;
const BAR_SHARE = 0.62; // bar thickness as a share of its row

/** One bar per item, longest first is the caller's choice; the axis starts at zero. */
export function HorizontalBarChart({
  title,
  summary,
  bars,
  tickLabel,
  missingLabel,
  listSeparator,
}: HorizontalBarChartProps) {
  const height = MARGIN.top + bars.length * ROW + MARGIN.bottom;
  const ticks = axisTicks(Math.max(...bars.map((bar) => bar.value ?? 0), 0));
  const top = ticks.at(-1) ?? 1;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const x = (value: number) => MARGIN.left + (value / top) * plotWidth;
  const bottom = MARGIN.top + bars.length * ROW;

  const description = `${summary} ${bars
    .map((bar) => `${bar.label} ${bar.value === undefined ? missingLabel : bar.valueLabel}`)
    .join(listSeparator)}.`;

  return (
    <figure class="zf-chart-figure">
      {/* Seen, not read: the image below carries the same title for assistive technology. */}
      <figcaption class="zf-chart-title" aria-hidden="true">
        {title}
      </figcaption>
      <ChartFrame title={title} description={description} width={WIDTH} height={height}>
        {ticks.map((tick) => (
          <g key={tick} class="zf-chart-grid">
            <line x1={x(tick)} x2={x(tick)} y1={MARGIN.top} y2={bottom} />
            <text x={x(tick)} y={bottom + 16} text-anchor="middle">
              {tickLabel(tick)}
            </text>
          </g>
        ))}
        {bars.map((bar, index) => {
          const rowTop = MARGIN.top + index * ROW;
          const centre = rowTop + ROW / 2;
          const thickness = ROW * BAR_SHARE;
          const end = bar.value === undefined ? MARGIN.left : x(bar.value);
          return (
            <g key={bar.id} data-bar={bar.id}>
              <text
                class="zf-chart-category"
                x={MARGIN.left - 8}
                y={centre}
                dy="0.32em"
                text-anchor="end"
              >
                {bar.label}
              </text>
              {bar.value !== undefined && (
                <rect
                  class={bar.emphasis ? 'zf-bar-emphasis' : 'zf-bar'}
                  x={MARGIN.left}
                  y={centre - thickness / 2}
                  width={Math.max(end - MARGIN.left, 1)}
                  height={thickness}
                />
              )}
              <text
                class={bar.value === undefined ? 'zf-chart-missing' : 'zf-chart-value'}
                x={end + 6}
                y={centre}
                dy="0.32em"
              >
                {bar.value === undefined ? '—' : bar.valueLabel}
              </text>
            </g>
          );
        })}
        <line class="zf-chart-axis" x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={bottom} />
      </ChartFrame>
    </figure>
  );
}
