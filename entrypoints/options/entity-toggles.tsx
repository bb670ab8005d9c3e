import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { isEntityEnabled, type Settings } from '../../core/settings';
import { entities, groups, type Entity, type Group } from '../../data';
import { entityMatches } from './filter-entities';
import type { SectionProps, SettingsChange } from './section-props';

const setEntities =
  (ids: readonly string[], on: boolean): SettingsChange =>
  (settings: Settings) => ({
    ...settings,
    entities: { ...settings.entities, ...Object.fromEntries(ids.map((id) => [id, on])) },
  });

interface GroupProps extends SectionProps {
  group: Group;
  members: Entity[];
  shown: Entity[];
}

function GroupToggles({ group, members, shown, settings, lang, t, change }: GroupProps) {
  const box = useRef<HTMLInputElement>(null);
  const countId = useId();
  const on = members.filter((entity) => isEntityEnabled(settings, entity.id)).length;
  const all = on === members.length;
  const mixed = on > 0 && !all;
  // `indeterminate` exists only as a DOM property; screen readers announce it as "mixed".
  useLayoutEffect(() => {
    if (box.current) box.current.indeterminate = mixed;
  }, [mixed]);
  const other = lang === 'en' ? 'zh' : 'en';

  return (
    <section class="entity-group" aria-labelledby={`${countId}-name`}>
      <div class="entity-group-head">
        <label class="check group-check">
          <input
            ref={box}
            type="checkbox"
            checked={all}
            aria-describedby={countId}
            data-group-toggle={group.id}
            onChange={() =>
              change(
                setEntities(
                  members.map((entity) => entity.id),
                  !all,
                ),
              )
            }
          />
          <span id={`${countId}-name`} class="group-name">
            {group.name[lang]}
          </span>
        </label>
        <span id={countId} class="count">
          {t.entities.total(on, members.length)}
        </span>
      </div>
      <ul class="entity-list">
        {shown.map((entity) => (
          <li key={entity.id}>
            <label class="check">
              <input
                type="checkbox"
                checked={isEntityEnabled(settings, entity.id)}
                data-entity={entity.id}
                onChange={(event) => change(setEntities([entity.id], event.currentTarget.checked))}
              />
              <span class="names">
                <span class="entity-name">{entity.name[lang]}</span>
                {entity.name[other] !== entity.name[lang] && (
                  // The other language's name helps a reader find it; the toggle's accessible
                  // name stays the one name in the UI language.
                  <span class="alt-name" aria-hidden="true">
                    {entity.name[other]}
                  </span>
                )}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function EntityToggles(props: SectionProps) {
  const { settings, t } = props;
  const [query, setQuery] = useState('');
  const searchId = useId();
  const on = entities.filter((entity) => isEntityEnabled(settings, entity.id)).length;
  const shownCount = entities.filter((entity) => entityMatches(entity, query)).length;

  return (
    <section class="panel" aria-labelledby="entities-heading">
      <div class="panel-head">
        <h2 id="entities-heading">{t.entities.heading}</h2>
        <span class="count" data-testid="entity-total">
          {t.entities.total(on, entities.length)}
        </span>
      </div>
      <p class="hint">{t.entities.hint}</p>
      <div class="search">
        <label for={searchId}>{t.entities.search}</label>
        <input
          id={searchId}
          type="search"
          value={query}
          placeholder={t.entities.searchPlaceholder}
          autocomplete="off"
          spellcheck={false}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
        <span class="search-result" role="status">
          {query.trim() === '' ? '' : t.entities.matches(shownCount)}
        </span>
      </div>
      <div class="entity-groups">
        {groups.map((group) => {
          const members = entities.filter((entity) => entity.group === group.id);
          const shown = members.filter((entity) => entityMatches(entity, query));
          if (members.length === 0 || shown.length === 0) return null;
          return (
            <GroupToggles key={group.id} {...props} group={group} members={members} shown={shown} />
          );
        })}
      </div>
    </section>
  );
}
