import type { UiLang } from '../../core/ui-language';
import { entityById } from '../../data';

/** An entity's display name in the UI language; an unknown id shows as itself, never throws. */
export function entityName(id: string, lang: UiLang): string {
  return entityById(id)?.name[lang] ?? id;
}
