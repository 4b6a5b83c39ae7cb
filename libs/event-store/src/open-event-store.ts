import type pg from 'pg';
import type { EventStore } from './event-store.js';
import { PostgresEventStore } from './postgres/postgres-event-store.js';

export interface EventStoreChoice {
  /** `postgres` (the default, in the pool's database) or `kurrentdb` at `kurrentDbUrl`. */
  eventStore: 'postgres' | 'kurrentdb';
  kurrentDbUrl?: string | undefined;
}

export async function openEventStore(choice: EventStoreChoice, pool: pg.Pool): Promise<EventStore> {
  if (choice.eventStore === 'kurrentdb') {
    if (!choice.kurrentDbUrl) throw new Error('EVENT_STORE=kurrentdb needs KURRENTDB_URL.');
    // Loaded only when chosen: its gRPC client and protocol modules took 6.5 MB of the API's heap and 11 MB of its RSS at start.
    const { KurrentDbEventStore } = await import('./kurrentdb/kurrentdb-event-store.js');
    return KurrentDbEventStore.connect(choice.kurrentDbUrl);
  }
  return PostgresEventStore.open(pool);
}
