import { browser } from 'wxt/browser';
import {
  parsePageMentionsReply,
  RevealReplySchema,
  type MessageOf,
  type PageMentionsReply,
} from '../../core/messages';

export type PageState =
  | { status: 'loading' }
  /** No tab to ask: the UI is open in a tab of its own that no page opened. */
  | { status: 'no-tab' }
  /** The tab exists but no content script answered: a browser page, a store, a PDF... */
  | { status: 'unavailable'; tabId: number }
  | { status: 'ready'; tabId: number; host: string; mentions: PageMentionsReply['mentions'] };

// Only the top frame's content script answers for the page; frames would each answer alone.
const TOP_FRAME = { frameId: 0 } as const;

/**
 * The tab "On this page" is about. As a toolbar popup, the active tab of its window (we have no
 * "tabs" permission, so no URL: the content script tells us the host). Open as a page, the tab
 * named in `?tabId=`, else the tab that opened it.
 */
export async function findPageTab(tabIdParam: number | undefined): Promise<number | undefined> {
  if (tabIdParam !== undefined) return tabIdParam;
  try {
    const current = await browser.tabs.getCurrent();
    if (current) return current.openerTabId;
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    return active?.id;
  } catch {
    return undefined;
  }
}

/** Asks the tab's content script for the page's host and mentions. Never throws. */
export async function readPage(tabId: number | undefined): Promise<PageState> {
  if (tabId === undefined) return { status: 'no-tab' };
  try {
    const message: MessageOf<'get-page-mentions'> = { type: 'get-page-mentions' };
    const reply = parsePageMentionsReply(await browser.tabs.sendMessage(tabId, message, TOP_FRAME));
    return reply ? { status: 'ready', tabId, ...reply } : { status: 'unavailable', tabId };
  } catch {
    // "Receiving end does not exist": no content script runs in that tab.
    return { status: 'unavailable', tabId };
  }
}

/**
 * Scrolls the tab to the entity's next mention and opens its card. False when the page did not
 * answer or had no such mention left (it changed since the list was read).
 */
export async function revealMention(tabId: number, entityId: string): Promise<boolean> {
  try {
    const message: MessageOf<'reveal-mention'> = { type: 'reveal-mention', entityId };
    const reply = RevealReplySchema.safeParse(
      await browser.tabs.sendMessage(tabId, message, TOP_FRAME),
    );
    return reply.success && reply.data.revealed;
  } catch {
    return false;
  }
}

/** Brings the tab forward when the UI runs in a tab of its own and would otherwise hide it. */
export async function showTab(tabId: number): Promise<void> {
  try {
    await browser.tabs.update(tabId, { active: true });
  } catch {
    // The tab was closed meanwhile: nothing to show.
  }
}
