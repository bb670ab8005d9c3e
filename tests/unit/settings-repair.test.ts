import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { defaultSettings, SettingsSchema } from '../../core/settings';
import { repairSettings } from '../../core/settings-repair';
import { toStoredSettings } from '../../core/settings-sync';

describe('repairSettings', () => {
  it('reads an empty store as the defaults, with nothing reported', () => {
    expect(repairSettings({})).toEqual({ settings: defaultSettings(), resetKeys: [] });
  });

  it('gives an empty store the defaults without parsing them again', () => {
    const parse = vi.spyOn(SettingsSchema, 'safeParse');
    expect(repairSettings({}).settings).toEqual(defaultSettings());
    expect(parse).not.toHaveBeenCalled();
    // Anything stored is parsed as a whole after its keys are read.
    repairSettings({ version: 2 });
    expect(parse).toHaveBeenCalledTimes(1);
    parse.mockRestore();
  });

  it('resets only the keys that fail, keeping the rest (a hand-edited store)', () => {
    const { settings, resetKeys } = repairSettings({
      version: 2,
      language: 'zh',
      'card.delayMs': -20,
      'card.trigger': 'click',
      'appearance.models': { color: 'purple', style: 'both' },
      'appearance.benchmarks': { color: '#123456', style: 'background' },
      'entities.glm-4': 'off',
      'entities.zhipu-ai': false,
    });
    expect(resetKeys.sort()).toEqual(['appearance.models', 'card.delayMs', 'entities.glm-4']);
    const defaults = defaultSettings();
    expect(settings.language).toBe('zh');
    expect(settings.card).toEqual({ ...defaults.card, trigger: 'click' });
    expect(settings.appearance.models).toEqual(defaults.appearance.models);
    expect(settings.appearance.benchmarks).toEqual({ color: '#123456', style: 'background' });
    expect(settings.entities['glm-4']).toBe(true);
    expect(settings.entities['zhipu-ai']).toBe(false);
  });

  it('keeps the valid entries of a site list and names the dropped ones', () => {
    const { settings, resetKeys } = repairSettings({
      'sites.blocked': ['Example.com', 'not a host', null, 'b.org'],
    });
    expect(settings.sites.blocked).toEqual(['example.com', 'b.org']);
    expect(resetKeys).toEqual(['sites.blocked[1]', 'sites.blocked[2]']);
  });

  it('reads what it understands of a store written by a newer version', () => {
    const { settings, resetKeys } = repairSettings({
      version: 9,
      language: 'en',
      'card.trigger': 'long-press',
      'card.position': 'left',
      'entities.a-future-entity': false,
    });
    expect(settings.language).toBe('en');
    expect(settings.card.trigger).toBe('hover');
    expect(resetKeys).toEqual(['card.trigger']);
    expect(settings.entities).not.toHaveProperty('a-future-entity');
  });

  it('falls back to the defaults for things that are not a store at all', () => {
    for (const raw of [null, undefined, 42, 'text', [1, 2]]) {
      expect(repairSettings(raw).settings).toEqual(defaultSettings());
    }
  });

  it('survives an object whose properties throw when read', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
        ownKeys: () => ['language'],
        getOwnPropertyDescriptor: () => ({ configurable: true, enumerable: true, value: 1 }),
      },
    );
    expect(repairSettings(hostile)).toEqual({ settings: defaultSettings(), resetKeys: ['*'] });
  });

  it('round-trips what the store writes', () => {
    const settings = defaultSettings();
    settings.language = 'zh';
    settings.entities['gpt-4'] = false;
    settings.sites = { mode: 'only', blocked: ['x.org'], allowed: ['*.example.com'] };
    expect(repairSettings(toStoredSettings(settings))).toEqual({ settings, resetKeys: [] });
  });

  it('always gives valid settings and keeps every valid key, whatever is stored', () => {
    const junk = fc.oneof(
      fc.anything(),
      fc.constantFrom(true, false, 0, 300, 2001, 'zh', 'click', '#abcdef', ['a.com']),
    );
    const keys = fc.constantFrom(
      'version',
      'enabled',
      'language',
      'card.delayMs',
      'card.trigger',
      'sites.mode',
      'sites.blocked',
      'appearance.models',
      'entities.glm-4',
      'entities.unknown',
      'sites.list',
      '__proto__',
    );
    fc.assert(
      fc.property(fc.dictionary(keys, junk), (stored) => {
        const { settings, resetKeys } = repairSettings(stored);
        expect(SettingsSchema.safeParse(settings).success).toBe(true);
        // A key that was neither reported nor taken back to its default must hold what was stored.
        if (typeof stored.language === 'string' && !resetKeys.includes('language')) {
          expect(settings.language).toBe(stored.language);
        }
        if (stored['card.delayMs'] !== undefined && !resetKeys.includes('card.delayMs')) {
          expect(settings.card.delayMs).toBe(stored['card.delayMs']);
        }
      }),
      { numRuns: 500 },
    );
  });
});
