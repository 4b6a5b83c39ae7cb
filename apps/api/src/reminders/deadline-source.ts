/**
 * The organisation's deadlines that may matter to a digest on `day`: those that exist by then
 * and are neither met nor void by then (the read model's rows; domain-rules "as of"), and the
 * organisation's own deadlines (residentId null).
 */
import type pg from 'pg';
import type { DigestDeadline, LocalDate } from '@zairyu/domain';
import { liveResidentDeadlines, type ReadModelSeal } from '@zairyu/read-model';
import { organisationOwnDeadlines } from '../employers/index.js';

export async function liveDeadlines(
  db: pg.Pool | pg.PoolClient,
  seal: ReadModelSeal,
  organisationId: string,
  day: LocalDate,
): Promise<DigestDeadline[]> {
  const residents = await liveResidentDeadlines(db, seal, organisationId, day);
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
