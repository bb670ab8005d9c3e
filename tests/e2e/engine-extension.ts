/**
 * What the page-engine specs ask of the extension itself, through one of its own pages: the badge,
 * the content script's answers, settings, and decoding screenshots to check painted pixels.
 */
import { readFileSync } from 'node:fs';
import { SETTINGS_VERSION } from '../../core/settings';
import type { ExtensionBrowser, TestPage } from './harness/extension-browser';

/** The few extension APIs these helpers use, as both browsers provide them to extension pages. */
interface ExtensionApi {
  tabs: {
    query(query: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
  storage: {
    sync: {
      set(values: object): Promise<void>;
      remove(keys: string[]): Promise<void>;
      clear(): Promise<void>;
    };
  };
}
// Firefox has `browser` (and `chrome`); Chromium only `chrome`.
declare const browser: ExtensionApi | undefined;
declare const chrome: ExtensionApi;

/** Runs `fn` in a fresh extension page (popup.html) and closes it. */
export async function inExtension<R, A>(
  ext: ExtensionBrowser,
  fn: (arg: A) => Promise<R>,
  arg: A,
): Promise<R> {
  // The harness repeats Firefox's glitching BiDi calls itself.
  const page = await ext.openExtensionPage('popup.html');
  try {
    return await page.evaluate(fn, arg);
  } finally {
    await page.close();
  }
}

/**
 * The id of the one tab whose content script answers (the fixture page under test). Without the
 * `tabs` permission an extension page cannot read other tabs' URLs, so ask them instead.
 */
export function answeringTabId(ext: ExtensionBrowser): Promise<number> {
  return inExtension(
    ext,
    async () => {
      const api = typeof browser === 'undefined' ? chrome : browser;
      const answering: number[] = [];
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        try {
          const reply = await api.tabs.sendMessage(
            tab.id,
            { type: 'get-page-mentions' },
            { frameId: 0 },
          );
          // Blank tabs may run the content script too; they have no host.
          if ((reply as { host?: string } | undefined)?.host) answering.push(tab.id);
        } catch {
          // No content script there (the extension page itself, a blank tab).
        }
      }
      if (answering.length !== 1) throw new Error(`${answering.length} tabs answer, expected 1`);
      return answering[0]!;
    },
    undefined,
  );
}

export function badgeText(ext: ExtensionBrowser, tabId: number): Promise<string> {
  return inExtension(
    ext,
    async (id: number) => {
      const api = typeof browser === 'undefined' ? chrome : browser;
      return api.action.getBadgeText({ tabId: id });
    },
    tabId,
  );
}

/** Sends a runtime message to a tab's top frame and returns its answer. */
export function sendToTab(
  ext: ExtensionBrowser,
  tabId: number,
  message: unknown,
): Promise<unknown> {
  return inExtension(
    ext,
    async ([id, body]: [number, unknown]) => {
      const api = typeof browser === 'undefined' ? chrome : browser;
      return api.tabs.sendMessage(id, body, { frameId: 0 });
    },
    [tabId, message] as [number, unknown],
  );
}

/** Writes stored settings keys (see core/settings-keys.ts); null removes a key. */
export function writeSettings(
  ext: ExtensionBrowser,
  values: Record<string, unknown>,
): Promise<void> {
  return inExtension(
    ext,
    async (entries: Record<string, unknown>) => {
      const api = typeof browser === 'undefined' ? chrome : browser;
      const removed = Object.keys(entries).filter((key) => entries[key] === null);
      const set = Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== null));
      if (removed.length > 0) await api.storage.sync.remove(removed);
      await api.storage.sync.set(set);
    },
    { version: SETTINGS_VERSION, ...values },
  );
}

/** Back to default settings: every stored key removed. */
export function resetSettings(ext: ExtensionBrowser): Promise<void> {
  return inExtension(
    ext,
    async () => {
      const api = typeof browser === 'undefined' ? chrome : browser;
      await api.storage.sync.clear();
    },
    undefined,
  );
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * How many pixels of each box in a screenshot are within `tolerance` (per channel) of `color`,
 * decoded in an extension page (no image library needed).
 */
export async function countPixels(
  ext: ExtensionBrowser,
  screenshot: string,
  boxes: Box[],
  color: [number, number, number],
  tolerance: number,
): Promise<number[]> {
  const png = readFileSync(screenshot).toString('base64');
  return inExtension(
    ext,
    async ({ data, regions, rgb, slack }) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return regions.map((box) => {
        const x = Math.max(0, Math.floor(box.x));
        const y = Math.max(0, Math.floor(box.y));
        const width = Math.max(1, Math.ceil(box.width));
        const height = Math.max(1, Math.ceil(box.height));
        const pixels = context.getImageData(x, y, width, height).data;
        let count = 0;
        for (let i = 0; i < pixels.length; i += 4) {
          if (
            Math.abs(pixels[i]! - rgb[0]) <= slack &&
            Math.abs(pixels[i + 1]! - rgb[1]) <= slack &&
            Math.abs(pixels[i + 2]! - rgb[2]) <= slack
          ) {
            count++;
          }
        }
        return count;
      });
    },
    { data: png, regions: boxes, rgb: color, slack: tolerance },
  );
}

/** Opens `url` in a new tab of the extension browser, runs `fn`, and always closes the tab. */
export async function withPage(
  ext: ExtensionBrowser,
  url: string,
  fn: (page: TestPage) => Promise<void>,
): Promise<void> {
  const page = await ext.newPage();
  try {
    await page.goto(url);
    await fn(page);
  } finally {
    await page.close();
  }
}

/** Waits until our highlights hold at least `min` ranges and stop changing. */
export async function waitForHighlights(page: TestPage, min = 1): Promise<void> {
  await page.waitFor((least: number) => {
    let total = 0;
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith('zf-')) total += highlight.size;
    }
    const state = globalThis as { __zfLast?: number; __zfSame?: number };
    state.__zfSame = total === state.__zfLast ? (state.__zfSame ?? 0) + 1 : 0;
    state.__zfLast = total;
    return total >= least && state.__zfSame >= 3;
  }, min);
}
