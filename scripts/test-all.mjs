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
// Names of failed tests, repeated after the summary so the end of a long CI log says which.
const failures = [];

function firstLine(text) {
  return String(text ?? '')
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim()
    .slice(0, 200);
}

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
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'failed') continue;
      const where = file.name.replace(`${process.cwd()}/`, '');
      failures.push(
        `${project}: ${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`,
      );
    }
    if (file.status === 'failed' && !(file.assertionResults ?? []).length) {
      failures.push(`${project}: ${file.name}: ${firstLine(file.message)}`);
    }
  }
  const failed = report.numFailedTests + (ok || report.numFailedTests > 0 ? 0 : 1);
  totals.passed += report.numPassedTests;
  totals.failed += failed;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  lines.push(
    `${failed ? 'FAIL' : 'ok  '} vitest ${project}: ${report.numPassedTests} passed, ${failed} failed, ${report.numPendingTests} skipped`,
  );
}

function collectPlaywrightFailures(suites, titles) {
  for (const suite of suites) {
    const path = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'expected' || test.status === 'skipped') continue;
        const error = test.results?.find((result) => result.error)?.error?.message;
        failures.push(
          `e2e [${test.projectName}] ${[...path, spec.title].join(' › ')} (${test.status}): ${firstLine(error)}`,
        );
      }
    }
    collectPlaywrightFailures(suite.suites ?? [], path);
  }
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
  collectPlaywrightFailures(report.suites ?? [], []);
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

if (failures.length) {
  console.log('\nFailed tests');
  for (const failure of failures) console.log(`  ${failure}`);
}
console.log('\nSummary');
for (const line of lines) console.log(`  ${line}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed === 0 ? 0 : 1);
