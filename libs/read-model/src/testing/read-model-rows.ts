/**
 * Every row of the read models, in key order, as PostgreSQL's text of the row: what the tests
 * compare when they say a rebuild, a partition or a restart gives the same rows as the live projection.
 */
import type pg from 'pg';

const KEY_ORDER = {
  resident_summary: 'organisation_id, resident_id',
  card_registry: 'organisation_id, card_number',
  deadline: 'organisation_id, resident_id, id',
  resident_search_token: 'organisation_id, token, resident_id',
  projection_quarantine: 'resident_id',
} as const;

export type ReadModelTable = keyof typeof KEY_ORDER;

const PROJECTED: readonly ReadModelTable[] = ['resident_summary', 'card_registry', 'deadline', 'resident_search_token'];

/** The projected tables and the quarantine of residents that could not be projected. */
export const EVERY_READ_MODEL_TABLE = Object.keys(KEY_ORDER) as readonly ReadModelTable[];

export async function readModelRows(pool: pg.Pool, tables: readonly ReadModelTable[] = PROJECTED): Promise<string[]> {
  const out: string[] = [];
  for (const table of tables) {
    const { rows } = await pool.query<{ row: string }>(`SELECT t::text AS row FROM read_model.${table} t ORDER BY ${KEY_ORDER[table]}`);
    out.push(...rows.map(({ row }) => row));
  }
  return out;
}
