import { browser, type Browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { cardBook, type CardBook } from '@/components/card/card-content';
import { createBadgeCounts, type BadgeCounts } from '@/core/badge-counts';
import { parseMessage } from '@/core/messages';
import { popupSearch } from '@/core/popup-location';
import type { UiLang } from '@/core/ui-language';

/** The keyboard command declared in the manifest (wxt.config.ts `commands`). */
const NEXT_MENTION_COMMAND = 'next-mention';
// Dark grey: readable white digits, and no clash with any group's highlight colour.
const BADGE_COLOR = '#3c4043';

function createBadge(): BadgeCounts {
  return createBadgeCounts(async (tabId, text) => {
    try {
      await browser.action.setBadgeText({ tabId, text });
    } catch {
      // The tab closed before its count arrived.
    }
  });
}

// Built once per language for as long as the background lives: every tab asks for the same.
const cardBooks = new Map<UiLang, CardBook>();

function cardBookIn(lang: UiLang): CardBook {
  let book = cardBooks.get(lang);
  if (book === undefined) {
    book = cardBook(lang);
    cardBooks.set(lang, book);
  }
  return book;
}

/** Handles a runtime message sent to the background; anything not ours is ignored. */
export function routeMessage(
  raw: unknown,
  sender: Browser.runtime.MessageSender,
  badge: BadgeCounts,
): Promise<unknown> | undefined {
  const message = parseMessage(raw);
  if (message?.type === 'get-card-book') {
    return Promise.resolve(cardBookIn(message.lang));
  } else if (message?.type === 'mention-count' && sender.tab?.id !== undefined) {
    badge.set(sender.tab.id, sender.frameId ?? 0, message.count);
  } else if (message?.type === 'open-tables') {
    // A path, not a full URL: the browser resolves it against the extension's own origin.
    // The tab the link was followed from, so "On this page" in the new tab is about that page.
    const url = `/popup.html${popupSearch({ view: message.view, tabId: sender.tab?.id })}`;
    // Next to the page the reader came from, so closing the tables returns there.
    const position = sender.tab === undefined ? {} : { index: sender.tab.index + 1 };
    return browser.tabs.create({ url, ...position }).then(() => undefined);
  }
  return undefined;
}

/** The keyboard command: the active tab's top frame moves to its next mention. */
export async function forwardCommand(command: string): Promise<void> {
  if (command !== NEXT_MENTION_COMMAND) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  try {
    // Frames keep their own mentions; the top frame speaks for the page.
    await browser.tabs.sendMessage(tab.id, { type: 'next-mention' }, { frameId: 0 });
  } catch {
    // No content script in that tab (a browser page, the store): nothing to move through.
  }
}

export default defineBackground(() => {
  const badge = createBadge();
  browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR }).catch(() => undefined);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the reply is the promise
  browser.runtime.onMessage.addListener((raw: unknown, sender: Browser.runtime.MessageSender) =>
    routeMessage(raw, sender, badge),
  );
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document is loading: the old one's frames and counts are gone.
    if (change.status === 'loading' && change.url !== undefined) badge.resetTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => badge.forgetTab(tabId));
  browser.commands.onCommand.addListener((command) => {
    void forwardCommand(command);
  });
});
