import { barWidth } from './bar-width';
import type { RankRow } from './card-content';
import type { CardStrings } from './card-strings';
import { FigureText } from './figure-text';

/** Every model's score on one benchmark, best first; not-reported scores last, unranked. */
export function ScoreRanking({
  rows,
  strings,
  onShowEntity,
}: {
  rows: readonly RankRow[];
  strings: CardStrings;
  onShowEntity: (entityId: string) => void;
}) {
  return (
    <section class="section ranking" aria-label={strings.ranking}>
      <h3 class="section-title">{strings.ranking}</h3>
      <ol class="rank-list">
        {rows.map((row) => (
          <li key={row.entityId} class={`rank-row${row.isBest ? ' is-best' : ''}`}>
            <span class="rank-number">{row.rank ?? '–'}</span>
            <button
              type="button"
              class="entity-link"
              onClick={() => onShowEntity(row.entityId)}
              title={strings.showEntity(row.name)}
            >
              {row.name}
            </button>
            <span class="track" aria-hidden="true">
              {row.fraction !== undefined && (
                <span class="fill" style={{ width: barWidth(row.fraction) }} />
              )}
            </span>
            <FigureText value={row.value} class="rank-value" />
            <span class="badge-slot">
              {row.isBest && <span class="best-badge">{strings.best}</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
