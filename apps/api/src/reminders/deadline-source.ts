/**
 * The organisation's deadlines that may matter to a digest on `day`: those that exist by then
 * and are neither met nor void by then (the read model's rows; domain-rules "as of"), and the
 * organisation's own deadlines (residentId null).
 */
import type pg from 'pg';
import type { DigestDeadline, LocalDate } from '@zairyu/domain';
import { organisationOwnDeadlines } from '../employers/organisation-registration.js';

export async function liveDeadlines(db: pg.Pool | pg.PoolClient, organisationId: string, day: LocalDate): Promise<DigestDeadline[]> {
  const { rows } = await db.query(
    `SELECT d.resident_id || ':' || d.id AS key, d.resident_id, d.resident_name, s.assigned_to, d.kind, d.created_on::text AS created_on,
            d.opens_on::text AS opens_on, d.due_on::text AS due_on, d.met_on::text AS met_on, d.void_on::text AS void_on
     FROM read_model.deadline d
     LEFT JOIN read_model.resident_summary s ON s.organisation_id = d.organisation_id AND s.resident_id = d.resident_id
     WHERE d.organisation_id = $1 AND d.created_on <= $2::date
       AND (d.met_on IS NULL OR d.met_on > $2::date) AND (d.void_on IS NULL OR d.void_on > $2::date)`,
    [organisationId, day],
  );
  const residents: DigestDeadline[] = rows.map((row) => ({
    key: row.key,
    residentId: row.resident_id,
    residentName: row.resident_name,
    assignedTo: row.assigned_to,
    kind: row.kind,
    createdOn: row.created_on,
    opensOn: row.opens_on,
    dueOn: row.due_on,
    metOn: row.met_on,
    voidOn: row.void_on,
  }));
  // The organisation's own (its registration renewal, docs/ssw-duties.md §7), by the same test.
  const own = (await organisationOwnDeadlines(db, organisationId)).deadlines
    .filter((d) => d.createdOn <= day && (d.metOn === null || d.metOn > day) && (d.voidOn === null || d.voidOn > day))
    .map((d) => ({
      key: `organisation:${d.id}`,
      residentId: null,
      residentName: null,
      assignedTo: null,
      kind: d.kind,
      createdOn: d.createdOn,
      opensOn: d.opensOn,
      dueOn: d.dueOn,
      metOn: d.metOn,
      voidOn: d.voidOn,
    }));
  return [...residents, ...own];
}
