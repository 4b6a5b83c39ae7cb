/**
 * The residents a new one may be the same person as (docs/api-v1.md: same name words, date of
 * birth and nationality: 409 POSSIBLE_DUPLICATE), and the whole caseload by the keys an import
 * matches its rows on. The projection stores the keyed hash of `personKey` (the name words,
 * the date of birth and the nationality), never the text.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import type { ReadModelSeal } from '../sealing/read-model-seal.js';
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
  seal: ReadModelSeal,
  organisationId: string,
  people: readonly RegistrationKey[],
): Promise<Map<string, SamePerson[]>> {
  const found = new Map<string, SamePerson[]>();
  if (people.length === 0) return found;
  // A whole file's people are hashed here (20,000: 0.3 s): the loop is given back in between.
  const keyOf = new Map<string, string>();
  for (const [index, person] of people.entries()) {
    if (index > 0 && index % 1000 === 0) await nextTurn();
    const key = personKey(person);
    keyOf.set(seal.hash(organisationId, key), key);
  }
  const rows: Array<{ resident_id: string; sealed: Buffer; person_key: string }> = await dataSource.query(
    `SELECT resident_id, sealed, person_key FROM read_model.resident_summary
     WHERE organisation_id = $1 AND NOT closed AND person_key = ANY($2::text[])
     ORDER BY registered_at, resident_id`,
    [organisationId, [...keyOf.keys()]],
  );
  const opened = await seal.open(rows);
  for (const row of rows) {
    const key = keyOf.get(row.person_key)!;
    found.set(key, [...(found.get(key) ?? []), { residentId: row.resident_id, fullName: opened.get(row.resident_id)!.fullName }]);
  }
  return found;
}

export interface CaseloadResident extends RegistrationKey {
  residentId: string;
  externalRef: string | null;
  closed: boolean;
}

/** Every resident of the organisation, the first registered first (every row opened: an import reads the whole caseload once). */
export async function caseloadResidents(dataSource: DataSource, seal: ReadModelSeal, organisationId: string): Promise<CaseloadResident[]> {
  const rows: Array<{ resident_id: string; sealed: Buffer; nationality: string; closed: boolean }> = await dataSource.query(
    `SELECT resident_id, sealed, nationality, closed FROM read_model.resident_summary WHERE organisation_id = $1 ORDER BY registered_at`,
    [organisationId],
  );
  const opened = await seal.open(rows);
  return rows.map((row) => {
    const personal = opened.get(row.resident_id)!;
    return {
      residentId: row.resident_id,
      fullName: personal.fullName,
      dateOfBirth: personal.dateOfBirth,
      nationality: row.nationality,
      externalRef: personal.externalRef,
      closed: row.closed,
    };
  });
}
