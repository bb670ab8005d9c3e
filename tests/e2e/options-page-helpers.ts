/**
 * What the options e2e specs do to the options page and the fixture tabs, the same in Chromium
 * and Firefox. Every function passed to `evaluate` runs in the page and must be self-contained.
 */
import type { TestPage } from './harness/extension-browser';

export type StoredMap = Record<string, unknown>;

/** The extension's storage.sync, read from one of its own pages. */
export function readSync(page: TestPage): Promise<StoredMap> {
  return page.evaluate(async () => {
    const api =
      (globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi }).browser ??
      (globalThis as unknown as { chrome: ExtApi }).chrome;
    return api.storage.sync.get(null);
  });
}

export function writeSync(page: TestPage, items: StoredMap): Promise<void> {
  return page.evaluate(async (values) => {
    const api =
      (globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi }).browser ??
      (globalThis as unknown as { chrome: ExtApi }).chrome;
    await api.storage.sync.set(values);
  }, items);
}

/** Empties both storage areas, so each test starts from a fresh install's defaults. */
export function clearStorage(page: TestPage): Promise<void> {
  return page.evaluate(async () => {
    const api =
      (globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi }).browser ??
      (globalThis as unknown as { chrome: ExtApi }).chrome;
    await api.storage.sync.clear();
    await api.storage.local.clear();
  });
}

interface ExtArea {
  get(keys: null): Promise<StoredMap>;
  set(items: StoredMap): Promise<void>;
  clear(): Promise<void>;
}
interface ExtApi {
  storage: { sync: ExtArea; local: ExtArea };
}

/** The text of every range in our `zf-*` highlights, as the page itself sees the registry. */
export function highlightedTexts(page: TestPage): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('zf-')) return;
      highlight.forEach((range) => {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        texts.push(live.toString());
      });
    });
    return texts.sort();
  });
}

/** Waits until the page's highlights hold exactly these texts (sorted, duplicates kept). */
export async function waitForHighlights(page: TestPage, expected: string[]): Promise<void> {
  await page.waitFor(
    (want) => {
      const texts: string[] = [];
      CSS.highlights.forEach((highlight, name) => {
        if (!name.startsWith('zf-')) return;
        highlight.forEach((range) => {
          const live = document.createRange();
          live.setStart(range.startContainer, range.startOffset);
          live.setEnd(range.endContainer, range.endOffset);
          texts.push(live.toString());
        });
      });
      return JSON.stringify(texts.sort()) === JSON.stringify(want);
    },
    [...expected].sort(),
  );
}

/** Clicks the centre of the first element matching `selector`, as a pointer would. */
export async function clickElement(page: TestPage, selector: string): Promise<void> {
  const point = await page.evaluate((css) => {
    const element = document.querySelector(css);
    if (!element) throw new Error(`nothing matches ${css}`);
    element.scrollIntoView({ block: 'center' });
    const box = element.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }, selector);
  await page.click(point.x, point.y);
}

/** The checkbox whose visible label is exactly `name` (an entity or a group). */
export async function checkboxSelectorByLabel(page: TestPage, name: string): Promise<string> {
  const id = await page.evaluate((label) => {
    const boxes = [...document.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    const box = boxes.find((input) =>
      [...(input.labels ?? [])].some(
        (element) =>
          element.querySelector('.entity-name, .group-name')?.textContent?.trim() === label,
      ),
    );
    if (!box) throw new Error(`no checkbox labelled ${label}`);
    box.id ||= `e2e-${Math.random().toString(36).slice(2)}`;
    return box.id;
  }, name);
  return `[id="${id}"]`;
}

/** Types text into the focused field, one key at a time. */
export async function typeText(page: TestPage, text: string): Promise<void> {
  for (const char of text) await page.press(char);
}

/** Hands a file to the import input, as choosing it in the file picker would. */
export function chooseImportFile(page: TestPage, text: string): Promise<void> {
  return page.evaluate((content) => {
    const input = document.querySelector<HTMLInputElement>('[data-testid=import-file]');
    if (!input) throw new Error('no import input');
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'settings.json', { type: 'application/json' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, text);
}

/**
 * Clicks "Export" and returns the downloaded file's name and text. The page's anchor click is
 * intercepted so no download dialog or file is involved; the blob URL is read in the page.
 */
export async function captureExport(
  page: TestPage,
  exportButton: string,
): Promise<{
  name: string;
  text: string;
}> {
  await page.evaluate(() => {
    const target = globalThis as unknown as { exported?: Promise<{ name: string; text: string }> };
    target.exported = new Promise((resolve) => {
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        void fetch(this.href)
          .then((response) => response.text())
          .then((text) => resolve({ name: this.download, text }));
      };
    });
  });
  await clickElement(page, exportButton);
  return page.evaluate(
    () => (globalThis as unknown as { exported: Promise<{ name: string; text: string }> }).exported,
  );
}
