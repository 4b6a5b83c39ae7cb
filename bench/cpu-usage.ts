/**
 * CPU time rather than wall time: on a machine shared with other work the rate of a figure moves
 * with the load, the CPU seconds it takes much less. This process's own, and the PostgreSQL
 * server's (the postmaster and every backend, from /proc; null where there is no /proc or the
 * server runs elsewhere).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';

const TICKS_PER_SECOND = 100;

export interface CpuTimes {
  benchMs: number;
  postgresMs: number | null;
}

async function postgresCpuMs(pool: pg.Pool): Promise<number | null> {
  try {
    const { rows } = await pool.query<{ setting: string }>(`SELECT setting FROM pg_settings WHERE name = 'data_directory'`);
    const postmaster = Number((await readFile(join(rows[0]!.setting, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    let ticks = 0;
    for (const pid of await readdir('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
      if (stat === null) continue;
      const fields = statFields(stat);
      if (Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
      // A backend that ended (a pool's idle connection closed) left its time to the postmaster.
      if (Number(pid) === postmaster) ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    }
    return (ticks * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** CPU ms (user and system) another process of this machine has used so far, from /proc (null where there is none). */
export async function processCpuMs(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  const fields = statFields(stat);
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** CPU ms of this process's children that have ended and been waited for (cutime and cstime of /proc/self/stat). */
export async function endedChildrenCpuMs(): Promise<number | null> {
  const stat = await readFile('/proc/self/stat', 'utf8').catch(() => null);
  if (stat === null) return null;
  const fields = statFields(stat);
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
}

/** A process's resident memory in MB from /proc: VmHWM its peak so far, VmRSS now; NaN once it has gone. */
export async function rssMb(pid: number, field: 'VmHWM' | 'VmRSS' = 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
}

/** The fields of /proc/<pid>/stat after the command (which may hold spaces): state ppid … utime(11) stime(12) cutime cstime. */
function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

export async function cpuTimes(pool: pg.Pool): Promise<CpuTimes> {
  const own = process.cpuUsage();
  return { benchMs: (own.user + own.system) / 1000, postgresMs: await postgresCpuMs(pool) };
}

/** CPU ms per 1,000 events since `before`, of this process and of PostgreSQL. */
export async function cpuPerThousand(pool: pg.Pool, before: CpuTimes, events: number): Promise<CpuTimes> {
  const after = await cpuTimes(pool);
  const per = (ms: number) => (ms * 1000) / events;
  return {
    benchMs: per(after.benchMs - before.benchMs),
    postgresMs: after.postgresMs === null || before.postgresMs === null ? null : per(after.postgresMs - before.postgresMs),
  };
}
