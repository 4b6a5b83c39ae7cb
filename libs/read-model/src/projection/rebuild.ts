/**
 * Replays the whole log into a fresh schema and swaps it in for the live one. The live
 * projector keeps running meanwhile; after the swap its compare-and-set on the checkpoint
 * fails once and it carries on from the rebuilt checkpoint.
 *
 * With partitions the rebuild is still one pass over the log in one process, into one schema
 * swapped in once: each partition's checkpoint is set to the rebuilt position before the swap, so
 * the swap is as atomic for N partitions as for one (the swap locks the checkpoint table, which
 * every partition's batch locks first). Splitting the pass itself would take N processes
 * agreeing on one head and waiting for each other before one swap.
 */
import type pg from 'pg';
import { inTransaction, readsStreamsInOrder, type EventStore } from '@zairyu/event-store';
import { LIVE_SCHEMA, REBUILD_SCHEMA, readModelTablesSql } from '../read-model-tables.js';
import { loadByResident, type RangeLoader } from './load-by-resident.js';
import { Projector, sealOf } from './projector.js';
import type { ReadModelSeal } from '../sealing/read-model-seal.js';
import { checkpointEveryPartition } from './partition-checkpoints.js';
import { partitionsOf } from './partitions.js';

export interface RebuildProgress {
  done: number;
  /** Events in the log when the rebuild started (null: the store cannot count). */
  total: number | null;
  eventsPerSecond: number;
}

export interface RebuildResult {
  events: number;
  seconds: number;
}

export async function rebuildReadModel(
  pool: pg.Pool,
  store: EventStore,
  onProgress: (progress: RebuildProgress) => void = () => undefined,
  batchSize = 2000,
  /** How rows are sealed, when the store is not the sealed one (the projector's default). */
  seal?: ReadModelSeal,
  /** PROJECTOR_PARTITIONS: the rebuilt tables get a checkpoint for each. */
  partitions = 1,
  /** Loads the second half of the resident streams beside this thread (load-by-resident.ts). */
  elsewhere?: RangeLoader,
): Promise<RebuildResult> {
  await pool.query(`DROP SCHEMA IF EXISTS ${REBUILD_SCHEMA} CASCADE`);
  await pool.query(readModelTablesSql(REBUILD_SCHEMA));
  // Counted beside the load, not before it: on a log just written (its rows not yet vacuumed),
  // the count alone took 2.5 s of a million-event rebuild. Progress shows no total until then.
  let total: number | null = null;
  const counted = store.countAfter(null).then(
    (count) => (total = count),
    () => null,
  );
  const started = performance.now();
  const rate = (done: number) => done / Math.max((performance.now() - started) / 1000, 1e-3);
  const progress = (n: number) => onProgress({ done: n, total, eventsPerSecond: rate(n) });
  const projector = new Projector(pool, store, { schema: REBUILD_SCHEMA, batchSize, keptFolds: null, ...(seal ? { seal } : {}) });
  let done = readsStreamsInOrder(store)
    ? await loadByResident(pool, store, REBUILD_SCHEMA, sealOf(store, seal), batchSize, progress, elsewhere)
    : // Up to the head as it is now: under constant writes "the end of the log" never comes.
      await projector.catchUp(progress, await store.headPosition());
  await counted;
  progress(done);
  await checkpointEveryPartition(pool, REBUILD_SCHEMA, partitions, await projector.checkpoint());
  await inTransaction(pool, async (client) => {
    // Waits for the live projector's open transaction, then nothing writes the old tables again.
    // The live projector locks the checkpoint before the tables too (projector.ts): one order, no deadlock.
    await client.query(`LOCK TABLE ${LIVE_SCHEMA}.projection_checkpoint IN ACCESS EXCLUSIVE MODE`);
    await client.query(`DROP SCHEMA ${LIVE_SCHEMA} CASCADE`);
    await client.query(`ALTER SCHEMA ${REBUILD_SCHEMA} RENAME TO ${LIVE_SCHEMA}`);
  });
  // Events appended during the rebuild are picked up by the live projector (or here, when none runs:
  // up to the head as it is now; a live projector moving the checkpoint first takes over).
  const tail = await store.headPosition();
  for (const partition of partitionsOf(partitions))
    done += await new Projector(pool, store, { batchSize, partition, keptFolds: null, ...(seal ? { seal } : {}) }).catchUp(undefined, tail);
  return { events: done, seconds: (performance.now() - started) / 1000 };
}

/** `[#####.....] 12,000/50,000 events, 21,345 events/s` for a terminal. */
export function progressBar({ done, total, eventsPerSecond }: RebuildProgress, width = 30): string {
  const fraction = total ? Math.min(done / total, 1) : 0;
  const filled = Math.round(fraction * width);
  const counts =
    total === null ? `${done.toLocaleString('en')} events` : `${done.toLocaleString('en')}/${total.toLocaleString('en')} events`;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${counts}, ${Math.round(eventsPerSecond).toLocaleString('en')} events/s`;
}
