/**
 * A take-over (ExistingStatusRecorded) has two dates (docs/domain-rules.md §8). The facts it
 * states — status, period, card, designation, employer — hold from the day they began: the grant
 * (`grantedOn`), else the card's issue (`card.issuedOn`, since a card comes with the grant or
 * after it), else the take-over day itself. The duties are followed from the take-over day
 * (`occurredOn`), when the ledger began following the person.
 */
import type { LocalDate } from '../calendar/local-date.js';
import type { EventDataByType } from '../events/events.js';

type TakeOver = { occurredOn: LocalDate; data: EventDataByType['ExistingStatusRecorded'] };

/** The first day the facts a take-over states are known to hold. */
export function takeOverHoldsFrom(event: TakeOver): LocalDate {
  return event.data.grantedOn ?? event.data.card?.issuedOn ?? event.occurredOn;
}
