/**
 * Live catch-up of a backlog by projector processes (apps/projector/dist/main.js): 1 process with
 * 1 partition against 2 processes with 2 partitions, with the CPU time each side used (bench/README.md,
 * "Projection across processes"). Run after `npx tsc -b tsconfig.build.json && npx tsc -b bench/tsconfig.build.json`:
 *   node bench/partitioned-catch-up.mjs [residents=3000] [processes per run, e.g. 1,2,1,2]
 */
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
const ticks = (pid) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0;
  }
};
const ppidOf = (pid) => {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
  } catch {
    return -1;
  }
};
const postgresTicks = (dataDir) => {
  const master = Number(readFileSync(`${dataDir}/postmaster.pid`, 'utf8').split('\n')[0]);
  let sum = ticks(master);
  for (const d of readdirSync('/proc')) if (/^\d+$/.test(d) && ppidOf(Number(d)) === master) sum += ticks(Number(d));
  return sum;
};
import { tmpdir } from 'node:os';
import { setTimeout } from 'node:timers';
import { performance } from 'node:perf_hooks';
import { URL } from 'node:url';
const WT = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const es = await import(`${WT}/libs/event-store/dist/index.js`);
const rm = await import(`${WT}/libs/read-model/dist/index.js`);
const { writeCaseload } = await import(`${WT}/bench/dist/bench/figures/rebuild.js`);
const RESIDENTS = Number(process.argv[2] ?? 3000);
const pg = await es.startEmbeddedPostgres({ dataDir: `${tmpdir()}/zairyu-partitions-${process.pid}`, persistent: false });
const url = await es.embeddedAppUrl(pg);
const pool = es.createPgPool(url, { max: 20 });
const ds = await rm.openReadModel(url);
const orgs = Array.from({ length: 40 }, () => randomUUID());
const t0 = performance.now();
const events = await writeCaseload(pool, orgs, RESIDENTS, 20);
console.error(`wrote ${events} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const store = await es.PostgresEventStore.open(pool);
const head = es.formatPosition(await store.headPosition());
const key = randomBytes(32).toString('base64');
const say = (m) => console.error(new Date().toISOString(), m);

async function reset(position) {
  const { rows } = await pool.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'read_model' AND tablename NOT IN ('projection_checkpoint')`,
  );
  await es.inTransaction(pool, async (c) => {
    if (position === '0/0') await c.query(`TRUNCATE ${rows.map((r) => `read_model.${r.tablename}`).join(', ')}`);
    await c.query(`UPDATE read_model.projection_checkpoint SET position = $1`, [position]);
  });
}
async function done(count) {
  const names = rm.partitionsOf(count).map(rm.checkpointName);
  const { rows } = await pool.query(`SELECT position FROM read_model.projection_checkpoint WHERE name = ANY($1)`, [names]);
  return rows.length === count && rows.every((r) => r.position === head);
}
async function run(processes, count) {
  await pool.query('DELETE FROM read_model.projection_checkpoint');
  await pool.query(`INSERT INTO read_model.projection_checkpoint (name, position) VALUES ('residents', $1)`, [head]);
  const children = Array.from({ length: processes }, () =>
    spawn(process.execPath, [`${WT}/apps/projector/dist/main.js`], {
      env: { ...process.env, DATABASE_URL: url, ZAIRYU_MASTER_KEY: key, PROJECTOR_PARTITIONS: String(count) },
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  children.forEach((c, i) => c.stderr.on('data', (d) => process.stderr.write(`[p${i}] ${d}`)));
  // Settle: checkpoint rows made, leases shared out, nothing to do.
  await new Promise((r) => setTimeout(r, 6000));
  while (!(await done(count))) await new Promise((r) => setTimeout(r, 200));
  const dir = pg.dataDir;
  const before = { node: children.reduce((a, c) => a + ticks(c.pid), 0), pg: postgresTicks(dir) };
  await reset('0/0');
  const started = performance.now();
  while (!(await done(count))) await new Promise((r) => setTimeout(r, 100));
  const seconds = (performance.now() - started) / 1000;
  const cpu = { node: (children.reduce((a, c) => a + ticks(c.pid), 0) - before.node) / 100, pg: (postgresTicks(dir) - before.pg) / 100 };
  say(`CPU: projector processes ${cpu.node.toFixed(1)} s, PostgreSQL ${cpu.pg.toFixed(1)} s, wall ${seconds.toFixed(1)} s`);
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(children.map((c) => new Promise((r) => c.on('exit', r))));
  say(
    `${processes} process(es), ${count} partition(s): ${events} events in ${seconds.toFixed(1)} s = ${Math.round(events / seconds)} events/s`,
  );
  return seconds;
}
const order = (process.argv[3] ?? '1,2,1,2').split(',').map(Number);
for (const n of order) await run(n, n);
await ds.destroy();
await pool.end();
await pg.stop();
