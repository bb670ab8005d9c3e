/**
 * What the popup e2e spec does to the popup page and the fixture tab, the same in Chromium and
 * Firefox. Every function passed to `evaluate` runs in the page and must be self-contained.
 */
import type { TestPage } from './harness/extension-browser';

/** Visible text of every body cell of the table on screen: row key -> column id -> text. */
export function readTable(page: TestPage): Promise<Record<string, Record<string, string>>> {
  return page.evaluate(() => {
    const visible = (element: HTMLElement): string => {
      let text = element.innerText;
      for (const hidden of element.querySelectorAll<HTMLElement>('.zf-visually-hidden')) {
        text = text.replace(hidden.innerText, ' ');
      }
      return text.replace(/\s+/g, ' ').trim();
    };
    const table: Record<string, Record<string, string>> = {};
    for (const row of document.querySelectorAll<HTMLElement>(
      '[role="tabpanel"]:not([hidden]) tbody tr',
    )) {
      const cells: Record<string, string> = {};
      for (const cell of row.querySelectorAll<HTMLElement>('[data-column]')) {
        cells[cell.dataset.column ?? ''] = visible(cell);
      }
      table[row.dataset.row ?? ''] = cells;
    }
    return table;
  });
}

/** The screen-reader-only words inside one cell ("not reported", "(best in column)"). */
export function hiddenWords(page: TestPage, row: string, column: string): Promise<string> {
  return page.evaluate(
    ({ row, column }) =>
      [
        ...document.querySelectorAll<HTMLElement>(
          `tr[data-row="${row}"] [data-column="${column}"] .zf-visually-hidden`,
        ),
      ]
        .map((node) => node.textContent ?? '')
        .join(' '),
    { row, column },
  );
}

export function rowOrder(page: TestPage): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[role="tabpanel"]:not([hidden]) tbody tr')].map(
      (row) => row.dataset.row ?? '',
    ),
  );
}

/** Clicks an element with the real pointer (a trusted click: the clipboard wants one). */
export async function clickSelector(page: TestPage, selector: string): Promise<void> {
  await page.waitFor((css) => document.querySelector(css) !== null, selector);
  const box = await page.evaluate((css) => {
    const element = document.querySelector<HTMLElement>(css);
    element?.scrollIntoView({ block: 'center' });
    const rect = element?.getBoundingClientRect();
    return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : undefined;
  }, selector);
  if (!box) throw new Error(`nothing matches ${selector}`);
  await page.click(box.x, box.y);
}

export async function openView(page: TestPage, view: string): Promise<void> {
  await clickSelector(page, `#zf-tab-${view}`);
  await page.waitFor(
    (id) => document.querySelector(`#zf-panel-${id}:not([hidden]) *`) !== null,
    view,
  );
}

export function sortBy(page: TestPage, column: string): Promise<void> {
  return clickSelector(
    page,
    `[role="tabpanel"]:not([hidden]) thead th[data-column="${column}"] button`,
  );
}

export function ariaSort(page: TestPage, column: string): Promise<string | null> {
  return page.evaluate(
    (id) =>
      document
        .querySelector(`[role="tabpanel"]:not([hidden]) thead th[data-column="${id}"]`)
        ?.getAttribute('aria-sort') ?? null,
    column,
  );
}

interface ExtTabs {
  tabs: {
    query(info: object): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: object): Promise<unknown>;
  };
}

/**
 * The id of the tab showing `host`. Without the "tabs" permission an extension page cannot read
 * tab URLs or titles, so it asks each tab's content script, whose reply names its host: the same
 * question the popup asks.
 */
export function findTabByHost(
  extensionPage: Pick<TestPage, 'evaluate'>,
  host: string,
): Promise<number | undefined> {
  return extensionPage.evaluate(async (wanted) => {
    const api =
      (globalThis as unknown as { browser?: ExtTabs }).browser ??
      (globalThis as unknown as { chrome: ExtTabs }).chrome;
    for (const tab of await api.tabs.query({})) {
      if (tab.id === undefined) continue;
      try {
        const reply = (await api.tabs.sendMessage(
          tab.id,
          { type: 'get-page-mentions' },
          { frameId: 0 },
        )) as { host?: string } | undefined;
        if (reply?.host === wanted) return tab.id;
      } catch {
        // No content script in that tab (an extension page, about:blank).
      }
    }
    return undefined;
  }, host);
}

/** How many ranges our `zf-*` highlights hold in the page, all groups together. */
export function highlightCount(page: TestPage): Promise<number> {
  return page.evaluate(() => {
    let count = 0;
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('zf-')) count += highlight.size;
    });
    return count;
  });
}

/** The "On this page" list as shown: entity id -> the count text of its button. */
export function readMentionList(page: TestPage): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const list: Record<string, string> = {};
    for (const button of document.querySelectorAll<HTMLElement>('[data-entity]')) {
      list[button.dataset.entity ?? ''] =
        button.querySelector('.zf-mention-count')?.textContent ?? '';
    }
    return list;
  });
}
