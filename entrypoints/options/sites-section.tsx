import { useId, useState } from 'preact/hooks';
import {
  MAX_SITES,
  SettingsSchema,
  SiteModeSchema,
  siteFromInput,
  SitePatternSchema,
  type Settings,
} from '../../core/settings';
import type { SectionProps } from './section-props';

type ListKey = 'blocked' | 'allowed';
const listOf = (settings: Settings): ListKey =>
  settings.sites.mode === 'only' ? 'allowed' : 'blocked';

const setList =
  (key: ListKey, list: string[]) =>
  (settings: Settings): Settings => ({ ...settings, sites: { ...settings.sites, [key]: list } });

export function SitesSection({ settings, t, change }: SectionProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string>();
  const { mode } = settings.sites;
  const key = listOf(settings);
  const list = settings.sites[key];
  const otherCount = settings.sites[key === 'blocked' ? 'allowed' : 'blocked'].length;

  const add = () => {
    if (draft.trim() === '') return setError(t.sites.emptyInput);
    const pattern = SitePatternSchema.safeParse(siteFromInput(draft));
    if (!pattern.success) return setError(t.sites.invalid(draft.trim()));
    if (list.includes(pattern.data)) return setError(t.sites.duplicate(pattern.data));
    const next = [...list, pattern.data];
    if (
      list.length >= MAX_SITES ||
      !SettingsSchema.shape.sites.shape[key].safeParse(next).success
    ) {
      return setError(t.sites.tooMany);
    }
    change(setList(key, next));
    setDraft('');
    setError(undefined);
  };

  return (
    <section class="panel" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t.sites.heading}</h2>
      <fieldset class="field">
        <legend>{t.sites.mode}</legend>
        {SiteModeSchema.options.map((option) => (
          <label key={option} class="check choice">
            <input
              type="radio"
              name={`${id}-mode`}
              value={option}
              checked={mode === option}
              onChange={() =>
                change((settings) => ({ ...settings, sites: { ...settings.sites, mode: option } }))
              }
            />
            <span>{t.sites.modes[option]}</span>
          </label>
        ))}
      </fieldset>

      <h3 id={`${id}-list`}>{t.sites.listLabel[mode]}</h3>
      {list.length === 0 ? (
        <p class="empty">{t.sites.empty[mode]}</p>
      ) : (
        <ul class="site-list" aria-labelledby={`${id}-list`} data-testid="site-list">
          {list.map((site) => (
            <li key={site}>
              <span class="site">{site}</span>
              <button
                type="button"
                class="quiet"
                aria-label={t.sites.remove(site)}
                onClick={() =>
                  change(
                    setList(
                      key,
                      list.filter((entry) => entry !== site),
                    ),
                  )
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {otherCount > 0 && <p class="hint">{t.sites.otherKept(otherCount)}</p>}

      <form
        class="add-site"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label for={`${id}-add`}>{t.sites.add}</label>
        <div class="add-row">
          <input
            id={`${id}-add`}
            data-testid="site-input"
            type="text"
            inputMode="url"
            autocomplete="off"
            spellcheck={false}
            placeholder={t.sites.placeholder}
            value={draft}
            aria-invalid={error !== undefined}
            aria-describedby={`${id}-error ${id}-hint`}
            onInput={(event) => {
              setDraft(event.currentTarget.value);
              setError(undefined);
            }}
          />
          <button type="submit">{t.sites.addButton}</button>
        </div>
        <p class="error" id={`${id}-error`} role="alert" data-testid="site-error">
          {error}
        </p>
        <p class="hint" id={`${id}-hint`}>
          {t.sites.patternHint}
        </p>
      </form>
    </section>
  );
}
