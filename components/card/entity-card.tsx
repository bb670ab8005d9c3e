import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import type { CardContent, EntityLink, TablesView } from './card-content';
import type { CardStrings } from './card-strings';
import { FigureText } from './figure-text';
import { ScoreBars } from './score-bars';
import { ScoreRanking } from './score-ranking';
import { SeriesBars } from './series-bars';

export interface EntityCardProps {
  content: CardContent;
  strings: CardStrings;
  /** BCP 47 tag of the UI language, so screen readers and fonts pick the right voice and glyphs. */
  locale: string;
  /** The highlight colour of the entity's group, used as the card's accent. */
  accent: string;
  /** Pinned cards (clicked, or opened from the keyboard) are dialogs; hover cards are tooltips. */
  pinned: boolean;
  /** Shown when the reader went from one card to a related entity's. */
  onBack: (() => void) | undefined;
  onClose: () => void;
  onShowEntity: (entityId: string) => void;
  onOpenTables: (view: TablesView) => void;
  rootRef?: Ref<HTMLElement>;
}

const TITLE_ID = 'zf-card-title';
const DESCRIPTION_ID = 'zf-card-description';

function EntityButtons({
  entities,
  strings,
  onShowEntity,
}: {
  entities: readonly EntityLink[];
  strings: CardStrings;
  onShowEntity: (entityId: string) => void;
}) {
  return (
    <span class="chips">
      {entities.map((entity) => (
        <button
          key={entity.id}
          type="button"
          class="chip-button"
          title={strings.showEntity(entity.name)}
          onClick={() => onShowEntity(entity.id)}
        >
          {entity.name}
        </button>
      ))}
    </span>
  );
}

/** Text facts shown at once; the rest wait behind "More", so the card stays short. */
const TEXTS_SHOWN = 3;
/** Related entities shown at once (Zhipu AI has fifteen); a button shows the rest. */
const RELATED_SHOWN = 6;

/** The hover card of one entity: its figures from the article, its source and related entities. */
export function EntityCard({
  content,
  strings,
  locale,
  accent,
  pinned,
  onBack,
  onClose,
  onShowEntity,
  onOpenTables,
  rootRef,
}: EntityCardProps) {
  const [allRelated, setAllRelated] = useState(false);
  const shownTexts = content.texts.slice(0, TEXTS_SHOWN);
  const moreTexts = content.texts.slice(TEXTS_SHOWN);
  const hiddenRelated = allRelated ? 0 : Math.max(0, content.related.length - RELATED_SHOWN);
  const shownRelated = content.related.slice(0, content.related.length - hiddenRelated);
  return (
    <article
      ref={rootRef}
      class={`card group-${content.group}`}
      role={pinned ? 'dialog' : 'tooltip'}
      aria-labelledby={TITLE_ID}
      aria-describedby={DESCRIPTION_ID}
      lang={locale}
      dir="ltr"
      tabIndex={-1}
      style={{ '--accent': accent }}
      data-entity={content.entityId}
    >
      <header class="head">
        <div class="head-row">
          {onBack && (
            <button
              type="button"
              class="icon-button back"
              onClick={onBack}
              aria-label={strings.back}
              title={strings.back}
            >
              ←
            </button>
          )}
          <span class="group-chip">{content.groupName}</span>
          <button
            type="button"
            class="icon-button close"
            onClick={onClose}
            aria-label={strings.close}
            title={strings.close}
          >
            ×
          </button>
        </div>
        <h2 class="title" id={TITLE_ID}>
          {content.name}
          {content.otherName && <span class="other-name">{content.otherName}</span>}
        </h2>
        <p class="description" id={DESCRIPTION_ID}>
          {content.description}
        </p>
      </header>

      <div class="body">
        {content.scores.length > 0 && <ScoreBars rows={content.scores} strings={strings} />}
        {content.ranking.length > 0 && (
          <ScoreRanking rows={content.ranking} strings={strings} onShowEntity={onShowEntity} />
        )}
        {content.figures.length > 0 && (
          <section class="section" aria-label={strings.keyFigures}>
            <dl class="figures">
              {content.figures.map((fact) => (
                <div key={fact.id} class="figure-tile" data-fact={fact.id}>
                  <dt class="figure-label">{fact.label}</dt>
                  <dd class="figure-value">
                    <FigureText value={fact.value} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        )}
        {content.series.map((series) => (
          <SeriesBars key={series.label} series={series} />
        ))}
        {(content.links.length > 0 || content.texts.length > 0) && (
          <dl class="facts">
            {content.links.map((fact) => (
              <div key={fact.id} class="fact" data-fact={fact.id}>
                <dt>{fact.label}</dt>
                <dd>
                  <EntityButtons
                    entities={fact.entities}
                    strings={strings}
                    onShowEntity={onShowEntity}
                  />
                </dd>
              </div>
            ))}
            {shownTexts.map((fact) => (
              <div key={fact.id} class="fact" data-fact={fact.id}>
                <dt>{fact.label}</dt>
                <dd>{fact.text}</dd>
              </div>
            ))}
          </dl>
        )}
        {moreTexts.length > 0 && (
          <details class="more">
            <summary>{strings.more(moreTexts.length)}</summary>
            <dl class="facts">
              {moreTexts.map((fact) => (
                <div key={fact.id} class="fact" data-fact={fact.id}>
                  <dt>{fact.label}</dt>
                  <dd>{fact.text}</dd>
                </div>
              ))}
            </dl>
          </details>
        )}
        {content.related.length > 0 && (
          <section class="section related" aria-label={strings.related}>
            <h3 class="section-title">{strings.related}</h3>
            <span class="chips">
              <EntityButtons
                entities={shownRelated}
                strings={strings}
                onShowEntity={onShowEntity}
              />
              {hiddenRelated > 0 && (
                <button
                  type="button"
                  class="chip-button more-chips"
                  onClick={() => setAllRelated(true)}
                >
                  {strings.moreRelated(hiddenRelated)}
                </button>
              )}
            </span>
          </section>
        )}
      </div>

      <footer class="foot">
        <p class="source">
          <span class="source-line">{strings.sourceLine(content.source.published)}</span>
          <cite class="source-title" title={content.source.title}>
            {content.source.title}
          </cite>
        </p>
        <button type="button" class="tables-link" onClick={() => onOpenTables(content.tablesView)}>
          {strings.fullTables} →
        </button>
      </footer>
    </article>
  );
}
