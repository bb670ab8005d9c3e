import type { UiLang } from '../../../core/ui-language';
import { localeOf } from '../../../core/ui-language';
import { article, type SectionId } from '../../../data';
import { popupStrings } from '../popup-strings';

/** Names the article, and the parts of it a view's figures come from. */
export function sourceText(sections: readonly SectionId[], lang: UiLang): string {
  const parts = sections.map(
    (section) => article.sections.find((entry) => entry.id === section)?.name[lang] ?? section,
  );
  const list = new Intl.ListFormat(localeOf(lang), { type: 'conjunction' }).format(parts);
  return popupStrings[lang].source(article.title[lang], article.published[lang], list);
}

export function SourceNote({ sections, lang }: { sections: readonly SectionId[]; lang: UiLang }) {
  return <p class="zf-source">{sourceText(sections, lang)}</p>;
}
