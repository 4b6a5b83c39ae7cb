/**
 * What an import compares its rows with, read once per file from the read model (after the
 * projection has caught up): the organisation's residents by external reference and by the
 * possible-duplicate key (name words, date of birth, nationality; residents/possible-duplicates.ts),
 * the card numbers held, and the people who can be put in charge.
 */
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { cardHolders, caseloadResidents, nameKey } from '@zairyu/read-model';

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
    caseloadResidents(dataSource, organisationId),
    cardHolders(dataSource, organisationId),
    pool.query<{ id: string; email: string; name: string }>(
      `SELECT id, email, name FROM platform.app_user
       WHERE organisation_id = $1 AND disabled_at IS NULL AND role IN ('caseworker', 'manager')`,
      [organisationId],
    ),
  ]);
  const index: CaseloadIndex = { byExternalRef: new Map(), byPerson: new Map(), cardHolders: cards, assignees: new Map() };
  for (const resident of residents) {
    const known = { residentId: resident.residentId, fullName: resident.fullName, closed: resident.closed };
    if (resident.externalRef !== null && !index.byExternalRef.has(resident.externalRef))
      index.byExternalRef.set(resident.externalRef, known);
    const key = duplicateKey(resident);
    if (!resident.closed && !index.byPerson.has(key)) index.byPerson.set(key, known);
  }
  for (const person of people.rows) {
    index.assignees.set(person.id, person.id);
    index.assignees.set(person.email.toLowerCase(), person.id);
    index.assignees.set(person.name.normalize('NFKC').trim(), person.id);
  }
  return index;
}
