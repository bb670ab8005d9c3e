import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entityById } from '../../data';
import { buildReactFixture } from '../../scripts/build-react-fixture';
import {
  answeringTabId,
  badgeText,
  countPixels,
  resetSettings,
  sendToTab,
  waitForHighlights,
  withPage,
  writeSettings,
  type Box,
} from './engine-extension';
import {
  domSnapshot,
  frameHighlighted,
  highlightedIn,
  highlightNames,
  highlightTotal,
  readCases,
  textRect,
} from './engine-page-probe';
import { cardShows } from './card-probe';
import { expect, test } from './harness/fixtures';
import type { TestPage } from './harness/extension-browser';

const FIXTURES = 'tests/fixtures/engine';
// Default colours (core/settings.ts) of the groups the paint checks look at.
const BLUE: [number, number, number] = [0x1a, 0x73, 0xe8];
const PURPLE: [number, number, number] = [0x8e, 0x44, 0xad];
// Pixels within this distance per channel count as the colour (anti-aliasing blends edges).
const TOLERANCE = 40;

test.beforeAll(async () => {
  await buildReactFixture();
});

test.afterEach(async ({ extBrowser }) => {
  await resetSettings(extBrowser);
});

/** The browser's own favicon request, which a `default-src 'none'` page refuses and reports. */
const notFavicon = (error: string) => !error.includes('/favicon.ico');

/** The band around the bottom of a text's box, where its underline paints. */
function underlineBand(box: Box): Box {
  return {
    x: box.x + 1,
    y: box.y + box.height * 0.75,
    width: box.width - 2,
    height: box.height * 0.4,
  };
}

async function rectOf(page: TestPage, selector: string, start: number, end: number): Promise<Box> {
  const box = await page.evaluate(textRect, [selector, start, end] as [string, number, number]);
  if (box === null) throw new Error(`no text at ${selector}`);
  return box;
}

/** The page's serialized DOM equals its source parsed anew: the extension changed nothing. */
async function expectDomUnchanged(page: TestPage, fixture: string): Promise<void> {
  const source = readFileSync(join(FIXTURES, fixture), 'utf8');
  const live = await page.evaluate(domSnapshot, null);
  expect(live).toBe(await page.evaluate(domSnapshot, source));
}

test('test-case pages: every expected mention is highlighted, nothing else, DOM untouched', async ({
  extBrowser,
  fixtures,
}) => {
  await withPage(extBrowser, `${fixtures}/engine/cases.html`, async (page) => {
    await waitForHighlights(page, 20);
    const cases = await page.evaluate(readCases);
    expect(cases.length).toBeGreaterThan(25);
    for (const box of cases) {
      const expected = box.expect === '' ? [] : box.expect.split(',');
      expect(
        box.found.map((found) => found.group),
        box.title,
      ).toEqual(expected.map((id) => entityById(id)?.group));
      if (box.texts !== null) {
        // The page's own line breaks and spaces count as one space.
        expect(
          box.found.map((found) => found.text.replace(/\s+/g, ' ')),
          box.title,
        ).toEqual(box.texts.split('|'));
      }
    }
    await expectDomUnchanged(page, 'cases.html');
    expect(page.errors).toEqual([]);
  });
});

test('the popup list, the badge and reveal-mention answer for the page', async ({
  extBrowser,
  fixtures,
}) => {
  await withPage(extBrowser, `${fixtures}/engine/cases.html`, async (page) => {
    await page.setViewport(1000, 500);
    await waitForHighlights(page, 20);
    const total = await page.evaluate(highlightTotal);
    const tabId = await answeringTabId(extBrowser);
    await expect.poll(() => badgeText(extBrowser, tabId)).toBe(String(total));

    const reply = (await sendToTab(extBrowser, tabId, { type: 'get-page-mentions' })) as {
      host: string;
      mentions: { entityId: string; text: string; count: number }[];
    };
    expect(reply.host).toBe(new URL(fixtures).host);
    expect(reply.mentions.reduce((sum, mention) => sum + mention.count, 0)).toBe(total);
    expect(reply.mentions.find((mention) => mention.entityId === 'zhipu-ai')?.text).toBe(
      'Zhipu AI',
    );
    expect(reply.mentions.find((mention) => mention.entityId === 'tencent')?.count).toBe(1);

    // Tencent's only mention is in the web component at the bottom of the page.
    await page.bringToFront();
    expect(await page.evaluate(() => scrollY)).toBe(0);
    const revealed = await sendToTab(extBrowser, tabId, {
      type: 'reveal-mention',
      entityId: 'tencent',
    });
    expect(revealed).toEqual({ revealed: true });
    await page.waitFor(() => scrollY > 0);
    const inView = await page.evaluate(() => {
      const rect = document.querySelector('zf-test-card')?.getBoundingClientRect();
      return rect !== undefined && rect.bottom > 0 && rect.top < innerHeight;
    });
    expect(inView).toBe(true);
    const absent = await sendToTab(extBrowser, tabId, { type: 'reveal-mention', entityId: 'kimi' });
    expect(absent).toEqual({ revealed: false });
    // A message of the wrong shape gets no answer and breaks nothing.
    await expect(sendToTab(extBrowser, tabId, { type: 'reveal-mention' })).resolves.toBeFalsy();
    expect(page.errors).toEqual([]);
  });
});

test('a strict-CSP page is highlighted, in shadow roots too, and the reader’s colours apply', async ({
  extBrowser,
  fixtures,
}, testInfo) => {
  await withPage(extBrowser, `${fixtures}/engine/csp.html`, async (page) => {
    await waitForHighlights(page, 6);
    expect(await page.evaluate(highlightedIn, '#mentions')).toEqual([
      { group: 'ai-companies', text: 'Zhipu AI' },
      { group: 'models', text: 'GLM-4' },
      { group: 'other', text: 'NVIDIA' },
      { group: 'football-investors', text: 'Suning' },
      { group: 'clubs-leagues', text: 'Inter Milan' },
    ]);
    expect(page.errors.filter(notFavicon)).toEqual([]);
    const zhipu = await rectOf(page, '#mentions', 0, 8);
    const glm = await rectOf(page, '#mentions', 17, 22);
    const plain = await rectOf(page, '#plain', 0, 8);
    const shadowed = await rectOf(page, '#shadowed', 0, 7);
    const shot = testInfo.outputPath('csp-default.png');
    await page.screenshot(shot);
    const [under, underShadowed, underPlain] = await countPixels(
      extBrowser,
      shot,
      [underlineBand(zhipu), underlineBand(shadowed), underlineBand(plain)],
      BLUE,
      TOLERANCE,
    );
    expect(under).toBeGreaterThan(zhipu.width);
    expect(underShadowed).toBeGreaterThan(shadowed.width);
    expect(underPlain).toBe(0);
    const [purple] = await countPixels(extBrowser, shot, [underlineBand(glm)], PURPLE, TOLERANCE);
    expect(purple).toBeGreaterThan(glm.width);

    // The reader's appearance: companies get a red background and no underline.
    await writeSettings(extBrowser, {
      'appearance.ai-companies': { color: '#ff0000', style: 'background' },
    });
    await page.bringToFront();
    const repainted = testInfo.outputPath('csp-custom.png');
    await expect
      .poll(async () => {
        await page.screenshot(repainted);
        // color-mix(in srgb, red 28%, transparent) over white.
        const [tinted] = await countPixels(extBrowser, repainted, [zhipu], [255, 184, 184], 24);
        return tinted! > (zhipu.width * zhipu.height) / 3;
      })
      .toBe(true);
    const [blueAfter] = await countPixels(
      extBrowser,
      repainted,
      [underlineBand(zhipu)],
      BLUE,
      TOLERANCE,
    );
    expect(blueAfter).toBe(0);
    // The harness takes screenshots without Playwright's caret-hiding inline style, so nothing
    // at all may have been logged on this CSP page.
    expect(page.errors.filter(notFavicon)).toEqual([]);
  });
});

test('light and dark pages: the default underline shows on both', async ({
  extBrowser,
  fixtures,
}, testInfo) => {
  for (const name of ['light', 'dark']) {
    await withPage(extBrowser, `${fixtures}/engine/${name}.html`, async (page) => {
      await waitForHighlights(page, 20);
      const zhipu = await rectOf(page, '#mentions', 7, 15);
      const shot = testInfo.outputPath(`${name}.png`);
      await page.screenshot(shot);
      const [blue] = await countPixels(extBrowser, shot, [underlineBand(zhipu)], BLUE, TOLERANCE);
      expect(blue, name).toBeGreaterThan(zhipu.width);
    });
  }
});

test('the default highlight styles are in force before the page is parsed', async ({
  extBrowser,
  fixtures,
}) => {
  // Firefox adds a content script's CSS at the script's run_at: added at document idle, it made
  // the browser restyle the whole page once more.
  await withPage(extBrowser, `${fixtures}/engine/early-styles.html`, async (page) => {
    const early = await page.evaluate(() => (window as { earlyLook?: string }).earlyLook);
    expect(early).toBe('underline');
  });
});

test('editable fields are never read and keep working', async ({ extBrowser, fixtures }) => {
  await withPage(extBrowser, `${fixtures}/engine/editable.html`, async (page) => {
    await waitForHighlights(page, 1);
    const outside = [{ group: 'ai-companies', text: 'Baidu' }];
    expect(await page.evaluate(highlightedIn, null)).toEqual(outside);
    await expectDomUnchanged(page, 'editable.html');

    // Typing works as usual, and what is typed is not read either.
    await page.evaluate(() => {
      const bold = document.querySelector('#editable b')!;
      document.querySelector<HTMLElement>('#editable')!.focus();
      getSelection()?.collapse(bold.firstChild, bold.textContent.length);
    });
    for (const key of [' ', 'G', 'L', 'M', '-', '5']) await page.press(key);
    await page.evaluate(() => {
      const area = document.querySelector<HTMLTextAreaElement>('#textarea')!;
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
    });
    for (const key of [' ', 'G', 'P', 'T', '-', '4']) await page.press(key);
    const typed = await page.evaluate(() => ({
      editable: document.querySelector('#editable b')!.textContent,
      textarea: document.querySelector<HTMLTextAreaElement>('#textarea')!.value,
    }));
    expect(typed).toEqual({ editable: 'Qwen-72B GLM-5', textarea: 'Zhipu AI in a textarea GPT-4' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await page.evaluate(highlightedIn, null)).toEqual(outside);
    expect(page.errors).toEqual([]);
  });
});

test('appends, edits, removals and history navigations are followed', async ({
  extBrowser,
  fixtures,
}) => {
  await withPage(extBrowser, `${fixtures}/engine/dynamic.html`, async (page) => {
    await waitForHighlights(page, 2);
    const inApp = () => page.evaluate(highlightedIn, '#app');
    expect(await inApp()).toEqual([
      { group: 'ai-companies', text: 'Baidu' },
      { group: 'ai-companies', text: 'Tencent' },
    ]);

    await page.evaluate(() => {
      const p = document.createElement('p');
      const em = document.createElement('em');
      em.textContent = 'GLM';
      p.append('Later ', em, '-4 arrives.');
      document.querySelector('#app')!.append(p);
    });
    await expect.poll(inApp).toContainEqual({ group: 'models', text: 'GLM-4' });

    await page.evaluate(() => {
      (document.querySelector('#name')!.firstChild as Text).data = 'Suning';
    });
    await expect.poll(inApp).toEqual([
      { group: 'ai-companies', text: 'Baidu' },
      { group: 'football-investors', text: 'Suning' },
      { group: 'models', text: 'GLM-4' },
    ]);

    await page.evaluate(() => document.querySelector('#first')!.remove());
    await expect.poll(inApp).toEqual([
      { group: 'football-investors', text: 'Suning' },
      { group: 'models', text: 'GLM-4' },
    ]);
    expect(await page.evaluate(highlightTotal)).toBe(2);

    // A single-page-app route change: new URL, new content.
    await page.evaluate(() => {
      history.pushState({}, '', '?route=2');
      const p = document.createElement('p');
      p.textContent = 'Route two: Oaktree Capital and the Chinese Super League.';
      document.querySelector('#app')!.replaceChildren(p);
    });
    await expect.poll(inApp).toEqual([
      { group: 'funds-investors', text: 'Oaktree Capital' },
      { group: 'clubs-leagues', text: 'Chinese Super League' },
    ]);
    expect(await page.evaluate(highlightTotal)).toBe(2);
    const tabId = await answeringTabId(extBrowser);
    await expect.poll(() => badgeText(extBrowser, tabId)).toBe('2');
    await page.bringToFront();
    await page.evaluate(() => history.back());
    await page.waitFor(() => location.search === '');
    // Going back changed the URL, not the content: the rescan finds the same two mentions.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(await inApp()).toEqual([
      { group: 'funds-investors', text: 'Oaktree Capital' },
      { group: 'clubs-leagues', text: 'Chinese Super League' },
    ]);
    expect(page.errors).toEqual([]);
  });
});

test('a React app keeps working, and the highlights follow its re-renders', async ({
  extBrowser,
  fixtures,
}) => {
  await withPage(extBrowser, `${fixtures}/engine/react/index.html`, async (page) => {
    await waitForHighlights(page, 4);
    const sentence = () => page.evaluate(highlightedIn, '#sentence');
    expect(await sentence()).toEqual([
      { group: 'models', text: 'GLM-4' },
      { group: 'ai-companies', text: 'Zhipu AI' },
    ]);
    const clickButton = async (selector: string) => {
      const center = await page.evaluate((target: string) => {
        const rect = document.querySelector(target)!.getBoundingClientRect();
        return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      }, selector);
      await page.click(center.x, center.y);
    };
    await clickButton('#switch');
    await expect.poll(sentence).toEqual([
      { group: 'models', text: 'Qwen-72B' },
      { group: 'ai-companies', text: 'Alibaba' },
    ]);
    await clickButton('#switch');
    await expect.poll(sentence).toEqual([
      { group: 'models', text: 'GLM-4' },
      { group: 'ai-companies', text: 'Zhipu AI' },
    ]);
    expect(await page.evaluate(() => document.querySelector('#clicks')!.textContent)).toBe(
      'Clicked 2 times',
    );
    await clickButton('#add');
    await clickButton('#add');
    await expect
      .poll(() => page.evaluate(highlightedIn, '#items'))
      .toEqual([
        { group: 'ai-companies', text: 'Baidu' },
        { group: 'models', text: 'ERNIE 4.0' },
        { group: 'models', text: 'DeepSeek-V2' },
        { group: 'models', text: 'DeepSeek-V2' },
      ]);
    // Its timer still re-renders.
    const ticks = await page.evaluate(() => document.querySelector('#ticks')!.textContent);
    await page.waitFor(
      (before: string) => document.querySelector('#ticks')!.textContent !== before,
      ticks,
    );
    expect(page.errors).toEqual([]);
  });
});

test('switching the site off removes every trace, switching it on brings highlights back', async ({
  extBrowser,
  fixtures,
}) => {
  await withPage(extBrowser, `${fixtures}/engine/cases.html`, async (page) => {
    await waitForHighlights(page, 20);
    const total = await page.evaluate(highlightTotal);
    await writeSettings(extBrowser, { 'sites.blocked': [new URL(fixtures).host] });
    await page.waitFor(() => ![...CSS.highlights.keys()].some((name) => name.startsWith('zf-')));
    await expectDomUnchanged(page, 'cases.html');
    // No observer is left either: new text stays unmarked.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'GLM-4 after switching off';
      document.body.append(p);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await page.evaluate(highlightNames)).toEqual([]);

    await writeSettings(extBrowser, { 'sites.blocked': null });
    await waitForHighlights(page, total + 1);
    expect(await page.evaluate(highlightTotal)).toBe(total + 1);

    // An entity switched off leaves the highlights; the others stay.
    await writeSettings(extBrowser, { 'entities.glm-4': false });
    await expect
      .poll(() => page.evaluate(highlightedIn, null))
      .not.toContainEqual({ group: 'models', text: 'GLM-4' });
    expect(await page.evaluate(highlightTotal)).toBeGreaterThan(10);
    expect(page.errors).toEqual([]);
  });
});

test('a long page: only mentions near the viewport are registered, and revealing or walking to a far one registers it', async ({
  extBrowser,
  fixtures,
}) => {
  // 482 mentions (more than the 150 the engine registers all at once) over ten screens.
  await withPage(extBrowser, `${fixtures}/engine/long.html`, async (page) => {
    await page.setViewport(1000, 600);
    await waitForHighlights(page, 20);
    const tabId = await answeringTabId(extBrowser);
    const reply = (await sendToTab(extBrowser, tabId, { type: 'get-page-mentions' })) as {
      mentions: { entityId: string; count: number }[];
    };
    // Every mention is indexed (the popup's list, the badge)...
    const indexed = reply.mentions.reduce((sum, mention) => sum + mention.count, 0);
    expect(indexed).toBe(482);
    await expect.poll(() => badgeText(extBrowser, tabId)).toBe('482');
    // ...but only those within a screen of the viewport are registered.
    const registered = await page.evaluate(highlightTotal);
    expect(registered).toBeGreaterThan(20);
    expect(registered).toBeLessThan(150);
    expect(await page.evaluate(highlightedIn, '#far')).toEqual([]);

    await page.bringToFront();
    await expect(
      sendToTab(extBrowser, tabId, { type: 'reveal-mention', entityId: 'tencent' }),
    ).resolves.toEqual({ revealed: true });
    await page.waitFor(cardShows, 'tencent');
    await expect
      .poll(() => page.evaluate(highlightedIn, '#far'))
      .toEqual([{ group: 'ai-companies', text: 'Tencent' }]);
    // The keyboard command walks on from there, to the next mention.
    await sendToTab(extBrowser, tabId, { type: 'next-mention' });
    await page.waitFor(cardShows, 'oaktree-capital');
    await expect
      .poll(() => page.evaluate(highlightedIn, '#last'))
      .toEqual([{ group: 'funds-investors', text: 'Oaktree Capital' }]);
    // Far from the top now: the first rows are no longer registered.
    expect(await page.evaluate(highlightedIn, '#rows > p:first-child')).toEqual([]);
    await expectDomUnchanged(page, 'long.html');
    expect(page.errors).toEqual([]);
  });
});

test('a frame without text waits, and is read once its text arrives', async ({
  extBrowser,
  fixtures,
}) => {
  await withPage(extBrowser, `${fixtures}/engine/late-frame.html`, async (page) => {
    await waitForHighlights(page, 1);
    expect(await page.evaluate(highlightedIn, null)).toEqual([
      { group: 'ai-companies', text: 'Baidu' },
    ]);
    await expect
      .poll(() => page.evaluate(frameHighlighted, 0), { timeout: 10_000 })
      .toEqual(['Tencent']);
    expect(page.errors).toEqual([]);
  });
});
