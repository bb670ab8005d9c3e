import { useId } from 'preact/hooks';
import { LanguageSettingSchema } from '../../core/settings';
import { resolveUiLang } from '../../core/ui-language';
import type { SectionProps } from './section-props';

export function LanguageSection({ settings, t, change }: SectionProps) {
  const id = useId();
  const browserLang = resolveUiLang('auto', navigator.languages);
  return (
    <section class="panel" aria-labelledby="language-heading">
      <h2 id="language-heading">{t.language.heading}</h2>
      <fieldset class="field">
        <legend>{t.language.label}</legend>
        {LanguageSettingSchema.options.map((option) => (
          <label key={option} class="check choice">
            <input
              type="radio"
              name={`${id}-language`}
              value={option}
              checked={settings.language === option}
              onChange={() => change((settings) => ({ ...settings, language: option }))}
            />
            {/* Each language names itself, so a reader who cannot read the current one finds theirs. */}
            <span lang={option === 'auto' ? undefined : option === 'zh' ? 'zh-CN' : 'en'}>
              {option === 'auto'
                ? t.language.auto(t.language.names[browserLang])
                : t.language.names[option]}
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
