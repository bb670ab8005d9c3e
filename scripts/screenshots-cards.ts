/**
 * Screenshots of hover cards (a model, a company, a football investor) in light and dark,
 * English and Chinese, for the docs and for a person to look at. Not a test: run
 * `npx tsx scripts/screenshots-cards.ts [outDir]` after building (ZF_OUT picks the build).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { hasHighlights, listMentions, readCard } from '../tests/e2e/card-probe';
import { startStaticServer } from '../tests/e2e/harness/static-server';
import { launchShotBrowser, type ChromeGlobal } from './screenshot-support/shot-browser';

const outDir = resolve(process.argv[2] ?? 'docs/screenshots');
/** Page around the card kept in the picture, so the mention and its highlight show too. */
const MARGIN = 16;

const entities = ['glm-4', 'zhipu-ai', 'suning', 'mmlu'] as const;
const schemes = ['light', 'dark'] as const;
const languages = ['en', 'zh'] as const;

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const server = await startStaticServer(resolve('tests/fixtures'));
  try {
    for (const scheme of schemes) {
      for (const language of languages) {
        const shot = await launchShotBrowser({
          scheme,
          locale: language === 'zh' ? 'zh-CN' : 'en-US',
          // Tall enough for the longest card (Zhipu AI's) to show whole.
          viewport: { width: 900, height: 1400 },
          deviceScaleFactor: 2,
        });
        const { context } = shot;
        try {
          const options = await context.newPage();
          await options.goto(`${shot.extensionOrigin}/options.html`);
          await options.evaluate(async (lang) => {
            const { chrome } = globalThis as unknown as ChromeGlobal;
            await chrome.storage.sync.set({ version: 2, language: lang });
          }, language);
          await options.close();

          const page = await context.newPage();
          await page.goto(`${server.origin}/card/cases.html`);
          await page.waitForFunction(hasHighlights);
          if (scheme === 'dark') {
            // A dark page, as a reader with a dark theme would see the card.
            await page.addStyleTag({ content: 'body { background: #111418; color: #d8dde3; }' });
          }
          for (const entity of entities) {
            const selector = `[data-entity="${entity}"]`;
            await page.evaluate((s) => {
              document.querySelector(s)?.scrollIntoView({ block: 'start' });
              window.scrollBy(0, -120);
            }, selector);
            const [spot] = await page.evaluate(listMentions, selector);
            if (!spot) throw new Error(`no mention of ${entity}`);
            await page.mouse.click(spot.x, spot.y);
            // The card's content comes from the background: the host may not exist yet.
            await page.waitForFunction((id) => {
              const host = document.querySelector('zhipu-facts-card');
              const card = host?.shadowRoot?.querySelector(`.card[data-entity="${id}"]`);
              return (
                host !== null &&
                card !== null &&
                card !== undefined &&
                getComputedStyle(host).visibility === 'visible'
              );
            }, entity);
            // Away from the text, so no hover state of the page shows in the picture.
            await page.mouse.move(1, 1);
            const { rect } = await page.evaluate(readCard);
            if (!rect) throw new Error(`no card for ${entity}`);
            const left = Math.max(0, Math.min(rect.left, spot.rect.left) - MARGIN);
            const top = Math.max(0, Math.min(rect.top, spot.rect.top) - MARGIN);
            const name = `card-${entity}-${scheme}-${language}`;
            await page.screenshot({
              path: join(outDir, `${name}.png`),
              clip: {
                x: left,
                y: top,
                width: Math.max(rect.right, spot.rect.right) + MARGIN - left,
                height: Math.max(rect.bottom, spot.rect.bottom) + MARGIN - top,
              },
            });
            await page.keyboard.press('Escape');
            console.log(`wrote ${name}`);
          }
        } finally {
          await shot.close();
        }
      }
    }
  } finally {
    await server.close();
  }
}

await main();
