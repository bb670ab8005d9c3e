import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** The property tests' seed: fixed unless FUZZ_SEED says otherwise (a number, or `random`). */
function fuzzSeed(): number {
  const wanted = process.env.FUZZ_SEED;
  if (wanted === undefined || wanted === '') return 20261129;
  if (wanted === 'random') {
    const seed = Math.floor(Math.random() * 2 ** 31);
    console.log(`FUZZ_SEED=${seed}`);
    return seed;
  }
  const seed = Number(wanted);
  if (!Number.isSafeInteger(seed))
    throw new Error(`FUZZ_SEED must be a whole number or "random", not "${wanted}"`);
  return seed;
}

const provide = { fuzzSeed: fuzzSeed() };
const setupFiles = ['tests/support/fuzz-seed.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          environment: 'node',
          provide,
          setupFiles,
          include: ['tests/unit/**/*.test.{ts,tsx}'],
        },
      },
      {
        // The page layer uses no extension APIs, so no WXT plugin here (its setup module
        // cannot load in browser mode); only the path alias is needed.
        plugins: [preact()],
        resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.{ts,tsx}'],
          provide,
          setupFiles,
          browser: {
            enabled: true,
            headless: true,
            // Debian's Chromium: test tools may not download browsers of their own here.
            provider: playwright({
              launchOptions: {
                executablePath: '/usr/bin/chromium',
                args: ['--no-sandbox', '--disable-background-networking'],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
