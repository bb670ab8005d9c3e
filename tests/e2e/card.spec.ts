import {
  cardClosed,
  cardShows,
  factText,
  hasHighlights,
  listMentions,
  readCard,
  type MentionSpot,
} from './card-probe';
import { resetSettings, writeSettings } from './engine-extension';
import { expect, test } from './harness/fixtures';
import type { ExtensionBrowser, TestPage } from './harness/extension-browser';

/** Longer than the default hover delay (300 ms) plus the closing delay, with room for CI. */
const SETTLE_MS = 5_000;

async function openFixture(extBrowser: ExtensionBrowser, url: string): Promise<TestPage> {
  const page = await extBrowser.newPage();
  await page.goto(url);
  await page.bringToFront();
  await page.waitFor(hasHighlights);
  return page;
}

async function mentionsIn(page: TestPage, selector: string | null): Promise<MentionSpot[]> {
  const spots = await page.evaluate(listMentions, selector);
  expect(spots.length, `mentions in ${selector ?? 'the page'}`).toBeGreaterThan(0);
  return spots;
}

async function hover(page: TestPage, spot: MentionSpot, entity: string): Promise<void> {
  await page.mouseMove(spot.x, spot.y);
  await page.waitFor(cardShows, entity, SETTLE_MS);
}

/** Opens the fixture and clicks the entity's first mention: its card shows, pinned. */
async function openPinned(
  extBrowser: ExtensionBrowser,
  url: string,
  entity: string,
): Promise<TestPage> {
  const page = await openFixture(extBrowser, url);
  const [spot] = await mentionsIn(page, `[data-entity="${entity}"]`);
  if (!spot) throw new Error(`no ${entity} mention`);
  await page.click(spot.x, spot.y);
  await page.waitFor(cardShows, entity, SETTLE_MS);
  return page;
}

/** Sends a runtime message to every tab but the extension page's own, as the background does. */
async function sendToTabs(extensionPage: TestPage, message: { type: string }): Promise<void> {
  await extensionPage.evaluate(async (msg) => {
    interface TabsApi {
      tabs: {
        getCurrent(): Promise<{ id?: number } | undefined>;
        query(q: object): Promise<{ id?: number }[]>;
        sendMessage(id: number, m: unknown): Promise<unknown>;
      };
    }
    const scope = globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi };
    const api = scope.browser ?? scope.chrome;
    if (!api) throw new Error('no extension API on this page');
    const self = await api.tabs.getCurrent();
    const tabs = await api.tabs.query({});
    await Promise.all(
      tabs
        .filter((tab) => tab.id !== undefined && tab.id !== self?.id)
        .map((tab) => api.tabs.sendMessage(tab.id ?? -1, msg).catch(() => undefined)),
    );
  }, message);
}

test.describe('hover card', () => {
  test('each case: hovering its mention shows the card with the expected figures', async ({
    extBrowser,
    fixtures,
  }) => {
    const page = await openFixture(extBrowser, `${fixtures}/card/cases.html`);
    const cases = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.case')].map((box, i) => {
        box.id ||= `case-${i}`;
        return {
          id: box.id,
          title: box.dataset.title ?? '',
          entity: box.dataset.entity ?? '',
          expect: (box.dataset.expect ?? '').split('|'),
        };
      }),
    );
    expect(cases.length).toBeGreaterThan(5);
    for (const box of cases) {
      // Bring the case into view, then hover its first mention.
      await page.evaluate(
        (id) => document.getElementById(id)?.scrollIntoView({ block: 'center' }),
        box.id,
      );
      const [spot] = await mentionsIn(page, `#${box.id}`);
      if (!spot) continue;
      await hover(page, spot, box.entity);
      const card = await page.evaluate(readCard);
      for (const text of box.expect) expect(card.text, `${box.title}: ${text}`).toContain(text);
      expect(card.role, box.title).toBe('tooltip');
      expect(card.text, box.title).toContain('June 2026');
      // Away from text and card: it closes.
      await page.mouseMove(2, 2);
      await page.waitFor(cardClosed, undefined, SETTLE_MS);
    }
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('GLM-4: four scores and "~130B" marked est.; Zhipu AI: ¥1 trillion', async ({
    extBrowser,
    fixtures,
  }) => {
    const page = await openFixture(extBrowser, `${fixtures}/card/cases.html`);
    const [glm] = await mentionsIn(page, '[data-entity="glm-4"]');
    if (!glm) throw new Error('no GLM-4 mention');
    await hover(page, glm, 'glm-4');
    const card = await page.evaluate(readCard);
    for (const score of ['82.3', '78.9', '84.1', '48.9']) expect(card.text).toContain(score);
    expect(await page.evaluate(factText, 'parameters')).toBe('Parameters ~130B est.');

    await page.mouseMove(2, 2);
    await page.waitFor(cardClosed, undefined, SETTLE_MS);
    const [zhipu] = await mentionsIn(page, '[data-entity="zhipu-ai"]');
    if (!zhipu) throw new Error('no Zhipu AI mention');
    await hover(page, zhipu, 'zhipu-ai');
    expect(await page.evaluate(factText, 'valuation')).toBe('Valuation ¥1 trillion est.');
    await page.close();
  });

  test('the card stays while the pointer moves onto it, and closes after it leaves', async ({
    extBrowser,
    fixtures,
  }) => {
    const page = await openFixture(extBrowser, `${fixtures}/card/cases.html`);
    const [spot] = await mentionsIn(page, '[data-entity="suning"]');
    if (!spot) throw new Error('no Suning mention');
    await hover(page, spot, 'suning');
    const { rect } = await page.evaluate(readCard);
    if (!rect) throw new Error('no card box');
    // Down into the card in small steps, then rest there well past the closing delay.
    const target = { x: rect.left + 40, y: rect.top + 30 };
    for (let step = 1; step <= 5; step++) {
      await page.mouseMove(
        spot.x + ((target.x - spot.x) * step) / 5,
        spot.y + ((target.y - spot.y) * step) / 5,
      );
    }
    await new Promise((done) => setTimeout(done, 1_000));
    expect(await page.evaluate(cardShows, 'suning')).toBe(true);
    await page.mouseMove(rect.right + 200, rect.bottom + 200);
    await page.waitFor(cardClosed, undefined, SETTLE_MS);
    await page.close();
  });

  test('a click pins the card; Escape closes it', async ({ extBrowser, fixtures }) => {
    const page = await openPinned(extBrowser, `${fixtures}/card/cases.html`, 'mmlu');
    expect((await page.evaluate(readCard)).role).toBe('dialog');
    await page.mouseMove(2, 2);
    await new Promise((done) => setTimeout(done, 1_000));
    expect(await page.evaluate(cardShows, 'mmlu')).toBe(true);
    await page.press('Escape');
    await page.waitFor(cardClosed, undefined, SETTLE_MS);
    await page.close();
  });

  test('a route change of a single-page app closes a pinned card', async ({
    extBrowser,
    fixtures,
  }) => {
    const page = await openPinned(extBrowser, `${fixtures}/card/cases.html`, 'mmlu');
    // The page's own script changes the URL: only the Navigation API (or, without it, the URL
    // check on a timer) can tell the content script, whose world cannot see the call.
    await page.evaluate(() => history.pushState({}, '', '?route=2'));
    await page.waitFor(cardClosed, undefined, SETTLE_MS);
    await page.close();
  });

  test('"Full tables" asks the background to open the tables', async ({ extBrowser, fixtures }) => {
    const page = await openFixture(extBrowser, `${fixtures}/card/cases.html`);
    const extensionPage = await extBrowser.openExtensionPage('options.html');
    // The extension's own pages open in tabs, with the query string the link asked for.
    const openTables = () =>
      extensionPage.evaluate(() => {
        interface ExtensionApi {
          extension: { getViews(q: { type: 'tab' }): Window[] };
        }
        const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
        const views = (scope.browser ?? scope.chrome)?.extension.getViews({ type: 'tab' }) ?? [];
        return views
          .filter((view) => view.location.pathname.endsWith('/popup.html'))
          .map((view) => view.location.search);
      });
    expect(await openTables()).toEqual([]);
    await page.bringToFront();
    const [spot] = await mentionsIn(page, '[data-entity="glm-4"]');
    if (!spot) throw new Error('no GLM-4 mention');
    await page.click(spot.x, spot.y);
    await page.waitFor(cardShows, 'glm-4', SETTLE_MS);
    const link = await page.evaluate(() => {
      const button = document
        .querySelector('zhipu-facts-card')
        ?.shadowRoot?.querySelector('.tables-link')
        ?.getBoundingClientRect();
      return button ? { x: button.left + 5, y: button.top + button.height / 2 } : null;
    });
    if (!link) throw new Error('no Full tables link');
    await page.click(link.x, link.y);
    // The models view, about the tab the reader was in.
    await expect
      .poll(openTables, { timeout: SETTLE_MS })
      .toEqual([expect.stringMatching(/^\?view=models&tabId=\d+$/)]);
    await extensionPage.close();
    await page.close();
  });

  test('the keyboard command reaches every mention in order, with focus in the card', async ({
    extBrowser,
    fixtures,
  }) => {
    const page = await openFixture(extBrowser, `${fixtures}/card/keyboard.html`);
    await page.evaluate(() => document.getElementById('start')?.focus());
    const order = await page.evaluate(() => (document.body.dataset.order ?? '').split(','));
    const visible = await page.evaluate(listMentions, null);
    // Every mention the reader can see is one stop (the hidden paragraph's is not).
    expect(visible.map((spot) => spot.text)).toEqual(order.map((stop) => stop.split(':')[1]));

    // Headless browsers do not deliver command shortcuts, so the test sends what the background
    // sends on the command: `next-mention`, from an extension page.
    const extensionPage = await extBrowser.openExtensionPage('options.html');
    for (const [i, stop] of [...order, order[0] ?? ''].entries()) {
      const entity = stop.split(':')[0] ?? '';
      await sendToTabs(extensionPage, { type: 'next-mention' });
      await page.waitFor(cardShows, entity, SETTLE_MS);
      const card = await page.evaluate(readCard);
      expect(card.role, `stop ${i}`).toBe('dialog');
      expect(card.focusInside, `stop ${i}`).toBe(true);
      // The mention was scrolled into view.
      const mention = (await page.evaluate(listMentions, null))[i % order.length];
      const height = await page.evaluate(() => window.innerHeight);
      expect(mention && mention.rect.top >= 0 && mention.rect.bottom <= height, `stop ${i}`).toBe(
        true,
      );
    }
    await extensionPage.close();
    await page.bringToFront();
    await page.press('Tab');
    expect((await page.evaluate(readCard)).innerFocus).toMatch(/^button/);
    await page.press('Escape');
    await page.waitFor(cardClosed, undefined, SETTLE_MS);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start');
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('keyboard focus on a link with a mention opens its card, and leaving closes it', async ({
    extBrowser,
    fixtures,
  }) => {
    const page = await openFixture(extBrowser, `${fixtures}/card/cases.html`);
    await page.evaluate(() => document.getElementById('moonshot-link')?.focus());
    await page.waitFor(cardShows, 'moonshot-ai', SETTLE_MS);
    const card = await page.evaluate(readCard);
    // The card informs without taking focus from the link.
    expect(card.focusInside).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('moonshot-link');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.waitFor(cardClosed, undefined, SETTLE_MS);
    await page.close();
  });

  test('a page with `style-src none` still shows a styled card', async ({
    extBrowser,
    fixtures,
  }) => {
    const page = await openFixture(extBrowser, `${fixtures}/card/csp.html`);
    const [spot] = await mentionsIn(page, null);
    if (!spot) throw new Error('no mention');
    await hover(page, spot, 'glm-4');
    const { style, rect, sheets } = await page.evaluate(readCard);
    // Styled by the constructed sheet, not by an element the CSP could have refused.
    expect(sheets).toEqual({ adopted: 1, elements: 0 });
    expect(style?.fontSize).toBe('13px');
    expect(style?.borderTopWidth).toBe('3px');
    expect(style?.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(rect && rect.right - rect.left).toBeGreaterThan(240);
    // A blocked inline style would show up here as a CSP error (the page's own favicon request
    // is blocked too, in Firefox with a console error: that one is not ours).
    expect(page.errors.filter((error) => !error.includes('favicon'))).toEqual([]);
    await page.close();
  });

  test('`* { all: unset !important }` and a z-index 2147483647 overlay: the card is on top and readable', async ({
    extBrowser,
    fixtures,
  }) => {
    const page = await openFixture(extBrowser, `${fixtures}/card/hostile.html`);
    for (const [selector, entity] of [
      ['#text', 'zhipu-ai'],
      ['#rtl', 'glm-4'],
    ] as const) {
      const [spot] = await mentionsIn(page, selector);
      if (!spot) throw new Error(`no mention in ${selector}`);
      await hover(page, spot, entity);
      // The overlay lets the pointer through; for the stacking check it must catch it, or
      // elementFromPoint would look through it whatever paints on top.
      const setOverlayPointer = (value: string) =>
        page.evaluate(
          (v) =>
            document.getElementById('overlay')?.style.setProperty('pointer-events', v, 'important'),
          value,
        );
      await setOverlayPointer('auto');
      const card = await page.evaluate(readCard);
      await setOverlayPointer('none');
      expect(card.onTop, selector).toBe(true);
      expect(card.style?.fontSize, selector).toBe('13px');
      expect(card.style?.fontFamily, selector).not.toContain('Comic');
      const width = await page.evaluate(() => window.innerWidth);
      expect(card.rect && card.rect.left >= 0 && card.rect.right <= width, selector).toBe(true);
      await page.mouseMove(2, 2);
      await page.waitFor(cardClosed, undefined, SETTLE_MS);
    }
    expect(page.errors).toEqual([]);
    await page.close();
  });

  test('the card speaks the chosen language, and an open card follows a change of it', async ({
    extBrowser,
    fixtures,
  }) => {
    // The cards' text comes from the background, one language at a time.
    await writeSettings(extBrowser, { language: 'zh' });
    const page = await openFixture(extBrowser, `${fixtures}/card/cases.html`);
    try {
      const [spot] = await mentionsIn(page, '[data-entity="mmlu"]');
      if (!spot) throw new Error('no MMLU mention');
      await page.click(spot.x, spot.y);
      await page.waitFor(cardShows, 'mmlu', SETTLE_MS);
      const chinese = await page.evaluate(readCard);
      expect(chinese.text).toContain('基准测试');
      expect(chinese.text).not.toContain('Benchmarks');
      await writeSettings(extBrowser, { language: 'en' });
      await page.waitFor(
        () =>
          document
            .querySelector('zhipu-facts-card')
            ?.shadowRoot?.querySelector('.card')
            ?.textContent?.includes('Benchmarks') === true,
        undefined,
        SETTLE_MS,
      );
      const english = await page.evaluate(readCard);
      expect(english.entity).toBe('mmlu');
      expect(english.role).toBe('dialog');
      expect(english.text).not.toContain('基准测试');
      expect(page.errors).toEqual([]);
    } finally {
      await resetSettings(extBrowser);
      await page.close();
    }
  });

  test('the card follows into the fullscreen element', async ({ extBrowser, fixtures }) => {
    const page = await openFixture(extBrowser, `${fixtures}/card/fullscreen.html`);
    const button = await page.evaluate(() => {
      const rect = document.getElementById('go')?.getBoundingClientRect();
      return rect ? { x: rect.left + 5, y: rect.top + 5 } : null;
    });
    if (!button) throw new Error('no button');
    await page.click(button.x, button.y);
    await page.waitFor(() => document.fullscreenElement !== null, undefined, SETTLE_MS);
    const [spot] = await mentionsIn(page, '#stage');
    if (!spot) throw new Error('no mention');
    await hover(page, spot, 'zhipu-ai');
    const card = await page.evaluate(readCard);
    expect(card.parent).toBe('stage');
    expect(card.onTop).toBe(true);
    await page.close();
  });
});
