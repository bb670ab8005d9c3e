import { compileMatcher, type Matcher } from '@/core/matcher';
import { entities, entityById } from '@/data';
import type { GroupId } from '@/data/schema';

let compiled: Matcher | undefined;

/** The matcher the content script compiles: every alias of every entity. */
export function realMatcher(): Matcher {
  compiled ??= compileMatcher(
    entities.flatMap((entity) =>
      entity.aliases.map((alias) => ({
        entityId: entity.id,
        text: alias.text,
        ...(alias.caseSensitive === undefined ? {} : { caseSensitive: alias.caseSensitive }),
      })),
    ),
  );
  return compiled;
}

export const groupOf = (entityId: string): GroupId | undefined => entityById(entityId)?.group;
