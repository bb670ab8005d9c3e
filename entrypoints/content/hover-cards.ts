import type { TablesView } from '@/components/card/card-content';
import type { ModifierKey, Settings } from '@/core/settings';
import { resolveUiLang } from '@/core/ui-language';
import type { CardBooks } from './card-books';
import type { CardView, createCardView } from './card-view';
import { findMentionIn } from './find-mention-in';
import { createHitTester } from './hit-test';
import { createHoverIntent, type IntentClock, type Point } from './hover-intent';
import { createFocusReturn, nextVisibleMention, scrollMentionIntoView } from './keyboard-nav';
import type { MentionIndex, PageMention } from './mention-index';
import { windowListeners } from './window-listeners';

/**
 * Pointer and keyboard -> card: wires the hit-test, hover intent and the card. The card itself
 * (Preact and the components: `card-view.tsx`) and what it says (`card-books.ts`) are loaded the
 * first time the pointer lands on a mention or a card is asked for, in a task of its own.
 * Everything this adds to the page (listeners, the card's host) goes when `destroy()` runs or
 * `signal` aborts.
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
  /** Call when the page's DOM changed: the mentions' measured boxes may have moved. */
  pageChanged(): void;
  destroy(): void;
}

export interface HoverCardsOptions {
  index: MentionIndex;
  /** The latest settings (read on every use, so no copy goes stale). */
  getSettings: () => Settings;
  /** Where the cards' content comes from. */
  cardBooks: CardBooks;
  /** Opens the popup's tables on a view (the background handles `open-tables`). */
  openTables: (view: TablesView) => void;
  /** Hears which mention's card is open (undefined: none), to keep that mention highlighted. */
  onOpenChange?: (mention: PageMention | undefined) => void;
  /** Reports a failure to load the card or its content (it stays closed). */
  onError?: (error: unknown) => void;
  signal?: AbortSignal;
}

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

/**
 * The innermost element under a pointer event. Its target is that element unless it is the host
 * of an open shadow root the event came out of; only then is the (allocating) composed path
 * asked.
 */
function innermost(event: Event): EventTarget | undefined {
  const target = event.target;
  if (target instanceof Element && target.shadowRoot !== null) return event.composedPath()[0];
  return target ?? undefined;
}

let cardViewModule: Promise<{ createCardView: typeof createCardView }> | undefined;

/** The card's module, evaluated once per page (the import runs it the first time). */
function loadCardView(): Promise<{ createCardView: typeof createCardView }> {
  cardViewModule ??= import('./card-view');
  return cardViewModule;
}

export function createHoverCards({
  index,
  getSettings,
  cardBooks,
  openTables,
  onOpenChange,
  onError = () => undefined,
  signal,
}: HoverCardsOptions): HoverCards {
  const controller = new AbortController();
  const listen = { capture: true, passive: true, signal: controller.signal } as const;
  signal?.addEventListener('abort', () => destroy(), { once: true });

  const hitTester = createHitTester({ index });
  let view: CardView | undefined;
  let viewRequested = false;
  let open: OpenCard | undefined;
  let pointer: Point | undefined;
  /** The innermost element under the pointer at its last move. */
  let pointerTarget: EventTarget | undefined;
  let lastRevealed: PageMention | undefined;
  /** Set while focus is handed back to the page, so that focus does not reopen a card. */
  let returningFocus = false;
  /** The next card the intent shows was asked for by focus, not by the pointer. */
  let pendingFocusOpen = false;
  /** Focus goes into the card once it is placed (a hidden element cannot take focus). */
  let focusWhenPlaced = false;
  let destroyed = false;

  const isOurs = (element: Element) => view !== undefined && element === view.element;
  const uiLang = () => resolveUiLang(getSettings().language, navigator.languages);
  const focusReturn = createFocusReturn(isOurs);

  /**
   * Loads the card and its content in the current language in a task of its own (not inside the
   * pointer event that asked), then runs `then` with the card.
   */
  const withView = (then?: (ready: CardView) => void) => {
    const lang = uiLang();
    if (view !== undefined && cardBooks.get(lang) !== undefined) {
      then?.(view);
      return;
    }
    const first = !viewRequested;
    viewRequested = true;
    const whenLoaded = () => {
      Promise.all([loadCardView(), cardBooks.load(lang)])
        .then(([module]) => {
          if (destroyed) return;
          view ??= module.createCardView();
          then?.(view);
        })
        .catch((error: unknown) => {
          onError(error);
          // Nothing to show: the card is closed, and the next hover asks again.
          if (then !== undefined) intent.close();
        });
    };
    if (first) window.setTimeout(whenLoaded, 0);
    else whenLoaded();
  };

  const renderCard = () => {
    if (!open || !view) return;
    const current = open;
    const lang = uiLang();
    const book = cardBooks.get(lang);
    if (book === undefined) {
      // The language changed while the card was open: it shows the new one once it arrives.
      cardBooks.load(lang).then(() => {
        if (open === current) renderCard();
      }, onError);
      return;
    }
    const content = book[current.entityId];
    if (content === undefined) {
      intent.close();
      return;
    }
    view.render(
      { pinned: current.pinned, canGoBack: current.history.length > 0 },
      content,
      lang,
      getSettings(),
      {
        back() {
          current.entityId = current.history.pop() ?? current.mention.entityId;
          renderCard();
        },
        close: () => intent.close(),
        showEntity(entityId) {
          if (entityId === current.entityId) return;
          current.history.push(current.entityId);
          current.entityId = entityId;
          current.pinned = true;
          renderCard();
          view?.focus();
        },
        openTables,
      },
    );
  };

  /** Shows the open card once its module is there (at once after the first time). */
  const present = (card: OpenCard) => {
    withView((ready) => {
      if (open !== card) return;
      renderCard();
      if (open !== card) return;
      ready.show(card.mention.range, card.byFocus ? undefined : pointer, (visible) => {
        if (focusWhenPlaced && visible) {
          focusWhenPlaced = false;
          ready.focus();
        }
      });
    });
  };

  const showCard = (mention: PageMention, pinned: boolean, byFocus: boolean) => {
    open = { mention, entityId: mention.entityId, history: [], pinned, byFocus };
    onOpenChange?.(mention);
    present(open);
  };

  const hideCard = () => {
    focusWhenPlaced = false;
    if (open !== undefined) onOpenChange?.(undefined);
    open = undefined;
    if (!view) return;
    const focusInside = document.activeElement === view.element;
    if (focusInside) {
      returningFocus = true;
      focusReturn.restore();
      returningFocus = false;
    } else {
      focusReturn.forget();
    }
    view.hide();
  };

  const settings = getSettings();
  const intent = createHoverIntent<PageMention>({
    options: { delayMs: settings.card.delayMs, trigger: settings.card.trigger },
    clock: realClock,
    effects: {
      show: (mention, how) => {
        const byFocus = pendingFocusOpen;
        pendingFocusOpen = false;
        // The hover's answer may rest on boxes measured a while ago: check it once more, fresh.
        if (!how.pinned && !byFocus && pointer !== undefined) {
          hitTester.invalidate();
          if (hitTester.at(pointer.x, pointer.y, pointerTarget) !== mention) {
            intent.close();
            return;
          }
        }
        showCard(mention, how.pinned, byFocus);
      },
      hide: hideCard,
      cardBox: () => view?.box(),
    },
  });
  const insideCard = (event: Event) => view?.attached === true && view.isInside(event);

  const onPointerMove = (event: PointerEvent) => {
    // Touch has no hover; a tap arrives as a click.
    if (event.pointerType === 'touch') return;
    // Each property read is a call into the DOM, and this runs at every move: read once.
    const x = event.clientX;
    const y = event.clientY;
    // The event's own time (performance.now's time line) spares two clock reads a move.
    const time = event.timeStamp;
    pointer = { x, y };
    const overCard = insideCard(event);
    // With a button down the reader is selecting text, not asking for a card.
    pointerTarget = innermost(event);
    const target =
      overCard || event.buttons !== 0 ? undefined : hitTester.at(x, y, pointerTarget, time);
    // The pointer reached a mention: the card may be wanted soon.
    if (target !== undefined && !viewRequested) withView();
    const { card } = getSettings();
    intent.pointerMove({
      x,
      y,
      target,
      overCard,
      at: time,
      // Only the modifier trigger asks; reading the key state costs a call per move.
      modifierHeld: card.trigger === 'modifier' && modifierHeld(event, card.modifier),
    });
  };

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
          : hitTester.at(event.clientX, event.clientY, innermost(event));
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

  // Listened for on the root only: a `mouseout` listener on the window would run at every
  // element the pointer crosses, for the one crossing that matters.
  document.documentElement.addEventListener(
    'mouseleave',
    (event) => {
      // relatedTarget null: the pointer left the window.
      if (event.relatedTarget === null) intent.pointerGone();
    },
    // Not capturing: a capturing listener here would hear every element's `mouseleave` too.
    { passive: true, signal: controller.signal },
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

  // Scrolling, resizing, an image or a font arriving move the mentions: the hit-test's
  // measured boxes are stale. (`load` of images and frames reaches a capturing listener.)
  const invalidate = () => hitTester.invalidate();
  window.addEventListener('resize', invalidate, listen);
  window.addEventListener('load', invalidate, listen);
  document.fonts?.addEventListener('loadingdone', invalidate, { signal: controller.signal });
  document.addEventListener(
    'visibilitychange',
    () => {
      if (document.hidden && !open?.pinned) intent.close();
    },
    listen,
  );

  // Pointer moves and scrolling only matter where there is a mention to hover: on a page
  // without one (most pages) none of our code runs at them.
  const tracking = windowListeners(
    window,
    { pointermove: onPointerMove, scroll: invalidate },
    listen,
  );
  tracking(index.size > 0);

  const unsubscribe = index.subscribe(() => {
    tracking(index.size > 0);
    hitTester.mentionsChanged();
    // The mention under the card left the page or its entity was switched off.
    if (open && !index.has(open.mention)) intent.close();
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
    view?.destroy();
    view = undefined;
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
    pageChanged: invalidate,
    settingsChanged() {
      const next = getSettings();
      intent.setOptions({ delayMs: next.card.delayMs, trigger: next.card.trigger });
      if (open) renderCard();
    },
    destroy,
  };
}
