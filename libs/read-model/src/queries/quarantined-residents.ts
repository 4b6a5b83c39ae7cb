/** The residents the projection has quarantined (projection/quarantine.ts), oldest first: /health and the admin read them. */
import type pg from 'pg';

export interface QuarantineEntry {
  residentId: string;
  organisationId: string | null;
  version: number | null;
  error: string;
  /** When it last failed (ISO 8601). */
  since: string;
}

export interface QuarantineList {
  total: number;
  items: QuarantineEntry[];
}

export async function quarantinedResidents(pool: pg.Pool, limit = 100): Promise<QuarantineList> {
  const { rows } = await pool.query<{
    resident_id: string;
    organisation_id: string | null;
    version: number | null;
    error: string;
    since: Date;
    total: number;
  }>(
    `SELECT resident_id, organisation_id, version, error, quarantined_at AS since, count(*) OVER ()::int AS total
       FROM read_model.projection_quarantine ORDER BY quarantined_at, resident_id LIMIT $1`,
    [limit],
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((row) => ({
      residentId: row.resident_id,
      organisationId: row.organisation_id,
      version: row.version,
      error: row.error,
      since: row.since.toISOString(),
    })),
  };
}
