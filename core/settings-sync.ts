import { jsonEqual } from './json-equal';
import { defaultSettings, SETTINGS_VERSION, type Settings } from './settings';
import { settingKeys, VERSION_KEY, type StoredSettings } from './settings-keys';
import { retiredKeys, storedVersion } from './settings-migrations';

/**
 * What storage should hold for `settings`: only the keys that differ from the defaults, so a
 * new device, whose settings are all defaults, has nothing to push over a reader's choices.
 */
export function toStoredSettings(settings: Settings): StoredSettings {
  const defaults = defaultSettings();
  const stored: StoredSettings = {};
  for (const key of settingKeys()) {
    const value = key.read(settings);
    if (!jsonEqual(value, key.read(defaults))) stored[key.key] = value;
  }
  return stored;
}

export interface StorageWrite {
  set: StoredSettings;
  remove: string[];
}

/**
 * The smallest set of storage operations that turns `current` (what the store holds now, in
 * any layout) into the store for `next`: changed keys are set, keys back at their default and
 * keys of retired layouts are removed, and keys we do not know (a newer version's) are left
 * alone. Touching only changed keys keeps a concurrent edit of another key on another device.
 */
export function planStorageWrite(current: StoredSettings, next: Settings): StorageWrite {
  const wanted = toStoredSettings(next);
  const set: StoredSettings = {};
  const remove: string[] = [];
  for (const { key } of settingKeys()) {
    if (Object.hasOwn(wanted, key)) {
      if (!jsonEqual(current[key], wanted[key])) set[key] = wanted[key];
    } else if (Object.hasOwn(current, key)) {
      remove.push(key);
    }
  }
  remove.push(...retiredKeys.filter((key) => Object.hasOwn(current, key)));

  const remaining = Object.keys(current).filter(
    (key) => key !== VERSION_KEY && !remove.includes(key),
  );
  const hasContent = remaining.length > 0 || Object.keys(set).length > 0;
  const version = Object.hasOwn(current, VERSION_KEY) ? storedVersion(current) : undefined;
  if (hasContent) {
    // Never write a newer version's marker down: its own migrations would then run again.
    if (version === undefined || version < SETTINGS_VERSION || current[VERSION_KEY] !== version) {
      set[VERSION_KEY] = Math.max(version ?? SETTINGS_VERSION, SETTINGS_VERSION);
    }
  } else if (Object.hasOwn(current, VERSION_KEY)) {
    remove.push(VERSION_KEY);
  }
  return { set, remove };
}

export function isEmptyWrite(write: StorageWrite): boolean {
  return write.remove.length === 0 && Object.keys(write.set).length === 0;
}

/** Every storage key settings may use: a change elsewhere in storage is some other part's. */
export function settingsStorageKeys(): Set<string> {
  return new Set([VERSION_KEY, ...retiredKeys, ...settingKeys().map(({ key }) => key)]);
}
