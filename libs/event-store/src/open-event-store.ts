import type pg from 'pg';
import type { EventStore } from './event-store.js';
import { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store.js';
import { PostgresEventStore } from './postgres/postgres-event-store.js';

export interface EventStoreChoice {
  /** `postgres` (the default, in the pool's database) or `kurrentdb` at `kurrentDbUrl`. */
  eventStore: 'postgres' | 'kurrentdb';
  kurrentDbUrl?: string | undefined;
}

export async function openEventStore(choice: EventStoreChoice, pool: pg.Pool): Promise<EventStore> {
  if (choice.eventStore === 'kurrentdb') {
    if (!choice.kurrentDbUrl) throw new Error('EVENT_STORE=kurrentdb needs KURRENTDB_URL.');
    return KurrentDbEventStore.connect(choice.kurrentDbUrl);
  }
  return PostgresEventStore.open(pool);
}
