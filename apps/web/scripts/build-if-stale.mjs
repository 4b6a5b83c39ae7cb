/**
 * Builds the web UI (vite build) unless apps/web/dist is newer than every source it is built
 * from. `npm start` and `npm test` call it, so a fresh clone needs no extra step and an
 * unchanged UI costs nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(web, '..', '..');
const stamp = join(web, 'dist', 'index.html');
const inputs = [
  fileURLToPath(import.meta.url),
  join(web, 'src'),
  join(web, 'public'),
  join(web, 'index.html'),
  join(web, 'vite.config.ts'),
  join(web, 'package.json'),
  // What the UI imports from the domain (@domain/…): names of statuses and deadlines, lead times.
  join(root, 'libs/domain/src/status-catalogue.ts'),
  join(root, 'libs/domain/src/deadline-catalogue.ts'),
  join(root, 'libs/domain/src/deadline-definition.ts'),
  join(root, 'libs/domain/src/ssw/ssw-deadline-kinds.ts'),
  join(root, 'libs/domain/src/reminders/lead-times.ts'),
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const force = process.argv.includes('--force');
if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= Math.max(...inputs.map(newest))) {
  process.stdout.write('web UI: up to date (apps/web/dist)\n');
} else {
  process.stdout.write('web UI: building apps/web/dist …\n');
  // Always React's production build: Vite takes NODE_ENV from the environment, and Jest sets it to
  // `test`, which built the development one (its checks took half the browser's CPU in the tests).
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: web,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
