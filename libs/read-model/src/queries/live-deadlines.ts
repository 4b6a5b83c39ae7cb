/**
 * The residents' deadlines that may matter to a morning digest on `day`: those that exist by
 * then and are neither met nor void by then (docs/domain-rules.md "as of"), with the person in
 * charge of the resident. Read by the reminder jobs, outside requests, on their own connection.
 */
import type pg from 'pg';
import type { DigestDeadline, LocalDate } from '@zairyu/domain';
import type { ReadModelSeal } from '../sealing/read-model-seal.js';
import { residentNames } from './resident-names.js';

export async function liveResidentDeadlines(
  db: pg.Pool | pg.PoolClient,
  seal: ReadModelSeal,
  organisationId: string,
  day: LocalDate,
): Promise<DigestDeadline[]> {
  const { rows } = await db.query(
    `SELECT d.resident_id || ':' || d.id AS key, d.resident_id, s.assigned_to, d.kind, d.created_on::text AS created_on,
            d.opens_on::text AS opens_on, d.due_on::text AS due_on, d.met_on::text AS met_on, d.void_on::text AS void_on
     FROM read_model.deadline d
     LEFT JOIN read_model.resident_summary s ON s.organisation_id = d.organisation_id AND s.resident_id = d.resident_id
     WHERE d.organisation_id = $1 AND d.created_on <= $2::date
       AND (d.met_on IS NULL OR d.met_on > $2::date) AND (d.void_on IS NULL OR d.void_on > $2::date)`,
    [organisationId, day],
  );
  const names = await residentNames(
    async (sql, values) => (await db.query(sql, values)).rows,
    seal,
    organisationId,
    rows.map((row) => row.resident_id),
  );
  return rows.map((row) => ({
    key: row.key,
    residentId: row.resident_id,
    residentName: names.get(row.resident_id) ?? null,
    assignedTo: row.assigned_to,
    kind: row.kind,
    createdOn: row.created_on,
    opensOn: row.opens_on,
    dueOn: row.due_on,
    metOn: row.met_on,
    voidOn: row.void_on,
  }));
}
