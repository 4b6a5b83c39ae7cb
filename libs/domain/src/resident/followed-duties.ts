/**
 * Duties of a resident taken over are followed from the take-over day (docs/domain-rules.md §8):
 * a duty whose last day fell before it belonged to whoever followed the person then, and the
 * ledger cannot know whether it was met, so it is not opened (never shown overdue). One that is
 * still running on that day is opened as usual. A recurring duty whose latest instance fell due
 * before the take-over starts its cycle again on the take-over day (reading): the 3-monthly
 * interview of a supported worker is due 3 months after it.
 */
import type { LocalDate } from '../calendar/local-date.js';
import type { DeadlineKind } from '../deadline-catalogue.js';
import { nextInterviewDue } from '../ssw/ssw-periods.js';

interface Duty {
  kind: DeadlineKind;
  createdOn: LocalDate;
  statutoryDueOn: LocalDate;
  opensOn?: LocalDate | null;
}

/** The duty as followed from `followedFrom` (null: not followed: it fell due before); `dueOn` after the holiday move. */
export function followedDuty<T extends Duty>(duty: T, dueOn: LocalDate, followedFrom: LocalDate | null): T | null {
  if (followedFrom === null || dueOn >= followedFrom) return duty;
  if (duty.kind === 'support_interview') {
    return { ...duty, createdOn: followedFrom, opensOn: null, statutoryDueOn: nextInterviewDue(followedFrom) };
  }
  return null;
}
