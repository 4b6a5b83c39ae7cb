/**
 * A bulk load into tables without their indexes, which are built again afterwards exactly as
 * they were defined (the definitions are read from the catalogue before they are dropped): a
 * B-tree built once from sorted rows costs far less than one grown by random inserts, above all
 * for keyed hashes, whose order is random. Nothing may read the tables while they load.
 */
import type pg from 'pg';

export async function loadWithoutIndexes(pool: pg.Pool, tables: readonly string[], load: () => Promise<void>): Promise<void> {
  const { rows: constraints } = await pool.query<{ tbl: string; name: string; definition: string }>(
    `SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c WHERE c.conrelid = ANY($1::regclass[]) AND c.contype IN ('p', 'u')`,
    [tables],
  );
  const { rows: indexes } = await pool.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i WHERE i.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  for (const index of indexes) await pool.query(`DROP INDEX ${index.name}`);
  for (const constraint of constraints) await pool.query(`ALTER TABLE ${constraint.tbl} DROP CONSTRAINT "${constraint.name}"`);
  try {
    await load();
  } finally {
    const client = await pool.connect();
    try {
      // Sorted in memory rather than in temporary files, where the machine has it to spare.
      await client.query(`SET maintenance_work_mem = '512MB'`);
      for (const constraint of constraints)
        await client.query(`ALTER TABLE ${constraint.tbl} ADD CONSTRAINT "${constraint.name}" ${constraint.definition}`);
      for (const index of indexes) await client.query(index.definition);
    } finally {
      client.release();
    }
  }
}
