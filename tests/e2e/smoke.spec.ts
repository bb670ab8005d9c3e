import { expect, test } from './harness/fixtures';

test('the built extension loads and a fixture page opens', async ({ extBrowser, fixtures }) => {
  const page = await extBrowser.newPage();
  await page.goto(`${fixtures}/plain.html`);
  const text = await page.evaluate(() => document.getElementById('p1')?.textContent ?? '');
  expect(text).toContain('Zhipu AI');
  expect(extBrowser.extensionOrigin).toMatch(/^(chrome|moz)-extension:\/\//);
  await page.close();
});

test('the privacy guard notices a request that leaves the fixture server', async ({
  extBrowser,
  fixtures,
}) => {
  const page = await extBrowser.newPage();
  await page.goto(`${fixtures}/plain.html`);
  // Same server under another name (still loopback): counted as foreign, as any outside host is.
  const elsewhere = fixtures.replace('127.0.0.1', 'localhost');
  const before = extBrowser.foreignRequests.length;
  await page.evaluate(async (url) => {
    await fetch(url).catch(() => undefined);
  }, `${elsewhere}/plain.html`);
  await expect.poll(() => extBrowser.foreignRequests.length).toBe(before + 1);
  expect(extBrowser.foreignRequests.at(-1)).toContain('localhost');
  // Forget the request this test made on purpose, so the suite-wide check stays about us.
  extBrowser.foreignRequests.splice(before);
  await page.close();
});
