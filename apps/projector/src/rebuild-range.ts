/**
 * One range of the resident streams loaded into the rebuild's fresh tables (loadRange) from what
 * a worker thread is given: the database, the master key and the range. It opens its own
 * connections, store and keys, as a thread shares no objects with the one that started it.
 */
import { createPgPool, PostgresEventStore, readsStreamsInOrder } from '@zairyu/event-store';
import { ResidentKeys, sealedEventStore } from '@zairyu/resident-streams';
import { loadRange, ReadModelSeal, REBUILD_SCHEMA, type StreamRange } from '@zairyu/read-model/rebuild-range';

/** What the thread is given (copied to it, so the key arrives as bytes). */
export interface RangeWork {
  databaseUrl: string;
  masterKey: Uint8Array;
  range: StreamRange;
  pageEvents: number;
}

/** What the thread says: the events loaded so far, then all it loaded. */
export type RangeMessage = { events: number } | { done: number };

export async function loadRangeOf(work: RangeWork, onPage: (events: number) => void): Promise<number> {
  const pool = createPgPool(work.databaseUrl, { applicationName: 'zairyu-rebuild-range' });
  try {
    const store = await sealedEventStore(new PostgresEventStore(pool), new ResidentKeys(pool, Buffer.from(work.masterKey)));
    if (!readsStreamsInOrder(store)) throw new Error('The PostgreSQL event store reads streams in order');
    return await loadRange(pool, store, REBUILD_SCHEMA, new ReadModelSeal(store.keys), work.pageEvents, work.range, onPage);
  } finally {
    await pool.end();
  }
}
