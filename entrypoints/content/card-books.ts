/**
 * The cards' content, one book per UI language, asked of the background the first time a card
 * may open and kept for the page's life. The content script runs on every page and carries no
 * card data of its own: most pages never open a card.
 */
import type { CardBook } from '@/components/card/card-content';
import type { UiLang } from '@/core/ui-language';

export interface CardBooks {
  /** The book in `lang`, once it has arrived. */
  get(lang: UiLang): CardBook | undefined;
  /** The book in `lang`: asked for once at a time, and again after a failed request. */
  load(lang: UiLang): Promise<CardBook>;
}

/** `request` sends the question and resolves with the reply (the background's, in the extension). */
export function createCardBooks(request: (lang: UiLang) => Promise<unknown>): CardBooks {
  const books = new Map<UiLang, CardBook>();
  const asked = new Map<UiLang, Promise<CardBook>>();
  return {
    get: (lang) => books.get(lang),
    load(lang) {
      const book = books.get(lang);
      if (book !== undefined) return Promise.resolve(book);
      let pending = asked.get(lang);
      if (pending === undefined) {
        pending = request(lang)
          .then((reply) => {
            // The reply comes from our own background; anything but an object means it had no
            // answer (an older background, or none listening).
            if (typeof reply !== 'object' || reply === null || Array.isArray(reply)) {
              throw new Error(`no cards arrived for '${lang}'`);
            }
            const arrived = reply as CardBook;
            books.set(lang, arrived);
            return arrived;
          })
          .finally(() => asked.delete(lang));
        asked.set(lang, pending);
      }
      return pending;
    },
  };
}
