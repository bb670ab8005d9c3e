import type { Alias } from './schema';

const HAN = /\p{Script=Han}/u;

/** An alias whose language follows from its text: Chinese if it has Chinese characters. */
export function alias(text: string): Alias {
  return { text, lang: HAN.test(text) ? 'zh' : 'en' };
}

/** A Latin alias that only matches with this exact capitalisation (its lowercase is a common word or name). */
export function caseSensitiveAlias(text: string): Alias {
  return { text, lang: 'en', caseSensitive: true };
}

export function aliases(...texts: string[]): Alias[] {
  return texts.map(alias);
}
