/**
 * Time passing changes a resident's position with no event: a re-entry permit lapses, a
 * card runs out. `advance(state, until)` applies every such change due on or before `until`,
 * in date order, so the fold sees them before any later fact.
 */
import { addDays, type LocalDate } from '../calendar/local-date.js';
import { openDeadline } from './deadline-book.js';
import { NOTIFICATION_DAYS } from '../rules/notification-periods.js';
import type { ResidentState } from './state.js';
import { endStay, owesCardSurrender } from './stay-transitions.js';
import { sswAfterTime, sswFiscalYearTrigger } from '../ssw/ssw-step.js';
import { skillDevelopmentAfterTime } from '../skill-development/skill-development-step.js';

/** Advance to the end of time to see every change the recorded facts already imply. */
export const END_OF_TIME = '9999-12-31' as LocalDate;

interface Trigger {
  on: LocalDate;
  apply: (state: ResidentState) => ResidentState;
}

/**
 * Not back by the re-entry deadline: the status is lost and the card invalid from the next
 * day (19条の14; docs/sources/card-number-check.md §5.2), and the card is owed back within 14 days (docs/sources/residence-card-guide.md §1-4).
 */
function reentryLapse(state: ResidentState): Trigger | null {
  const abroad = state.abroad;
  if (abroad === null) return null;
  const lapseDay = addDays(abroad.reentryBy, 1);
  return {
    on: lapseDay,
    apply: (current) =>
      owesCardSurrender(
        { ...endStay(current, lapseDay, 'reentry_lapsed', ['card_surrender', 'reentry']), presence: 'left' },
        abroad.departureEventId,
        lapseDay,
        addDays(lapseDay, NOTIFICATION_DAYS),
      ),
  };
}

/** A card that ran out unrenewed is owed back within 14 days of its lapse (19条の15) (reading). */
function cardExpiry(state: ResidentState): Trigger | null {
  const card = state.cards.at(-1);
  if (card === undefined || card.invalidatedOn !== null || card.surrenderedOn !== null) return null;
  const id = `${card.sourceEventId}:card_surrender`;
  if (state.deadlines.some((deadline) => deadline.id === id)) return null;
  const lapseDay = addDays(card.validThrough, 1);
  return {
    on: lapseDay,
    apply: (current) =>
      openDeadline(current, {
        kind: 'card_surrender',
        sourceEventId: card.sourceEventId,
        createdOn: lapseDay,
        statutoryDueOn: addDays(lapseDay, NOTIFICATION_DAYS),
      }),
  };
}

export function advance(state: ResidentState, until: LocalDate): ResidentState {
  let next = state;
  for (;;) {
    // On the same day a lapse comes first: it invalidates the card, so it is not "expired".
    const due = [reentryLapse(next), cardExpiry(next), sswFiscalYearTrigger(next)]
      .filter((trigger): trigger is Trigger => trigger !== null && trigger.on <= until)
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))[0];
    if (due === undefined) return next;
    next = skillDevelopmentAfterTime(next, sswAfterTime(next, due.apply(next), due.on), due.on);
  }
}
