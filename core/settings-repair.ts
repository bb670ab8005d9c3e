import { defaultSettings, SettingsSchema, type Settings } from './settings';
import { settingKeys, type StoredSettings } from './settings-keys';
import { migrateStoredSettings } from './settings-migrations';

export interface RepairResult {
  settings: Settings;
  /**
   * What could not be read and took its default: setting keys ('card.delayMs') or single list
   * entries ('sites.blocked[2]'). Empty when everything stored was kept.
   */
  resetKeys: string[];
}

/**
 * Reads stored settings of any layout version, however damaged: each key that fails validation
 * takes its default and is reported, every other key is kept. Never throws.
 */
export function repairSettings(raw: unknown): RepairResult {
  const fallback = defaultSettings();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { settings: fallback, resetKeys: [] };
  }
  try {
    // Nothing stored, as for a reader who never changed a setting: the defaults, which a unit
    // test checks against the schema. Checking them again would cost every page load the parse.
    if (Object.keys(raw).length === 0) return { settings: fallback, resetKeys: [] };
    const { stored } = migrateStoredSettings(raw as StoredSettings);
    const settings = defaultSettings();
    const resetKeys: string[] = [];
    for (const key of settingKeys()) {
      const value = stored[key.key];
      if (value !== undefined) resetKeys.push(...key.load(settings, value));
    }
    // Each key was checked alone; this guards the whole against a key table that falls behind
    // the schema (a meta-test keeps them in step).
    const whole = SettingsSchema.safeParse(settings);
    return whole.success
      ? { settings: whole.data, resetKeys }
      : { settings: fallback, resetKeys: ['*'] };
  } catch {
    // Getters or proxies in a hand-built object can throw; a page must never see that.
    return { settings: fallback, resetKeys: ['*'] };
  }
}
