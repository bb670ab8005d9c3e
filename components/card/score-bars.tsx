import { barWidth } from './bar-width';
import type { ScoreRow } from './card-content';
import type { CardStrings } from './card-strings';
import { FigureText } from './figure-text';

/**
 * A model's four benchmark scores, each as a bar on a 0-100 track with a tick for every other
 * model of the table; the best score's tick (or this model's "best" tag) is marked.
 */
export function ScoreBars({ rows, strings }: { rows: readonly ScoreRow[]; strings: CardStrings }) {
  return (
    <section class="section scores" aria-label={strings.scores}>
      <h3 class="section-title">{strings.scores}</h3>
      <ul class="score-list">
        {rows.map((row) => {
          const comparison = row.others
            .map((other) => `${other.name} ${other.text}`)
            .join(strings.listSeparator);
          return (
            <li key={row.benchmarkId} class={`score-row${row.isBest ? ' is-best' : ''}`}>
              <span class="score-name">
                {row.name} <span class="setting">{row.setting}</span>
              </span>
              <span class="track" role="img" aria-label={comparison}>
                {row.fraction !== undefined && (
                  <span class="fill" style={{ width: barWidth(row.fraction) }} />
                )}
                {row.others.map((other) => (
                  <span
                    key={other.entityId}
                    class={`tick${other.isBest ? ' tick-best' : ''}`}
                    style={{ left: barWidth(other.fraction) }}
                    title={`${other.name} ${other.text}`}
                  />
                ))}
              </span>
              <FigureText value={row.value} class="score-value" />
              <span class="score-rank">
                {row.rank !== undefined && strings.rank(row.rank, row.of)}
                {row.isBest && <span class="best-badge">{strings.best}</span>}
                {row.best && (
                  <span class="best-other">{strings.bestLabel(row.best.name, row.best.text)}</span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      <p class="hint">{strings.scoresHint}</p>
    </section>
  );
}
