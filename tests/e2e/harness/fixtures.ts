import { test as base } from '@playwright/test';
import { resolve } from 'node:path';
import { launchExtensionBrowser, type Engine, type ExtensionBrowser } from './extension-browser';
import { startStaticServer } from './static-server';

export interface EngineOption {
  engine: Engine;
}

interface WorkerFixtures {
  engine: Engine;
  /** The built extension loaded into a real browser, one per worker. */
  extBrowser: ExtensionBrowser;
  /** Origin of the fixture server (tests/fixtures on 127.0.0.1). */
  fixtures: string;
}

export const test = base.extend<object, WorkerFixtures>({
  engine: ['chromium', { option: true, scope: 'worker' }],
  extBrowser: [
    async ({ engine }, use) => {
      const browser = await launchExtensionBrowser(engine);
      await use(browser);
      const foreign = [...browser.foreignRequests];
      await browser.close();
      // Privacy: the extension never reaches the network; this fails the run if it ever did.
      if (foreign.length > 0) {
        throw new Error(`requests left the machine during the tests:\n${foreign.join('\n')}`);
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  fixtures: [
    // Playwright reads a fixture's dependencies from its first parameter's pattern; none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startStaticServer(resolve('tests/fixtures'));
      await use(server.origin);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';
