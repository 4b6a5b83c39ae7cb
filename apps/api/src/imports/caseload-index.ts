/**
 * What an import compares its rows with, read once per file from the read model (after the
 * projection has caught up): the organisation's residents by external reference and by the
 * possible-duplicate key (name words, date of birth, nationality; residents/possible-duplicates.ts),
 * the card numbers held, and the people who can be put in charge.
 */
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { nameKey } from '@zairyu/read-model';

export interface KnownResident {
  residentId: string;
  fullName: string;
  closed: boolean;
}

export interface CaseloadIndex {
  byExternalRef: Map<string, KnownResident>;
  /** Open residents only, by `duplicateKey`. */
  byPerson: Map<string, KnownResident>;
  /** Card number → the resident of this organisation who holds it. */
  cardHolders: Map<string, string>;
  /** An e-mail (lower case), a user id or a name → the user id of an enabled caseworker or manager. */
  assignees: Map<string, string>;
}

export function duplicateKey(person: { fullName: string; dateOfBirth: string; nationality: string }): string {
  return `${nameKey(person.fullName)}|${person.dateOfBirth}|${person.nationality}`;
}

export async function loadCaseloadIndex(dataSource: DataSource, pool: pg.Pool, organisationId: string): Promise<CaseloadIndex> {
  const [residents, cards, people] = await Promise.all([
    dataSource.query(
      `SELECT resident_id, full_name, date_of_birth::text AS date_of_birth, nationality, external_ref, closed
       FROM read_model.resident_summary WHERE organisation_id = $1 ORDER BY registered_at`,
      [organisationId],
    ) as Promise<
      Array<{
        resident_id: string;
        full_name: string;
        date_of_birth: string;
        nationality: string;
        external_ref: string | null;
        closed: boolean;
      }>
    >,
    dataSource.query('SELECT card_number, resident_id FROM read_model.card_registry WHERE organisation_id = $1', [
      organisationId,
    ]) as Promise<Array<{ card_number: string; resident_id: string }>>,
    pool.query<{ id: string; email: string; name: string }>(
      `SELECT id, email, name FROM platform.app_user
       WHERE organisation_id = $1 AND disabled_at IS NULL AND role IN ('caseworker', 'manager')`,
      [organisationId],
    ),
  ]);
  const index: CaseloadIndex = { byExternalRef: new Map(), byPerson: new Map(), cardHolders: new Map(), assignees: new Map() };
  for (const row of residents) {
    const known = { residentId: row.resident_id, fullName: row.full_name, closed: row.closed };
    if (row.external_ref !== null && !index.byExternalRef.has(row.external_ref)) index.byExternalRef.set(row.external_ref, known);
    const key = duplicateKey({ fullName: row.full_name, dateOfBirth: row.date_of_birth, nationality: row.nationality });
    if (!row.closed && !index.byPerson.has(key)) index.byPerson.set(key, known);
  }
  for (const card of cards) index.cardHolders.set(card.card_number, card.resident_id);
  for (const person of people.rows) {
    index.assignees.set(person.id, person.id);
    index.assignees.set(person.email.toLowerCase(), person.id);
    index.assignees.set(person.name.normalize('NFKC').trim(), person.id);
  }
  return index;
}
