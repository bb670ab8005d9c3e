import { useRef, useState } from 'preact/hooks';
import {
  HighlightStyleSchema,
  type GroupAppearance,
  type HighlightStyle,
} from '../../core/settings';
import { entities, groups, type Group, type GroupId } from '../../data';
import { useHighlightPreview } from './highlight-preview';
import type { SectionProps } from './section-props';

const STYLES: readonly HighlightStyle[] = HighlightStyleSchema.options;

interface RowProps extends SectionProps {
  group: Group;
  look: GroupAppearance;
  setDraftColor: (color: string | undefined) => void;
}

function AppearanceRow({ group, look, setDraftColor, settings, lang, t, change }: RowProps) {
  const stored = settings.appearance[group.id];
  const name = group.name[lang];
  const names = entities
    .filter((entity) => entity.group === group.id)
    .slice(0, 2)
    .map((entity) => entity.name[lang]);
  const template = names.length > 1 ? t.appearance.sampleTwo : t.appearance.sampleOne;
  const setLook = (next: GroupAppearance) =>
    change((settings) => ({
      ...settings,
      appearance: { ...settings.appearance, [group.id]: next },
    }));

  return (
    <li class="appearance-row">
      <span class="group-name">{name}</span>
      <span class="appearance-controls">
        <input
          type="color"
          value={look.color.toLowerCase()}
          aria-label={t.appearance.colour(name)}
          data-appearance-color={group.id}
          onInput={(event) => setDraftColor(event.currentTarget.value)}
          onChange={(event) => {
            setDraftColor(undefined);
            setLook({ ...stored, color: event.currentTarget.value });
          }}
        />
        <select
          aria-label={t.appearance.style(name)}
          value={look.style}
          data-appearance-style={group.id}
          onChange={(event) =>
            setLook({ ...stored, style: HighlightStyleSchema.parse(event.currentTarget.value) })
          }
        >
          {STYLES.map((style) => (
            <option key={style} value={style}>
              {t.appearance.styles[style]}
            </option>
          ))}
        </select>
      </span>
      <span class="sample" role="group" aria-label={t.appearance.preview(name)}>
        {template.map((part, index) =>
          typeof part === 'number' ? (
            <span key={index} data-group={group.id}>
              {names[part]}
            </span>
          ) : (
            part
          ),
        )}
        {look.style === 'none' && <span class="sample-note">{t.appearance.noneNote}</span>}
      </span>
    </li>
  );
}

export function AppearanceSection(props: SectionProps) {
  const { settings, t } = props;
  const list = useRef<HTMLUListElement>(null);
  // The colour picker reports every step of a drag; the preview follows each, but only the
  // final colour is stored, so sync's write quota is not spent on the way there.
  const [drafts, setDrafts] = useState<Partial<Record<GroupId, string>>>({});
  const looks = Object.fromEntries(
    groups.map((group) => {
      const stored = settings.appearance[group.id];
      return [group.id, { ...stored, color: drafts[group.id] ?? stored.color }];
    }),
  ) as Record<GroupId, GroupAppearance>;
  useHighlightPreview(list, looks);

  return (
    <section class="panel" aria-labelledby="appearance-heading">
      <h2 id="appearance-heading">{t.appearance.heading}</h2>
      <p class="hint">{t.appearance.hint}</p>
      <ul class="appearance-list" ref={list}>
        {groups.map((group) => (
          <AppearanceRow
            key={group.id}
            {...props}
            group={group}
            look={looks[group.id]}
            setDraftColor={(color) => setDrafts((current) => ({ ...current, [group.id]: color }))}
          />
        ))}
      </ul>
    </section>
  );
}
