/**
 * The deadlines a calendar feed shows — every one still to act on (upcoming, open, overdue),
 * the whole caseload in batches (libs/read-model deadlines-to-act-on.ts) — with the employers'
 * names. The organisation's own deadlines (no resident) go first, as one small batch.
 */
import type { DataSource } from 'typeorm';
import { deadlineView, type DeadlineRecord, type DeadlineState, type LocalDate } from '@zairyu/domain';
import { deadlineRowView, deadlinesToActOn, type ReadModelSeal } from '@zairyu/read-model';
import { employerNames } from '../employers/index.js';
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

export async function* feedDeadlines(
  dataSource: DataSource,
  seal: ReadModelSeal,
  organisationId: string,
  asOf: LocalDate,
): AsyncGenerator<FeedDeadline[]> {
  for await (const rows of deadlinesToActOn(dataSource, seal, organisationId, asOf, FEED_BATCH)) {
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
  }
}
