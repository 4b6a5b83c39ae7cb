/**
 * Beginning a period of stay (landing or a grant) and ending a stay (departure, revocation,
 * loss of status, naturalisation, death).
 */
import type { LocalDate } from '../calendar/local-date.js';
import type { DeadlineKind } from '../deadline-catalogue.js';
import type { CardData } from '../events/card-data.js';
import { isMidToLongTerm } from '../rules/mid-to-long-term.js';
import { renewalWindowOpensOn } from '../rules/lawful-stay.js';
import type { Designation, StatusCode } from '../status-catalogue.js';
import type { SswDesignation } from '../ssw/ssw-events.js';
import { issueCard, invalidateCurrentCard } from './card-transitions.js';
import { openDeadline, voidDeadlines } from './deadline-book.js';
import type { InvalidationReason, ResidentState, Stay } from './state.js';

export interface Grant {
  status: StatusCode;
  /** A 特定活動 case; a 特定技能 designation (field, employer) is the SSW state's (ssw/ssw-step.ts). */
  designation?: Designation | SswDesignation | null | undefined;
  periodExpiresOn?: LocalDate | undefined;
  card?: CardData | undefined;
}

export function stayFromGrant(grant: Grant, occurredOn: LocalDate, eventId: string): Stay {
  const designation = typeof grant.designation === 'string' ? grant.designation : null;
  const periodExpiresOn = grant.periodExpiresOn ?? null;
  return {
    status: grant.status,
    designation,
    periodStart: occurredOn,
    periodExpiresOn,
    grantEventId: eventId,
    midToLongTerm: isMidToLongTerm(grant.status, designation, occurredOn, periodExpiresOn),
  };
}

/** A new period of stay: its renewal deadline (入管法21条; docs/sources/online-renewal-guide.md) and its card. */
export function beginPeriod(state: ResidentState, grant: Grant, occurredOn: LocalDate, eventId: string): ResidentState {
  const stay = stayFromGrant(grant, occurredOn, eventId);
  let next: ResidentState = { ...state, stay, pendingStay: null };
  if (stay.periodExpiresOn !== null) {
    next = openDeadline(next, {
      kind: 'period_renewal',
      sourceEventId: eventId,
      createdOn: occurredOn,
      opensOn: renewalWindowOpensOn(stay),
      statutoryDueOn: stay.periodExpiresOn,
    });
  }
  return grant.card === undefined ? next : issueCard(next, grant.card, occurredOn, eventId);
}

/**
 * The stay ends: the card is invalidated for `reason` on `on` (19条の14) and every pending
 * deadline no longer applies, except those named (a surrender still owed, a missed re-entry).
 */
export function endStay(
  state: ResidentState,
  on: LocalDate,
  reason: InvalidationReason,
  keep: readonly DeadlineKind[] = ['card_surrender'],
): ResidentState {
  const next = voidDeadlines(invalidateCurrentCard(state, on, reason), on, (deadline) => !keep.includes(deadline.kind));
  return {
    ...next,
    stay: null,
    pendingStay: null,
    pendingPermanent: null,
    acquisition: null,
    abroad: null,
    extraActivity: null,
  };
}

/** The card must be returned within 14 days (19条の15; docs/sources/residence-card-guide.md §1-4), once per card. */
export function owesCardSurrender(state: ResidentState, sourceEventId: string, from: LocalDate, dueOn: LocalDate): ResidentState {
  const card = state.cards.at(-1);
  if (card === undefined || card.surrenderedOn !== null) return state;
  const alreadyOwed = state.deadlines.some(
    (deadline) => deadline.kind === 'card_surrender' && deadline.metOn === null && deadline.voidOn === null,
  );
  if (alreadyOwed) return state;
  return openDeadline(state, { kind: 'card_surrender', sourceEventId, createdOn: from, statutoryDueOn: dueOn });
}
