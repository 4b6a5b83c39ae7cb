/**
 * The names of residents, opened from their sealed summary rows (a deadline row does not repeat
 * the name): one read and one key look-up for all of them, one opening per resident.
 */
import type { ReadModelSeal } from '../sealing/read-model-seal.js';

/** A query on whichever connection the caller reads with (a DataSource, a pool, a client). */
export type RunQuery = (sql: string, params: unknown[]) => Promise<Array<Record<string, unknown>>>;

export async function residentNames(
  run: RunQuery,
  seal: ReadModelSeal,
  organisationId: string,
  residentIds: ReadonlyArray<string | null>,
): Promise<Map<string, string>> {
  const ids = [...new Set(residentIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = (await run(
    'SELECT resident_id, sealed FROM read_model.resident_summary WHERE organisation_id = $1 AND resident_id = ANY($2::uuid[])',
    [organisationId, ids],
  )) as Array<{ resident_id: string; sealed: Buffer }>;
  const opened = await seal.open(rows);
  return new Map([...opened].map(([id, columns]) => [id, columns.fullName]));
}

/** The rows with each resident's name filled in (null for the organisation's own deadlines, or a resident gone since). */
export async function withResidentNames<T extends { resident_id: string | null; resident_name: string | null }>(
  run: RunQuery,
  seal: ReadModelSeal,
  organisationId: string,
  rows: T[],
): Promise<T[]> {
  const names = await residentNames(
    run,
    seal,
    organisationId,
    rows.map((row) => row.resident_id),
  );
  return rows.map((row) => ({ ...row, resident_name: row.resident_id === null ? null : (names.get(row.resident_id) ?? null) }));
}
