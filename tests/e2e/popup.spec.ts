import { formatAmount, formatMeasure, qualifierLabels } from '../../core/format-figure';
import {
  benchmarkTable,
  entityById,
  footballTable,
  landscapeTable,
  marketTable,
  type Measure,
} from '../../data';
import type { TestPage } from './harness/extension-browser';
import { expect, test } from './harness/fixtures';
import {
  ariaSort,
  clickSelector,
  findTabByHost,
  hiddenWords,
  highlightCount,
  openView,
  readMentionList,
  readTable,
  rowOrder,
  sortBy,
} from './popup-probe';

const lang = 'en';
const FIXTURE = 'popup/mentions.html';

/** The pieces a reader must see in a figure's cell: the amount and each qualifier, or "—". */
function pieces(measure: Measure): string[] {
  return measure.kind === 'figure'
    ? [formatAmount(measure, { lang }), ...qualifierLabels(measure, lang)]
    : ['—'];
}

const nameOf = (id: string) => entityById(id)?.name.en ?? `missing entity ${id}`;

type Expected = Record<string, Record<string, string[]>>;

function expectTable(shown: Record<string, Record<string, string>>, expected: Expected): void {
  expect(Object.keys(shown).sort()).toEqual(Object.keys(expected).sort());
  for (const [row, columns] of Object.entries(expected)) {
    for (const [column, parts] of Object.entries(columns)) {
      for (const part of parts) {
        expect(shown[row]?.[column], `${row} / ${column}`).toContain(part);
      }
    }
  }
}

async function openPopup(
  extBrowser: { openExtensionPage(path: string): Promise<TestPage> },
  path: string,
) {
  const page = await extBrowser.openExtensionPage(path);
  await page.waitFor(() => document.querySelector('[role="tablist"]') !== null);
  return page;
}

test('every figure of the four tables is shown in its row', async ({ extBrowser }) => {
  const popup = await openPopup(extBrowser, 'popup.html?view=models');

  const models: Expected = Object.fromEntries(
    benchmarkTable.rows.map((row) => [
      row.modelId,
      {
        model: [nameOf(row.modelId)],
        parameters: pieces(row.parameters),
        ...Object.fromEntries(
          benchmarkTable.benchmarks.map(({ benchmarkId }) => [
            benchmarkId,
            pieces(row.scores[benchmarkId]),
          ]),
        ),
      },
    ]),
  );
  const shownModels = await readTable(popup);
  expectTable(shownModels, models);
  // Literal strings from the article: if data and UI were both wrong, these still fail.
  expect(shownModels['glm-4']?.mmlu).toBe('82.3');
  expect(shownModels['gpt-4']?.gsm8k).toBe('92.0');
  expect(shownModels['glm-4']?.parameters).toBe('~130B est.');
  expect(shownModels['claude-3-opus']?.parameters).toBe('—');
  expect(await hiddenWords(popup, 'claude-3-opus', 'c-eval')).toContain('not reported');

  await openView(popup, 'companies');
  const companies: Expected = Object.fromEntries(
    landscapeTable.rows.map((row) => [
      row.companyId,
      {
        company: [nameOf(row.companyId)],
        flagship: [nameOf(row.flagshipModelId)],
        valuation: pieces(row.valuation),
        differentiator: [row.differentiator.text.en],
        funding: [row.funding.text.en],
      },
    ]),
  );
  const shownCompanies = await readTable(popup);
  expectTable(shownCompanies, companies);
  expect(shownCompanies['zhipu-ai']?.valuation).toContain('¥1T');
  expect(shownCompanies['baidu']?.valuation).toContain('¥500B');
  expect(
    await popup.evaluate(
      () => document.querySelector('[data-derived="price-to-sales"] dd')?.textContent,
    ),
  ).toContain('1,250x');

  await openView(popup, 'market');
  const market: Expected = Object.fromEntries(
    marketTable.rows.map((row) => [
      row.year.kind === 'figure' ? String(row.year.value) : 'unknown',
      {
        year: pieces(row.year),
        ...Object.fromEntries(
          marketTable.columns.map((column) => [column.key, pieces(row[column.key])]),
        ),
      },
    ]),
  );
  const shownMarket = await readTable(popup);
  expectTable(shownMarket, market);
  expect(shownMarket['2024']?.aiMarket).toBe('¥1.2T');
  expect(shownMarket['2026']?.year).toBe('2026 proj.');
  expect(shownMarket['2020']?.overseasFootballInvestment).toBe('¥45B');

  await openView(popup, 'football');
  const football: Expected = Object.fromEntries(
    footballTable.deals.map((deal) => [
      deal.investorId,
      {
        investor: [nameOf(deal.investorId)],
        club: [nameOf(deal.clubId)],
        stake: pieces(deal.stake),
        price: [
          ...pieces(deal.price),
          ...(deal.laterInvestment.kind === 'figure'
            ? [formatMeasure(deal.laterInvestment, { lang })]
            : []),
        ],
        year: pieces(deal.year),
        outcome: [
          deal.outcome.text.en,
          ...(deal.outcomeYear.kind === 'figure' ? [formatAmount(deal.outcomeYear, { lang })] : []),
          ...(deal.defaultedLoan.kind === 'figure'
            ? [formatMeasure(deal.defaultedLoan, { lang })]
            : []),
        ],
        losses: [...pieces(deal.losses), deal.lossesNote.text.en],
      },
    ]),
  );
  const shownFootball = await readTable(popup);
  expectTable(shownFootball, football);
  expect(shownFootball['suning']?.stake).toBe('70%');
  expect(shownFootball['suning']?.price).toBe('€270M');
  expect(shownFootball['fosun']?.price).toContain('£45M');

  expect(popup.errors).toEqual([]);
  await popup.close();
});

test('columns sort both ways with not-reported last, and the table copies', async ({
  extBrowser,
}) => {
  const popup = await openPopup(extBrowser, 'popup.html?view=models');
  const byScore = (benchmark: 'mmlu' | 'c-eval', direction: 1 | -1) =>
    [...benchmarkTable.rows]
      .sort((a, b) => {
        const [x, y] = [a.scores[benchmark], b.scores[benchmark]];
        if (x.kind !== 'figure') return 1;
        if (y.kind !== 'figure') return -1;
        return direction * (x.value - y.value);
      })
      .map((row) => row.modelId);

  await sortBy(popup, 'mmlu');
  expect(await ariaSort(popup, 'mmlu')).toBe('descending');
  expect(await rowOrder(popup)).toEqual(byScore('mmlu', -1));

  await sortBy(popup, 'c-eval');
  expect(await ariaSort(popup, 'mmlu')).toBeNull();
  expect(await ariaSort(popup, 'c-eval')).toBe('descending');
  const down = await rowOrder(popup);
  expect(down).toEqual(byScore('c-eval', -1));
  expect(down.at(-1)).toBe('claude-3-opus');

  await sortBy(popup, 'c-eval');
  expect(await ariaSort(popup, 'c-eval')).toBe('ascending');
  const up = await rowOrder(popup);
  expect(up).toEqual(byScore('c-eval', 1));
  expect(up.at(-1)).toBe('claude-3-opus');

  // The best C-Eval score is GLM-4's (78.9), marked in words as well as by colour.
  expect(await hiddenWords(popup, 'glm-4', 'c-eval')).toContain('best');

  await clickSelector(popup, '[role="tabpanel"]:not([hidden]) [data-copy="markdown"]');
  await popup.waitFor(
    () =>
      document.querySelector('[role="tabpanel"]:not([hidden]) .zf-copy-status')?.textContent ===
      'Copied',
  );
  expect(popup.errors).toEqual([]);
  await popup.close();
});

test.describe('with a fixture tab', () => {
  /** The fixture tab, once every mention its page declares is highlighted. */
  async function openFixture(extBrowser: { newPage(): Promise<TestPage> }, fixtures: string) {
    const tab = await extBrowser.newPage();
    await tab.goto(`${fixtures}/${FIXTURE}`);
    await tab.waitFor(() => {
      const expected = JSON.parse(document.body.dataset.expect ?? '{}') as Record<string, number>;
      const total = Object.values(expected).reduce((sum, count) => sum + count, 0);
      let count = 0;
      CSS.highlights.forEach((highlight, name) => {
        if (name.startsWith('zf-')) count += highlight.size;
      });
      return total > 0 && count === total;
    });
    return tab;
  }

  async function popupFor(
    extBrowser: { openExtensionPage(path: string): Promise<TestPage> },
    fixtures: string,
  ) {
    const host = new URL(fixtures).host;
    const finder = await openPopup(extBrowser, 'popup.html?view=models');
    const tabId = await findTabByHost(finder, host);
    await finder.close();
    expect(tabId, `a tab answering for ${host}`).toBeDefined();
    return openPopup(extBrowser, `popup.html?view=page&tabId=${tabId}`);
  }

  test('"On this page" lists the tab’s mentions, and a click scrolls there and opens the card', async ({
    extBrowser,
    fixtures,
  }) => {
    const tab = await openFixture(extBrowser, fixtures);
    const expected = JSON.parse(
      await tab.evaluate(() => document.body.dataset.expect ?? '{}'),
    ) as Record<string, number>;
    const reveal = await tab.evaluate(() => document.body.dataset.reveal ?? '');

    const popup = await popupFor(extBrowser, fixtures);
    await popup.waitFor(() => document.querySelector('[data-entity]') !== null);
    const list = await readMentionList(popup);
    expect(Object.keys(list).sort()).toEqual(Object.keys(expected).sort());
    for (const [entityId, count] of Object.entries(expected)) {
      expect(list[entityId], entityId).toBe(count === 1 ? '1 mention' : `${count} mentions`);
    }

    expect(await tab.evaluate(() => window.scrollY)).toBe(0);
    await clickSelector(popup, `[data-entity="${reveal}"]`);
    await tab.waitFor(() => window.scrollY > 1000);
    await tab.waitFor(
      (name) =>
        document.querySelector('zhipu-facts-card')?.shadowRoot?.textContent?.includes(name) ===
        true,
      nameOf(reveal),
    );
    expect(popup.errors).toEqual([]);
    expect(tab.errors).toEqual([]);
    await popup.close();
    await tab.close();
  });

  test('the site switch turns highlights off in the tab and back on', async ({
    extBrowser,
    fixtures,
  }) => {
    const tab = await openFixture(extBrowser, fixtures);
    const before = await highlightCount(tab);
    const popup = await popupFor(extBrowser, fixtures);
    const site = '#zf-switch-site';
    await popup.waitFor(
      (css) => document.querySelector<HTMLInputElement>(css)?.disabled === false,
      site,
    );
    expect(
      await popup.evaluate((css) => document.querySelector<HTMLInputElement>(css)?.checked, site),
    ).toBe(true);

    await clickSelector(popup, site);
    await tab.waitFor(() => {
      let count = 0;
      CSS.highlights.forEach((highlight, name) => {
        if (name.startsWith('zf-')) count += highlight.size;
      });
      return count === 0;
    });
    expect(
      await popup.evaluate((css) => document.querySelector<HTMLInputElement>(css)?.checked, site),
    ).toBe(false);
    // The list says why it is empty rather than claiming the page mentions nothing.
    await popup.waitFor(() => document.querySelector('[data-state="off"]') !== null);

    await clickSelector(popup, site);
    await tab.waitFor((count) => {
      let now = 0;
      CSS.highlights.forEach((highlight, name) => {
        if (name.startsWith('zf-')) now += highlight.size;
      });
      return now === count;
    }, before);
    expect(await highlightCount(tab)).toBe(before);
    expect(popup.errors).toEqual([]);
    expect(tab.errors).toEqual([]);
    await popup.close();
    await tab.close();
  });
});
