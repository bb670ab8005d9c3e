/**
 * The two Chromium instances of a bench run: one with the built extension (ours) and one
 * without (the floor, mark.js, and the page's own cost). Same binary, same flags, same viewport.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { benchApiScript } from './in-page.ts';
import {
  CHROMIUM,
  CHROMIUM_BASE_ARGS,
  chromiumExtensionArgs,
} from '../../tests/e2e/harness/extension-browser.ts';

/** The part of the extension API the service worker is asked to use. */
interface ChromeTabs {
  tabs: {
    query(query: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
}

export const VIEWPORT = { width: 1280, height: 800 };

// Real pages link fonts, ads and scripts on other hosts: fail those lookups at once instead of
// waiting on the network, so only what we serve loads (and equally in both browsers).
const LOCAL_ONLY = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

export interface BenchBrowsers {
  /** A tab in the browser with the extension. */
  withExtension(): Promise<Page>;
  /**
   * Mentions the content script of the page from `origin` has indexed (the popup's "On this
   * page" counts, summed), asked from the extension's service worker: on a page with many
   * mentions only those near the viewport are registered in CSS.highlights, so the page
   * itself cannot count them. Undefined when no tab answers.
   */
  indexedMentions(origin: string): Promise<number | undefined>;
  /** A tab in the browser without it. */
  withoutExtension(): Promise<Page>;
  version: string;
  close(): Promise<void>;
}

export async function launchBenchBrowsers(extensionDir: string): Promise<BenchBrowsers> {
  const profile = mkdtempSync(join(tmpdir(), 'zf-bench-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: VIEWPORT,
    args: [...chromiumExtensionArgs(extensionDir), LOCAL_ONLY],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionWorker = worker;
  const plain: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_BASE_ARGS, LOCAL_ONLY],
  });
  const plainContext = await plain.newContext({ viewport: VIEWPORT });
  const script = benchApiScript();
  await context.addInitScript({ content: script });
  await plainContext.addInitScript({ content: script });
  return {
    withExtension: () => context.newPage(),
    indexedMentions: (origin) =>
      extensionWorker.evaluate(async (host) => {
        const api = (globalThis as unknown as { chrome: ChromeTabs }).chrome;
        for (const tab of await api.tabs.query({})) {
          if (tab.id === undefined) continue;
          try {
            const reply = (await api.tabs.sendMessage(
              tab.id,
              { type: 'get-page-mentions' },
              { frameId: 0 },
            )) as { host?: string; mentions?: { count: number }[] } | undefined;
            if (reply?.host !== host) continue;
            return (reply.mentions ?? []).reduce((sum, mention) => sum + mention.count, 0);
          } catch {
            // No content script in that tab.
          }
        }
        return undefined;
      }, new URL(origin).host),
    withoutExtension: () => plainContext.newPage(),
    version: plain.version(),
    close: async () => {
      await plain.close();
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
