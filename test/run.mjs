/**
 * `npm test`: the unit project first (no database; the only project whose coverage is taken,
 * in CI, with the domain's threshold), then the database and browser projects on three workers.
 * Coverage slows every process it instruments (a database run took 2.4 times as long with it),
 * so the end-to-end tests run without it. `npm test -- <jest arguments>` runs one Jest with
 * those arguments instead (`npm test -- libs/domain`, `npm test -- --selectProjects db`).
 * Ends with one line of counts over both runs, `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reports = mkdtempSync(join(tmpdir(), 'zairyu-jest-'));
const totals = { passed: 0, failed: 0, skipped: 0 };

function jest(name, args) {
  const report = join(reports, `${name}.json`);
  const run = spawnSync(
    process.execPath,
    [
      '--experimental-vm-modules',
      '--no-warnings=ExperimentalWarning',
      'node_modules/jest/bin/jest.js',
      '--json',
      `--outputFile=${report}`,
      ...args,
    ],
    { stdio: 'inherit' },
  );
  try {
    const counts = JSON.parse(readFileSync(report, 'utf8'));
    totals.passed += counts.numPassedTests;
    totals.failed += counts.numFailedTests + counts.numRuntimeErrorTestSuites;
    totals.skipped += counts.numPendingTests + counts.numTodoTests;
  } catch {
    totals.failed += 1; // Jest ended before it wrote its report.
  }
  return run.status ?? 1;
}

const given = process.argv.slice(2);
let status;
if (given.length > 0) status = jest('given', given);
else {
  status = jest('unit', ['--selectProjects', 'unit', ...(process.env.CI === 'true' ? ['--coverage'] : [])]);
  if (status === 0) status = jest('db-web', ['--selectProjects', 'db', 'web']);
}
rmSync(reports, { recursive: true, force: true });
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
process.exit(status);
