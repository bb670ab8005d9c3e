import type { LocalText, TextValue } from './schema';

/** A fact value that is a sentence in our own words, in both languages. */
export function textValue(en: string, zh: string): TextValue {
  return { kind: 'text', text: { en, zh } };
}

export function localText(en: string, zh: string): LocalText {
  return { en, zh };
}
