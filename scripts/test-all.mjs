// Runs every check CI runs, in order, and ends with one line of totals: `N passed, N failed`.
// Test runners report their own counts; each other check (format, lint, types, build, manifest
// lint) counts as one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const REPORTS = '.test-reports';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(cmd, args, env = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(name, cmd, args) {
  const ok = run(cmd, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  return ok;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function vitestProject(project) {
  const out = join(REPORTS, `vitest-${project}.json`);
  const ok = run('npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  const report = readJson(out);
  if (!report) {
    totals.failed += 1;
    lines.push(`FAIL vitest ${project}: no report`);
    return;
  }
  const failed = report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1);
  totals.passed += report.numPassedTests;
  totals.failed += failed;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  lines.push(
    `${failed ? 'FAIL' : 'ok  '} vitest ${project}: ${report.numPassedTests} passed, ${failed} failed, ${report.numPendingTests} skipped`,
  );
}

function playwright() {
  const out = join(REPORTS, 'playwright.json');
  const ok = run('npx', ['playwright', 'test'], { PW_JSON: out });
  const report = readJson(out);
  if (!report) {
    totals.failed += 1;
    lines.push('FAIL e2e: no report');
    return;
  }
  const { expected, unexpected, flaky, skipped } = report.stats;
  const failed = unexpected + flaky + (ok || unexpected + flaky > 0 ? 0 : 1);
  totals.passed += expected;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(
    `${failed ? 'FAIL' : 'ok  '} e2e: ${expected} passed, ${failed} failed, ${skipped} skipped`,
  );
}

check('format (prettier)', 'npx', ['prettier', '--check', '.']);
check('types (tsc)', 'npx', ['tsc', '--noEmit']);
check('lint (eslint)', 'npx', ['eslint', '.']);
vitestProject('unit');
vitestProject('browser');
const built = check('build (chromium + firefox)', 'npm', ['run', 'build']);
if (built && existsSync('.output/firefox-mv3/manifest.json')) {
  check('web-ext lint (firefox build)', 'npm', ['run', 'lint:firefox']);
  playwright();
} else {
  totals.failed += 1;
  lines.push('FAIL e2e: not run, the build failed');
}

console.log('\nSummary');
for (const line of lines) console.log(`  ${line}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
