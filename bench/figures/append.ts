/**
 * Figure 1: single-event appends with exact expected versions across many streams, at
 * concurrency 1, 8 and 32, beside plain single-row INSERT … COMMIT with pg in the same database.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { PostgresEventStore } from '@zairyu/event-store';
import { percentile, report } from '../report.js';

async function run(concurrency: number, total: number, op: (worker: number, i: number) => Promise<void>) {
  // Warm up every connection (prepared statements, caches) before measuring.
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = 0; i < 5; i++) await op(worker, -1 - i);
    }),
  );
  const times: number[] = [];
  const perWorker = Math.ceil(total / concurrency);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = 0; i < perWorker; i++) {
        const t = performance.now();
        await op(worker, i);
        times.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { rate: times.length / seconds, p50: percentile(times, 50), p99: percentile(times, 99), n: times.length };
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
    const store_ = await run(concurrency, total, async (worker, i) => {
      // Each worker owns its streams, so exact versions never collide: this measures the store, not retries.
      const stream = worker * Math.floor(streams / concurrency) + (Math.abs(i) % Math.floor(streams / concurrency));
      const version = versions.get(stream) ?? 0;
      versions.set(stream, version + 1);
      await store.append(
        streamIds[stream]!,
        [{ eventId: randomUUID(), type: 'Moved', occurredOn: '2026-04-01', data: { address: 'Tokyo' }, metadata }],
        version === 0 ? 'no_stream' : version,
      );
    });
    const baseline = await run(concurrency, total, async (worker, i) => {
      await pool.query('INSERT INTO bench_baseline (stream_id, data) VALUES ($1, $2)', [
        `bench-${run_}-${(i * concurrency + worker) % streams}`,
        { address: 'Tokyo' },
      ]);
    });
    report(`append c=${concurrency} store`, store_.rate, 'events/s', store_.n);
    report(`append c=${concurrency} store p50`, store_.p50, 'ms', store_.n);
    report(`append c=${concurrency} store p99`, store_.p99, 'ms', store_.n);
    report(`append c=${concurrency} baseline INSERT`, baseline.rate, 'rows/s', baseline.n);
    report(`append c=${concurrency} baseline p99`, baseline.p99, 'ms', baseline.n);
    report(`append c=${concurrency} ratio store/baseline`, store_.rate / baseline.rate, 'x', store_.n);
  }
}
