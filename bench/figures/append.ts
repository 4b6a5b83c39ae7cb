/**
 * Figure 1: single-event appends with exact expected versions across many streams, at
 * concurrency 1, 8 and 32, beside plain single-row INSERT … COMMIT with pg in the same database.
 *
 * The store and the baseline take turns in slices (store, baseline, store, …): on a machine
 * shared with other work the load moves within seconds, and two runs one after the other
 * compared the store at one load with the baseline at another. Beside the rates, the CPU and
 * the WAL per write, which the load moves little.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { PostgresEventStore } from '@zairyu/event-store';
import { cpuPerThousand, cpuTimes } from '../cpu-usage.js';
import { percentile, report } from '../report.js';

type Op = (worker: number, i: number) => Promise<void>;

const SLICES = 4;

interface Tally {
  times: number[];
  seconds: number;
  benchMs: number;
  postgresMs: number | null;
  walBytes: number;
}

async function warmUp(concurrency: number, op: Op): Promise<void> {
  // Every connection's prepared statements and caches, before measuring.
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = 0; i < 5; i++) await op(worker, -1 - i);
    }),
  );
}

async function slice(pool: pg.Pool, concurrency: number, perWorker: number, first: number, op: Op, tally: Tally): Promise<void> {
  const wal = await walPosition(pool);
  const cpu = await cpuTimes(pool);
  const started = performance.now();
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = first; i < first + perWorker; i++) {
        const t = performance.now();
        await op(worker, i);
        times.push(performance.now() - t);
      }
    }),
  );
  tally.seconds += (performance.now() - started) / 1000;
  const used = await cpuPerThousand(pool, cpu, 1000);
  tally.benchMs += used.benchMs;
  tally.postgresMs = tally.postgresMs === null || used.postgresMs === null ? null : tally.postgresMs + used.postgresMs;
  tally.walBytes += await walSince(pool, wal);
  tally.times.push(...times);
}

async function compare(pool: pg.Pool, concurrency: number, total: number, store: Op, baseline: Op) {
  await warmUp(concurrency, store);
  await warmUp(concurrency, baseline);
  const perWorker = Math.ceil(total / concurrency / SLICES);
  const tallies = [store, baseline].map((): Tally => ({ times: [], seconds: 0, benchMs: 0, postgresMs: 0, walBytes: 0 }));
  for (let s = 0; s < SLICES; s++) {
    await slice(pool, concurrency, perWorker, s * perWorker, store, tallies[0]!);
    await slice(pool, concurrency, perWorker, s * perWorker, baseline, tallies[1]!);
  }
  return tallies.map((tally) => {
    const n = tally.times.length;
    tally.times.sort((a, b) => a - b);
    return {
      n,
      rate: n / tally.seconds,
      p50: percentile(tally.times, 50),
      p99: percentile(tally.times, 99),
      walPerWrite: tally.walBytes / n,
      benchMs: (tally.benchMs * 1000) / n,
      postgresMs: tally.postgresMs === null ? null : (tally.postgresMs * 1000) / n,
    };
  }) as [Measured, Measured];
}
type Measured = { n: number; rate: number; p50: number; p99: number; walPerWrite: number; benchMs: number; postgresMs: number | null };

async function walPosition(pool: pg.Pool): Promise<string> {
  return (await pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]!.lsn;
}

async function walSince(pool: pg.Pool, from: string): Promise<number> {
  const { rows } = await pool.query<{ bytes: string }>('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1) AS bytes', [from]);
  return Number(rows[0]!.bytes);
}

export async function appendFigure(pool: pg.Pool, total: number): Promise<void> {
  const store = await PostgresEventStore.open(pool);
  await pool.query('CREATE TABLE IF NOT EXISTS bench_baseline (id bigserial PRIMARY KEY, stream_id text, data jsonb)');
  const metadata = { recordedBy: 'bench', organisationId: randomUUID(), correlationId: randomUUID(), causationId: null };
  for (const concurrency of [1, 8, 32]) {
    const run_ = randomUUID().slice(0, 8);
    const streams = 1000;
    // Stream ids as the ledger names them (resident-<uuid>): spread over the index, not one hot page.
    const streamIds = Array.from({ length: streams }, () => `resident-${randomUUID()}`);
    const versions = new Map<number, number>();
    const [store_, baseline] = await compare(
      pool,
      concurrency,
      total,
      async (worker, i) => {
        // Each worker owns its streams, so exact versions never collide: this measures the store, not retries.
        const stream = worker * Math.floor(streams / concurrency) + (Math.abs(i) % Math.floor(streams / concurrency));
        const version = versions.get(stream) ?? 0;
        versions.set(stream, version + 1);
        await store.append(
          streamIds[stream]!,
          [{ eventId: randomUUID(), type: 'Moved', occurredOn: '2026-04-01', data: { address: 'Tokyo' }, metadata }],
          version === 0 ? 'no_stream' : version,
        );
      },
      async (worker, i) => {
        await pool.query('INSERT INTO bench_baseline (stream_id, data) VALUES ($1, $2)', [
          `bench-${run_}-${(i * concurrency + worker) % streams}`,
          { address: 'Tokyo' },
        ]);
      },
    );
    report(`append c=${concurrency} store`, store_.rate, 'events/s', store_.n);
    report(`append c=${concurrency} store p50`, store_.p50, 'ms', store_.n);
    report(`append c=${concurrency} store p99`, store_.p99, 'ms', store_.n);
    report(`append c=${concurrency} baseline INSERT`, baseline.rate, 'rows/s', baseline.n);
    report(`append c=${concurrency} baseline p99`, baseline.p99, 'ms', baseline.n);
    report(`append c=${concurrency} ratio store/baseline`, store_.rate / baseline.rate, 'x', store_.n);
    for (const [name, figure] of [
      ['store', store_],
      ['baseline', baseline],
    ] as const) {
      report(`append c=${concurrency} ${name} WAL per write`, figure.walPerWrite, 'bytes', figure.n);
      report(`append c=${concurrency} ${name} bench CPU per 1k`, figure.benchMs, 'ms', figure.n);
      if (figure.postgresMs !== null) report(`append c=${concurrency} ${name} PostgreSQL CPU per 1k`, figure.postgresMs, 'ms', figure.n);
    }
  }
}
