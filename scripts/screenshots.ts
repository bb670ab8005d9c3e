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
 * The shot needs a screen tall enough for a full-size popup and a DevTools port to reach the
 * popup, which Playwright does not list as a page.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { VIEW_IDS, type ViewId } from '../core/popup-location';
import { startStaticServer } from '../tests/e2e/harness/static-server';
import { launchShotBrowser, type ShotBrowser } from './screenshot-support/shot-browser';

type Scheme = 'light' | 'dark';
type Language = 'en' | 'zh';

const outDir = resolve(process.argv[2] ?? 'docs/screenshots');
const FIXTURE = 'popup/sample-article.html';
const WIDE = { width: 1360, height: 900 } as const;
// Chromium caps a popup at 800 x 600 and at the screen; headless screens are 800 x 600 by default.
const SCREEN = '--screen-info={0,0 1920x1200}';
const ACCEPT_LANGUAGES: Record<Language, string> = { en: 'en-US,en', zh: 'zh-CN,zh' };

interface Session {
  shot: ShotBrowser;
  /** DevTools port: the popup is reached through a second connection. */
  port: string;
  devtools?: Browser;
}

/** Chromium with the extension, speaking `language`, and a DevTools port to reach the popup. */
async function launch(scheme: Scheme, language: Language): Promise<Session> {
  const shot = await launchShotBrowser({
    scheme,
    viewport: WIDE,
    extraArgs: ['--remote-debugging-port=0', SCREEN],
    // navigator.languages comes from this preference; the UI follows it ('auto' language).
    prepareProfile: (profile) => {
      mkdirSync(join(profile, 'Default'));
      writeFileSync(
        join(profile, 'Default', 'Preferences'),
        JSON.stringify({ intl: { accept_languages: ACCEPT_LANGUAGES[language] } }),
      );
    },
  });
  const port = readFileSync(join(shot.profile, 'DevToolsActivePort'), 'utf8').split('\n')[0] ?? '';
  return { shot, port };
}

/** Opens the toolbar popup over the active tab and returns it as a page. */
async function openToolbarPopup(session: Session, scheme: Scheme): Promise<Page> {
  let [worker] = session.shot.context.serviceWorkers();
  worker ??= await session.shot.context.waitForEvent('serviceworker');
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
    const { context } = session.shot;
    const article = context.pages()[0] ?? (await context.newPage());
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
    const opened = context.waitForEvent('page');
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
    await session.shot.close();
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
