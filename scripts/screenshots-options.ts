/**
 * Screenshots of the options page in light and dark, English and Chinese, for the docs and for
 * a person to look at. Not a test: run `npx tsx scripts/screenshots-options.ts [outDir]`
 * after building (ZF_OUT picks the build, as for the e2e suite; ZF_SHOT_DETAILS=1 adds one
 * image per panel and a narrow page).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchShotBrowser, type ChromeGlobal } from './screenshot-support/shot-browser';

const outDir = resolve(process.argv[2] ?? 'docs/screenshots');

interface Shot {
  name: string;
  scheme: 'light' | 'dark';
  language: 'en' | 'zh';
}

const shots: Shot[] = [
  { name: 'options-light-en', scheme: 'light', language: 'en' },
  { name: 'options-dark-en', scheme: 'dark', language: 'en' },
  { name: 'options-light-zh', scheme: 'light', language: 'zh' },
  { name: 'options-dark-zh', scheme: 'dark', language: 'zh' },
];

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  for (const shot of shots) {
    const browser = await launchShotBrowser({
      scheme: shot.scheme,
      locale: shot.language === 'zh' ? 'zh-CN' : 'en-US',
      viewport: { width: 1000, height: 900 },
    });
    try {
      const page = await browser.context.newPage();
      await page.goto(`${browser.extensionOrigin}/options.html`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      // A few choices away from the defaults, so the shot shows mixed groups and a site list.
      await page.evaluate(async () => {
        const { chrome } = globalThis as unknown as ChromeGlobal;
        await chrome.storage.sync.set({
          version: 2,
          'entities.gpt-4': false,
          'entities.claude-3-opus': false,
          'appearance.benchmarks': { color: '#0b8043', style: 'background' },
          'appearance.models': { color: '#8e44ad', style: 'both' },
          'sites.blocked': ['mail.example.com', '*.intranet.example'],
        });
      });
      await page.reload();
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.screenshot({ path: join(outDir, `${shot.name}.png`), fullPage: true });
      if (shot.name === 'options-light-en') {
        // The import error state, with markup in the file shown as text.
        await page.evaluate(() => {
          const input = document.querySelector<HTMLInputElement>('[data-testid=import-file]');
          const transfer = new DataTransfer();
          const bad = { version: 2, card: { delayMs: 99999 }, language: '<b>fr</b>' };
          transfer.items.add(new File([JSON.stringify(bad)], 'bad.json'));
          if (input) input.files = transfer.files;
          input?.dispatchEvent(new Event('change', { bubbles: true }));
        });
        const backup = page.locator('.panel').filter({ has: page.getByTestId('import-problems') });
        await backup.screenshot({ path: join(outDir, 'options-import-error.png') });
      }
      if (process.env.ZF_SHOT_DETAILS) {
        // One image per panel at full size, and a phone-width page, for a person checking details.
        await page.setViewportSize({ width: 420, height: 900 });
        await page.screenshot({ path: join(outDir, `${shot.name}-narrow.png`), fullPage: true });
        await page.setViewportSize({ width: 1000, height: 900 });
        const panels = page.locator('.panel, .banner');
        for (let i = 0; i < (await panels.count()); i++) {
          await panels.nth(i).screenshot({ path: join(outDir, `${shot.name}-panel-${i}.png`) });
        }
      }
      console.log(`wrote ${shot.name}`);
    } finally {
      await browser.close();
    }
  }
}

await main();
