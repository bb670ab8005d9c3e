import { ChartFrame, ValueGrid } from './chart-frame';
import { axisTicks } from './chart-scale';

export interface TrendPoint {
  /** Position on the x axis (a year). */
  x: number;
  xLabel: string;
  /** Undefined when not reported: the line breaks there. */
  value: number | undefined;
  valueLabel: string;
  /** A projection, not a measurement: drawn hollow and reached by a dashed line. */
  projected: boolean;
}

export interface TrendChartProps {
  title: string;
  /** Opening sentence of the text alternative; every point's figure follows it. */
  summary: string;
  points: readonly TrendPoint[];
  /** Colour slot, shared with the legend of the chart beside it. */
  seriesIndex: number;
  tickLabel: (value: number) => string;
  /** Added after a projected point's value in the text alternative ("projected"). */
  projectedLabel: string;
  missingLabel: string;
  listSeparator: string;
}

const WIDTH = 280;
const HEIGHT = 210;
// Room for tick labels on the left, year labels below, value labels above the top point.
const MARGIN = { top: 24, right: 26, bottom: 26, left: 52 } as const;
const DOT_RADIUS = 4;
const LABEL_GAP = 6;

type LabelSide = 'left' | 'centre' | 'right';

/**
 * Where a point's value goes: where the line is not. A rising line leaves the upper left of each
 * point free, a falling one the upper right. The first and last points are centred instead of
 * being pushed past the axis or the edge.
 */
function labelSide(points: readonly TrendPoint[], index: number): LabelSide {
  const here = points[index]?.value;
  const before = points[index - 1]?.value;
  const after = points[index + 1]?.value;
  if (here === undefined) return 'centre';
  const slope = after !== undefined ? after - here : before !== undefined ? here - before : 0;
  const side = slope > 0 ? 'left' : 'right';
  if (side === 'left' && index === 0) return 'centre';
  if (side === 'right' && index === points.length - 1) return 'centre';
  return side;
}

const LABEL_ANCHOR = { left: 'end', centre: 'middle', right: 'start' } as const;
const LABEL_SHIFT = { left: -1, centre: 0, right: 1 } as const;

/** One series over time on an axis from zero; projected points are drawn differently. */
export function TrendChart({
  title,
  summary,
  points,
  seriesIndex,
  tickLabel,
  projectedLabel,
  missingLabel,
  listSeparator,
}: TrendChartProps) {
  const ticks = axisTicks(Math.max(...points.map((point) => point.value ?? 0), 0));
  const top = ticks.at(-1) ?? 1;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const baseline = MARGIN.top + plotHeight;
  const xs = points.map((point) => point.x);
  const [minX, maxX] = [Math.min(...xs), Math.max(...xs)];
  const spanX = maxX - minX || 1;
  const x = (value: number) => MARGIN.left + ((value - minX) / spanX) * plotWidth;
  const y = (value: number) => baseline - (value / top) * plotHeight;

  const segments = points.slice(1).flatMap((point, index) => {
    const previous = points[index];
    if (!previous || previous.value === undefined || point.value === undefined) return [];
    return [
      {
        key: `${previous.x}-${point.x}`,
        projected: point.projected || previous.projected,
        x1: x(previous.x),
        y1: y(previous.value),
        x2: x(point.x),
        y2: y(point.value),
      },
    ];
  });

  const description = `${summary} ${points
    .map((point) => {
      const value = point.value === undefined ? missingLabel : point.valueLabel;
      return `${point.xLabel} ${value}${point.projected ? ` (${projectedLabel})` : ''}`;
    })
    .join(listSeparator)}.`;

  return (
    <ChartFrame title={title} description={description} width={WIDTH} height={HEIGHT}>
      <ValueGrid
        ticks={ticks}
        y={y}
        left={MARGIN.left}
        right={WIDTH - MARGIN.right}
        tickLabel={tickLabel}
      />
      <line
        class="zf-chart-axis"
        x1={MARGIN.left}
        x2={WIDTH - MARGIN.right}
        y1={baseline}
        y2={baseline}
      />
      {segments.map((segment) => (
        <line
          key={segment.key}
          class={`zf-line zf-series-${seriesIndex}${segment.projected ? ' zf-line-projected' : ''}`}
          x1={segment.x1}
          y1={segment.y1}
          x2={segment.x2}
          y2={segment.y2}
        />
      ))}
      {points.map((point, index) => (
        <g key={point.x} data-point={point.x}>
          <text class="zf-chart-category" x={x(point.x)} y={baseline + 17} text-anchor="middle">
            {point.xLabel}
          </text>
          {point.value !== undefined && (
            <>
              <circle
                class={`zf-dot zf-series-${seriesIndex}${point.projected ? ' zf-dot-projected' : ''}`}
                cx={x(point.x)}
                cy={y(point.value)}
                r={DOT_RADIUS}
              />
              <text
                class="zf-chart-value zf-chart-halo"
                x={x(point.x) + LABEL_SHIFT[labelSide(points, index)] * LABEL_GAP}
                y={y(point.value) - (labelSide(points, index) === 'centre' ? 2 : 1) * LABEL_GAP}
                text-anchor={LABEL_ANCHOR[labelSide(points, index)]}
              >
                {point.valueLabel}
              </text>
            </>
          )}
        </g>
      ))}
    </ChartFrame>
  );
}
