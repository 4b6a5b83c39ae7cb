/** The residents an employer (所属機関) record is linked to, for GET /v1/employers/{id}. */
import type pg from 'pg';

/**
 * Those under contract with it (docs/ssw-duties.md §2) or whose profile names it as their
 * employer (docs/api-v1.md: free text or an employer record id), by name.
 */
export async function employerResidents(
  db: pg.Pool | pg.PoolClient,
  organisationId: string,
  employerId: string,
): Promise<Array<{ id: string; fullName: string }>> {
  const { rows } = await db.query<{ id: string; full_name: string }>(
    `SELECT resident_id AS id, full_name FROM read_model.resident_summary
     WHERE organisation_id = $1 AND (employer = $2 OR profile->>'employer' = $2) ORDER BY lower(full_name), resident_id`,
    [organisationId, employerId],
  );
  return rows.map((row) => ({ id: row.id, fullName: row.full_name }));
}
