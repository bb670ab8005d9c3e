/**
 * Chromium with the built extension, as the screenshot scripts need it: a throwaway profile, the
 * colour scheme and window size of the shot, and the extension's origin. Not the e2e harness's
 * launcher: a shot needs the scheme, language and screen set at launch, which tests do not.
 */
import { chromium, type BrowserContext, type LaunchOptions } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  builtExtensionDir,
  CHROMIUM,
  chromiumExtensionArgs,
} from '../../tests/e2e/harness/extension-browser';

export interface ShotBrowserOptions {
  scheme: 'light' | 'dark';
  viewport: { width: number; height: number };
  locale?: string;
  deviceScaleFactor?: number;
  /** Flags beyond the ones every shot needs. */
  extraArgs?: string[];
  /** Called with the fresh profile folder before Chromium starts (e.g. to write preferences). */
  prepareProfile?: (profile: string) => void;
}

export interface ShotBrowser {
  context: BrowserContext;
  profile: string;
  /** `chrome-extension://<id>` */
  extensionOrigin: string;
  close(): Promise<void>;
}

/** The one extension API the shot scripts call from extension pages. */
export interface ChromeGlobal {
  chrome: { storage: { sync: { set(items: Record<string, unknown>): Promise<void> } } };
}

export async function launchShotBrowser(options: ShotBrowserOptions): Promise<ShotBrowser> {
  const dir = builtExtensionDir('chromium');
  const profile = mkdtempSync(join(tmpdir(), 'zf-shots-'));
  options.prepareProfile?.(profile);
  const launchOptions: LaunchOptions = {
    executablePath: CHROMIUM,
    headless: true,
    args: [...chromiumExtensionArgs(dir), ...(options.extraArgs ?? [])],
  };
  const context = await chromium.launchPersistentContext(profile, {
    ...launchOptions,
    colorScheme: options.scheme,
    viewport: options.viewport,
    ...(options.locale === undefined ? {} : { locale: options.locale }),
    ...(options.deviceScaleFactor === undefined
      ? {}
      : { deviceScaleFactor: options.deviceScaleFactor }),
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  return {
    context,
    profile,
    extensionOrigin: `chrome-extension://${new URL(worker.url()).host}`,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
