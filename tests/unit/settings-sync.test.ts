import { describe, expect, it } from 'vitest';
import { defaultSettings, SETTINGS_VERSION } from '../../core/settings';
import { repairSettings } from '../../core/settings-repair';
import { planStorageWrite, settingsStorageKeys, toStoredSettings } from '../../core/settings-sync';

describe('toStoredSettings', () => {
  it('stores nothing for the defaults', () => {
    expect(toStoredSettings(defaultSettings())).toEqual({});
  });

  it('stores each changed setting under its own key', () => {
    const settings = defaultSettings();
    settings.entities['glm-4'] = false;
    settings.card.delayMs = 800;
    settings.appearance.models = { color: '#000000', style: 'both' };
    expect(toStoredSettings(settings)).toEqual({
      'entities.glm-4': false,
      'card.delayMs': 800,
      'appearance.models': { color: '#000000', style: 'both' },
    });
  });

  it('treats an entity the settings do not list yet as at its default (on)', () => {
    const settings = defaultSettings();
    delete settings.entities['glm-4'];
    settings.entities['zhipu-ai'] = false;
    expect(toStoredSettings(settings)).toStrictEqual({ 'entities.zhipu-ai': false });
  });
});

describe('planStorageWrite', () => {
  it('on a new device (defaults) writes nothing over a synced choice', () => {
    const synced = { version: SETTINGS_VERSION, 'entities.glm-4': false, language: 'zh' };
    // A new device starts from what it reads; if it only reads defaults (sync not arrived),
    // it writes nothing until the reader changes something, and then only that key.
    expect(planStorageWrite(synced, repairSettings(synced).settings)).toEqual({
      set: {},
      remove: [],
    });
    const fresh = defaultSettings();
    fresh.card.trigger = 'click';
    expect(planStorageWrite({}, fresh)).toEqual({
      set: { 'card.trigger': 'click', version: SETTINGS_VERSION },
      remove: [],
    });
  });

  it('removes a key that went back to its default', () => {
    const current = { version: 2, 'entities.glm-4': false, language: 'zh' };
    const next = repairSettings(current).settings;
    next.entities['glm-4'] = true;
    expect(planStorageWrite(current, next)).toEqual({ set: {}, remove: ['entities.glm-4'] });
  });

  it('removes the version too when nothing else is left', () => {
    expect(planStorageWrite({ version: 2, language: 'zh' }, defaultSettings())).toEqual({
      set: {},
      remove: ['language', 'version'],
    });
  });

  it('sets only keys whose value changed, comparing structure not key order', () => {
    const current = {
      version: 2,
      'appearance.models': { style: 'both', color: '#000000' },
      'sites.blocked': ['a.com'],
    };
    const next = repairSettings(current).settings;
    next.sites.blocked = ['a.com', 'b.com'];
    expect(planStorageWrite(current, next)).toEqual({
      set: { 'sites.blocked': ['a.com', 'b.com'] },
      remove: [],
    });
  });

  it('overwrites a broken value and removes retired keys', () => {
    const current = { version: 1, 'card.delayMs': 'slow', 'sites.list': ['a.com'] };
    const next = repairSettings(current).settings;
    expect(planStorageWrite(current, next)).toEqual({
      set: { 'sites.blocked': ['a.com'], version: 2 },
      remove: ['card.delayMs', 'sites.list'],
    });
  });

  it("leaves a newer version's keys and version marker alone", () => {
    const current = { version: 7, 'card.position': 'left', language: 'en' };
    const next = repairSettings(current).settings;
    next.language = 'zh';
    expect(planStorageWrite(current, next)).toEqual({ set: { language: 'zh' }, remove: [] });
  });
});

describe('settingsStorageKeys', () => {
  it('knows every stored key and no stranger', () => {
    const keys = settingsStorageKeys();
    expect(keys.has('entities.glm-4')).toBe(true);
    expect(keys.has('sites.list')).toBe(true);
    expect(keys.has('version')).toBe(true);
    expect(keys.has('popup.lastView')).toBe(false);
  });
});
