/**
 * Broken settings in the built extension (issue 7, "Fuzzing and properties"), in Chromium and
 * Firefox: a few fast-check-generated damaged stores written straight into storage.sync, and
 * damaged import files. The options page must open with a repair message and no error, a page
 * must still get its highlights, and a refused import must leave storage as it was.
 *
 * What the extension should make of each case is worked out here in Node by the same public
 * functions (repairSettings, parseSettingsImport); what is checked is that the browser, its
 * storage and the pages get there too.
 */
import fc from 'fast-check';
import { defaultSettings, isHostEnabled, isEntityEnabled } from '../../core/settings';
import { parseSettingsImport } from '../../core/settings-import';
import { repairSettings } from '../../core/settings-repair';
import { toStoredSettings } from '../../core/settings-sync';
import { entities } from '../../data';
import {
  damagedFileOf,
  junkArbitrary,
  SETTING_KEYS,
  unknownKeyArbitrary,
} from '../support/settings-junk';
import type { TestPage } from './harness/extension-browser';
import { expect, test } from './harness/fixtures';
import {
  chooseImportFile,
  clearStorage,
  readSync,
  waitForHighlights,
  type StoredMap,
} from './options-page-helpers';

const FIXTURE = 'options/mentions.html';
/** The fixture's two mentions and the entities they belong to. */
const MENTIONS = [
  { text: 'GLM-4', entityId: 'glm-4' },
  { text: 'Zhipu AI', entityId: 'zhipu-ai' },
];
/** Each generated case costs a few page loads per browser. */
const RUNS = 4;

// Small enough for storage.sync, which refuses an item over 8 KB in both browsers.
const junk = junkArbitrary({ bulky: false });

/** Own properties even for '__proto__', written out as the JSON a page would parse. */
function jsonOf(entries: readonly (readonly [string, unknown])[]): string {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    Object.defineProperty(object, key, { value, enumerable: true, configurable: true });
  }
  return JSON.stringify(object);
}

/** A damaged store: junk under some setting keys, junk keys beside them, any version marker. */
const brokenStoreArbitrary = fc
  .record({
    broken: fc.uniqueArray(fc.tuple(fc.constantFrom(...SETTING_KEYS), junk), {
      minLength: 1,
      maxLength: 5,
      selector: ([key]) => key,
    }),
    extra: fc.array(fc.tuple(unknownKeyArbitrary, junk), { maxLength: 3 }),
    version: fc.constantFrom<unknown>(2, 1, 'two', null, 99, [2]),
  })
  .map(({ broken, extra, version }) => {
    const entries: [string, unknown][] = [...broken, ...extra];
    if (version !== null) entries.push(['version', version]);
    const text = jsonOf(entries);
    return { text, repaired: repairSettings(JSON.parse(text)) };
  })
  // Damage that happens to be valid is just a setting; the cases here must need repair.
  .filter(({ repaired }) => repaired.resetKeys.length > 0);

/** Writes the store from JSON text, parsed in the page so '__proto__' stays an own key. */
async function writeStoreText(page: TestPage, text: string): Promise<void> {
  await page.evaluate(async (json) => {
    const api =
      (globalThis as unknown as { browser?: ExtApi; chrome?: ExtApi }).browser ??
      (globalThis as unknown as { chrome: ExtApi }).chrome;
    await api.storage.sync.set(JSON.parse(json) as Record<string, unknown>);
  }, text);
}

interface ExtApi {
  storage: { sync: { set(items: Record<string, unknown>): Promise<void> } };
}

async function openOptions(extBrowser: {
  openExtensionPage(path: string): Promise<TestPage>;
}): Promise<TestPage> {
  const options = await extBrowser.openExtensionPage('options.html');
  await options.waitFor(() => document.querySelector('[data-testid=entity-total]') !== null);
  return options;
}

test('damaged stores: the options page lists what it repaired, and pages keep their highlights', async ({
  extBrowser,
  fixtures,
}) => {
  const host = new URL(fixtures).host;
  await fc.assert(
    fc.asyncProperty(brokenStoreArbitrary, async ({ text, repaired }) => {
      const setup = await openOptions(extBrowser);
      await clearStorage(setup);
      await writeStoreText(setup, text);
      await setup.close();

      const options = await openOptions(extBrowser);
      await options.waitFor(() => document.querySelector('[data-testid=repair-banner]') !== null);
      const listed = await options.evaluate(() =>
        [...document.querySelectorAll('[data-testid=repair-banner] code')].map(
          (code) => code.textContent,
        ),
      );
      expect(listed.sort()).toEqual([...repaired.resetKeys].sort());
      const on = entities.filter((entity) => isEntityEnabled(repaired.settings, entity.id));
      expect(
        await options.evaluate(
          () => document.querySelector('[data-testid=entity-total]')?.textContent,
        ),
      ).toBe(`${on.length} of ${entities.length} on`);

      const tab = await extBrowser.newPage();
      await tab.goto(`${fixtures}/${FIXTURE}`);
      const shown = isHostEnabled(repaired.settings, host)
        ? MENTIONS.filter(({ entityId }) => isEntityEnabled(repaired.settings, entityId))
        : [];
      await waitForHighlights(
        tab,
        shown.map(({ text: mention }) => mention),
      );
      expect([...options.errors, ...tab.errors]).toEqual([]);
      await tab.close();
      await clearStorage(options);
      await options.close();
    }),
    { numRuns: RUNS },
  );
});

/** Damaged files the import refuses, with the first problem it names (never the whole file). */
const refusedFileArbitrary = damagedFileOf(junk)
  .map(({ text }) => ({ text, result: parseSettingsImport(text) }))
  .filter(({ result }) => !result.ok && result.problems[0]!.path !== '')
  .map(({ text, result }) => {
    const problem = result.ok ? undefined : result.problems[0]!;
    return { text, firstProblem: `${problem!.path}: ${problem!.reason.en}` };
  });

test('damaged import files are refused with the field named, and change nothing', async ({
  extBrowser,
}) => {
  const options = await openOptions(extBrowser);
  await clearStorage(options);
  // A reader's own settings, in English so the problems read as the en messages.
  const chosen = defaultSettings();
  chosen.language = 'en';
  chosen.entities['glm-4'] = false;
  chosen.card.delayMs = 650;
  const before: StoredMap = { version: chosen.version, ...toStoredSettings(chosen) };
  await writeStoreText(options, JSON.stringify(before));
  await options.waitFor(
    (total) => document.querySelector('[data-testid=entity-total]')?.textContent === total,
    `${entities.length - 1} of ${entities.length} on`,
  );

  await fc.assert(
    fc.asyncProperty(refusedFileArbitrary, async ({ text, firstProblem }) => {
      await chooseImportFile(options, text);
      await options.waitFor(
        (expected) =>
          document.querySelector('[data-testid=import-problems] li')?.textContent === expected,
        firstProblem,
      );
      expect(await readSync(options)).toEqual(before);
    }),
    { numRuns: RUNS },
  );
  expect(options.errors).toEqual([]);
  await clearStorage(options);
  await options.close();
});
