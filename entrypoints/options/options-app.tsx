import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../core/settings';
import { localeOf, resolveUiLang } from '../../core/ui-language';
import {
  loadSettings,
  loadSettingsReport,
  replaceSettings,
  updateSettings,
  watchSettings,
} from '../../platform/settings-store';
import { AppearanceSection } from './appearance-section';
import { BackupSection } from './backup-section';
import { CardSection } from './card-section';
import { EntityToggles } from './entity-toggles';
import { LanguageSection } from './language-section';
import { optionsStrings } from './options-strings';
import { RepairBanner } from './repair-banner';
import type { SectionProps, SettingsChange } from './section-props';
import { SitesSection } from './sites-section';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings>();
  const [resetKeys, setResetKeys] = useState<string[]>([]);
  const [saveError, setSaveError] = useState<string>();
  // While this page's own writes are in flight, a storage event shows a half-finished state;
  // the event after the last write brings the settled one.
  const writing = useRef(0);

  useEffect(() => {
    let live = true;
    void loadSettingsReport().then((report) => {
      if (!live) return;
      setSettings(report.settings);
      setResetKeys(report.resetKeys);
    });
    const stop = watchSettings((next) => {
      if (writing.current === 0) setSettings(next);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);

  const lang = resolveUiLang(settings?.language ?? 'auto', navigator.languages);
  const t = optionsStrings[lang];
  useEffect(() => {
    document.documentElement.lang = localeOf(lang);
    document.title = t.pageTitle;
  }, [lang, t]);

  const track = useCallback(async (write: Promise<void>): Promise<boolean> => {
    writing.current += 1;
    try {
      await write;
      setSaveError(undefined);
      return true;
    } catch (error) {
      setSaveError(errorText(error));
      // Show what is really stored, not the change that failed.
      setSettings(await loadSettings());
      return false;
    } finally {
      writing.current -= 1;
    }
  }, []);

  const change = useCallback(
    (mutate: SettingsChange) => {
      setSettings((current) => current && mutate(current));
      void track(updateSettings(mutate));
    },
    [track],
  );

  const replace = useCallback(
    (next: Settings) => {
      setSettings(next);
      return track(replaceSettings(next));
    },
    [track],
  );

  if (!settings) {
    return (
      <main class="page">
        <p class="loading">{optionsStrings[lang].loading}</p>
      </main>
    );
  }
  const props: SectionProps = { settings, lang, t, change };

  return (
    <main class="page">
      <header class="page-head">
        <img class="logo" src="/icon/128.png" alt="" width={40} height={40} />
        <div>
          <h1>{t.pageTitle}</h1>
          <p class="intro">{t.intro}</p>
        </div>
      </header>

      {resetKeys.length > 0 && (
        <RepairBanner
          resetKeys={resetKeys}
          lang={lang}
          t={t}
          onDismiss={() => {
            void replace(settings).then((ok) => ok && setResetKeys([]));
          }}
        />
      )}
      <p class="error save-error" role="alert">
        {saveError && t.saveFailed(saveError)}
      </p>

      <section class="panel" aria-labelledby="master-heading">
        <h2 id="master-heading">{t.master.heading}</h2>
        <label class="check master">
          <input
            type="checkbox"
            checked={settings.enabled}
            aria-describedby="master-hint"
            onChange={(event) => {
              const enabled = event.currentTarget.checked;
              change((current) => ({ ...current, enabled }));
            }}
          />
          <span>{t.master.label}</span>
        </label>
        <p class="hint" id="master-hint">
          {t.master.hint}
        </p>
      </section>

      <EntityToggles {...props} />
      <AppearanceSection {...props} />
      <CardSection {...props} />
      <SitesSection {...props} />
      <LanguageSection {...props} />
      <BackupSection settings={settings} lang={lang} t={t} replace={replace} />
    </main>
  );
}
