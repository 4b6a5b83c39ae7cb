/**
 * The deadlines a calendar feed shows — every one still to act on (upcoming, open, overdue) —
 * read in keyset batches in due order, so a caseload of any size goes out whole, with no
 * silent cut at some page size and no OFFSET that rescans what was already sent. The
 * organisation's own deadlines (no resident) go first, as one small batch.
 */
import type { DataSource } from 'typeorm';
import { deadlineView, type DeadlineRecord, type DeadlineState, type LocalDate } from '@zairyu/domain';
import { employerNames } from '../employers/employer-names.js';
import { deadlineRowView, DEADLINE_STATE_SQL, type DeadlineRow } from './deadline-rows.js';
import type { FeedDeadline } from './icalendar.js';

/** Small enough that writing one batch holds the event loop for a fraction of a second. */
export const FEED_BATCH = 500;

const STILL_TO_ACT: ReadonlySet<DeadlineState> = new Set(['upcoming', 'open', 'overdue']);

/** The organisation's own deadlines (its registration as a 登録支援機関) still to act on. */
export function organisationFeedDeadlines(own: readonly DeadlineRecord[], asOf: LocalDate): FeedDeadline[] {
  return own
    .filter((deadline) => deadline.createdOn <= asOf)
    .map((deadline) => deadlineView(deadline, asOf))
    .filter((view) => STILL_TO_ACT.has(view.state))
    .map((view) => ({ ...view, residentId: null, residentName: null }));
}

export async function* feedDeadlines(dataSource: DataSource, organisationId: string, asOf: LocalDate): AsyncGenerator<FeedDeadline[]> {
  let after: { dueOn: string; residentId: string; id: string } = {
    dueOn: '0001-01-01',
    residentId: '00000000-0000-0000-0000-000000000000',
    id: '',
  };
  for (;;) {
    const rows: Array<DeadlineRow & { resident_id: string; resident_name: string }> = await dataSource.query(
      `SELECT d.id, d.resident_id, d.resident_name, d.kind, d.created_on::text AS created_on, d.opens_on::text AS opens_on,
              d.due_on::text AS due_on, d.statutory_due_on::text AS statutory_due_on, d.met_on::text AS met_on,
              d.void_on::text AS void_on, d.source_event_id, d.employer
       FROM read_model.deadline d
       WHERE d.organisation_id = $1 AND d.created_on <= $3::date
         AND ${DEADLINE_STATE_SQL} IN ('upcoming', 'open', 'overdue')
         AND (d.due_on, d.resident_id, d.id) > ($2::date, $4::uuid, $5::text)
       ORDER BY d.due_on, d.resident_id, d.id LIMIT ${FEED_BATCH}`,
      [organisationId, after.dueOn, asOf, after.residentId, after.id],
    );
    if (rows.length === 0) return;
    const names = await employerNames(
      dataSource,
      organisationId,
      rows.map((row) => row.employer),
    );
    yield rows.map((row) => {
      const view = deadlineRowView(row, asOf);
      return {
        ...view,
        residentId: row.resident_id,
        residentName: row.resident_name,
        employerName: view.employer == null ? null : (names.get(view.employer) ?? null),
      };
    });
    const last = rows.at(-1)!;
    if (rows.length < FEED_BATCH) return;
    after = { dueOn: last.due_on, residentId: last.resident_id, id: last.id };
  }
}
