/**
 * What the review facts, and the facts that end a review, do to a resident's deadlines. evolve
 * runs the core rules first and then `reviewAfterFact(state, fact)`.
 */
import { addMonths } from '../calendar/legal-periods.js';
import type { RecordedEvent } from '../events/events.js';
import { meetDeadlines, openDeadline, voidDeadlines } from '../resident/deadline-book.js';
import type { ResidentState } from '../resident/state.js';
import { COE_VALIDITY_MONTHS, type ReviewDeadlineKind } from './review-deadline-kinds.js';

const REVIEW_REQUESTS: readonly ReviewDeadlineKind[] = ['additional_documents', 'summons_appearance'];

/** A decision ends the review: what the office still asked for is moot. */
const DECISIONS = new Set<string>([
  'ExtensionGranted',
  'ExtensionDenied',
  'StatusChangeGranted',
  'StatusChangeDenied',
  'PermanentResidenceGranted',
  'PermanentResidenceDenied',
  'StatusAcquisitionGranted',
  'CoeIssued',
]);

export function reviewAfterFact(state: ResidentState, event: RecordedEvent): ResidentState {
  const on = event.occurredOn;
  const id = event.eventId;
  let next = DECISIONS.has(event.type)
    ? voidDeadlines(state, on, (deadline) => (REVIEW_REQUESTS as readonly string[]).includes(deadline.kind))
    : state;
  switch (event.type) {
    case 'AdditionalDocumentsRequested':
      return openDeadline(next, { kind: 'additional_documents', sourceEventId: id, createdOn: on, statutoryDueOn: event.data.dueOn });
    case 'AdditionalDocumentsSubmitted':
      return meetDeadlines(next, ['additional_documents'], on, id);
    case 'SummonsIssued':
      return openDeadline(next, { kind: 'summons_appearance', sourceEventId: id, createdOn: on, statutoryDueOn: event.data.appearOn });
    case 'SummonsAttended':
      return meetDeadlines(next, ['summons_appearance'], on, id);
    case 'CoeIssued':
      // A new certificate replaces one not used.
      next = voidDeadlines(next, on, (deadline) => deadline.kind === 'coe_entry');
      // 民法140: the day of issue is not counted; 143②: from a month's last day to the target month's last.
      return openDeadline(next, {
        kind: 'coe_entry',
        sourceEventId: id,
        createdOn: on,
        statutoryDueOn: addMonths(event.data.issuedOn, COE_VALIDITY_MONTHS),
      });
    case 'Landed':
      return meetDeadlines(next, ['coe_entry'], on, id);
    default:
      return next;
  }
}
