/**
 * Issuing a card: each new card replaces the previous one at once (docs/sources/card-number-check.md §5.1, docs/sources/residency-management-system.md), and
 * a card that ends before the status does calls for a validity renewal (19条の11).
 */
import type { LocalDate } from '../calendar/local-date.js';
import { monthsBefore } from '../calendar/legal-periods.js';
import type { CardData } from '../events/card-data.js';
import type { CardIssueReason } from '../events/events.js';
import { computeCardExpiry } from '../rules/card-validity.js';
import { CARD_BOUND_DEADLINES, openDeadline, voidDeadlines } from './deadline-book.js';
import type { CardRecord, InvalidationReason, ResidentState } from './state.js';

/** Whoever has no recorded birth date is treated as an adult for the age-16 rule. */
const UNKNOWN_BIRTH = '1900-01-01' as LocalDate;

/**
 * `issueDayUnknown`: the card was seen at a take-over with no issue date printed or given: its
 * issue date stays unknown (null), never the day it was seen; the rules that need one (the age-16
 * cap) reckon from the day the take-over's facts hold from, `occurredOn` here (reading).
 */
export function issueCard(
  state: ResidentState,
  data: CardData,
  occurredOn: LocalDate,
  eventId: string,
  reason: CardIssueReason = 'landing',
  issueDayUnknown = false,
): ResidentState {
  const stay = state.stay;
  if (stay === null) return state;
  const issuedOn = data.issuedOn ?? (issueDayUnknown ? null : occurredOn);
  const heldFrom = issuedOn ?? occurredOn;
  const computed = computeCardExpiry({
    issuedOn: heldFrom,
    dateOfBirth: state.identity?.dateOfBirth ?? UNKNOWN_BIRTH,
    status: stay.status,
    periodExpiresOn: stay.periodExpiresOn,
    validityRenewal: reason === 'validity_renewal',
  });
  const expiresOn = data.expiresOn ?? computed.expiresOn;
  const kind = data.kind ?? 'residence_card';
  const card: CardRecord = {
    number: data.number,
    kind,
    myNumberOption: kind === 'specified_residence_card' ? 'combined' : (data.myNumberOption ?? null),
    issuedOn,
    heldFrom,
    expiresOn,
    computedExpiresOn: computed.expiresOn,
    ageCapped: computed.ageCapped,
    validThrough: expiresOn,
    sourceEventId: eventId,
    lostOn: null,
    invalidatedOn: null,
    invalidationReason: null,
    surrenderedOn: null,
    lastVerification: null,
  };
  let next = invalidateCurrentCard(state, heldFrom, 'replaced');
  next = voidDeadlines(next, occurredOn, (deadline) => CARD_BOUND_DEADLINES.includes(deadline.kind));
  next = { ...next, cards: [...next.cards, card] };
  const stayEnd = stay.periodExpiresOn;
  if (stayEnd === null || expiresOn < stayEnd) {
    // 19条の11: from 2 months before expiry (6 months when the age-16 rule set it) to the expiry.
    next = openDeadline(next, {
      kind: 'card_validity_renewal',
      sourceEventId: eventId,
      createdOn: occurredOn,
      opensOn: monthsBefore(expiresOn, computed.ageCapped && expiresOn === computed.expiresOn ? 6 : 2),
      statutoryDueOn: expiresOn,
    });
  }
  return next;
}

export function updateCurrentCard(state: ResidentState, update: (card: CardRecord) => CardRecord): ResidentState {
  const card = state.cards.at(-1);
  if (card === undefined) return state;
  return { ...state, cards: [...state.cards.slice(0, -1), update(card)] };
}

export function invalidateCurrentCard(state: ResidentState, on: LocalDate, reason: InvalidationReason): ResidentState {
  return updateCurrentCard(state, (card) =>
    card.invalidatedOn === null ? { ...card, invalidatedOn: on, invalidationReason: reason } : card,
  );
}
