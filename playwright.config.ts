import { defineConfig } from '@playwright/test';
import type { EngineOption } from './tests/e2e/harness/fixtures';

// Every spec runs once per engine: Chromium through Playwright, Firefox through
// puppeteer-core over WebDriver BiDi (Playwright's Firefox needs its own patched build).
export default defineConfig<EngineOption>({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  outputDir: process.env.ZF_OUT ? `${process.env.ZF_OUT}/test-results` : 'test-results',
  reporter: process.env.PW_JSON
    ? [['list'], ['json', { outputFile: process.env.PW_JSON }]]
    : 'list',
  projects: [
    { name: 'chromium', use: { engine: 'chromium' } },
    { name: 'firefox', use: { engine: 'firefox' } },
  ],
});
