/**
 * The browser tests' set-up: the run's PostgreSQL (as for every database test), the web UI
 * built when its sources changed, and Chromium unpacked once before the workers start (two
 * workers unpacking it at once ran a half-written binary: ETXTBSY).
 */
import sparticuz from '@sparticuz/chromium';
import { spawnSync } from 'node:child_process';
import databaseSetup from '../support/global-setup.ts';

export default async function webGlobalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  await databaseSetup(globalConfig);
  const built = spawnSync(process.execPath, ['apps/web/scripts/build-if-stale.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('The web UI did not build (apps/web/scripts/build-if-stale.mjs).');
  await sparticuz.executablePath();
}
