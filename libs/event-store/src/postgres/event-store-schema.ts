/**
 * Schema of the PostgreSQL event store, applied at start-up. Migrations are numbered and
 * applied once each, under an advisory lock so that replicas starting together do not race.
 */
import type pg from 'pg';

const MIGRATION_LOCK = 0x7a61_6972; // "zair"

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE events (
    position       bigint GENERATED ALWAYS AS IDENTITY,
    -- The writing transaction, for safe ordering of the global log (see postgres-event-store.ts).
    transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
    stream_id      text NOT NULL,
    version        integer NOT NULL CHECK (version > 0),
    event_id       uuid NOT NULL,
    type           text NOT NULL,
    occurred_on    date NOT NULL,
    data           jsonb NOT NULL,
    metadata       jsonb NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    -- Optimistic concurrency is the database's job: two writers of one version cannot both commit.
    -- The global order is the key: one index serves readers of the log and identifies a row.
    CONSTRAINT events_pkey PRIMARY KEY (transaction_id, position),
    CONSTRAINT events_stream_version_key UNIQUE (stream_id, version),
    CONSTRAINT events_event_id_key UNIQUE (event_id)
  );
  `,
  // One organisation's last event (headPosition(organisationId)): its reads wait for its own writes only.
  `CREATE INDEX events_organisation_head ON events ((metadata->>'organisationId'), transaction_id, position)`,
];

export async function migrateEventStore(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS event_store_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number }>('SELECT version FROM event_store_migrations');
    const applied = new Set(rows.map((row) => row.version));
    for (const [index, sql] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (applied.has(version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await client.query('INSERT INTO event_store_migrations (version) VALUES ($1)', [version]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}
