/**
 * Everything the extension does on a page while it is switched on there: the engine and its
 * highlights, the reader's colours, the hover card, the answers to the popup and the badge count.
 * `destroy()` removes every trace; switching back on starts a new session.
 */
import { browser } from 'wxt/browser';
import { compileMatcher, type AliasSpec, type Matcher } from '@/core/matcher';
import { isEntityEnabled, type Settings } from '@/core/settings';
import { entities, entityById } from '@/data';
import { createAppearanceSheet } from './appearance-sheet';
import { createHoverCards, type HoverCards } from './hover-cards';
import { createPageEngine } from './page-engine';
import { createPageMentions, type PageMentions } from './page-mentions';
import { createCountReporter } from './report-count';
import { watchNavigation } from './watch-navigation';

export interface PageSession {
  readonly mentions: PageMentions;
  update(settings: Settings): void;
  destroy(): void;
}

let matcher: Matcher | undefined;

/**
 * Compiled once per page, from every entity: switching an entity off hides its mentions rather
 * than changing what is matched, so a longer name of a switched-off entity (GLM-4-9B-Chat) never
 * turns into a mention of a shorter one (GLM-4).
 */
function pageMatcher(): Matcher {
  matcher ??= compileMatcher(
    entities.flatMap((entity) =>
      entity.aliases.map((alias): AliasSpec => ({
        entityId: entity.id,
        text: alias.text,
        ...(alias.caseSensitive === undefined ? {} : { caseSensitive: alias.caseSensitive }),
      })),
    ),
  );
  return matcher;
}

function logError(error: unknown): void {
  // Our failures stay in our world: a debug line, never an exception thrown into the page.
  console.debug('[zhipu-facts]', error);
}

export function startPageSession(initial: Settings): PageSession {
  let settings = initial;
  const reporter = createCountReporter((count) => {
    browser.runtime.sendMessage({ type: 'mention-count', count }).catch(() => undefined);
  });
  let cards: HoverCards | undefined;
  let cardsRoot: Element | null = null;
  const startCards = () => {
    cards?.destroy();
    cardsRoot = document.documentElement;
    cards = createHoverCards({
      index: engine.index,
      getSettings: () => settings,
      openTables: (view) => {
        browser.runtime.sendMessage({ type: 'open-tables', view }).catch(() => undefined);
      },
    });
  };
  // document.open() replaces the document's tree and drops every listener on the document and
  // the window, the card's too; the engine reads the new tree by itself, the card starts again.
  const restartCardsIfReplaced = () => {
    if (cards !== undefined && document.documentElement !== cardsRoot) startCards();
  };
  const appearance = createAppearanceSheet(document);
  appearance.update(settings.appearance);
  const engine = createPageEngine({
    root: document,
    matcher: pageMatcher(),
    groupOf: (entityId) => entityById(entityId)?.group,
    onShadowRoot: (root) => appearance.adoptInto(root),
    onChange: () => {
      reporter.update(engine.count);
      restartCardsIfReplaced();
    },
    onError: logError,
  });
  const visible = (entityId: string) => isEntityEnabled(settings, entityId);
  engine.setVisibleEntities(visible);

  startCards();

  const mentions = createPageMentions({
    index: engine.index,
    counts: () => engine.counts(),
    host: () => location.host,
    current: () => cards?.current,
  });
  mentions.onReveal((mention) => cards?.reveal(mention));
  mentions.onNext(() => cards?.next());

  // A route change in a single-page app: the card's mention may be gone, and a full rescan
  // catches anything the mutation records did not show.
  const navigation = new AbortController();
  watchNavigation(() => {
    cards?.close();
    engine.rescan();
  }, navigation.signal);

  return {
    mentions,
    update(next) {
      settings = next;
      engine.setVisibleEntities(visible);
      appearance.update(next.appearance);
      cards?.settingsChanged();
    },
    destroy() {
      navigation.abort();
      cards?.destroy();
      cards = undefined;
      engine.destroy();
      appearance.destroy();
      reporter.destroy();
    },
  };
}
