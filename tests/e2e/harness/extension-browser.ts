import { chromium, type BrowserContext, type Page as PwPage } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';

export type Engine = 'chromium' | 'firefox';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for every Chromium started here: no sandbox in containers, and no calls to outside hosts. */
export const CHROMIUM_BASE_ARGS = [
  '--no-sandbox',
  // Without these Chromium tries to reach outside hosts, which this network refuses.
  '--disable-background-networking',
  '--disable-component-update',
];

/** Flags that load the built extension in `dir`, and only it, plus the base flags. */
export function chromiumExtensionArgs(dir: string): string[] {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...CHROMIUM_BASE_ARGS];
}
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const GECKO_ID = 'zhipu-facts@example.org';
// Pinning the moz-extension:// host lets tests open the popup and options pages by URL.
const FIREFOX_UUID = '6a0c1b52-7f7e-4a8e-9d3e-2f0f8c1d5e11';
const DEFAULT_TIMEOUT = 10_000;

/** Where a request may go during the tests: our fixture server, the extension, inline data. */
export function isLocalRequest(url: string): boolean {
  if (/^(chrome-extension|moz-extension|data|blob|about):/.test(url)) return true;
  try {
    return new URL(url).hostname === '127.0.0.1';
  } catch {
    return false;
  }
}

/** The build under test: `ZF_OUT` picks another output folder than `.output`. */
export function builtExtensionDir(engine: Engine): string {
  const out = process.env.ZF_OUT ?? '.output';
  return resolve(out, engine === 'chromium' ? 'chrome-mv3' : 'firefox-mv3');
}

/** What a test can do with a tab, the same in both browsers. */
export interface TestPage {
  readonly engine: Engine;
  /** Uncaught page errors and console.error lines seen since the page opened. */
  readonly errors: string[];
  goto(url: string): Promise<void>;
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  waitFor<A = undefined>(fn: (arg: A) => unknown, arg?: A, timeoutMs?: number): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  readonly engine: Engine;
  /**
   * Every request seen so far that went anywhere but the fixture server or the extension itself.
   * The fixture pages load nothing from elsewhere, so any entry here was caused by the extension.
   */
  readonly foreignRequests: string[];
  /** `chrome-extension://ID` or `moz-extension://UUID`. */
  readonly extensionOrigin: string;
  newPage(): Promise<TestPage>;
  /** Opens one of the extension's own pages (`popup.html`, `options.html`). */
  openExtensionPage(path: string): Promise<TestPage>;
  close(): Promise<void>;
}

export async function launchExtensionBrowser(engine: Engine): Promise<ExtensionBrowser> {
  return engine === 'chromium' ? launchChromium() : launchFirefox();
}

async function launchChromium(): Promise<ExtensionBrowser> {
  const dir = builtExtensionDir('chromium');
  const profile = mkdtempSync(join(tmpdir(), 'zf-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: chromiumExtensionArgs(dir),
  });
  const foreignRequests: string[] = [];
  context.on('request', (request) => {
    if (!isLocalRequest(request.url())) foreignRequests.push(request.url());
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const origin = `chrome-extension://${new URL(worker.url()).host}`;
  // The persistent context opens one blank tab; keep it so the window never closes.
  return {
    engine: 'chromium',
    extensionOrigin: origin,
    foreignRequests,
    newPage: async () => wrapPlaywright(await context.newPage()),
    openExtensionPage: async (path) => {
      const page = wrapPlaywright(await context.newPage());
      await page.goto(`${origin}/${path}`);
      return page;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function wrapPlaywright(page: PwPage): TestPage {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.setDefaultTimeout(DEFAULT_TIMEOUT);
  return {
    engine: 'chromium',
    errors,
    goto: async (url) => {
      await page.goto(url);
    },
    evaluate: (fn, arg) => page.evaluate(fn, arg as never),
    waitFor: async (fn, arg, timeout = DEFAULT_TIMEOUT) => {
      await page.waitForFunction(fn, arg as never, { timeout });
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    screenshot: async (path) => {
      // 'initial' keeps Playwright from injecting a caret-hiding style, which a CSP page reports.
      await page.screenshot({ path, caret: 'initial' });
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}

/** Keeps Firefox off the network: no updates, telemetry or captive-portal checks. */
export const FIREFOX_OFFLINE_PREFS = {
  'app.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
};

async function launchFirefox(): Promise<ExtensionBrowser> {
  const dir = builtExtensionDir('firefox');
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Needed to navigate a tab to a moz-extension:// URL at all.
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      ...FIREFOX_OFFLINE_PREFS,
    },
  });
  await browser.installExtension(dir);
  const origin = `moz-extension://${FIREFOX_UUID}`;
  // Puppeteer reports requests per page; the extension's own pages are pages too.
  const foreignRequests: string[] = [];
  const watch = (page: PpPage): PpPage => {
    page.on('request', (request) => {
      if (!isLocalRequest(request.url())) foreignRequests.push(request.url());
    });
    return page;
  };
  return {
    engine: 'firefox',
    extensionOrigin: origin,
    foreignRequests,
    newPage: async () => wrapPuppeteer(watch(await browser.newPage())),
    // A tab that glitched while navigating keeps glitching: each new try opens a fresh tab.
    openExtensionPage: (path) =>
      retryBidiGlitch(async () => {
        const raw = watch(await browser.newPage());
        // Quirk: goto() to a moz-extension:// URL navigates but never resolves; wait on the page.
        raw.goto(`${origin}/${path}`).catch(() => undefined);
        try {
          await raw.waitForFunction(
            () => location.protocol === 'moz-extension:' && document.readyState === 'complete',
            { timeout: DEFAULT_TIMEOUT },
          );
        } catch (error) {
          await raw.close().catch(() => undefined);
          throw error;
        }
        return wrapPuppeteer(raw);
      }),
    close: () => browser.close(),
  };
}

/**
 * Firefox's WebDriver BiDi sometimes fails a script call made while a tab is still settling
 * ("right-hand side of 'in' should be an object, got null", in its script.sys.mjs); the same call
 * succeeds when repeated. Any other error passes through at once.
 */
/** An error's message with those of its causes (puppeteer wraps the protocol error as a cause). */
function messageChain(error: unknown): string {
  return error instanceof Error ? `${error.message} ${messageChain(error.cause)}` : '';
}

async function retryBidiGlitch<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      const glitch = messageChain(error).includes("right-hand side of 'in'");
      if (!glitch || attempt === 3) throw error;
    }
  }
}

function wrapPuppeteer(page: PpPage): TestPage {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e instanceof Error ? e.message : String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.setDefaultTimeout(DEFAULT_TIMEOUT);
  return {
    engine: 'firefox',
    errors,
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' });
    },
    evaluate: (fn, arg) => retryBidiGlitch(() => page.evaluate(fn as (a: unknown) => never, arg)),
    waitFor: async (fn, arg, timeout = DEFAULT_TIMEOUT) => {
      await retryBidiGlitch(() =>
        page.waitForFunction(fn as (a: unknown) => unknown, { timeout }, arg),
      );
    },
    mouseMove: (x, y) => page.mouse.move(x, y),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key as Parameters<PpPage['keyboard']['press']>[0]),
    setViewport: (width, height) => page.setViewport({ width, height }),
    screenshot: async (path) => {
      await page.screenshot({ path });
    },
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}
