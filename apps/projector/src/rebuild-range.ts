/**
 * A worker thread of `npm run projections:rebuild`: loads one range of the resident streams into
 * the rebuild's fresh tables (loadRange), with connections and keys of its own, and reports the
 * events loaded as it goes. The main thread loads the other range, then finishes the tables.
 */
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { createPgPool, PostgresEventStore, readsStreamsInOrder } from '@zairyu/event-store';
import { ResidentKeys, sealedEventStore } from '@zairyu/resident-streams';
import { loadRange, ReadModelSeal, REBUILD_SCHEMA, type StreamRange } from '@zairyu/read-model';

export interface RangeWork {
  databaseUrl: string;
  masterKey: Uint8Array;
  range: StreamRange;
  pageEvents: number;
}

export type RangeMessage = { events: number } | { done: number };

const work = workerData as RangeWork;
const pool = createPgPool(work.databaseUrl, { applicationName: 'zairyu-rebuild-range' });
try {
  const store = await sealedEventStore(new PostgresEventStore(pool), new ResidentKeys(pool, Buffer.from(work.masterKey)));
  if (!readsStreamsInOrder(store)) throw new Error('The PostgreSQL event store reads streams in order');
  const post = (message: RangeMessage) => parentPort!.postMessage(message);
  const done = await loadRange(pool, store, REBUILD_SCHEMA, new ReadModelSeal(store.keys), work.pageEvents, work.range, (events) =>
    post({ events }),
  );
  post({ done });
} finally {
  await pool.end();
}
