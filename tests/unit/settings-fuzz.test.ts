/**
 * Random and malformed settings, stored and imported (issue 7, "Fuzzing and properties"):
 * whatever storage holds or a file says, the store's public functions give a valid Settings,
 * never throw, and keep every setting the reader had that is still readable; an import is either
 * whole or refused with messages naming the fields, and a refused one changes nothing.
 *
 * Only public functions are used (loadSettings, loadSettingsReport, watchSettings,
 * updateSettings, replaceSettings, parseSettingsImport, exportSettingsJson), plus the schema to
 * check results, so the tests hold whatever validates inside. Stored keys follow the documented
 * layout: one key per setting ('card.delayMs', 'entities.glm-4', 'appearance.models').
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, SettingsSchema, type Settings } from '../../core/settings';
import {
  exportSettingsJson,
  MAX_IMPORT_BYTES,
  parseSettingsImport,
  type ImportProblem,
} from '../../core/settings-import';
import {
  loadSettings,
  loadSettingsReport,
  replaceSettings,
  updateSettings,
  watchSettings,
} from '../../platform/settings-store';
import {
  damagedFileOf,
  FILE_PATHS,
  junkArbitrary as junkOf,
  nested,
  setPath,
  SETTING_KEYS,
  SITES,
  unknownKeyArbitrary,
  userSettingsArbitrary,
} from '../support/settings-junk';

const sync = () => fakeBrowser.storage.sync;

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

const isValid = (settings: unknown) => SettingsSchema.safeParse(settings).success;

/** A setting's value in `settings`, found by its stored key ('card.delayMs' -> card.delayMs). */
function valueAt(settings: Settings, key: string): unknown {
  const dot = key.indexOf('.');
  const record = settings as unknown as Record<string, unknown>;
  if (dot === -1) return record[key];
  const section = record[key.slice(0, dot)] as Record<string, unknown> | undefined;
  return section?.[key.slice(dot + 1)];
}

const junkArbitrary = junkOf({ bulky: true });

/** What damage to do to a store: keys to overwrite with junk, and junk keys to add. */
const damageArbitrary = fc.record({
  broken: fc.array(fc.tuple(fc.constantFrom(...SETTING_KEYS), junkArbitrary), { maxLength: 6 }),
  version: fc.option(junkArbitrary),
  extra: fc.array(fc.tuple(unknownKeyArbitrary, junkArbitrary), { maxLength: 4 }),
});
type Damage = typeof damageArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** The store's items after the damage; `broken` lists the setting keys it touched. */
function damaged(stored: Record<string, unknown>, damage: Damage) {
  // Own properties even for '__proto__': as JSON.parse would give them.
  const items: Record<string, unknown> = JSON.parse(JSON.stringify(stored)) as Record<
    string,
    unknown
  >;
  const put = (key: string, value: unknown) =>
    Object.defineProperty(items, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  const broken = new Set<string>();
  for (const [key, value] of damage.broken) {
    put(key, value);
    broken.add(key);
  }
  if (damage.version !== null) put('version', damage.version);
  for (const [key, value] of damage.extra) {
    // An extra that happens to be a setting key is damage to that setting.
    if (SETTING_KEYS.includes(key)) broken.add(key);
    put(key, value);
  }
  return { items, broken };
}

/** The setting key a reported path stands for ('sites.blocked[2]' -> 'sites.blocked'). */
const keyOfReport = (path: string) => path.replace(/\[\d+\]$/, '');

/** Serves `items` as what storage.sync holds, own '__proto__' keys included. */
function serveStore(items: Record<string, unknown>): void {
  // The fake storage keeps values in a plain object, where '__proto__' cannot be an own key; a
  // browser's storage gives it back as one. Every read answers with a JSON copy of `items`.
  const text = JSON.stringify(items);
  vi.spyOn(sync(), 'get').mockImplementation(() => Promise.resolve(JSON.parse(text) as never));
}

async function storeOf(user: Settings): Promise<Record<string, unknown>> {
  await replaceSettings(user);
  return sync().get(null);
}

describe('loading a damaged store', () => {
  it('gives valid settings, keeps every setting the reader had that was not damaged, and reports only damaged keys', async () => {
    await fc.assert(
      fc.asyncProperty(userSettingsArbitrary, damageArbitrary, async (user, damage) => {
        fakeBrowser.reset();
        vi.restoreAllMocks();
        const { items, broken } = damaged(await storeOf(user), damage);
        serveStore(items);

        const report = await loadSettingsReport();
        expect(isValid(report.settings)).toBe(true);
        for (const key of SETTING_KEYS) {
          if (!broken.has(key))
            expect(valueAt(report.settings, key), key).toEqual(valueAt(user, key));
        }
        for (const path of report.resetKeys) {
          expect(broken.has(keyOfReport(path)) || path === '*', path).toBe(true);
        }
        expect(await loadSettings()).toEqual(report.settings);
        expect(Object.prototype).not.toHaveProperty('color');
        expect(({} as Record<string, unknown>).enabled).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it('stays valid for a store of any JSON value, keys and all', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.oneof(unknownKeyArbitrary, fc.constantFrom(...SETTING_KEYS, 'version')),
          junkArbitrary,
          {
            maxKeys: 12,
          },
        ),
        async (items) => {
          vi.restoreAllMocks();
          serveStore(items);
          const settings = await loadSettings();
          expect(isValid(settings)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  }, 30_000);

  it('gives the defaults when the browser cannot read storage at all', async () => {
    await loadSettings();
    vi.spyOn(sync(), 'get').mockRejectedValue(new Error('the extension context is gone'));
    await expect(loadSettings()).resolves.toEqual(defaultSettings());
  });

  it('reads a store of the first layout (version 1, one site list) into the right list', async () => {
    await fc.assert(
      fc.asyncProperty(
        userSettingsArbitrary,
        fc.subarray(SITES, { minLength: 1 }),
        fc.constantFrom(1, undefined, 'one', 0, -3),
        async (user, list, version) => {
          fakeBrowser.reset();
          vi.restoreAllMocks();
          const stored = await storeOf(user);
          delete stored['sites.blocked'];
          delete stored['sites.allowed'];
          const items = { ...stored, version, 'sites.list': list };
          serveStore(items);
          const settings = await loadSettings();
          const mode = user.sites.mode;
          expect(settings.sites[mode === 'only' ? 'allowed' : 'blocked']).toEqual(list);
          expect(settings.language).toBe(user.language);
          expect(settings.entities).toEqual(user.entities);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('writing over a damaged store', () => {
  it('succeeds, keeps what the reader had, and leaves a store that loads with nothing to report', async () => {
    await fc.assert(
      fc.asyncProperty(
        userSettingsArbitrary,
        damageArbitrary,
        fc.constantFrom('auto' as const, 'en' as const, 'zh' as const),
        async (user, damage, language) => {
          fakeBrowser.reset();
          vi.restoreAllMocks();
          const { items, broken } = damaged(await storeOf(user), damage);
          // Only real storage here: it cannot hold '__proto__' as a key, so leave it out.
          delete items.__proto__;
          await sync().clear();
          await sync().set(items);
          await updateSettings((settings) => ({ ...settings, language }));

          const report = await loadSettingsReport();
          expect(report.resetKeys).toEqual([]);
          expect(report.settings.language).toBe(language);
          for (const key of SETTING_KEYS) {
            if (!broken.has(key) && key !== 'language') {
              expect(valueAt(report.settings, key), key).toEqual(valueAt(user, key));
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);

  it('tells a watcher only valid settings while junk is written, and ends on what loads', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.tuple(fc.constantFrom(...SETTING_KEYS, 'version'), junkArbitrary),
            fc.tuple(unknownKeyArbitrary, junkArbitrary),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        async (writes) => {
          fakeBrowser.reset();
          const seen: Settings[] = [];
          const stop = watchSettings((settings) => seen.push(settings));
          try {
            for (const [key, value] of writes) {
              if (key === '__proto__') continue;
              await sync().set({ [key]: value });
            }
            await new Promise((resolve) => setTimeout(resolve, 20));
          } finally {
            stop();
          }
          for (const settings of seen) expect(isValid(settings)).toBe(true);
          if (seen.length > 0) expect(seen.at(-1)).toEqual(await loadSettings());
        },
      ),
      { numRuns: 100 },
    );
  }, 30_000);
});

/** A problem list that tells the reader what to fix: each names a place and says why, briefly. */
function expectClearProblems(
  problems: readonly { path: string; reason: { en: string; zh: string } }[],
) {
  expect(problems.length).toBeGreaterThan(0);
  for (const { path, reason } of problems) {
    expect(typeof path).toBe('string');
    expect(path.length).toBeLessThanOrEqual(130);
    expect(reason.en.trim()).not.toBe('');
    expect(reason.zh.trim()).not.toBe('');
    // Values are quoted short: a hostile file cannot fill the page with its own text.
    expect(reason.en.length).toBeLessThanOrEqual(300);
    expect(reason.zh.length).toBeLessThanOrEqual(300);
  }
}

/**
 * The keys of a problem's path, read back from its notation: `card.delayMs`, `sites.blocked[2]`
 * (indexes left out), `["card.delayMs"]` for a key that would read as two.
 */
function keysOfPath(path: string): string[] {
  const keys: string[] = [];
  const segment = /\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([^.[\]]+)/y;
  while (segment.lastIndex < path.length) {
    const match = segment.exec(path);
    if (!match) throw new Error(`cannot read the path ${path}`);
    if (match[2] !== undefined) keys.push(JSON.parse(match[2]) as string);
    else if (match[3] !== undefined) keys.push(match[3]);
  }
  return keys;
}

const startsWith = (keys: readonly string[], start: readonly string[]) =>
  start.every((key, index) => keys[index] === key);

const OBJECT_KEYS = Reflect.ownKeys(Object.prototype);
const ARRAY_KEYS = Reflect.ownKeys(Array.prototype);

function expectNoPrototypeChanged(): void {
  expect(Reflect.ownKeys(Object.prototype)).toEqual(OBJECT_KEYS);
  expect(Reflect.ownKeys(Array.prototype)).toEqual(ARRAY_KEYS);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  expect(({} as Record<string, unknown>).enabled).toBeUndefined();
}

function expectWholeOrRefused(text: string): void {
  const result = parseSettingsImport(text);
  if (result.ok) expect(isValid(result.settings)).toBe(true);
  else expectClearProblems(result.problems);
}

const damagedFileArbitrary = damagedFileOf(junkArbitrary);

describe('importing a settings file', () => {
  it('round-trips the export of any settings', () => {
    fc.assert(
      fc.property(userSettingsArbitrary, (settings) => {
        expect(parseSettingsImport(exportSettingsJson(settings))).toEqual({ ok: true, settings });
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any text, and gives either valid settings or clear problems', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value) ?? ''),
          damagedFileArbitrary.map(({ text }) => text),
        ),
        (text) => expectWholeOrRefused(text),
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses a damaged file with a problem naming a damaged place, unless the damage is valid', () => {
    fc.assert(
      fc.property(damagedFileArbitrary, ({ changes, extra, text }) => {
        const result = parseSettingsImport(text);
        if (result.ok) {
          expect(isValid(result.settings)).toBe(true);
          return;
        }
        expectClearProblems(result.problems);
        // An extra is one top-level key, dots and all.
        const places = [...changes.map(([path]) => path), ...extra.map((key) => [key])];
        for (const { path } of result.problems) {
          const named = keysOfPath(path);
          const related =
            path === '' ||
            places.some((place) => startsWith(named, place) || startsWith(place, named));
          expect(related, `${path} for damage at ${places.join(' | ')}`).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a "__proto__" key like any unknown key, naming it, and pollutes no prototype', () => {
    const sections = ['card', 'sites', 'appearance', 'entities'];
    fc.assert(
      fc.property(
        userSettingsArbitrary,
        fc.oneof(
          // In a section, at the top, or a top-level key that names one inside a section.
          fc.constantFrom(...sections).map((section) => ({ at: [section], key: '__proto__' })),
          fc.constant({ at: [], key: '__proto__' }),
          fc.constantFrom(...sections).map((section) => ({ at: [], key: `${section}.__proto__` })),
        ),
        // Junk that fits the size limit, so the key is what gets refused.
        fc.oneof(
          junkOf({ bulky: false }),
          fc.constant({ ' ': [] }),
          fc.constant({ enabled: false }),
        ),
        (settings, { at, key }, junk) => {
          const file = JSON.parse(exportSettingsJson(settings)) as Record<string, unknown>;
          setPath(file, [...at, key], junk);
          const text = JSON.stringify(file);
          expect(text).toContain(`"${key}":`);

          const result = parseSettingsImport(text);
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expectClearProblems(result.problems);
          expect(result.problems.map(({ path }) => keysOfPath(path))).toEqual([[...at, key]]);
          expectNoPrototypeChanged();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses a file over the size limit before reading it', () => {
    const file = JSON.parse(exportSettingsJson(defaultSettings())) as Record<string, unknown>;
    file.padding = 'x'.repeat(MAX_IMPORT_BYTES);
    const result = parseSettingsImport(JSON.stringify(file));
    expect(result.ok).toBe(false);
    if (!result.ok) expectClearProblems(result.problems);
  });

  // Zod's name for a section's type once reached the reader: "must be record, not a list".
  it('describes a section of the wrong type in words a reader knows', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('entities', 'appearance', 'card', 'sites'),
        fc.constantFrom<unknown>([], 'on', 7, true, null, nested(3)),
        (section, junk) => {
          const file = JSON.parse(exportSettingsJson(defaultSettings())) as Record<string, unknown>;
          setPath(file, [section], junk);
          const result = parseSettingsImport(JSON.stringify(file));
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.problems).toHaveLength(1);
          const [{ path, reason }] = result.problems as [ImportProblem];
          expect(path).toBe(section);
          expect(reason.en).toMatch(/^must be a group of settings \(an object\), not /);
          expect(reason.zh).toMatch(/^应为一组设置（对象），而不是/);
          for (const text of [reason.en, reason.zh]) expect(text).not.toMatch(/record/);
        },
      ),
    );
  });

  // Messages once quoted the value through JSON.stringify, which overflows the stack on a list
  // nested ~25,000 deep: a 50 KB file, under the 64 KB limit.
  it('never throws on a deeply nested value in a field with fixed choices', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          ['language'],
          ['version'],
          ['card', 'trigger'],
          ['card', 'modifier'],
          ['sites', 'mode'],
        ),
        fc.integer({ min: 20_000, max: 30_000 }),
        (path, depth) => {
          const file = JSON.parse(exportSettingsJson(defaultSettings())) as Record<string, unknown>;
          setPath(file, path, 'DEEP');
          const text = JSON.stringify(file).replace(
            '"DEEP"',
            `${'['.repeat(depth)}${']'.repeat(depth)}`,
          );
          expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
          expectWholeOrRefused(text);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('refuses a value nested past the stack anywhere in a file, naming its place', () => {
    // Each shape nests at least twice as deep as JSON.stringify can go in Node (~4,200 levels).
    const deepArbitrary = fc.oneof(
      fc
        .integer({ min: 20_000, max: 30_000 })
        .map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
      fc
        .integer({ min: 9_000, max: 10_000 })
        .map((depth) => '{"a":'.repeat(depth) + 'null' + '}'.repeat(depth)),
      fc
        .integer({ min: 5_000, max: 7_000 })
        .map((depth) => '[{"":'.repeat(depth) + '0' + '}]'.repeat(depth)),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(
          ...FILE_PATHS,
          ['sites', 'blocked', '0'],
          ['card', 'speed'],
          ['entities', 'not-an-entity'],
          ['appearance', 'models', 'shade'],
          ['popup'],
          ['card.delayMs'],
          ['__proto__'],
        ),
        deepArbitrary,
        (path, deep) => {
          const file = JSON.parse(exportSettingsJson(defaultSettings())) as Record<string, unknown>;
          setPath(file, path, 'DEEP');
          const text = JSON.stringify(file).replace('"DEEP"', deep);
          expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
          // Deep enough to break a walker that recurses through the whole value.
          expect(() => JSON.stringify(JSON.parse(text))).toThrow(RangeError);

          const result = parseSettingsImport(text);
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expectClearProblems(result.problems);
          const named = result.problems.map((problem) => keysOfPath(problem.path));
          expect(named.some((keys) => startsWith(keys, path) || startsWith(path, keys))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
