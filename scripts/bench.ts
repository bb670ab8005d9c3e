/**
 * `npm run bench`: the matcher bench, then the page bench, one after the other (they would
 * only slow each other down in parallel). Arguments go to the page bench (`--quick`,
 * `--only NAME`, `--no-build`); the matcher bench takes none. Fails if either fails.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const pageArgs = process.argv.slice(2);

function run(script: string, args: readonly string[]): boolean {
  console.log(`\n== ${script} ${args.join(' ')}`.trimEnd());
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(HERE, script), ...args], {
    stdio: 'inherit',
  });
  if (result.error !== undefined) console.error(result.error.message);
  return result.status === 0;
}

const matcherOk = run('bench-matcher.ts', []);
const pageOk = run('bench-page.ts', pageArgs);
if (!matcherOk || !pageOk) process.exitCode = 1;
