/** The residents an employer (所属機関) record is linked to, for GET /v1/employers/{id}. */
import type pg from 'pg';
import { byName, type ReadModelSeal } from '../sealing/read-model-seal.js';

/**
 * Those under contract with it (docs/ssw-duties.md §2) or whose profile names it as their
 * employer (docs/api-v1.md: free text or an employer record id; kept as a keyed hash), by name.
 */
export async function employerResidents(
  db: pg.Pool | pg.PoolClient,
  seal: ReadModelSeal,
  organisationId: string,
  employerId: string,
): Promise<Array<{ id: string; fullName: string }>> {
  const { rows } = await db.query<{ resident_id: string; sealed: Buffer }>(
    `SELECT resident_id, sealed FROM read_model.resident_summary
     WHERE organisation_id = $1 AND (employer = $2 OR employer_key = $3)`,
    [organisationId, employerId, seal.hash(organisationId, employerId)],
  );
  const opened = await seal.open(rows);
  return rows
    .map((row) => ({ id: row.resident_id, fullName: opened.get(row.resident_id)!.fullName }))
    .sort((a, b) => byName({ fullName: a.fullName, residentId: a.id }, { fullName: b.fullName, residentId: b.id }));
}
