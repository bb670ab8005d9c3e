import type { TestPage } from './harness/extension-browser';
import { expect, test } from './harness/fixtures';
import {
  captureExport,
  checkboxSelectorByLabel,
  chooseImportFile,
  clearStorage,
  clickElement,
  readSync,
  typeText,
  waitForHighlights,
  writeSync,
  type StoredMap,
} from './options-page-helpers';

const FIXTURE = 'options/mentions.html';
const BOTH = ['GLM-4', 'Zhipu AI'];
// Long enough for the content script to load settings and scan a two-line page many times over.
const SETTLE_MS = 1500;

/** A fresh install's options page: storage emptied, the page showing the defaults. */
async function openOptions(extBrowser: {
  openExtensionPage(path: string): Promise<TestPage>;
}): Promise<TestPage> {
  const options = await extBrowser.openExtensionPage('options.html');
  await clearStorage(options);
  await options.waitFor(() => document.querySelector('[data-testid=entity-total]') !== null);
  await options.waitFor(
    () => document.querySelector('[data-testid=entity-total]')?.textContent === '38 of 38 on',
  );
  return options;
}

async function waitForStored(page: TestPage, expected: StoredMap): Promise<void> {
  await expect.poll(() => readSync(page)).toEqual(expected);
}

test('turning GLM-4 off removes its highlights from an open tab at once; Zhipu AI stays', async ({
  extBrowser,
  fixtures,
}) => {
  const options = await openOptions(extBrowser);
  const tab = await extBrowser.newPage();
  await tab.goto(`${fixtures}/${FIXTURE}`);
  await waitForHighlights(tab, BOTH);

  await options.bringToFront();
  const glm4 = await checkboxSelectorByLabel(options, 'GLM-4');
  await clickElement(options, glm4);

  await waitForHighlights(tab, ['Zhipu AI']);
  await waitForStored(options, { version: 2, 'entities.glm-4': false });
  const group = await checkboxSelectorByLabel(options, 'Models and products');
  expect(
    await options.evaluate((css) => {
      const box = document.querySelector<HTMLInputElement>(css);
      return { checked: box?.checked, mixed: box?.indeterminate };
    }, group),
  ).toEqual({ checked: false, mixed: true });

  // And back on: the key returns to its default, so storage.sync holds nothing.
  await clickElement(options, glm4);
  await waitForHighlights(tab, BOTH);
  await waitForStored(options, {});
  expect(tab.errors).toEqual([]);
  expect(options.errors).toEqual([]);
  await tab.close();
  await options.close();
});

test('a site switched off in the options shows no highlights; invalid sites are refused', async ({
  extBrowser,
  fixtures,
}) => {
  const options = await openOptions(extBrowser);
  const tab = await extBrowser.newPage();
  await tab.goto(`${fixtures}/${FIXTURE}`);
  await waitForHighlights(tab, BOTH);

  await options.bringToFront();
  await clickElement(options, '[data-testid=site-input]');
  await typeText(options, 'not a host!');
  await options.press('Enter');
  await options.waitFor(() =>
    document.querySelector('[data-testid=site-error]')?.textContent?.includes('is not a site'),
  );
  expect(
    await options.evaluate(() =>
      document.querySelector('[data-testid=site-input]')?.getAttribute('aria-invalid'),
    ),
  ).toBe('true');
  await waitForStored(options, {});

  // A pasted address is reduced to its host, port included: the fixture server's origin.
  const host = new URL(fixtures).host;
  await options.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('[data-testid=site-input]');
    input?.select();
  });
  await typeText(options, `${fixtures}/some/page`);
  await options.press('Enter');
  await waitForStored(options, { version: 2, 'sites.blocked': [host] });

  // The open tab loses its highlights at once, and a tab opened now never gets any.
  await waitForHighlights(tab, []);
  const fresh = await extBrowser.newPage();
  await fresh.goto(`${fixtures}/${FIXTURE}`);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  await waitForHighlights(fresh, []);

  // Removing the site brings them back without a reload, which shows the tab was listening.
  await options.bringToFront();
  await clickElement(options, '[data-testid=site-list] button');
  await waitForHighlights(fresh, BOTH);
  await waitForStored(options, {});
  expect([...tab.errors, ...fresh.errors, ...options.errors]).toEqual([]);
  await fresh.close();
  await tab.close();
  await options.close();
});

test('export then import round-trips every setting; reset can be undone', async ({
  extBrowser,
}) => {
  const options = await openOptions(extBrowser);
  const chosen: StoredMap = {
    version: 2,
    'entities.glm-4': false,
    'entities.nvidia': false,
    'card.delayMs': 650,
    'card.trigger': 'modifier',
    'card.modifier': 'Shift',
    'sites.mode': 'only',
    'sites.allowed': ['news.example.com'],
    'sites.blocked': ['*.mail.example'],
    'appearance.models': { color: '#123456', style: 'both' },
  };
  await writeSync(options, chosen);
  await options.waitFor(
    () => document.querySelector('[data-testid=entity-total]')?.textContent === '36 of 38 on',
  );

  const file = await captureExport(options, '[data-testid=export]');
  expect(file.name).toBe('zhipu-facts-settings.json');
  const exported = JSON.parse(file.text) as { card: { delayMs: number }; version: number };
  expect(exported.version).toBe(2);
  expect(exported.card.delayMs).toBe(650);

  await clickElement(options, '[data-testid=reset]');
  await waitForStored(options, {});
  await clickElement(options, '[data-testid=undo]');
  await waitForStored(options, chosen);

  await clickElement(options, '[data-testid=reset]');
  await waitForStored(options, {});
  await chooseImportFile(options, file.text);
  await waitForStored(options, chosen);
  await options.waitFor(
    () => document.querySelector('[data-testid=entity-total]')?.textContent === '36 of 38 on',
  );
  expect(options.errors).toEqual([]);
  await options.close();
});

test('a broken import names the field and why, and changes nothing', async ({ extBrowser }) => {
  const options = await openOptions(extBrowser);
  const before: StoredMap = { version: 2, 'entities.glm-4': false, language: 'en' };
  await writeSync(options, before);
  const file = JSON.parse(
    await captureExport(options, '[data-testid=export]').then((f) => f.text),
  ) as {
    card: Record<string, unknown>;
  };
  file.card.delayMs = 99999;

  await chooseImportFile(options, JSON.stringify(file));
  await options.waitFor(() =>
    document.querySelector('[data-testid=import-problems]')?.textContent?.includes('card.delayMs'),
  );
  const message = await options.evaluate(
    () => document.querySelector('[data-testid=import-problems] li')?.textContent,
  );
  expect(message).toBe('card.delayMs: must be at most 2000');

  // Markup in a file is shown as text, never parsed.
  file.card.delayMs = 300;
  file.card.trigger = '<img src=x onerror="document.title=1">';
  await chooseImportFile(options, JSON.stringify(file));
  await options.waitFor(() =>
    document.querySelector('[data-testid=import-problems] li')?.textContent?.includes('<img'),
  );
  expect(
    await options.evaluate(
      () => document.querySelectorAll('[data-testid=import-problems] img').length,
    ),
  ).toBe(0);

  // Oversize: refused before it is read.
  await chooseImportFile(options, JSON.stringify({ ...file, padding: 'x'.repeat(70_000) }));
  await options.waitFor(() =>
    document.querySelector('[data-testid=import-problems] li')?.textContent?.includes('KB'),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await readSync(options)).toEqual(before);
  expect(options.errors).toEqual([]);
  await options.close();
});

test('broken stored keys are reset, listed in a banner and cleaned on request', async ({
  extBrowser,
}) => {
  const setup = await openOptions(extBrowser);
  await writeSync(setup, { version: 2, 'card.delayMs': 'fast', 'entities.glm-4': false });
  await setup.close();

  const options = await extBrowser.openExtensionPage('options.html');
  await options.waitFor(() =>
    document.querySelector('[data-testid=repair-banner]')?.textContent?.includes('card.delayMs'),
  );
  // The good key was kept.
  expect(
    await options.evaluate(() => document.querySelector('[data-testid=entity-total]')?.textContent),
  ).toBe('37 of 38 on');
  await clickElement(options, '[data-testid=repair-banner] button');
  await waitForStored(options, { version: 2, 'entities.glm-4': false });
  await options.waitFor(() => document.querySelector('[data-testid=repair-banner]') === null);
  await options.close();
});

test('the page switches language at once when the reader picks one', async ({ extBrowser }) => {
  const options = await openOptions(extBrowser);
  await clickElement(options, 'input[type=radio][value=zh]');
  await options.waitFor(() => document.querySelector('h1')?.textContent === '智谱事实卡设置');
  expect(await options.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  await waitForStored(options, { version: 2, language: 'zh' });
  await clickElement(options, 'input[type=radio][value=en]');
  await options.waitFor(() => document.querySelector('h1')?.textContent === 'Zhipu Facts settings');
  await options.close();
});
