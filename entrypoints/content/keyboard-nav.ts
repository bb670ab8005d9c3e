import type { MentionIndex, PageMention } from './mention-index';

/**
 * Moving through the page's mentions from the keyboard: find the next one that can be seen,
 * bring it into view, and give focus back where it was when the card closes.
 */

function hasBox(mention: PageMention): boolean {
  const rect = mention.range.getBoundingClientRect();
  return rect.width > 0 || rect.height > 0;
}

/**
 * The next mention after `after` in document order (wrapping to the first), skipping mentions
 * with no box at all (inside `display: none`, a closed `<details>`): the card of something the
 * reader cannot see would point at nothing.
 */
export function nextVisibleMention(
  index: MentionIndex,
  after: PageMention | undefined,
): PageMention | undefined {
  const total = index.all().length;
  let candidate = index.next(after);
  for (let step = 0; candidate && step < total; step++) {
    if (hasBox(candidate)) return candidate;
    candidate = index.next(candidate);
  }
  return undefined;
}

/** Margin kept between a revealed mention and the viewport edge. */
const VIEW_MARGIN = 48;

/**
 * Scrolls so the mention is in view: first its element (which brings every scrolling ancestor
 * along), then the window, by the mention's own rect, since a long paragraph can be in view while
 * the words in it are not.
 */
export function scrollMentionIntoView(mention: PageMention): void {
  const start = mention.range.startContainer;
  const element = start instanceof Element ? start : start.parentElement;
  element?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  const rect = mention.range.getBoundingClientRect();
  const outside =
    rect.top < VIEW_MARGIN ||
    rect.bottom > window.innerHeight - VIEW_MARGIN ||
    rect.left < 0 ||
    rect.right > window.innerWidth;
  if (outside) {
    window.scrollBy({
      top: rect.top - window.innerHeight / 3,
      left: rect.left < 0 || rect.right > window.innerWidth ? rect.left - VIEW_MARGIN : 0,
      behavior: 'instant',
    });
  }
}

/** Remembers the page's focused element when the card takes focus, and gives focus back. */
export function createFocusReturn(isOurs: (element: Element) => boolean): {
  remember(): void;
  restore(): void;
  forget(): void;
} {
  let saved: HTMLElement | SVGElement | undefined;
  return {
    remember() {
      if (saved) return;
      const active = document.activeElement;
      if (
        active &&
        !isOurs(active) &&
        (active instanceof HTMLElement || active instanceof SVGElement)
      ) {
        saved = active;
      }
    },
    restore() {
      const target = saved;
      saved = undefined;
      if (target?.isConnected) target.focus({ preventScroll: true });
      else if (document.activeElement instanceof HTMLElement && isOurs(document.activeElement)) {
        // Nothing to return to: leave focus on the page, not on a card that is going away.
        document.activeElement.blur();
      }
    },
    forget() {
      saved = undefined;
    },
  };
}
