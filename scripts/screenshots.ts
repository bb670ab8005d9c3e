/**
 * Screenshots of the popup for the README, from the real built extension in Chromium
 * (`npm run build` first; ZF_OUT picks another build, as for the e2e suite):
 *
 * - docs/screenshots/popup-<view>-<light|dark>-<en|zh>.png: the toolbar popup itself, opened by
 *   `action.openPopup()` over a fixture article, one shot per view;
 * - docs/screenshots/popup-tab-<view>-<light|dark>-en.png: the same UI full-page, opened with its
 *   "Open in a tab" button, in a wide window.
 *
 *   npx tsx scripts/screenshots.ts [outDir]
 *
 * Chromium is launched here rather than through the harness's launchExtensionBrowser(): a shot
 * needs the browser's language and colour scheme set, a screen tall enough for a full-size popup,
 * and a DevTools port to reach the popup, which Playwright does not list as a page. The
 * extension folder and the fixture server still come from the harness.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { VIEW_IDS, type ViewId } from '../core/popup-location';
import { builtExtensionDir } from '../tests/e2e/harness/extension-browser';
import { startStaticServer } from '../tests/e2e/harness/static-server';

type Scheme = 'light' | 'dark';
type Language = 'en' | 'zh';

const outDir = resolve(process.argv[2] ?? 'docs/screenshots');
const FIXTURE = 'popup/sample-article.html';
const WIDE = { width: 1360, height: 900 } as const;
// Chromium caps a popup at 800 x 600 and at the screen; headless screens are 800 x 600 by default.
const SCREEN = '--screen-info={0,0 1920x1200}';
const ACCEPT_LANGUAGES: Record<Language, string> = { en: 'en-US,en', zh: 'zh-CN,zh' };

interface Session {
  context: BrowserContext;
  /** DevTools port: the popup is reached through a second connection. */
  port: string;
  profile: string;
  devtools?: Browser;
}

/** Chromium with the extension, speaking `language`, and a DevTools port to reach the popup. */
async function launch(scheme: Scheme, language: Language): Promise<Session> {
  const dir = builtExtensionDir('chromium');
  const profile = mkdtempSync(join(tmpdir(), 'zf-popup-shots-'));
  // navigator.languages comes from this preference; the UI follows it ('auto' language).
  mkdirSync(join(profile, 'Default'));
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ intl: { accept_languages: ACCEPT_LANGUAGES[language] } }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    colorScheme: scheme,
    viewport: WIDE,
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--remote-debugging-port=0',
      SCREEN,
    ],
  });
  const port = readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0] ?? '';
  return { context, port, profile };
}

/** Opens the toolbar popup over the active tab and returns it as a page. */
async function openToolbarPopup(session: Session, scheme: Scheme): Promise<Page> {
  let [worker] = session.context.serviceWorkers();
  worker ??= await session.context.waitForEvent('serviceworker');
  await worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }
    ).chrome.action.openPopup(),
  );
  for (let attempt = 0; attempt < 20; attempt += 1) {
    // A connection lists the pages that exist when it is made: connect once the popup is there.
    await new Promise((done) => setTimeout(done, 250));
    const devtools = await chromium.connectOverCDP(`http://127.0.0.1:${session.port}`);
    const popup = devtools
      .contexts()
      .flatMap((context) => context.pages())
      .find((page) => page.url().endsWith('/popup.html'));
    if (popup) {
      session.devtools = devtools;
      // The context's colour scheme does not reach a page Playwright did not open.
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.waitForSelector('[role="tablist"]');
      return popup;
    }
    await devtools.close();
  }
  throw new Error('the toolbar popup did not open');
}

async function showView(page: Page, view: ViewId): Promise<void> {
  await page.click(`#zf-tab-${view}`);
  await page.waitForSelector(`#zf-panel-${view}:not([hidden]) > *`);
  if (view === 'page') await page.waitForSelector('[data-entity], [data-state]');
  await page.evaluate(() => document.fonts.ready);
}

async function shoot(scheme: Scheme, language: Language, origin: string): Promise<number> {
  const session = await launch(scheme, language);
  let count = 0;
  try {
    const article = session.context.pages()[0] ?? (await session.context.newPage());
    await article.goto(`${origin}/${FIXTURE}`);
    await article.bringToFront();
    // The popup lists what the content script found: wait until it has highlighted the page.
    await article.waitForFunction(() =>
      [...CSS.highlights.keys()].some((name) => name.startsWith('zf-')),
    );

    const popup = await openToolbarPopup(session, scheme);
    for (const view of VIEW_IDS) {
      await showView(popup, view);
      await popup.screenshot({ path: join(outDir, `popup-${view}-${scheme}-${language}.png`) });
      count += 1;
    }
    if (language !== 'en') return count;

    // The wide layout, reached the way a reader does: the popup's "Open in a tab" button.
    const opened = session.context.waitForEvent('page');
    await popup.click('.zf-open-in-tab');
    const tab = await opened;
    await tab.waitForSelector('[role="tablist"]');
    for (const view of VIEW_IDS) {
      await showView(tab, view);
      await tab.screenshot({
        path: join(outDir, `popup-tab-${view}-${scheme}-${language}.png`),
        fullPage: true,
      });
      count += 1;
    }
    return count;
  } finally {
    await session.devtools?.close();
    await session.context.close();
    rmSync(session.profile, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const server = await startStaticServer(resolve('tests/fixtures'));
  let count = 0;
  try {
    for (const language of ['en', 'zh'] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        count += await shoot(scheme, language, server.origin);
      }
    }
  } finally {
    await server.close();
  }
  console.log(`${count} screenshots in ${outDir}`);
}

await main();
