/**
 * Rows of a batch that PostgreSQL refuses for what one resident's hold (a NUL in a name: its
 * jsonb takes none) are written again resident by resident, each under a savepoint of its own,
 * so that only that resident is quarantined and everyone else's rows are written.
 */
import type pg from 'pg';
import { describeFault, isResidentFault, type QuarantinedResident } from './quarantine.js';
import type { ResidentRows } from './resident-rows.js';

/** A resident a batch touches and its new rows (null: it has none, e.g. erased). */
export interface Projected {
  residentId: string;
  rows: ResidentRows | null;
}

/** Writes each resident with `write`; returns those refused (their writes undone), to be quarantined. */
export async function writeEachApart(
  client: pg.PoolClient,
  projected: readonly Projected[],
  write: (residents: readonly Projected[]) => Promise<void>,
): Promise<QuarantinedResident[]> {
  const refused: QuarantinedResident[] = [];
  for (const resident of projected) {
    await client.query('SAVEPOINT resident_rows');
    try {
      await write([resident]);
      await client.query('RELEASE SAVEPOINT resident_rows');
    } catch (error) {
      if (!isResidentFault(error)) throw error;
      await client.query('ROLLBACK TO SAVEPOINT resident_rows');
      refused.push({
        residentId: resident.residentId,
        organisationId: resident.rows?.summary.organisationId ?? null,
        version: resident.rows?.summary.version ?? null,
        error: describeFault(error),
      });
    }
  }
  return refused;
}

/** The residents' ids and the rows of those that have any, as ResidentRowsWriter takes them. */
export function rowsOf(projected: readonly Projected[]): [residentIds: string[], rows: ResidentRows[]] {
  return [
    projected.map((resident) => resident.residentId),
    projected.flatMap((resident) => (resident.rows === null ? [] : [resident.rows])),
  ];
}
