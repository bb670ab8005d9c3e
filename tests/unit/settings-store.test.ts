import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, SETTINGS_VERSION, type Settings } from '../../core/settings';
import {
  loadSettings,
  loadSettingsReport,
  replaceSettings,
  SettingsWriteError,
  updateSettings,
  watchSettings,
} from '../../platform/settings-store';

const sync = () => fakeBrowser.storage.sync;

/** Resolves after the watcher's settle delay has certainly passed. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 80));

beforeEach(() => {
  fakeBrowser.reset();
});

describe('loadSettings', () => {
  it('gives the defaults on a fresh install', async () => {
    expect(await loadSettings()).toEqual(defaultSettings());
  });

  it('keeps good keys and reports broken ones', async () => {
    await sync().set({ version: 2, 'card.delayMs': 'fast', 'entities.glm-4': false });
    const report = await loadSettingsReport();
    expect(report.resetKeys).toEqual(['card.delayMs']);
    expect(report.settings.card.delayMs).toBe(defaultSettings().card.delayMs);
    expect(report.settings.entities['glm-4']).toBe(false);
  });

  it('reads an older layout through the migrations without writing anything', async () => {
    await sync().set({ version: 1, 'sites.list': ['example.com'] });
    const settings = await loadSettings();
    expect(settings.sites.blocked).toEqual(['example.com']);
    expect(await sync().get(null)).toEqual({ version: 1, 'sites.list': ['example.com'] });
  });
});

describe('updateSettings', () => {
  it('stores only what differs from the defaults', async () => {
    await updateSettings((s) => ({ ...s, entities: { ...s.entities, 'glm-4': false } }));
    expect(await sync().get(null)).toEqual({ version: SETTINGS_VERSION, 'entities.glm-4': false });
  });

  it('removes a key that is back at its default', async () => {
    await updateSettings((s) => ({ ...s, language: 'zh' }));
    await updateSettings((s) => ({ ...s, language: 'auto' }));
    expect(await sync().get(null)).toEqual({});
  });

  it('does not overwrite a key another device changed meanwhile', async () => {
    await sync().set({ version: 2, language: 'zh' });
    await updateSettings((s) => ({ ...s, card: { ...s.card, delayMs: 500 } }));
    expect(await sync().get(null)).toEqual({ version: 2, language: 'zh', 'card.delayMs': 500 });
  });

  it('lands two quick updates from the same page', async () => {
    await Promise.all([
      updateSettings((s) => ({ ...s, language: 'en' })),
      updateSettings((s) => ({ ...s, enabled: false })),
    ]);
    const settings = await loadSettings();
    expect(settings.language).toBe('en');
    expect(settings.enabled).toBe(false);
  });

  it('persists a migration on the next write and drops the retired key', async () => {
    await sync().set({ version: 1, 'sites.mode': 'only', 'sites.list': ['a.example'] });
    await updateSettings((s) => ({ ...s, language: 'en' }));
    expect(await sync().get(null)).toEqual({
      version: 2,
      'sites.mode': 'only',
      'sites.allowed': ['a.example'],
      language: 'en',
    });
  });

  it('refuses an invalid result and changes nothing', async () => {
    const bad = (s: Settings): Settings => ({ ...s, card: { ...s.card, delayMs: -1 } });
    await expect(updateSettings(bad)).rejects.toBeInstanceOf(SettingsWriteError);
    // zod/mini words every issue alike; the error names the field instead.
    await expect(updateSettings(bad)).rejects.toThrow('card.delayMs: too_small');
    expect(await sync().get(null)).toEqual({});
  });
});

describe('replaceSettings', () => {
  it('resets to defaults by emptying the store of our keys only', async () => {
    await sync().set({ version: 2, 'entities.glm-4': false, 'entities.from-the-future': false });
    await replaceSettings(defaultSettings());
    expect(await sync().get(null)).toEqual({ version: 2, 'entities.from-the-future': false });
  });
});

describe('watchSettings', () => {
  it('fires once per update, even when the update both sets and removes keys', async () => {
    await sync().set({ version: 2, language: 'zh' });
    const seen: Settings[] = [];
    const stop = watchSettings((s) => seen.push(s));
    await updateSettings((s) => ({ ...s, language: 'auto', enabled: false }));
    await settle();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.enabled).toBe(false);
    expect(seen[0]?.language).toBe('auto');
    stop();
  });

  it('ignores keys that are not settings and stops when asked', async () => {
    const callback = vi.fn();
    const stop = watchSettings(callback);
    await sync().set({ 'popup.lastView': 'tables' });
    await settle();
    expect(callback).not.toHaveBeenCalled();
    stop();
    await updateSettings((s) => ({ ...s, enabled: false }));
    await settle();
    expect(callback).not.toHaveBeenCalled();
  });
});

describe('the first read', () => {
  it('is one request: reading storage.sync whole also tells that it is on', async () => {
    vi.resetModules();
    await sync().set({ version: 2, language: 'zh' });
    const syncGet = vi.spyOn(fakeBrowser.storage.sync, 'get');
    const localGet = vi.spyOn(fakeBrowser.storage.local, 'get');
    const store = await import('../../platform/settings-store');
    expect((await store.loadSettings()).language).toBe('zh');
    expect(syncGet.mock.calls).toEqual([[null]]);
    expect(localGet).not.toHaveBeenCalled();
    // Later reads go straight to the area chosen.
    expect((await store.loadSettings()).language).toBe('zh');
    expect(syncGet).toHaveBeenCalledTimes(2);
    expect(localGet).not.toHaveBeenCalled();
    syncGet.mockRestore();
    localGet.mockRestore();
  });

  it('falls back to storage.local in the same read when storage.sync refuses', async () => {
    vi.resetModules();
    await fakeBrowser.storage.local.set({ version: 2, language: 'zh' });
    const failing = vi
      .spyOn(fakeBrowser.storage.sync, 'get')
      .mockRejectedValue(new Error('storage.sync is disabled'));
    const store = await import('../../platform/settings-store');
    expect((await store.loadSettings()).language).toBe('zh');
    expect(failing).toHaveBeenCalledTimes(1);
    failing.mockRestore();
  });
});

describe('when storage.sync is unavailable', () => {
  it('keeps settings in storage.local on this device', async () => {
    vi.resetModules();
    const failing = vi
      .spyOn(fakeBrowser.storage.sync, 'get')
      .mockRejectedValue(new Error('storage.sync is disabled'));
    const store = await import('../../platform/settings-store');
    await store.updateSettings((s) => ({ ...s, language: 'zh' }));
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ version: 2, language: 'zh' });
    expect((await store.loadSettings()).language).toBe('zh');
    failing.mockRestore();
  });
});
