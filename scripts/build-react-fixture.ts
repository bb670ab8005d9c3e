/**
 * Bundles the React test page (tests/fixtures/engine/react/app.js) with React from npm into
 * tests/fixtures/vendor/react-fixture.js, a folder the formatter and linter leave alone (it is
 * mostly React's own minified code). Run: `npx tsx scripts/build-react-fixture.ts`; the
 * page-engine e2e spec also calls `buildReactFixture()` before it runs.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const SOURCE = fileURLToPath(new URL('../tests/fixtures/engine/react/app.js', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../tests/fixtures/vendor/react-fixture.js', import.meta.url));

export async function buildReactFixture(): Promise<string> {
  const outfile = BUNDLE;
  await build({
    entryPoints: [SOURCE],
    outfile,
    bundle: true,
    format: 'iife',
    target: 'es2022',
    // React's production build: the development one logs warnings the tests would count.
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildReactFixture().then(
    (file) => console.log(`built ${file}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
