import { useState } from 'preact/hooks';
import { foldText } from '../../../core/fold-text';
import type { UiLang } from '../../../core/ui-language';
import { localeOf } from '../../../core/ui-language';
import { entityById, groups, type GroupId } from '../../../data';
import { formatCount } from '../format-count';
import type { PageState } from '../page-connection';
import { popupStrings } from '../popup-strings';

type Mention = Extract<PageState, { status: 'ready' }>['mentions'][number];

interface MentionGroup {
  id: GroupId;
  name: string;
  mentions: (Mention & { name: string })[];
}

/** Mentions under their data group, groups in data order, most mentioned first within each. */
function groupMentions(mentions: readonly Mention[], lang: UiLang): MentionGroup[] {
  const collator = new Intl.Collator(localeOf(lang));
  return groups.flatMap((group) => {
    const members = mentions
      .flatMap((mention) => {
        const entity = entityById(mention.entityId);
        return entity?.group === group.id ? [{ ...mention, name: entity.name[lang] }] : [];
      })
      .sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
    return members.length > 0 ? [{ id: group.id, name: group.name[lang], mentions: members }] : [];
  });
}

export interface PageViewProps {
  lang: UiLang;
  page: PageState;
  /** False when the settings keep the extension off on this page. */
  highlighting: boolean;
  onReveal: (entityId: string) => Promise<boolean>;
  onRefresh: () => void;
}

/** "On this page": what the current tab mentions, grouped, each a button that goes there. */
export function PageView({ lang, page, highlighting, onReveal, onRefresh }: PageViewProps) {
  const strings = popupStrings[lang].page;
  const [failed, setFailed] = useState(false);

  const reveal = async (entityId: string) => {
    setFailed(!(await onReveal(entityId)));
  };

  let body;
  if (page.status === 'loading') {
    body = <p class="zf-status">{strings.loading}</p>;
  } else if (page.status === 'no-tab') {
    body = <p class="zf-status">{strings.noTab}</p>;
  } else if (page.status === 'unavailable') {
    body = (
      <p class="zf-status zf-status-warning" data-state="unavailable">
        {strings.unavailable}
      </p>
    );
  } else if (!highlighting) {
    body = (
      <p class="zf-status" data-state="off">
        {strings.off}
      </p>
    );
  } else if (page.mentions.length === 0) {
    body = (
      <p class="zf-status" data-state="none">
        {strings.none}
      </p>
    );
  } else {
    const grouped = groupMentions(page.mentions, lang);
    const total = page.mentions.reduce((sum, mention) => sum + mention.count, 0);
    body = (
      <>
        <p class="zf-page-summary">
          {strings.total(
            page.mentions.length,
            formatCount(page.mentions.length, lang),
            total,
            formatCount(total, lang),
          )}{' '}
          {strings.revealHint}
        </p>
        {grouped.map((group) => (
          <section key={group.id} class="zf-mention-group" aria-labelledby={`zf-group-${group.id}`}>
            <h3 id={`zf-group-${group.id}`} class={`zf-group-name zf-group-${group.id}`}>
              {group.name}
            </h3>
            <ul class="zf-mentions">
              {group.mentions.map((mention) => {
                // Say how the page wrote it when that differs from the name (智谱 for Zhipu AI).
                const differs = foldText(mention.text) !== foldText(mention.name);
                return (
                  <li key={mention.entityId}>
                    <button
                      type="button"
                      class="zf-mention"
                      data-entity={mention.entityId}
                      onClick={() => void reveal(mention.entityId)}
                    >
                      <span class="zf-mention-name">{mention.name}</span>
                      <span class="zf-mention-count">
                        {strings.mentionCount(mention.count, formatCount(mention.count, lang))}
                      </span>
                      {differs && (
                        <span class="zf-mention-text">{strings.writtenAs(mention.text)}</span>
                      )}
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </>
    );
  }

  return (
    <div class="zf-view-body zf-view-single">
      <div class="zf-page-head">
        <h2 class="zf-view-heading">{strings.heading}</h2>
        {page.status !== 'no-tab' && (
          <button type="button" class="zf-button zf-button-small" onClick={onRefresh}>
            {strings.refresh}
          </button>
        )}
      </div>
      {body}
      {failed && (
        <p class="zf-error" role="alert">
          {strings.revealFailed}
        </p>
      )}
    </div>
  );
}
