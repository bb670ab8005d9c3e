import { browser, type Browser } from 'wxt/browser';
import { SettingsSchema, type Settings } from '../core/settings';
import type { StoredSettings } from '../core/settings-keys';
import { repairSettings, type RepairResult } from '../core/settings-repair';
import { isEmptyWrite, planStorageWrite, settingsStorageKeys } from '../core/settings-sync';

type StorageArea = Browser.storage.StorageArea;
type AreaName = 'sync' | 'local';

/** The browser refused to store the settings (storage.sync quota, or a caller's invalid value). */
export class SettingsWriteError extends Error {
  override name = 'SettingsWriteError';
}

let chosenArea: Promise<AreaName> | undefined;

/**
 * storage.sync follows the reader across devices; when it is switched off (Firefox with
 * `webextensions.storage.sync.enabled` false, or a policy), settings live in storage.local on
 * this device instead. A read of storage.sync that answers tells that it is on.
 */
function areaAnswering(syncRead: Promise<unknown>): Promise<AreaName> {
  return syncRead.then(
    (): AreaName => 'sync',
    (): AreaName => 'local',
  );
}

function settingsAreaName(): Promise<AreaName> {
  chosenArea ??= areaAnswering(browser.storage.sync.get('version'));
  return chosenArea;
}

async function settingsArea(): Promise<StorageArea> {
  return (await settingsAreaName()) === 'sync' ? browser.storage.sync : browser.storage.local;
}

/**
 * The first read chooses the area too: storage.sync read whole answers both questions in one
 * request, which a content script waits for before it can highlight anything.
 */
async function readChoosingArea(): Promise<StoredSettings> {
  const read = browser.storage.sync.get<StoredSettings>(null);
  chosenArea = areaAnswering(read);
  try {
    return await read;
  } catch {
    return await browser.storage.local.get<StoredSettings>(null);
  }
}

async function readStored(): Promise<StoredSettings> {
  try {
    if (chosenArea === undefined) return await readChoosingArea();
    const area = await settingsArea();
    return await area.get<StoredSettings>(null);
  } catch {
    // An orphaned content script (extension updated under it) can no longer read storage.
    return {};
  }
}

/** The settings, with what could not be read reset to defaults and reported. Never throws. */
export async function loadSettingsReport(): Promise<RepairResult> {
  return repairSettings(await readStored());
}

/** The settings, repaired key by key where the store is damaged. Never throws. */
export async function loadSettings(): Promise<Settings> {
  return (await loadSettingsReport()).settings;
}

async function write(current: StoredSettings, next: Settings): Promise<void> {
  const parsed = SettingsSchema.safeParse(next);
  if (!parsed.success) {
    // zod/mini gives every issue the same message; the code and the path say what is wrong.
    const issues = parsed.error.issues.map(({ code, path }) => `${path.join('.')}: ${code}`);
    throw new SettingsWriteError(`invalid settings (${issues.join('; ')})`);
  }
  const plan = planStorageWrite(current, parsed.data);
  if (isEmptyWrite(plan)) return;
  const area = await settingsArea();
  try {
    // Both requests leave in the same task, so a watcher that reads after the first onChanged
    // event is queued behind the second and sees the finished write, not half of it.
    await Promise.all([
      plan.remove.length > 0 ? area.remove(plan.remove) : undefined,
      Object.keys(plan.set).length > 0 ? area.set(plan.set) : undefined,
    ]);
  } catch (error) {
    throw new SettingsWriteError(error instanceof Error ? error.message : String(error));
  }
}

// Read-modify-write steps from this page run one after another, so two quick toggles both land.
let queue: Promise<unknown> = Promise.resolve();

function enqueue(task: () => Promise<void>): Promise<void> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Changes some settings. Only the keys that changed are written, so a concurrent change of
 * other keys (another tab, another device) survives. Rejects with SettingsWriteError when the
 * result is invalid or the browser refuses to store it.
 */
export function updateSettings(mutate: (settings: Settings) => Settings): Promise<void> {
  return enqueue(async () => {
    const current = await readStored();
    const { settings } = repairSettings(current);
    await write(current, mutate(structuredClone(settings)));
  });
}

/** Replaces all settings (import, reset to defaults, undo). */
export function replaceSettings(next: Settings): Promise<void> {
  return enqueue(async () => write(await readStored(), next));
}

/**
 * Calls `callback` with the new settings after each change to them, from any tab or device.
 * Returns the function that stops watching.
 */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  const keys = settingsStorageKeys();
  let stopped = false;
  let last: string | undefined;
  let reading = false;
  let dirty = false;

  // No timers: background tabs throttle them to a second or more, and a change should reach
  // every tab at once. One read at a time; events during a read cause one more read after it.
  const refresh = async () => {
    if (reading) {
      dirty = true;
      return;
    }
    reading = true;
    do {
      dirty = false;
      const settings = await loadSettings();
      const seen = JSON.stringify(settings);
      if (!stopped && seen !== last) {
        last = seen;
        callback(settings);
      }
    } while (dirty && !stopped);
    reading = false;
  };

  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (!Object.keys(changes).some((key) => keys.has(key))) return;
    void settingsAreaName().then((name) => {
      if (!stopped && name === areaName) void refresh();
    });
  };

  browser.storage.onChanged.addListener(listener);
  return () => {
    stopped = true;
    browser.storage.onChanged.removeListener(listener);
  };
}
