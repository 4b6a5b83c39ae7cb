/**
 * Variants of the event store's append, measured side by side on one embedded PostgreSQL (the
 * findings are in README.md, "Append: what an event row costs"). Each variant is a schema of its
 * own with the events table as the store makes it, less or more; the rounds alternate their order.
 * Per variant and round: the rate at concurrency C, WAL bytes per append, PostgreSQL CPU per 1,000.
 *
 *   npx tsc -b libs/event-store/tsconfig.build.json
 *   N=20000 ROUNDS=2 PREFILL=50000 ONLY=current,bare,baseline node bench/append-variants.mjs
 *   WALBLOCKS=1 CHECKPOINT=1 N=20000 ROUNDS=1 PREFILL=300000 ONLY=current,currentV7 node bench/append-variants.mjs
 *
 * SERIAL=1: one connection, its backend's own CPU (/proc/<pid>/schedstat). WALSTATS=1: WAL by
 * record type; WALBLOCKS=1: page images by relation (pg_walinspect); CHECKPOINT=1: a checkpoint
 * before each measured run, so that first writes to a page after it log the page whole.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { createPgPool, startEmbeddedPostgres } from '../libs/event-store/dist/index.js';

const N = Number(process.env.N ?? 4000),
  C = Number(process.env.C ?? 32),
  ROUNDS = Number(process.env.ROUNDS ?? 3);
const PREFILL = Number(process.env.PREFILL ?? 100000);
const CHECKPOINT = process.env.CHECKPOINT === '1';
const only = process.env.ONLY?.split(',');

const table = (s, extra = '', constraints = '') => `
CREATE SCHEMA ${s};
CREATE TABLE ${s}.events (
  position bigint GENERATED ALWAYS AS IDENTITY,
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  stream_id text NOT NULL, version integer NOT NULL CHECK (version > 0), event_id uuid NOT NULL,
  type text NOT NULL, occurred_on date NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT pk PRIMARY KEY (transaction_id, position), UNIQUE (stream_id, version) ${constraints}) ${extra};
`;
const orgIndex = (s) => `CREATE INDEX ON ${s}.events ((metadata->>'organisationId'), transaction_id, position);`;
const cur = `WITH current AS (SELECT coalesce(max(version), 0) AS version FROM SCHEMA.events WHERE stream_id = $1)
  INSERT INTO SCHEMA.events (stream_id, version, event_id, type, occurred_on, data, metadata)
  SELECT $1, current.version + 1, $2::uuid, $3::text, $4::date, $5::jsonb, $6::jsonb FROM current WHERE COND
  RETURNING version, position, transaction_id::text`;
const variants = {
  current: { ddl: (s) => table(s, '', ', UNIQUE (event_id)') + orgIndex(s), sql: cur },
  noEventId: { ddl: (s) => table(s) + orgIndex(s), sql: cur },
  noOrg: { ddl: (s) => table(s, '', ', UNIQUE (event_id)'), sql: cur },
  hashExclude: { ddl: (s) => table(s, '', ', EXCLUDE USING hash (event_id WITH =)') + orgIndex(s), sql: cur },
  streamsRow: {
    ddl: (s) =>
      table(s, '', ', UNIQUE (event_id)') +
      orgIndex(s) +
      `CREATE TABLE ${s}.streams (stream_id text PRIMARY KEY, version integer NOT NULL) WITH (fillfactor = 70);`,
    sqlFirst: `WITH s AS (INSERT INTO SCHEMA.streams VALUES ($1, 1) ON CONFLICT DO NOTHING RETURNING version)
      INSERT INTO SCHEMA.events (stream_id, version, event_id, type, occurred_on, data, metadata)
      SELECT $1, s.version, $2::uuid, $3::text, $4::date, $5::jsonb, $6::jsonb FROM s RETURNING version, position, transaction_id::text`,
    sql: `WITH s AS (UPDATE SCHEMA.streams SET version = version + 1 WHERE stream_id = $1 AND version = $7 RETURNING version)
      INSERT INTO SCHEMA.events (stream_id, version, event_id, type, occurred_on, data, metadata)
      SELECT $1, s.version, $2::uuid, $3::text, $4::date, $5::jsonb, $6::jsonb FROM s RETURNING version, position, transaction_id::text`,
  },
  collateC: {
    ddl: (s) =>
      table(s, '', ', UNIQUE (event_id)').replace('stream_id text NOT NULL', 'stream_id text COLLATE "C" NOT NULL') +
      `CREATE INDEX ON ${s}.events (((metadata->>'organisationId') COLLATE "C"), transaction_id, position);`,
    sql: cur,
  },
  currentV7: { ddl: (s) => table(s, '', ', UNIQUE (event_id)') + orgIndex(s), sql: cur, v7: true },
  noMax: {
    ddl: (s) => table(s, '', ', UNIQUE (event_id)') + orgIndex(s),
    sqlFirst: `INSERT INTO SCHEMA.events (stream_id, version, event_id, type, occurred_on, data, metadata)
      VALUES ($1, 1, $2::uuid, $3::text, $4::date, $5::jsonb, $6::jsonb) RETURNING version, position, transaction_id::text`,
    sql: `INSERT INTO SCHEMA.events (stream_id, version, event_id, type, occurred_on, data, metadata)
      SELECT $1, $7::integer + 1, $2::uuid, $3::text, $4::date, $5::jsonb, $6::jsonb
      WHERE EXISTS (SELECT FROM SCHEMA.events WHERE stream_id = $1 AND version = $7) RETURNING version, position, transaction_id::text`,
  },
  bare: {
    ddl: (s) => `CREATE SCHEMA ${s}; CREATE TABLE ${s}.events (
  position bigint GENERATED ALWAYS AS IDENTITY,
  transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
  stream_id text NOT NULL, version integer NOT NULL CHECK (version > 0), event_id uuid NOT NULL,
  type text NOT NULL, occurred_on date NOT NULL, data jsonb NOT NULL, metadata jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(), CONSTRAINT pk PRIMARY KEY (transaction_id, position));`,
    sqlFirst: `INSERT INTO SCHEMA.events (stream_id, version, event_id, type, occurred_on, data, metadata)
      VALUES ($1, 1, $2::uuid, $3::text, $4::date, $5::jsonb, $6::jsonb) RETURNING version, position, transaction_id::text`,
    sql: `INSERT INTO SCHEMA.events (stream_id, version, event_id, type, occurred_on, data, metadata)
      VALUES ($1, $7::integer + 1, $2::uuid, $3::text, $4::date, $5::jsonb, $6::jsonb) RETURNING version, position, transaction_id::text`,
  },
  baseline: { ddl: (s) => `CREATE SCHEMA ${s}; CREATE TABLE ${s}.events (id bigserial PRIMARY KEY, stream_id text, data jsonb);` },
};

async function pgCpuMs(pool) {
  const { rows } = await pool.query(`SELECT setting FROM pg_settings WHERE name = 'data_directory'`);
  const pm = Number((await readFile(join(rows[0].setting, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  let t = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const st = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
    if (!st) continue;
    const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
    if (Number(f[1]) === pm) t += Number(f[11]) + Number(f[12]);
    if (Number(pid) === pm) t += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  }
  return t * 10;
}

const root = await mkdtemp(join(tmpdir(), 'append-lab-'));
const server = await startEmbeddedPostgres({ dataDir: join(root, 'pg'), persistent: false, settings: { autovacuum: 'off' } });
const pool = createPgPool(server.url, { max: C + 4, applicationName: 'lab' });
const metadata = JSON.stringify({ recordedBy: 'bench', organisationId: randomUUID(), correlationId: randomUUID(), causationId: null });
const data = JSON.stringify({ address: 'Tokyo' });
await pool.query('CREATE EXTENSION IF NOT EXISTS pg_walinspect');
console.error((await pool.query('SELECT datcollate, datctype, datlocprovider FROM pg_database WHERE datname = current_database()')).rows);
const names = Object.keys(variants).filter((v) => !only || only.includes(v));
for (const v of names) {
  await pool.query(variants[v].ddl(v));
  if (v === 'baseline') {
    await pool.query(`INSERT INTO ${v}.events (stream_id, data) SELECT 'p-' || g, $1::jsonb FROM generate_series(1, $2) g`, [
      data,
      PREFILL,
    ]);
  } else {
    await pool.query(
      `INSERT INTO ${v}.events (stream_id, version, event_id, type, occurred_on, data, metadata)
       SELECT 'resident-' || md5((g % 5000)::text), g / 5000 + 1, gen_random_uuid(), 'Moved', '2026-04-01', $1::jsonb, $2::jsonb FROM generate_series(0, $3 - 1) g`,
      [data, metadata, PREFILL],
    );
    if (v === 'streamsRow') await pool.query(`INSERT INTO ${v}.streams SELECT stream_id, max(version) FROM ${v}.events GROUP BY 1`);
  }
  await pool.query(`VACUUM ANALYZE ${v}.events`);
}
const versions = {};
function uuidv7() {
  const b = randomBytes(16);
  const ms = BigInt(Date.now());
  for (let i = 0; i < 6; i++) b[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
async function once(v, worker, i, streamIds) {
  if (v === 'baseline') {
    await pool.query({
      name: 'b',
      text: `INSERT INTO baseline.events (stream_id, data) VALUES ($1, $2)`,
      values: [`bench-${worker}-${i}`, data],
    });
    return;
  }
  const per = Math.floor(streamIds.length / C);
  const s = worker * per + (Math.abs(i) % per);
  const key = `${v}:${streamIds[s]}`;
  const version = versions[key] ?? 0;
  versions[key] = version + 1;
  const vv = variants[v];
  const first = version === 0;
  let text = first && vv.sqlFirst ? vv.sqlFirst : vv.sql;
  const cond = first ? 'current.version = 0' : 'current.version = $7';
  text = text.replaceAll('SCHEMA', v).replace('COND', cond);
  const values = [streamIds[s], vv.v7 ? uuidv7() : randomUUID(), 'Moved', '2026-04-01', data, metadata];
  if (!first) values.push(version);
  const r = await pool.query({ name: `${v}-${first}`, text, values });
  if (r.rowCount !== 1) throw new Error(`${v} conflict`);
}
async function schedNs(pid) {
  return Number((await readFile(`/proc/${pid}/schedstat`, 'utf8')).split(' ')[0]);
}
async function runSerial(v) {
  const streamIds = Array.from({ length: 1000 }, () => `resident-${randomUUID()}`);
  const client = await pool.connect();
  const pid = (await client.query('SELECT pg_backend_pid() AS p')).rows[0].p;
  const q = pool.query.bind(pool);
  pool.query = client.query.bind(client);
  try {
    for (let i = 0; i < 200; i++) await once(v, 0, -1 - i, streamIds);
    const lsn0 = (await client.query('SELECT pg_current_wal_lsn()::text AS l')).rows[0].l;
    const ns0 = await schedNs(pid);
    const t0 = performance.now();
    for (let i = 0; i < N; i++) await once(v, Math.floor(i / Math.ceil(N / C)), i, streamIds);
    const secs = (performance.now() - t0) / 1000;
    const ns1 = await schedNs(pid);
    const wal = (await client.query(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1) AS d`, [lsn0])).rows[0].d;
    return { rate: N / secs, wal: Number(wal) / N, cpu: (((ns1 - ns0) / 1e6) * 1000) / N };
  } finally {
    pool.query = q;
    client.release();
  }
}
async function run(v) {
  if (process.env.SERIAL === '1') return runSerial(v);
  const streamIds = Array.from({ length: 1000 }, () => `resident-${randomUUID()}`);
  await Promise.all(
    Array.from({ length: C }, async (_, w) => {
      for (let i = 0; i < 5; i++) await once(v, w, -1 - i, streamIds);
    }),
  );
  if (CHECKPOINT) await pool.query('CHECKPOINT');
  const lsn0 = (await pool.query('SELECT pg_current_wal_lsn()::text AS l')).rows[0].l;
  const cpu0 = await pgCpuMs(pool);
  const t0 = performance.now();
  const per = Math.ceil(N / C);
  await Promise.all(
    Array.from({ length: C }, async (_, w) => {
      for (let i = 0; i < per; i++) await once(v, w, i, streamIds);
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  const cpu1 = await pgCpuMs(pool);
  const wal = (await pool.query(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1) AS d`, [lsn0])).rows[0].d;
  const n = per * C;
  if (process.env.WALBLOCKS === '1') {
    const { rows } = await pool.query(
      `SELECT coalesce(c.relname, b.relfilenode::text) AS rel, count(*) AS refs, sum(b.block_fpi_length) AS fpi, count(*) FILTER (WHERE b.block_fpi_length > 0) AS fpis
      FROM pg_get_wal_block_info($1, pg_current_wal_lsn()) b LEFT JOIN pg_class c ON c.relfilenode = b.relfilenode GROUP BY 1 ORDER BY 3 DESC NULLS LAST LIMIT 8`,
      [lsn0],
    );
    console.error(
      `  ${v}: ` +
        rows
          .map((r) => `${r.rel} fpi ${(Number(r.fpi ?? 0) / n).toFixed(0)}B/append (${(Number(r.fpis) / n).toFixed(3)} images/append)`)
          .join(' | '),
    );
  }
  if (process.env.WALSTATS === '1') {
    const { rows } = await pool.query(
      `SELECT "resource_manager/record_type" AS t, count, record_size, fpi_size, combined_size FROM pg_get_wal_stats($1, pg_current_wal_lsn(), true) WHERE count > 0 ORDER BY combined_size DESC LIMIT 12`,
      [lsn0],
    );
    console.error(
      `  ${v}: ` +
        rows
          .map(
            (r) =>
              `${r.t} ${(r.count / n).toFixed(2)}x ${(r.combined_size / n).toFixed(0)}B${Number(r.fpi_size) ? ` (fpi ${(r.fpi_size / n).toFixed(0)})` : ''}`,
          )
          .join(' | '),
    );
  }
  return { rate: n / secs, wal: Number(wal) / n, cpu: ((cpu1 - cpu0) * 1000) / n };
}
const results = Object.fromEntries(names.map((v) => [v, []]));
for (let r = 0; r < ROUNDS; r++) {
  for (const v of r % 2 ? names.slice().reverse() : names) {
    const x = await run(v);
    results[v].push(x);
    console.error(
      `round ${r} ${v.padEnd(12)} ${x.rate.toFixed(0).padStart(6)}/s  WAL ${x.wal.toFixed(0).padStart(5)} B/append  PG CPU ${x.cpu.toFixed(0).padStart(4)} ms/1k`,
    );
  }
}
const med = (a) => a.slice().sort((x, y) => x - y)[Math.floor(a.length / 2)];
for (const v of names) {
  const rs = results[v];
  console.log(
    `${v.padEnd(12)} median rate ${med(rs.map((x) => x.rate)).toFixed(0)}/s  WAL ${med(rs.map((x) => x.wal)).toFixed(0)} B  PG CPU ${med(rs.map((x) => x.cpu)).toFixed(0)} ms/1k`,
  );
}
await pool.end();
await server.stop();
