/** The languages the UI and the cards are written in. */
export const UI_LANGS = ['en', 'zh'] as const;
export type UiLang = (typeof UI_LANGS)[number];

/** What the reader chose in the options: follow the browser, or one language. */
export type LanguageChoice = 'auto' | UiLang;

const LOCALES: Record<UiLang, string> = { en: 'en-US', zh: 'zh-CN' };

/** The BCP 47 locale handed to Intl for a UI language. */
export function localeOf(lang: UiLang): string {
  return LOCALES[lang];
}

/**
 * Picks the UI language: the reader's explicit choice, else the first browser language we have
 * (any Chinese variant reads the Chinese UI), else English.
 */
export function resolveUiLang(choice: LanguageChoice, browserLanguages: readonly string[]): UiLang {
  if (choice !== 'auto') return choice;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
