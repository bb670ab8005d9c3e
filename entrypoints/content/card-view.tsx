/**
 * The card itself: its host on the page, its Preact components, and its placement beside the
 * mention. What it shows arrives ready-made (card-books.ts). This module is evaluated only when
 * a card is about to show: most pages are read without a card ever opening.
 */
import { render } from 'preact';
import type { CardContent, TablesView } from '@/components/card/card-content';
import cardCss from '@/components/card/card.css?inline';
import { cardStrings } from '@/components/card/card-strings';
import { EntityCard } from '@/components/card/entity-card';
import type { Settings } from '@/core/settings';
import { localeOf, type UiLang } from '@/core/ui-language';
import { createCardHost } from './card-host';
import { followMention } from './card-position';
import type { Point } from './hover-intent';

/** Shown while the group has no colour in the settings. */
const FALLBACK_ACCENT = '#1a73e8';

/** How the card stands, beside what it shows. */
export interface CardModel {
  pinned: boolean;
  /** The reader came from another entity's card and can go back. */
  canGoBack: boolean;
}

/** What the card's controls ask for. */
export interface CardActions {
  back(): void;
  close(): void;
  showEntity(entityId: string): void;
  openTables(view: TablesView): void;
}

export interface CardView {
  /** The host element: focus and events inside the card are retargeted to it. */
  readonly element: HTMLElement;
  readonly attached: boolean;
  /** Is the event's target inside the card? */
  isInside(event: Event): boolean;
  /** The card's box, while it is on the page. */
  box(): DOMRect | undefined;
  /** Renders the card: `content` is the entity's, in `lang`. */
  render(
    model: CardModel,
    content: CardContent,
    lang: UiLang,
    settings: Settings,
    actions: CardActions,
  ): void;
  /**
   * Puts the card on the page beside `range` (on the line under `pointer`, if given), hidden
   * until placed, and keeps it there as the page scrolls and resizes. `placed` hears whether
   * the mention can be seen.
   */
  show(range: Range, pointer: Point | undefined, placed: (visible: boolean) => void): void;
  /** Moves focus into the card. */
  focus(): void;
  /** Takes the card off the page. */
  hide(): void;
  destroy(): void;
}

export function createCardView(): CardView {
  let stopFollowing: (() => void) | undefined;
  let follow: (() => void) | undefined;
  // After following the page into or out of fullscreen, the card is placed again.
  const host = createCardHost({ css: cardCss, onReattach: () => follow?.() });

  const stop = () => {
    stopFollowing?.();
    stopFollowing = undefined;
  };

  return {
    element: host.host,
    get attached() {
      return host.attached;
    },
    isInside: (event) => host.isInside(event),
    box: () => (host.attached ? host.host.getBoundingClientRect() : undefined),
    render(model, content, lang, settings, actions) {
      render(
        <EntityCard
          key={content.entityId}
          content={content}
          strings={cardStrings[lang]}
          locale={localeOf(lang)}
          accent={settings.appearance[content.group]?.color ?? FALLBACK_ACCENT}
          pinned={model.pinned}
          onBack={model.canGoBack ? () => actions.back() : undefined}
          onClose={() => actions.close()}
          onShowEntity={(entityId) => actions.showEntity(entityId)}
          onOpenTables={(view) => actions.openTables(view)}
        />,
        host.mount,
      );
    },
    show(range, pointer, placed) {
      // Hidden until placed, so it never flashes at the corner of the page.
      host.setVisible(false);
      host.attach();
      follow = () => {
        stop();
        stopFollowing = followMention({
          range,
          floating: host.host,
          ...(pointer === undefined ? {} : { pointer }),
          apply: (placement) => {
            host.mount.style.setProperty('--zf-max-height', `${placement.maxHeight}px`);
            host.moveTo(placement.x, placement.y);
            host.setVisible(!placement.referenceHidden);
            placed(!placement.referenceHidden);
          },
        });
      };
      follow();
    },
    focus() {
      host.mount.querySelector<HTMLElement>('.card')?.focus({ preventScroll: true });
    },
    hide() {
      stop();
      follow = undefined;
      render(null, host.mount);
      host.detach();
    },
    destroy() {
      stop();
      follow = undefined;
      render(null, host.mount);
      host.destroy();
    },
  };
}
