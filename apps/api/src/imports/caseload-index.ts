/**
 * What an import compares its rows with, read once per file from the read model (after the
 * projection has caught up): the organisation's residents by external reference, the card
 * numbers held, and the people who can be put in charge (residents/assignment.ts). Who is the
 * same person is residents/possible-duplicates.ts's to say.
 */
import type { DataSource } from 'typeorm';
import { cardHolders, caseloadResidents, type ReadModelSeal } from '@zairyu/read-model';
import type { AssigneeDirectory, Assignees } from '../residents/index.js';

export interface KnownResident {
  residentId: string;
  fullName: string;
  dateOfBirth: string;
  externalRef: string | null;
}

export interface CaseloadIndex {
  byExternalRef: Map<string, KnownResident>;
  /** Every resident by id (a card's holder is matched by date of birth). */
  residents: Map<string, KnownResident>;
  /** Card number → the resident of this organisation who holds it. */
  cardHolders: Pick<ReadonlyMap<string, string>, 'get'>;
  assignees: AssigneeDirectory;
}

export async function loadCaseloadIndex(
  dataSource: DataSource,
  seal: ReadModelSeal,
  assignees: Assignees,
  organisationId: string,
): Promise<CaseloadIndex> {
  const [residents, cards, directory] = await Promise.all([
    caseloadResidents(dataSource, seal, organisationId),
    cardHolders(dataSource, seal, organisationId),
    assignees.directory(organisationId),
  ]);
  const byExternalRef = new Map<string, KnownResident>();
  const byId = new Map<string, KnownResident>();
  for (const { residentId, fullName, dateOfBirth, externalRef } of residents) {
    const known = { residentId, fullName, dateOfBirth, externalRef };
    byId.set(residentId, known);
    if (externalRef !== null && !byExternalRef.has(externalRef)) byExternalRef.set(externalRef, known);
  }
  return { byExternalRef, residents: byId, cardHolders: cards, assignees: directory };
}
