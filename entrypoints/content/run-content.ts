/**
 * The content script once it has decided to run in this frame: reads the settings, follows their
 * changes, starts or stops the page session, and answers the extension's messages for the tab.
 * The session's code (engine, matcher, card) is loaded only when the page is switched on.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { parseMessage } from '@/core/messages';
import { isHostEnabled, type Settings } from '@/core/settings';
import { loadSettings, watchSettings } from '@/platform/settings-store';
import type { PageSession } from './page-session';

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

function logError(error: unknown): void {
  console.debug('[zhipu-facts]', error);
}

export async function runContent(ctx: ContentScriptContext): Promise<void> {
  let session: PageSession | undefined;
  // The settings to start a session with, while its code loads; undefined when switched off.
  let wanted: Settings | undefined;
  let loading = false;
  const isTop = window === window.top;

  const apply = (settings: Settings) => {
    if (ctx.isInvalid) return;
    const on = isHostEnabled(settings, pageHost()) && document.designMode !== 'on';
    wanted = on ? settings : undefined;
    if (!on) {
      session?.destroy();
      session = undefined;
    } else if (session !== undefined) {
      session.update(settings);
    } else if (!loading) {
      loading = true;
      import('./page-session')
        .then(({ startPageSession }) => {
          loading = false;
          if (wanted !== undefined && !ctx.isInvalid) session = startPageSession(wanted);
        })
        .catch(logError);
    }
  };

  // Returns a promise for the messages it answers (the polyfill sends what it resolves to).
  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    // Only the top frame speaks for the tab: frames would each answer with their part.
    if (!isTop) return undefined;
    if (session !== undefined) return session.handle(message);
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
    wanted = undefined;
    session?.destroy();
    session = undefined;
  });
  const settings = loadSettings();
  // While the settings travel, the matcher compiles, in a task of its own.
  setTimeout(() => {
    if (ctx.isInvalid) return;
    import('./page-session').then(({ prepareMatcher }) => prepareMatcher()).catch(logError);
  }, 0);
  const initial = await settings;
  // A change that arrived while loading is newer than what was loaded.
  if (!changed) apply(initial);
}
