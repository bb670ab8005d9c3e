import type { Settings } from '../../core/settings';
import type { UiLang } from '../../core/ui-language';
import type { OptionsStrings } from './options-strings';

/** A pure function of the settings: it runs on the page's copy and again on the stored one. */
export type SettingsChange = (settings: Settings) => Settings;

export interface SectionProps {
  settings: Settings;
  lang: UiLang;
  t: OptionsStrings;
  change: (mutate: SettingsChange) => void;
}
