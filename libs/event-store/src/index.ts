export * from './event-store.js';
export * from './errors.js';
export * from './global-position.js';
export * from './reservations.js';
export { createPgPool, inTransaction, type PoolOptions } from './postgres/pg-pool.js';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store.js';
export { migrateEventStore } from './postgres/event-store-schema.js';
export { startEmbeddedPostgres, freePort, type RunningPostgres } from './postgres/embedded-postgres-server.js';
export { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store.js';
