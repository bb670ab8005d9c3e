/**
 * The content script's side of the messages about this page's mentions: the popup's "On this
 * page" list (`get-page-mentions`), its clicks (`reveal-mention`) and the keyboard command
 * (`next-mention`). The hover card registers what happens on a reveal (`onReveal`) and on the
 * command (`onNext`); without it, revealing only scrolls.
 */
import { parseMessage, type PageMentionsReply, type RevealReply } from '@/core/messages';
import type { MentionIndex, PageMention } from './mention-index';

export interface PageMentions {
  /** The popup asked to show this mention: scroll to it and open its card. */
  onReveal(listener: (mention: PageMention) => void): () => void;
  /** The keyboard command asked for the next mention. */
  onNext(listener: () => void): () => void;
  /** Answers one runtime message; undefined for messages that are not for us. */
  handle(message: unknown): Promise<PageMentionsReply | RevealReply> | undefined;
}

/** Scrolls so the mention sits in the middle of the viewport, without animation. */
function scrollToMention(mention: PageMention): void {
  const range = mention.range;
  const start = range.startContainer;
  const element = start instanceof Element ? start : start.parentElement;
  element?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  // A block taller than the viewport: centre the mention itself.
  const rect = range.getBoundingClientRect();
  const view = start.ownerDocument?.defaultView;
  if (view && (rect.top < 0 || rect.bottom > view.innerHeight)) {
    view.scrollBy({ top: rect.top - view.innerHeight / 2, behavior: 'instant' });
  }
}

function notify<A extends unknown[]>(listeners: Set<(...args: A) => void>, ...args: A): void {
  for (const listener of [...listeners]) {
    try {
      listener(...args);
    } catch (error) {
      // One failing listener must not stop the others, nor reach the page.
      console.debug('[zhipu-facts] page-mentions listener failed', error);
    }
  }
}

export function createPageMentions({
  index,
  counts,
  host,
  current,
}: {
  index: MentionIndex;
  counts: () => Map<string, { text: string; count: number }>;
  host: () => string;
  /** The mention the reader is at (the open card's), where "next" continues from. */
  current: () => PageMention | undefined;
}): PageMentions {
  const revealListeners = new Set<(mention: PageMention) => void>();
  const nextListeners = new Set<() => void>();
  let lastRevealed: PageMention | undefined;

  function reveal(mention: PageMention | undefined): RevealReply {
    if (mention === undefined) return { revealed: false };
    lastRevealed = mention;
    if (revealListeners.size === 0) scrollToMention(mention);
    else notify(revealListeners, mention);
    return { revealed: true };
  }

  return {
    onReveal(listener) {
      revealListeners.add(listener);
      return () => revealListeners.delete(listener);
    },
    onNext(listener) {
      nextListeners.add(listener);
      return () => nextListeners.delete(listener);
    },
    handle(raw) {
      const message = parseMessage(raw);
      switch (message?.type) {
        case 'get-page-mentions':
          return Promise.resolve({
            host: host(),
            mentions: [...counts()].map(([entityId, { text, count }]) => ({
              entityId,
              text,
              count,
            })),
          });
        case 'reveal-mention':
          // From where the reader is, so repeated clicks walk through the entity's mentions.
          return Promise.resolve(reveal(index.next(current() ?? lastRevealed, message.entityId)));
        case 'next-mention':
          if (nextListeners.size > 0) notify(nextListeners);
          else reveal(index.next(current() ?? lastRevealed));
          return Promise.resolve({ revealed: index.all().length > 0 });
        default:
          return undefined;
      }
    },
  };
}
