/**
 * The residents a new one may be the same person as (docs/api-v1.md: same name words, date of
 * birth and nationality: 409 POSSIBLE_DUPLICATE), and the whole caseload by the keys an import
 * matches its rows on. `nameKey` is what the projection stored (search-text.ts).
 */
import type { DataSource } from 'typeorm';
import { nameKey } from '../search/search-text.js';

export interface RegistrationKey {
  fullName: string;
  dateOfBirth: string;
  nationality: string;
}

/** The first registered open resident with the same key, other than `ownId`. */
export async function possibleDuplicate(
  dataSource: DataSource,
  organisationId: string,
  registration: RegistrationKey,
  ownId: string,
): Promise<{ residentId: string; fullName: string } | null> {
  const rows: Array<{ resident_id: string; full_name: string }> = await dataSource.query(
    `SELECT resident_id, full_name FROM read_model.resident_summary
     WHERE organisation_id = $1 AND date_of_birth = $2::date AND name_key = $3 AND nationality = $4 AND NOT closed
       AND resident_id <> $5::uuid
     ORDER BY registered_at LIMIT 1`,
    [organisationId, registration.dateOfBirth, nameKey(registration.fullName), registration.nationality, ownId],
  );
  const row = rows[0];
  return row === undefined ? null : { residentId: row.resident_id, fullName: row.full_name };
}

export interface CaseloadResident extends RegistrationKey {
  residentId: string;
  externalRef: string | null;
  closed: boolean;
}

/** Every resident of the organisation, the first registered first. */
export async function caseloadResidents(dataSource: DataSource, organisationId: string): Promise<CaseloadResident[]> {
  const rows: Array<{
    resident_id: string;
    full_name: string;
    date_of_birth: string;
    nationality: string;
    external_ref: string | null;
    closed: boolean;
  }> = await dataSource.query(
    `SELECT resident_id, full_name, date_of_birth::text AS date_of_birth, nationality, external_ref, closed
     FROM read_model.resident_summary WHERE organisation_id = $1 ORDER BY registered_at`,
    [organisationId],
  );
  return rows.map((row) => ({
    residentId: row.resident_id,
    fullName: row.full_name,
    dateOfBirth: row.date_of_birth,
    nationality: row.nationality,
    externalRef: row.external_ref,
    closed: row.closed,
  }));
}
