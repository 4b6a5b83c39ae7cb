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

/** Two registrations with the same key are probably the same person (name words in any order, accents and case aside). */
export function personKey(person: RegistrationKey): string {
  return `${nameKey(person.fullName)}|${person.dateOfBirth}|${person.nationality}`;
}

export interface SamePerson {
  residentId: string;
  fullName: string;
}

/**
 * The open residents of the organisation each of `people` may be (one query for a whole import
 * batch): by `personKey`, every match, the first registered first.
 */
export async function samePeople(
  dataSource: DataSource,
  organisationId: string,
  people: readonly RegistrationKey[],
): Promise<Map<string, SamePerson[]>> {
  const found = new Map<string, SamePerson[]>();
  if (people.length === 0) return found;
  const rows: Array<{ resident_id: string; full_name: string; name_key: string; date_of_birth: string; nationality: string }> =
    await dataSource.query(
      `SELECT resident_id, full_name, name_key, date_of_birth::text AS date_of_birth, nationality FROM read_model.resident_summary
       WHERE organisation_id = $1 AND NOT closed
         AND (name_key, date_of_birth, nationality) IN (SELECT * FROM unnest($2::text[], $3::date[], $4::text[]))
       ORDER BY registered_at, resident_id`,
      [
        organisationId,
        people.map((person) => nameKey(person.fullName)),
        people.map((person) => person.dateOfBirth),
        people.map((person) => person.nationality),
      ],
    );
  for (const row of rows) {
    const key = `${row.name_key}|${row.date_of_birth}|${row.nationality}`;
    found.set(key, [...(found.get(key) ?? []), { residentId: row.resident_id, fullName: row.full_name }]);
  }
  return found;
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
