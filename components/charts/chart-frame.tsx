import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import './charts.css';

export interface ChartFrameProps {
  title: string;
  /** The chart's content in words: what a screen reader reads instead of the picture. */
  description: string;
  width: number;
  height: number;
  children: ComponentChildren;
}

/**
 * An SVG that is one image to assistive technology, named by its `<title>` and described by its
 * `<desc>`; its drawn parts are hidden from it so the figures are not read twice.
 */
export function ChartFrame({ title, description, width, height, children }: ChartFrameProps) {
  const id = useId();
  return (
    <svg
      class="zf-chart"
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g aria-hidden="true">{children}</g>
    </svg>
  );
}

export interface LegendItem {
  id: string;
  label: string;
}

/** Series names beside colour swatches, as HTML text so it wraps and zooms with the page. */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul class="zf-chart-legend" aria-hidden="true">
      {items.map((item, index) => (
        <li key={item.id}>
          <span class={`zf-swatch zf-series-${index}`} />
          {item.label}
        </li>
      ))}
    </ul>
  );
}

export interface ValueGridProps {
  ticks: readonly number[];
  /** Maps a value to its y coordinate. */
  y: (value: number) => number;
  left: number;
  right: number;
  tickLabel: (value: number) => string;
}

/** Horizontal grid lines at each tick of a vertical value axis, labelled on the left. */
export function ValueGrid({ ticks, y, left, right, tickLabel }: ValueGridProps) {
  return (
    <>
      {ticks.map((tick) => (
        <g key={tick} class="zf-chart-grid">
          <line x1={left} x2={right} y1={y(tick)} y2={y(tick)} />
          <text x={left - 6} y={y(tick)} dy="0.32em" text-anchor="end">
            {tickLabel(tick)}
          </text>
        </g>
      ))}
    </>
  );
}
