import { SETTINGS_VERSION } from './settings';
import { VERSION_KEY, type StoredSettings } from './settings-keys';

/**
 * One step of the stored layout, from `version - 1` to `version`. Each step is pure, returns a
 * new object, leaves keys it does not know alone, and is a no-op when its input keys are absent
 * (so a hand-edited store without a version can run every step safely).
 */
export interface SettingsMigration {
  version: number;
  /** What changed and why, for readers of this file. */
  describe: string;
  /** Keys of the older layout this step replaces; writers delete them from storage. */
  retiredKeys: readonly string[];
  migrate(stored: StoredSettings): StoredSettings;
}

/** The first stored layout; a store with keys but no readable version is taken to be this. */
export const FIRST_VERSION = 1;

export const migrations: readonly SettingsMigration[] = [
  {
    version: 2,
    describe:
      "v1 kept one site list whose meaning flipped with the mode, so switching to 'only' turned " +
      'the sites a reader had switched off into the only sites where highlights ran. v2 keeps ' +
      "one list per mode: v1's list moves to the list of the mode it was written for.",
    retiredKeys: ['sites.list'],
    migrate: (stored) => {
      const { 'sites.list': list, ...rest } = stored;
      if (list === undefined) return rest;
      const target = stored['sites.mode'] === 'only' ? 'sites.allowed' : 'sites.blocked';
      return { ...rest, [target]: list };
    },
  },
];

/** Every key some migration retired: stale copies of them are removed on the next write. */
export const retiredKeys: readonly string[] = migrations.flatMap((step) => step.retiredKeys);

export interface MigrationResult {
  stored: StoredSettings;
  /** The layout version the store said it had. */
  from: number;
  /** Versions of the steps that ran, in order. */
  applied: number[];
  /** Written by a newer version of the extension: read what we understand, migrate nothing. */
  newer: boolean;
}

export function storedVersion(stored: StoredSettings): number {
  const version = stored[VERSION_KEY];
  return Number.isInteger(version) && (version as number) >= FIRST_VERSION
    ? (version as number)
    : FIRST_VERSION;
}

/** Brings a store of any older layout to the current one, in memory. */
export function migrateStoredSettings(
  stored: StoredSettings,
  steps: readonly SettingsMigration[] = migrations,
): MigrationResult {
  // The meta-test holds the last step's version equal to SETTINGS_VERSION.
  const target = steps.at(-1)?.version ?? SETTINGS_VERSION;
  const from = Object.keys(stored).length === 0 ? target : storedVersion(stored);
  if (from > target) return { stored, from, applied: [], newer: true };
  let current = stored;
  const applied: number[] = [];
  for (const step of steps) {
    if (step.version <= from) continue;
    current = step.migrate(current);
    applied.push(step.version);
  }
  return { stored: { ...current, [VERSION_KEY]: target }, from, applied, newer: false };
}
