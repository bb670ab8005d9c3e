import { render } from 'preact';
import { cardContentFor, type TablesView } from '@/components/card/card-content';
import cardCss from '@/components/card/card.css?inline';
import { cardStrings } from '@/components/card/card-strings';
import { EntityCard } from '@/components/card/entity-card';
import type { ModifierKey, Settings } from '@/core/settings';
import { localeOf, resolveUiLang } from '@/core/ui-language';
import { createCardHost, type CardHost } from './card-host';
import { followMention } from './card-position';
import { createHitTester } from './hit-test';
import { createHoverIntent, type IntentClock } from './hover-intent';
import { createFocusReturn, nextVisibleMention, scrollMentionIntoView } from './keyboard-nav';
import { findMentionIn } from './find-mention-in';
import type { MentionIndex, PageMention } from './mention-index';

/**
 * Pointer and keyboard -> card: wires the hit-test, hover intent, the card's host, its position
 * and its content. Everything it adds to the page (listeners, the host) goes when `destroy()` runs
 * or `signal` aborts.
 */
export interface HoverCards {
  /** Scrolls to a mention and opens its card pinned, with focus inside (keyboard, popup). */
  reveal(mention: PageMention): void;
  /** Moves to the next mention in document order after the current one (keyboard command). */
  next(): void;
  /** The mention whose card is open, if any. */
  readonly current: PageMention | undefined;
  close(): void;
  /** Call after the settings changed: delay, trigger, language and colours apply at once. */
  settingsChanged(): void;
  destroy(): void;
}

export interface HoverCardsOptions {
  index: MentionIndex;
  /** The latest settings (read on every use, so no copy goes stale). */
  getSettings: () => Settings;
  /** Opens the popup's tables on a view (the background handles `open-tables`). */
  openTables: (view: TablesView) => void;
  signal?: AbortSignal;
}

/** Shown while the group has no colour in the settings. */
const FALLBACK_ACCENT = '#1a73e8';

const realClock: IntentClock = {
  now: () => performance.now(),
  after: (ms, callback) => {
    const id = window.setTimeout(callback, ms);
    return () => window.clearTimeout(id);
  },
};

interface OpenCard {
  mention: PageMention;
  /** The entity shown: the mention's, or a related one the reader went to from the card. */
  entityId: string;
  history: string[];
  pinned: boolean;
  /** Opened because a page element with a mention got focus (settings.card.openOnFocus). */
  byFocus: boolean;
}

function modifierHeld(event: MouseEvent | KeyboardEvent, key: ModifierKey): boolean {
  return event.getModifierState(key);
}

export function createHoverCards({
  index,
  getSettings,
  openTables,
  signal,
}: HoverCardsOptions): HoverCards {
  const controller = new AbortController();
  const listen = { capture: true, passive: true, signal: controller.signal } as const;
  signal?.addEventListener('abort', () => destroy(), { once: true });

  const hitTester = createHitTester({ index });
  let host: CardHost | undefined;
  let open: OpenCard | undefined;
  let stopFollowing: (() => void) | undefined;
  let pointer: { x: number; y: number } | undefined;
  let lastRevealed: PageMention | undefined;
  /** Set while focus is handed back to the page, so that focus does not reopen a card. */
  let returningFocus = false;
  /** The next card the intent shows was asked for by focus, not by the pointer. */
  let pendingFocusOpen = false;
  /** Focus goes into the card once it is placed (a hidden element cannot take focus). */
  let focusWhenPlaced = false;
  let destroyed = false;

  const isOurs = (element: Element) => host !== undefined && element === host.host;
  const focusReturn = createFocusReturn(isOurs);

  const ensureHost = (): CardHost => {
    host ??= createCardHost({ css: cardCss, onReattach: () => follow() });
    return host;
  };

  const cardRoot = () => host?.mount.querySelector<HTMLElement>('.card') ?? undefined;

  const follow = () => {
    stopFollowing?.();
    stopFollowing = undefined;
    if (!open || !host) return;
    const target = host;
    stopFollowing = followMention({
      range: open.mention.range,
      floating: target.host,
      pointer: open.byFocus ? undefined : pointer,
      apply: (placed) => {
        target.mount.style.setProperty('--zf-max-height', `${placed.maxHeight}px`);
        target.moveTo(placed.x, placed.y);
        target.setVisible(!placed.referenceHidden);
        if (focusWhenPlaced && !placed.referenceHidden) {
          focusWhenPlaced = false;
          cardRoot()?.focus({ preventScroll: true });
        }
      },
    });
  };

  const renderCard = () => {
    if (!open) return;
    const settings = getSettings();
    const lang = resolveUiLang(settings.language, navigator.languages);
    const content = cardContentFor(open.entityId, lang);
    if (!content) {
      intent.close();
      return;
    }
    const target = ensureHost();
    const current = open;
    render(
      <EntityCard
        key={content.entityId}
        content={content}
        strings={cardStrings[lang]}
        locale={localeOf(lang)}
        accent={settings.appearance[content.group]?.color ?? FALLBACK_ACCENT}
        pinned={current.pinned}
        onBack={
          current.history.length > 0
            ? () => {
                current.entityId = current.history.pop() ?? current.mention.entityId;
                renderCard();
              }
            : undefined
        }
        onClose={() => intent.close()}
        onShowEntity={(entityId) => {
          if (entityId === current.entityId) return;
          current.history.push(current.entityId);
          current.entityId = entityId;
          current.pinned = true;
          renderCard();
          cardRoot()?.focus({ preventScroll: true });
        }}
        onOpenTables={(view) => openTables(view)}
      />,
      target.mount,
    );
  };

  const showCard = (mention: PageMention, pinned: boolean, byFocus: boolean) => {
    const target = ensureHost();
    open = { mention, entityId: mention.entityId, history: [], pinned, byFocus };
    renderCard();
    if (!open) return;
    // Hidden until floating-ui has placed it, so it never flashes at the corner of the page.
    target.setVisible(false);
    target.attach();
    follow();
  };

  const hideCard = () => {
    focusWhenPlaced = false;
    stopFollowing?.();
    stopFollowing = undefined;
    open = undefined;
    if (!host) return;
    const focusInside = document.activeElement === host.host;
    if (focusInside) {
      returningFocus = true;
      focusReturn.restore();
      returningFocus = false;
    } else {
      focusReturn.forget();
    }
    render(null, host.mount);
    host.detach();
  };

  const settings = getSettings();
  const intent = createHoverIntent<PageMention>({
    options: { delayMs: settings.card.delayMs, trigger: settings.card.trigger },
    clock: realClock,
    effects: {
      show: (mention, how) => {
        const byFocus = pendingFocusOpen;
        pendingFocusOpen = false;
        showCard(mention, how.pinned, byFocus);
      },
      hide: hideCard,
      cardBox: () => (host?.attached ? host.host.getBoundingClientRect() : undefined),
    },
  });
  const insideCard = (event: Event) => host?.attached === true && host.isInside(event);

  window.addEventListener(
    'pointermove',
    (event) => {
      // Touch has no hover; a tap arrives as a click.
      if (event.pointerType === 'touch') return;
      pointer = { x: event.clientX, y: event.clientY };
      const overCard = insideCard(event);
      // With a button down the reader is selecting text, not asking for a card.
      const target =
        overCard || event.buttons !== 0
          ? undefined
          : hitTester.at(event.clientX, event.clientY, event.composedPath()[0]);
      intent.pointerMove({
        x: event.clientX,
        y: event.clientY,
        target,
        overCard,
        modifierHeld: modifierHeld(event, getSettings().card.modifier),
      });
    },
    listen,
  );

  window.addEventListener(
    'click',
    (event) => {
      if (event.button !== 0) return;
      const inCard = insideCard(event);
      if (inCard && open && !open.pinned) {
        open.pinned = true;
        renderCard();
      }
      const selection = window.getSelection();
      const selecting = selection !== null && !selection.isCollapsed;
      const target =
        inCard || selecting
          ? undefined
          : hitTester.at(event.clientX, event.clientY, event.composedPath()[0]);
      intent.click({
        target,
        insideCard: inCard,
        modifierHeld: modifierHeld(event, getSettings().card.modifier),
      });
    },
    listen,
  );

  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape') {
        intent.escape();
        return;
      }
      if (event.key === getSettings().card.modifier && !event.repeat) intent.modifierDown();
    },
    listen,
  );

  window.addEventListener(
    'mouseout',
    (event) => {
      // relatedTarget null: the pointer left the window.
      if (event.relatedTarget === null) intent.pointerGone();
    },
    listen,
  );

  window.addEventListener(
    'focusin',
    (event) => {
      if (returningFocus || !getSettings().card.openOnFocus) return;
      const target = event.target;
      if (!(target instanceof Element) || isOurs(target) || intent.phase === 'pinned') return;
      const mention = findMentionIn(target, index);
      if (!mention || mention === intent.current) return;
      pendingFocusOpen = true;
      intent.open(mention, { pinned: false });
    },
    listen,
  );

  window.addEventListener(
    'focusout',
    (event) => {
      if (!open?.byFocus || open.pinned) return;
      const next = event.relatedTarget;
      if (next instanceof Element && isOurs(next)) return;
      intent.close();
    },
    listen,
  );

  // Scrolling and resizing move every mention: the hit-test's cached rects are stale.
  const invalidate = () => hitTester.invalidate();
  window.addEventListener('scroll', invalidate, listen);
  window.addEventListener('resize', invalidate, listen);
  document.addEventListener(
    'visibilitychange',
    () => {
      if (document.hidden && !open?.pinned) intent.close();
    },
    listen,
  );

  const unsubscribe = index.subscribe(() => {
    hitTester.mentionsChanged();
    // The mention under the card left the page or its entity was switched off.
    if (open && !index.all().includes(open.mention)) intent.close();
  });

  const reveal = (mention: PageMention) => {
    lastRevealed = mention;
    scrollMentionIntoView(mention);
    focusReturn.remember();
    focusWhenPlaced = true;
    intent.open(mention, { pinned: true });
  };

  function destroy() {
    if (destroyed) return;
    destroyed = true;
    controller.abort();
    unsubscribe();
    intent.destroy();
    hideCard();
    host?.destroy();
    host = undefined;
  }

  return {
    reveal,
    next() {
      const mention = nextVisibleMention(index, intent.current ?? lastRevealed);
      if (mention) reveal(mention);
    },
    get current() {
      return intent.current;
    },
    close() {
      intent.close();
    },
    settingsChanged() {
      const next = getSettings();
      intent.setOptions({ delayMs: next.card.delayMs, trigger: next.card.trigger });
      if (open) renderCard();
    },
    destroy,
  };
}
