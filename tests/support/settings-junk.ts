/**
 * Settings for fuzz tests, valid and broken: settings a reader could have chosen, junk values,
 * and keys no setting uses. Stored keys follow the documented layout, one key per setting
 * ('card.delayMs', 'entities.glm-4', 'appearance.models').
 */
import fc from 'fast-check';
import { defaultSettings, type Settings } from '../../core/settings.ts';
import { exportSettingsJson } from '../../core/settings-import.ts';
import { settingsStorageKeys } from '../../core/settings-sync.ts';
import { entities, groups } from '../../data/index.ts';

// Keys of the current layout a reader's settings live under; the version marker and keys of
// older layouts are fuzzed apart.
export const SETTING_KEYS: readonly string[] = [...settingsStorageKeys()].filter(
  (key) => key !== 'version' && key !== 'sites.list',
);

export const SITES: string[] = [
  'example.com',
  '*.news.example',
  'a.b.example',
  '127.0.0.1:8080',
  'xn--fsqu00a.com',
];

/** Settings a reader could have chosen in the options page. */
export const userSettingsArbitrary: fc.Arbitrary<Settings> = fc
  .record({
    enabled: fc.boolean(),
    off: fc.subarray(entities.map((entity) => entity.id)),
    appearance: fc.array(
      fc.tuple(
        fc.constantFrom(...groups.map((group) => group.id)),
        fc.stringMatching(/^#[0-9a-fA-F]{6}$/),
        fc.constantFrom(
          'underline' as const,
          'background' as const,
          'both' as const,
          'none' as const,
        ),
      ),
      { maxLength: 3 },
    ),
    delayMs: fc.integer({ min: 0, max: 2000 }),
    trigger: fc.constantFrom('hover' as const, 'modifier' as const, 'click' as const),
    modifier: fc.constantFrom(
      'Alt' as const,
      'Shift' as const,
      'Control' as const,
      'Meta' as const,
    ),
    openOnFocus: fc.boolean(),
    mode: fc.constantFrom('all-except' as const, 'only' as const),
    blocked: fc.subarray(SITES),
    allowed: fc.subarray(SITES),
    language: fc.constantFrom('auto' as const, 'en' as const, 'zh' as const),
  })
  .map((choice) => {
    const settings = defaultSettings();
    settings.enabled = choice.enabled;
    for (const id of choice.off) settings.entities[id] = false;
    for (const [group, color, style] of choice.appearance) {
      settings.appearance[group] = { color, style };
    }
    settings.card = {
      delayMs: choice.delayMs,
      trigger: choice.trigger,
      modifier: choice.modifier,
      openOnFocus: choice.openOnFocus,
    };
    settings.sites = { mode: choice.mode, blocked: choice.blocked, allowed: choice.allowed };
    settings.language = choice.language;
    return settings;
  });

/** `inner` wrapped in `depth` arrays. */
export function nested(depth: number, inner: unknown = []): unknown {
  let value = inner;
  for (let k = 0; k < depth; k++) value = [value];
  return value;
}

/**
 * Anything JSON can hold, plus the shapes that break naive code: long, deep, look-alike.
 * `bulky`: also a 100,000-character string; leave it out where a real browser's storage.sync
 * quota (8 KB per item) would refuse it.
 */
export function junkArbitrary({ bulky }: { bulky: boolean }): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.constantFrom(
      bulky ? 'x'.repeat(100_000) : 'x'.repeat(2_000),
      '',
      'true',
      '300',
      '#12345',
      'HOVER',
      ' en',
      -1,
      2001,
      300.5,
      1e21,
      Number.MAX_SAFE_INTEGER + 2,
      -0,
      null,
      [],
      {},
      ['example.com', 42, null, 'not a host', '*.ok.example'],
      { color: '#123456' },
      { color: '#123456', style: 'both', extra: 1 },
      { __proto__: null, color: '#123456', style: 'none' },
    ),
    fc.integer({ min: 1, max: bulky ? 200 : 40 }).map((depth) => nested(depth)),
  );
}

export const PROTOTYPE_KEYS: readonly string[] = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
];
/** Keys no setting uses: typos, prototype names, sections alone, entities that do not exist. */
export const unknownKeyArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    ...PROTOTYPE_KEYS,
    ...PROTOTYPE_KEYS.map((key) => `entities.${key}`),
    ...PROTOTYPE_KEYS.map((key) => `appearance.${key}`),
    'card.__proto__',
    'sites.__proto__',
    'card',
    'sites',
    'entities',
    'appearance',
    'entities.not-an-entity',
    'appearance.not-a-group',
    'card.speed',
    'popup.lastView',
  ),
);

/** Places in an exported file: sections and their leaves. */
export const FILE_PATHS: readonly (readonly string[])[] = [
  ['version'],
  ['enabled'],
  ['language'],
  ['card'],
  ['card', 'delayMs'],
  ['card', 'trigger'],
  ['card', 'modifier'],
  ['card', 'openOnFocus'],
  ['sites'],
  ['sites', 'mode'],
  ['sites', 'blocked'],
  ['sites', 'allowed'],
  ['appearance'],
  ['appearance', 'models'],
  ['appearance', 'models', 'color'],
  ['entities'],
  ['entities', 'glm-4'],
];

/** Writes `value` (a copy) at `path` in a parsed file, as an own key even for '__proto__'. */
export function setPath(
  file: Record<string, unknown>,
  path: readonly string[],
  value: unknown,
): void {
  let at = file;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== 'object' || next === null) return;
    at = next as Record<string, unknown>;
  }
  // A copy: junk values are shared between runs, and a later change may write into this one.
  Object.defineProperty(at, path.at(-1)!, {
    value: JSON.parse(JSON.stringify(value)) as unknown,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/**
 * A file as exported from valid settings, then damaged at some places with `junk`, maybe with
 * unknown keys added; `changes` and `extra` say where.
 */
export function damagedFileOf(junk: fc.Arbitrary<unknown>) {
  return fc
    .tuple(
      userSettingsArbitrary,
      fc.array(fc.tuple(fc.constantFrom(...FILE_PATHS), junk), {
        minLength: 1,
        maxLength: 3,
      }),
      // '__proto__' among them: setPath writes it as an own key, as JSON.parse reads it.
      fc.array(fc.tuple(unknownKeyArbitrary, junk), { maxLength: 2 }),
    )
    .map(([settings, changes, extra]) => {
      const file = JSON.parse(exportSettingsJson(settings)) as Record<string, unknown>;
      for (const [path, value] of changes) setPath(file, path, value);
      for (const [key, value] of extra) setPath(file, [key], value);
      return { settings, changes, extra: extra.map(([key]) => key), text: JSON.stringify(file) };
    });
}
