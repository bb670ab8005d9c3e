import './highlights.css';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { parseMessage } from '@/core/messages';
import { isHostEnabled, type Settings } from '@/core/settings';
import { loadSettings, watchSettings } from '@/platform/settings-store';
import { startPageSession, type PageSession } from './page-session';

/**
 * The host the site settings apply to. An about:blank or srcdoc frame has none of its own; it
 * belongs to the page that made it, when that page is readable from here.
 */
function pageHost(): string {
  if (location.host !== '') return location.host;
  try {
    return window.parent.location.host;
  } catch {
    return '';
  }
}

export default defineContentScript({
  matches: ['<all_urls>'],
  // Same-origin and about:blank frames get their own copy, so mentions in them are found too.
  allFrames: true,
  matchAboutBlank: true,
  // The ::highlight() defaults go in the manifest: a page's CSP cannot block those.
  cssInjectionMode: 'manifest',
  async main(ctx) {
    let session: PageSession | undefined;
    const isTop = window === window.top;

    const apply = (settings: Settings) => {
      if (ctx.isInvalid) return;
      const on = isHostEnabled(settings, pageHost()) && document.designMode !== 'on';
      if (!on) {
        session?.destroy();
        session = undefined;
      } else if (session === undefined) {
        session = startPageSession(settings);
      } else {
        session.update(settings);
      }
    };

    // Returns a promise for the messages it answers (the polyfill sends what it resolves to).
    const onMessage = (message: unknown): Promise<unknown> | undefined => {
      // Only the top frame speaks for the tab: frames would each answer with their part.
      if (!isTop) return undefined;
      if (session !== undefined) return session.mentions.handle(message);
      // Switched off here: the page has no mentions to list, nothing to reveal.
      return parseMessage(message)?.type === 'get-page-mentions'
        ? Promise.resolve({ host: pageHost(), mentions: [] })
        : undefined;
    };
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the reply is the promise
    browser.runtime.onMessage.addListener(onMessage);

    let changed = false;
    const stopWatching = watchSettings((settings) => {
      changed = true;
      apply(settings);
    });
    ctx.onInvalidated(() => {
      stopWatching();
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- same listener as above
      browser.runtime.onMessage.removeListener(onMessage);
      session?.destroy();
      session = undefined;
    });
    const initial = await loadSettings();
    // A change that arrived while loading is newer than what was loaded.
    if (!changed) apply(initial);
  },
});
