import { compileMatcher, type Matcher } from '@/core/matcher';
import { createPageEngine, type PageEngine } from '@/entrypoints/content/page-engine';
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

/** An engine over the whole document with the real matcher, failing the test on any error. */
export function documentEngine(): PageEngine {
  return createPageEngine({
    root: document,
    matcher: realMatcher(),
    groupOf,
    onChange: () => undefined,
    onError: (error) => {
      throw error;
    },
  });
}
