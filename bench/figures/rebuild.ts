/**
 * Figure 2: a caseload written through the store (lives from the seeded generator), then a
 * full rebuild of the read models in events/s and its peak memory; and the live projector's
 * lag under a steady write load.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { decide, type RecordedEvent } from '@zairyu/domain';
import { PostgresEventStore, type NewEvent } from '@zairyu/event-store';
import { Projector, ProjectorLeader } from '@zairyu/read-model';
import { parseMasterKey, ResidentKeys, residentStream, sealedEventStore, type SealedEventStore } from '@zairyu/resident-streams';
import { BENCH_MASTER_KEY, REBUILD_NODE_FLAGS } from '../api-process.js';
import { generateResidents, type GeneratedResident } from '../lifecycle-generator.js';
import { percentile, progress, report } from '../report.js';
import { resetSqlStats, writeSqlStats } from '../sql-statements.js';
import { cpuPerThousand, cpuTimes, endedChildrenCpuMs, rssMb, type CpuTimes } from '../cpu-usage.js';
import { profilePhase } from '../phase-profile.js';

export const BENCH_TODAY = '2026-11-23';

function envelope(resident: GeneratedResident, organisationId: string): NewEvent[] {
  const metadata = { recordedBy: 'bench', organisationId, correlationId: randomUUID(), causationId: null };
  return [
    { eventId: randomUUID(), type: 'ResidentRegistered', occurredOn: BENCH_TODAY, data: resident.registration, metadata },
    ...resident.facts.map((fact) => ({ eventId: randomUUID(), type: fact.type, occurredOn: fact.occurredOn, data: fact.data, metadata })),
  ];
}

/** How many generated lives the domain's decider accepts fact by fact (a realism check, not timed). */
export function checkRealism(sample: number): { accepted: number; sample: number } {
  let accepted = 0;
  for (const resident of generateResidents(sample, 20, 7)) {
    const history: RecordedEvent[] = [];
    const push = (decision: ReturnType<typeof decide>) => {
      if (!decision.ok) return false;
      for (const event of decision.events)
        history.push({ ...event, eventId: `e${history.length + 1}`, version: history.length + 1 } as RecordedEvent);
      return true;
    };
    let ok = push(
      decide(
        { type: 'RegisterResident', residentId: resident.residentId, details: resident.registration as never, today: BENCH_TODAY as never },
        [],
      ),
    );
    for (const fact of resident.facts) ok = ok && push(decide({ type: 'RecordFact', fact, today: BENCH_TODAY as never }, history));
    if (ok) accepted++;
  }
  return { accepted, sample };
}

export async function writeCaseload(pool: pg.Pool, organisations: string[], residents: number, eventsPerResident: number): Promise<number> {
  const store = await PostgresEventStore.open(pool);
  let written = 0;
  let i = 0;
  const started = performance.now();
  const queue = generateResidents(residents, eventsPerResident);
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let next = queue.next(); !next.done; next = queue.next()) {
        const events = envelope(next.value, organisations[i++ % organisations.length]!);
        await store.append(residentStream(next.value.residentId), events, 'no_stream');
        written += events.length;
        if (written % 100_000 < events.length)
          progress(
            `written ${written.toLocaleString('en')} events (${Math.round(written / ((performance.now() - started) / 1000))} events/s)`,
          );
      }
    }),
  );
  return written;
}

/**
 * The log as the projectors read it: the import figure's residents are sealed by the API, and
 * their values are opened as the live projector opens them (the lives written here are not sealed,
 * and pass through as they are).
 */
export async function openingStore(pool: pg.Pool): Promise<SealedEventStore> {
  return sealedEventStore(await PostgresEventStore.open(pool), new ResidentKeys(pool, parseMasterKey(BENCH_MASTER_KEY)));
}

/**
 * The rebuild as an operator runs it, `npm run projections:rebuild` (apps/projector/dist/rebuild.js),
 * in its own process: its peak RSS is then the rebuild's own, not this process's, which generated
 * and wrote the caseload just before (32 writers' worth of heap the rebuild never needed). The
 * peak is the child's VmHWM read every 100 ms; its CPU is read once it has ended.
 */
export async function rebuildFigure(pool: pg.Pool, databaseUrl: string): Promise<void> {
  // The log as a rebuild meets it in service: written long before, and vacuumed since. Just
  // written, the first read of each row looks up whether its writer committed and marks the row,
  // and autovacuum passes over the million new rows during the rebuild (PostgreSQL CPU per 1,000
  // events: 31 ms in the full run of 2026-12-07 07:41 without this, 26.7 in --only=rebuild at 08:00 with it).
  const vacuuming = performance.now();
  await pool.query('VACUUM (ANALYZE) events');
  progress(`vacuumed the log in ${((performance.now() - vacuuming) / 1000).toFixed(1)} s (not in the figure)`);
  await resetSqlStats(pool);
  const cpu = await cpuTimes(pool);
  const childrenBefore = await endedChildrenCpuMs();
  const child = spawn(process.execPath, [...REBUILD_NODE_FLAGS, 'apps/projector/dist/rebuild.js'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, ZAIRYU_MASTER_KEY: BENCH_MASTER_KEY },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let said = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    said = (said + text).slice(-4000);
    const line = text.trim().split('\n').at(-1);
    if (line) progress(`rebuild ${line}`);
  });
  let peakMb = 0;
  // VmHWM only grows; once the child has gone its reading is NaN and changes nothing.
  const sampler = setInterval(() => void rssMb(child.pid!).then((mb) => (peakMb = mb > peakMb ? mb : peakMb)), 100);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  const done = /from ([\d,]+) events in ([\d.]+) s/.exec(said);
  if (code !== 0 || done === null) throw new Error(`the rebuild failed (exit ${code}): ${said.slice(-500)}`);
  const events = Number(done[1]!.replaceAll(',', ''));
  const used = await cpuPerThousand(pool, cpu, events);
  const childrenAfter = await endedChildrenCpuMs();
  await writeSqlStats(pool, 'rebuild', events);
  report('rebuild', events / Number(done[2]), 'events/s', events);
  reportCpu(
    'rebuild',
    {
      benchMs: childrenBefore === null || childrenAfter === null ? NaN : ((childrenAfter - childrenBefore) * 1000) / events,
      postgresMs: used.postgresMs,
    },
    events,
    'the rebuild process',
  );
  report('rebuild peak RSS (the rebuild process)', peakMb, 'MB', events);
}

/**
 * The projector's lag under a steady `eventsPerSecond`, sampled every 200 ms for `seconds`, after
 * `warmUpSeconds` of the same load unsampled for the percentiles: a load that starts from idle
 * first opens the writer's connections (the pool closed them during the rebuild figure) and runs
 * cold code and caches, and its first second or two lag far behind what follows. That
 * warm-up's worst sample is reported on its own line, not hidden.
 */
export async function lagFigure(pool: pg.Pool, seconds: number, eventsPerSecond: number, warmUpSeconds = 2): Promise<void> {
  const store = await PostgresEventStore.open(pool);
  const projector = new Projector(pool, await openingStore(pool));
  await projector.catchUp();
  const leader = new ProjectorLeader(pool, projector, { pollIntervalMs: 50 });
  leader.start();
  const organisationId = randomUUID();
  // The load is spread over a caseload (5,000 residents), as many caseworkers' writes would be.
  const residents = [...generateResidents(5000, 2, 99)];
  for (const resident of residents)
    await store.append(residentStream(resident.residentId), envelope(resident, organisationId), 'no_stream');
  const versions = new Map(residents.map((r) => [r.residentId, 2]));
  // The load starts from a projection that has caught up with that set-up (10,000 events written
  // as fast as one writer can): the figure is the lag under a steady 1,000 events/s, not the
  // set-up's backlog draining in its first samples.
  while ((await projector.lag()) !== 0) await new Promise((resolve) => setTimeout(resolve, 50));
  const lags: number[] = [];
  let warmUpWorst = 0;
  await resetSqlStats(pool);
  const cpu = await cpuTimes(pool);
  const checkpointsBefore = await checkpoints(pool);
  const profiled = await profilePhase('lag', process.env['BENCH_LAG_CPU_PROF']);
  const started = performance.now();
  const sampled = started + warmUpSeconds * 1000;
  let worst = { lag: -1, second: NaN };
  const sampler = setInterval(
    () =>
      void projector.lag().then((lag) => {
        const now = performance.now();
        if (now < sampled) warmUpWorst = Math.max(warmUpWorst, lag ?? 0);
        else lags.push(lag ?? 0);
        if (now >= sampled && (lag ?? 0) > worst.lag) worst = { lag: lag ?? 0, second: (now - sampled) / 1000 };
      }),
    200,
  );
  let sent = 0;
  while (performance.now() - started < (warmUpSeconds + seconds) * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * eventsPerSecond);
    const batch: Promise<unknown>[] = [];
    for (; sent < due; sent++) {
      const resident = residents[sent % residents.length]!;
      const version = versions.get(resident.residentId)!;
      versions.set(resident.residentId, version + 1);
      batch.push(
        store.append(
          residentStream(resident.residentId),
          [
            {
              eventId: randomUUID(),
              type: 'Moved',
              occurredOn: '2026-10-01',
              data: { address: `Block ${sent}` },
              metadata: { recordedBy: 'bench', organisationId, correlationId: randomUUID(), causationId: null },
            },
          ],
          version,
        ),
      );
    }
    await Promise.all(batch);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  clearInterval(sampler);
  await leader.stop();
  await profiled();
  const used = await cpuPerThousand(pool, cpu, sent);
  await writeSqlStats(pool, 'lag', sent);
  reportCpu('projector under load (writer included)', used, sent);
  const checkpointed = await checkpoints(pool);
  // Leave the read models caught up with the log, as a running projector keeps them.
  await projector.catchUp();
  lags.sort((a, b) => a - b);
  report(`projector lag at ${eventsPerSecond} events/s p50`, percentile(lags, 50), 'events', lags.length);
  report(`projector lag at ${eventsPerSecond} events/s p99`, percentile(lags, 99), 'events', lags.length);
  report(`projector lag at ${eventsPerSecond} events/s max`, lags.at(-1) ?? NaN, 'events', lags.length);
  // When the worst came, and whether autovacuum or a checkpoint worked meanwhile (suspects).
  report(`projector lag: the worst sample, seconds after the warm-up`, worst.second, 's', lags.length);
  report(`projector lag in the load's first ${warmUpSeconds} s (warm-up, from idle) max`, warmUpWorst, 'events', 0);
  const { rows } = await pool.query<{ tables: string }>(
    `SELECT coalesce(string_agg(relname, ', '), '') AS tables FROM pg_stat_user_tables
      WHERE schemaname = 'read_model' AND greatest(last_autovacuum, last_autoanalyze) > now() - make_interval(secs => $1)`,
    [(performance.now() - started) / 1000],
  );
  progress(`read-model tables autovacuum worked on during the lag figure: ${rows[0]!.tables || 'none'}`);
  progress(
    `checkpoints during the lag figure: ${checkpointed.done - checkpointsBefore.done}, ` +
      `${checkpointed.buffers - checkpointsBefore.buffers} buffers written`,
  );
  report(`write load achieved`, sent / (warmUpSeconds + seconds), 'events/s', sent);
}

/** The checkpointer's work so far (PostgreSQL 17+): checkpoints done and buffers they wrote. */
async function checkpoints(pool: pg.Pool): Promise<{ done: number; buffers: number }> {
  const { rows } = await pool.query<{ done: string; buffers: string }>(
    'SELECT num_done AS done, buffers_written AS buffers FROM pg_stat_checkpointer',
  );
  return { done: Number(rows[0]!.done), buffers: Number(rows[0]!.buffers) };
}

function reportCpu(figure: string, used: CpuTimes, events: number, process = 'the bench process'): void {
  report(`${figure}: CPU of ${process}`, used.benchMs, 'ms/1k ev', events);
  if (used.postgresMs !== null) report(`${figure}: CPU of PostgreSQL`, used.postgresMs, 'ms/1k ev', events);
}
