import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, SettingsSchema } from '../../core/settings';
import {
  exportSettingsJson,
  MAX_IMPORT_BYTES,
  parseSettingsImport,
  type ImportProblem,
} from '../../core/settings-import';

/** The exported defaults as an object a test can break in one place. */
const exported = (): Record<string, unknown> & ReturnType<typeof defaultSettings> =>
  JSON.parse(exportSettingsJson(defaultSettings())) as ReturnType<typeof defaultSettings>;

/** A copy of the object without one key. */
const without = (object: Record<string, unknown>, key: string): Record<string, unknown> =>
  Object.fromEntries(Object.entries(object).filter(([name]) => name !== key));

const problemsOf = (value: unknown): ImportProblem[] => {
  const result = parseSettingsImport(typeof value === 'string' ? value : JSON.stringify(value));
  if (result.ok) throw new Error('expected the import to fail');
  return result.problems;
};

const english = (problems: ImportProblem[]) => problems.map((p) => `${p.path}: ${p.reason.en}`);

/** The JSON of `object` with `key` added as an own key, as JSON.parse reads even '__proto__'. */
function withKey(object: Record<string, unknown>, key: string, value: unknown): string {
  const copy = { ...object };
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return JSON.stringify(copy);
}

describe('export then import', () => {
  it('round-trips every setting', () => {
    const settings = defaultSettings();
    settings.entities['glm-4'] = false;
    settings.card = { delayMs: 750, trigger: 'modifier', modifier: 'Shift', openOnFocus: false };
    settings.sites = { mode: 'only', blocked: ['a.com'], allowed: ['*.b.org', '127.0.0.1:8080'] };
    settings.appearance.benchmarks = { color: '#00aa11', style: 'both' };
    settings.language = 'zh';
    expect(parseSettingsImport(exportSettingsJson(settings))).toEqual({ ok: true, settings });
  });
});

describe('import errors name the field and say why', () => {
  it('a number out of range', () => {
    const file = exported();
    file.card.delayMs = 99999;
    expect(english(problemsOf(file))).toEqual(['card.delayMs: must be at most 2000']);
  });

  it('a wrong type, in both languages', () => {
    const file = exported();
    (file.card as Record<string, unknown>).openOnFocus = 'yes';
    expect(problemsOf(file)).toEqual([
      {
        path: 'card.openOnFocus',
        reason: {
          en: 'must be true or false, not text',
          zh: '应为布尔值（true 或 false），而不是文本',
        },
      },
    ]);
  });

  it('a value outside its choices', () => {
    const file = exported();
    (file.card as Record<string, unknown>).trigger = 'hoover';
    expect(english(problemsOf(file))).toEqual([
      'card.trigger: “hoover” is not one of: hover, modifier, click',
    ]);
  });

  it('a bad colour and a bad host, with the offending value quoted', () => {
    const file = exported();
    file.appearance.models.color = 'purple';
    file.sites.blocked = ['ok.com', 'https://bad.com/'];
    expect(english(problemsOf(file))).toEqual([
      'appearance.models.color: “purple” is not a colour written as #rrggbb, like #1a73e8',
      'sites.blocked[1]: “https://bad.com/” is not a host such as example.com or *.example.com',
    ]);
  });

  it('unknown fields and unknown entity ids', () => {
    const file = exported();
    (file.card as Record<string, unknown>).position = 'left';
    expect(english(problemsOf(file))).toEqual([
      'card.position: is not a setting this extension knows',
    ]);
    const other = exported();
    other.entities['glm-99'] = false;
    expect(english(problemsOf(other))).toEqual(['entities.glm-99: no entity has this id']);
  });

  it('a missing section or field', () => {
    expect(english(problemsOf(without(exported(), 'card')))).toEqual(['card: is missing']);
    const file = exported();
    file.card = without(file.card, 'trigger') as typeof file.card;
    expect(english(problemsOf(file))).toEqual(['card.trigger: is missing']);
  });

  it('a file from a newer version', () => {
    const file = { ...exported(), version: 3 };
    expect(english(problemsOf(file))).toEqual([
      'version: is 3: the file comes from a newer version of the extension, which this one (up to 2) cannot read',
    ]);
  });

  it('a file without a version, or not JSON, or not an object', () => {
    expect(problemsOf(without(exported(), 'version')).map((p) => p.path)).toEqual(['version']);
    expect(problemsOf('{"version": 2,')[0]?.reason.en).toMatch(/not JSON/);
    expect(problemsOf('[1, 2]')[0]?.reason.en).toMatch(/not an object of settings/);
  });

  it('an oversize file is refused before it is parsed', () => {
    const big = JSON.stringify({ ...exported(), padding: 'x'.repeat(MAX_IMPORT_BYTES) });
    const problems = problemsOf(big);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.reason.en).toMatch(
      /^The file is \d+ KB; a settings file is at most 64 KB\.$/,
    );
  });

  it('quotes markup from the file as plain text and cuts long values short', () => {
    const file = exported();
    (file.card as Record<string, unknown>).trigger =
      `<img src=x onerror=alert(1)>${'a'.repeat(200)}`;
    const [problem] = problemsOf(file);
    expect(problem?.reason.en.startsWith('“<img src=x onerror=alert(1)>')).toBe(true);
    expect(problem?.reason.en.length).toBeLessThan(200);
  });
});

describe('import errors in words a reader knows, for any file', () => {
  it('a section of the wrong type, in both languages', () => {
    expect(problemsOf({ ...exported(), entities: [] })).toEqual([
      {
        path: 'entities',
        reason: {
          en: 'must be a group of settings (an object), not a list',
          zh: '应为一组设置（对象），而不是列表',
        },
      },
    ]);
    expect(english(problemsOf({ ...exported(), appearance: 7, card: 'on' }))).toEqual([
      'appearance: must be a group of settings (an object), not a number',
      'card: must be a group of settings (an object), not text',
    ]);
  });

  it('an empty section: each of its fields is missing', () => {
    expect(english(problemsOf({ ...exported(), card: {} }))).toEqual([
      'card.delayMs: is missing',
      'card.trigger: is missing',
      'card.modifier: is missing',
      'card.openOnFocus: is missing',
    ]);
  });

  it('a value nested deeper than the stack is quoted by its start', () => {
    const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    const text = JSON.stringify({ ...exported(), language: 'DEEP' }).replace('"DEEP"', deep);
    expect(english(problemsOf(text))).toEqual([
      `language: “${'['.repeat(60)}…” is not one of: auto, en, zh`,
    ]);
    const version = JSON.stringify({ ...exported(), version: 'DEEP' }).replace(
      '"DEEP"',
      '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
    );
    expect(english(problemsOf(version))).toEqual([
      `version: “${'{"a":'.repeat(12)}…” is not a settings version (1 to 2)`,
    ]);
  });

  it('"__proto__" is refused by name, like any key the extension does not know', () => {
    const file = exported();
    expect(english(problemsOf(withKey(file, '__proto__', { enabled: false })))).toEqual([
      '__proto__: is not a setting this extension knows',
    ]);
    for (const [section, reason] of [
      ['card', 'is not a setting this extension knows'],
      ['sites', 'is not a setting this extension knows'],
      ['entities', 'no entity has this id'],
      ['appearance', 'no group has this id'],
    ] as const) {
      const inner = JSON.parse(withKey(file[section], '__proto__', { x: 1 })) as unknown;
      expect(english(problemsOf({ ...file, [section]: inner }))).toEqual([
        `${section}.__proto__: ${reason}`,
      ]);
    }
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('a key that would read as another place is quoted as it is written in the file', () => {
    expect(english(problemsOf(withKey(exported(), 'sites.__proto__', { ' ': [] })))).toEqual([
      '["sites.__proto__"]: is not a setting this extension knows',
    ]);
    // A top-level "card.delayMs" is not the delay inside "card", and changes nothing.
    expect(english(problemsOf({ ...exported(), 'card.delayMs': 500 }))).toEqual([
      '["card.delayMs"]: is not a setting this extension knows',
    ]);
    const file = exported();
    expect(english(problemsOf({ ...file, card: { ...file.card, '': 1, 'a b': 2 } }))).toEqual([
      'card[""]: is not a setting this extension knows',
      'card["a b"]: is not a setting this extension knows',
    ]);
  });

  it('unknown entity ids are listed with the other problems', () => {
    const file = exported();
    file.entities['glm-99'] = false;
    file.card.delayMs = 99999;
    expect(english(problemsOf(file))).toEqual([
      'entities.glm-99: no entity has this id',
      'card.delayMs: must be at most 2000',
    ]);
  });
});

describe('import of older and partial files', () => {
  it('migrates a v1 file (one site list) to the current shape', () => {
    const v1 = { ...exported(), version: 1, sites: { mode: 'only', list: ['a.com'] } };
    const result = parseSettingsImport(JSON.stringify(v1));
    expect(result.ok && result.settings.sites).toEqual({
      mode: 'only',
      blocked: [],
      allowed: ['a.com'],
    });
  });

  it('gives entities and groups the file does not mention their defaults', () => {
    const file = exported();
    file.entities = { 'glm-4': false };
    const result = parseSettingsImport(JSON.stringify(file));
    expect(result.ok && result.settings.entities['glm-4']).toBe(false);
    expect(result.ok && result.settings.entities['zhipu-ai']).toBe(true);
  });
});

describe('any input', () => {
  it('gives valid settings or problems that each name a reason, and never throws', () => {
    const mutated = fc
      .tuple(
        fc.constantFrom(
          'enabled',
          'language',
          'card',
          'sites',
          'appearance',
          'entities',
          'version',
        ),
        fc.anything(),
      )
      .map(([key, value]) => JSON.stringify({ ...exported(), [key]: value }));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), mutated), (text) => {
        const result = parseSettingsImport(text);
        if (result.ok) {
          expect(SettingsSchema.safeParse(result.settings).success).toBe(true);
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) {
            expect(problem.reason.en.length).toBeGreaterThan(0);
            expect(problem.reason.zh.length).toBeGreaterThan(0);
            // zod/mini's one wording for every issue must never reach a reader.
            expect(problem.reason.en).not.toMatch(/invalid input/i);
            // Nor its names for types.
            expect(`${problem.reason.en} ${problem.reason.zh}`).not.toMatch(/record|\bint\b/);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});
