/**
 * `BENCH_LAG_CPU_PROF=<dir>`: a CPU profile of this process over one phase of a figure only
 * (the projector under the lag figure's load), where `node --cpu-prof` would mix in the caseload's
 * writing and the rebuild before it.
 */
import { Session } from 'node:inspector/promises';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { progress } from './report.js';

export async function profilePhase(name: string, dir: string | undefined): Promise<() => Promise<void>> {
  if (!dir) return async () => undefined;
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    await mkdir(dir, { recursive: true });
    const file = join(dir, `${name}-${Date.now()}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    progress(`CPU profile of ${name} written to ${file}`);
  };
}
