import { expect, test } from './harness/fixtures';

test('the built extension loads and a fixture page opens', async ({ extBrowser, fixtures }) => {
  const page = await extBrowser.newPage();
  await page.goto(`${fixtures}/plain.html`);
  const text = await page.evaluate(() => document.getElementById('p1')?.textContent ?? '');
  expect(text).toContain('Zhipu AI');
  expect(extBrowser.extensionOrigin).toMatch(/^(chrome|moz)-extension:\/\//);
  await page.close();
});
