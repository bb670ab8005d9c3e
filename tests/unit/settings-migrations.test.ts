import { describe, expect, it } from 'vitest';
import { SETTINGS_VERSION } from '../../core/settings';
import {
  FIRST_VERSION,
  migrateStoredSettings,
  migrations,
  type SettingsMigration,
} from '../../core/settings-migrations';
import { repairSettings } from '../../core/settings-repair';

describe('the migration list', () => {
  it('has one numbered step per version, in order, ending at the current version', () => {
    const versions = migrations.map((step) => step.version);
    const expected = Array.from(
      { length: SETTINGS_VERSION - FIRST_VERSION },
      (_, i) => FIRST_VERSION + 1 + i,
    );
    expect(versions).toEqual(expected);
  });

  it('documents every step', () => {
    for (const step of migrations) expect(step.describe.length).toBeGreaterThan(40);
  });
});

describe('v1 -> v2: one site list per mode', () => {
  it("moves an 'all-except' list to sites.blocked", () => {
    const before = {
      version: 1,
      'sites.mode': 'all-except',
      'sites.list': ['a.com'],
      language: 'zh',
    };
    const { stored, applied } = migrateStoredSettings(before);
    expect(applied).toEqual([2]);
    expect(stored).toEqual({
      version: 2,
      'sites.mode': 'all-except',
      'sites.blocked': ['a.com'],
      language: 'zh',
    });
  });

  it("moves an 'only' list to sites.allowed, so the mode keeps its meaning", () => {
    const before = { version: 1, 'sites.mode': 'only', 'sites.list': ['a.com', 'b.org'] };
    const after = repairSettings(before).settings;
    expect(after.sites).toEqual({ mode: 'only', blocked: [], allowed: ['a.com', 'b.org'] });
  });

  it('treats a missing mode as the default mode', () => {
    const { stored } = migrateStoredSettings({ version: 1, 'sites.list': ['a.com'] });
    expect(stored['sites.blocked']).toEqual(['a.com']);
  });

  it('carries a broken v1 list across for repair to judge, instead of dropping it', () => {
    const { resetKeys, settings } = repairSettings({ version: 1, 'sites.list': ['ok.com', 7] });
    expect(settings.sites.blocked).toEqual(['ok.com']);
    expect(resetKeys).toEqual(['sites.blocked[1]']);
  });

  it('does nothing to a store without a site list', () => {
    const before = { version: 1, 'entities.glm-4': false };
    expect(migrateStoredSettings(before).stored).toEqual({ version: 2, 'entities.glm-4': false });
  });
});

describe('the mechanism', () => {
  const step = (version: number, from: string, to: string): SettingsMigration => ({
    version,
    describe: `renames ${from} to ${to}`,
    retiredKeys: [from],
    migrate: ({ [from]: value, ...rest }) =>
      value === undefined ? rest : { ...rest, [to]: value },
  });
  const steps = [step(2, 'a', 'b'), step(3, 'b', 'c')];

  it('runs every step after the stored version, in order', () => {
    const result = migrateStoredSettings({ version: 1, a: 'x' }, steps);
    expect(result).toEqual({
      stored: { version: 3, c: 'x' },
      from: 1,
      applied: [2, 3],
      newer: false,
    });
  });

  it('skips the steps a store has already been through', () => {
    expect(migrateStoredSettings({ version: 2, b: 'x' }, steps).applied).toEqual([3]);
  });

  it('treats keys without a readable version as the first layout', () => {
    for (const version of [undefined, 'two', -4, 1.5]) {
      expect(migrateStoredSettings({ version, a: 'x' }, steps).stored).toEqual({
        version: 3,
        c: 'x',
      });
    }
  });

  it('treats an empty store as current: nothing to migrate', () => {
    expect(migrateStoredSettings({}, steps)).toMatchObject({ applied: [], from: 3 });
  });

  it('leaves a store from a newer version untouched', () => {
    const newer = { version: 4, d: 'x' };
    expect(migrateStoredSettings(newer, steps)).toEqual({
      stored: newer,
      from: 4,
      applied: [],
      newer: true,
    });
  });

  it('does not change its input', () => {
    const before = { version: 1, a: 'x' };
    migrateStoredSettings(before, steps);
    expect(before).toEqual({ version: 1, a: 'x' });
  });
});
