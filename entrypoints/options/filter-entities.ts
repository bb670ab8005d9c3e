import { foldText } from '../../core/fold-text';
import type { Entity } from '../../data';

/** The strings a search can hit: both display names and every alias the matcher knows. */
function searchableTexts(entity: Entity): string[] {
  return [entity.name.en, entity.name.zh, ...entity.aliases.map((alias) => alias.text)];
}

/**
 * Does the entity match what the reader typed? Folded the way the matcher folds page text, so
 * "glm4", "ＧＬＭ-4" and "智谱" find what a page would highlight. An empty query matches all.
 */
export function entityMatches(entity: Entity, query: string): boolean {
  const needle = foldText(query);
  if (needle === '') return true;
  return searchableTexts(entity).some((text) => foldText(text).includes(needle));
}
