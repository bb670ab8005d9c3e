import { barWidth } from './bar-width';
import type { CardSeries } from './card-content';
import { FigureText } from './figure-text';

/** A yearly series (Zhipu's revenue) as one bar per year, scaled to the largest value. */
export function SeriesBars({ series }: { series: CardSeries }) {
  return (
    <section class="section series" aria-label={series.label}>
      <h3 class="section-title">
        {series.label}
        {series.qualifiers.map((qualifier) => (
          <span key={qualifier} class="qualifier">
            {qualifier}
          </span>
        ))}
      </h3>
      <ul class="series-list">
        {series.points.map((point) => (
          <li key={point.label} class="series-row">
            <span class="series-label">{point.label}</span>
            <span class="track" aria-hidden="true">
              {point.fraction !== undefined && (
                <span class="fill" style={{ width: barWidth(point.fraction) }} />
              )}
            </span>
            <FigureText value={point.value} class="series-value" />
          </li>
        ))}
      </ul>
    </section>
  );
}
