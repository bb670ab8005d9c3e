/**
 * Everything the extension does on a page while it is switched on there: the engine and its
 * highlights, the reader's colours, the hover card, the answers to the popup and the badge count.
 * `destroy()` removes every trace; switching back on starts a new session.
 *
 * Start-up is split so that no step is one long task: this module is evaluated in one task,
 * the matcher is compiled in the next, and the engine's scan runs in slices after that.
 */
import { browser } from 'wxt/browser';
import { compileMatcher, type AliasSpec, type Matcher } from '@/core/matcher';
import { parseMessage } from '@/core/messages';
import { isEntityEnabled, type Settings } from '@/core/settings';
import type { GroupId } from '@/data/schema';
// Only the aliases and groups: what the card says comes from the background when it opens.
import { entityAliases } from '@/data/entity-aliases';
import { createAppearanceSheet } from './appearance-sheet';
import { createCardBooks } from './card-books';
import { createHoverCards, type HoverCards } from './hover-cards';
import { createPageEngine, type PageEngine } from './page-engine';
import { createPageMentions, type PageMentions } from './page-mentions';
import { createCountReporter } from './report-count';
import { watchNavigation } from './watch-navigation';

export interface PageSession {
  /** Answers a runtime message about this page's mentions; undefined for other messages. */
  handle(message: unknown): Promise<unknown> | undefined;
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
    entityAliases.flatMap((entity) =>
      entity.aliases.map((alias): AliasSpec => ({
        entityId: entity.id,
        text: alias.text,
        ...(alias.caseSensitive === undefined ? {} : { caseSensitive: alias.caseSensitive }),
      })),
    ),
  );
  return matcher;
}

/**
 * Compiles the matcher ahead of need: called while the settings are still being read, so the
 * engine can start the moment they arrive. (On a site switched off this is wasted, once.)
 */
export function prepareMatcher(): void {
  pageMatcher();
}

/** Kept across sessions: switching the extension off and on again asks for no card twice. */
const cardBooks = createCardBooks((lang) =>
  browser.runtime.sendMessage({ type: 'get-card-book', lang }),
);

const groups = new Map<string, GroupId>(entityAliases.map((entity) => [entity.id, entity.group]));

function logError(error: unknown): void {
  // Our failures stay in our world: a debug line, never an exception thrown into the page.
  console.debug('[zhipu-facts]', error);
}

/** Runs `step` in a task of its own, after whatever the browser has queued. */
function inNextTask(step: () => void): () => void {
  const timer = setTimeout(step, 0);
  return () => clearTimeout(timer);
}

/** The parts that exist once the matcher is compiled. */
interface Running {
  engine: PageEngine;
  mentions: PageMentions;
  navigation: AbortController;
}

export function startPageSession(initial: Settings): PageSession {
  let settings = initial;
  let running: Running | undefined;
  let cards: HoverCards | undefined;
  let cardsRoot: Element | null = null;
  let destroyed = false;
  let whenRunning: (() => void)[] = [];

  const reporter = createCountReporter((count) => {
    browser.runtime.sendMessage({ type: 'mention-count', count }).catch(() => undefined);
  });
  const appearance = createAppearanceSheet(document);
  appearance.update(settings.appearance);
  const visible = (entityId: string) => isEntityEnabled(settings, entityId);

  const startCards = (engine: PageEngine) => {
    cards?.destroy();
    cardsRoot = document.documentElement;
    cards = createHoverCards({
      index: engine.index,
      getSettings: () => settings,
      cardBooks,
      openTables: (view) => {
        browser.runtime.sendMessage({ type: 'open-tables', view }).catch(() => undefined);
      },
      onOpenChange: (mention) => engine.pin(mention),
      onError: logError,
    });
  };

  const start = (): Running => {
    const engine: PageEngine = createPageEngine({
      root: document,
      matcher: pageMatcher(),
      groupOf: (entityId) => groups.get(entityId),
      onShadowRoot: (root) => appearance.adoptInto(root),
      onChange: () => {
        reporter.update(engine.count);
        // document.open() replaces the document's tree and drops every listener on the document
        // and the window, the card's too; the engine reads the new tree by itself, the card
        // starts again.
        if (cards !== undefined && document.documentElement !== cardsRoot) startCards(engine);
      },
      onMutation: () => cards?.pageChanged(),
      onError: logError,
    });
    engine.setVisibleEntities(visible);
    startCards(engine);
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
    return { engine, mentions, navigation };
  };

  const startNow = () => {
    try {
      running = start();
    } catch (error) {
      logError(error);
    }
    const waiting = whenRunning;
    whenRunning = [];
    for (const resume of waiting) resume();
  };
  // The compile is start-up's longest step: unless it was done ahead (prepareMatcher), it gets
  // a task of its own, after the one that evaluated this code.
  let cancelStart: (() => void) | undefined;
  if (matcher === undefined) cancelStart = inNextTask(startNow);
  else startNow();

  return {
    handle(message) {
      if (running !== undefined) return running.mentions.handle(message);
      if (destroyed || parseMessage(message) === undefined) return undefined;
      // Asked while starting: answered once the engine runs.
      return new Promise((resolve) => {
        whenRunning.push(() => resolve(running?.mentions.handle(message)));
      });
    },
    update(next) {
      settings = next;
      running?.engine.setVisibleEntities(visible);
      appearance.update(next.appearance);
      cards?.settingsChanged();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      cancelStart?.();
      for (const resume of whenRunning) resume();
      whenRunning = [];
      running?.navigation.abort();
      cards?.destroy();
      cards = undefined;
      running?.engine.destroy();
      running = undefined;
      appearance.destroy();
      reporter.destroy();
    },
  };
}
