/**
 * Taking over a case (ExistingStatusRecorded): the caseworker copies what the card and the
 * passport show on the day the ledger starts following the person. The facts it states hold
 * from the day they began (take-over-day.ts: the grant, else the card's issue, else the take-over
 * day), so what happened since can be recorded and "as of" any later day answers as if the whole
 * history had been recorded. Only the duties still running on the take-over day follow
 * (followed-duties.ts: period renewal and its window, card validity renewal, the special period
 * of an application already filed); none that ended earlier is invented, because the ledger
 * cannot know whether it was met (docs/domain-rules.md §8).
 */
import { addDays, type LocalDate } from '../calendar/local-date.js';
import { monthsBefore } from '../calendar/legal-periods.js';
import { violation, type RuleViolation } from '../domain-error.js';
import type { RecordedEventOf } from '../events/events.js';
import { computeCardExpiry } from '../rules/card-validity.js';
import { renewalDueOn, renewalWindowOpensOn, specialPeriodEnd } from '../rules/lawful-stay.js';
import { describeLongest, latestPeriodEnd } from '../rules/period-limits.js';
import { isMidToLongTerm } from '../rules/mid-to-long-term.js';
import { deemedReentryDeadline } from '../rules/reentry.js';
import { issueCard, updateCurrentCard } from './card-transitions.js';
import { openDeadline } from './deadline-book.js';
import type { ResidentState, Stay, StayApplication } from './state.js';
import { takeOverHoldsFrom } from './take-over-day.js';
import { statusNotInForce } from '../rules/status-in-force.js';

type Existing = RecordedEventOf<'ExistingStatusRecorded'>;

/** Whoever has no recorded birth date is treated as an adult for the age-16 rule. */
const UNKNOWN_BIRTH = '1900-01-01' as LocalDate;

/**
 * The stay as recorded. With no grant date the period's length is unknown: a person holding
 * a card has a period of more than 3 months (19条の3), so the stay counts as mid-to-long-term
 * when the status allows it and a card was seen (reading).
 */
export function existingStay(event: Existing): Stay {
  const { status, periodExpiresOn, grantedOn, card } = event.data;
  // A 特定技能 designation (field, employer) is the SSW state's (ssw/ssw-step.ts).
  const designation = typeof event.data.designation === 'string' ? event.data.designation : null;
  const periodStart = grantedOn ?? takeOverHoldsFrom(event);
  const byStatus = isMidToLongTerm(status, designation, periodStart, periodExpiresOn ?? null);
  const byCard = grantedOn === undefined && card !== undefined && isMidToLongTerm(status, designation, periodStart, null);
  return {
    status,
    designation,
    periodStart,
    periodExpiresOn: periodExpiresOn ?? null,
    grantEventId: event.eventId,
    midToLongTerm: byStatus || byCard,
  };
}

/**
 * The renewal window of 在留期間更新 (docs/sources/online-renewal-guide.md): with the grant date known, as for any grant;
 * without it, the ordinary 3 months before expiry (a card holder's period is longer than the
 * 6 months that would open the window at once, in all but rare cases) (reading).
 */
function windowOpensOn(stay: Stay, grantedOn: LocalDate | undefined): LocalDate | null {
  if (grantedOn !== undefined || stay.periodExpiresOn === null) return renewalWindowOpensOn(stay);
  return monthsBefore(addDays(stay.periodExpiresOn, 1), 3);
}

function pendingStayOf(event: Existing, stay: Stay): StayApplication | null {
  const pending = event.data.pendingApplication;
  if (pending === undefined || pending.kind === 'permanent') return null;
  const expiry = stay.periodExpiresOn;
  return {
    kind: pending.kind === 'extension' ? 'extension' : 'change',
    appliedOn: pending.appliedOn,
    toStatus: pending.toStatus ?? null,
    eventId: event.eventId,
    // 20条6項 / 21条4項: filed by the expiry on a period of more than 30 days (a card holder's is).
    givesSpecialPeriod: expiry !== null && stay.midToLongTerm && pending.appliedOn <= renewalDueOn(expiry),
  };
}

/**
 * Folded on the day the stated facts hold from (`from`); the duties are followed from the
 * take-over day (`on`). Abroad on the take-over day (`inJapan: false`) is read as abroad from
 * `from` on, with the latest re-entry deadline a re-entry running on the take-over day could have
 * (the day of departure is unknown) (reading).
 */
export function existingStatusRecorded(state: ResidentState, event: Existing): ResidentState {
  const { data, occurredOn: on, eventId: id } = event;
  const from = takeOverHoldsFrom(event);
  const stay = existingStay(event);
  const pendingStay = pendingStayOf(event, stay);
  const inJapan = data.inJapan !== false;
  let next: ResidentState = {
    ...state,
    followedFrom: on,
    stay,
    pendingStay,
    pendingPermanent: data.pendingApplication?.kind === 'permanent' ? { appliedOn: data.pendingApplication.appliedOn, eventId: id } : null,
    presence: inJapan ? 'in_japan' : 'abroad',
    // Abroad on the day: the latest date a re-entry running then could end (reading); no
    // re-entry deadline is opened, as the day of departure is unknown.
    abroad: inJapan
      ? null
      : {
          departedOn: from,
          via: 'deemed',
          reentryBy: deemedReentryDeadline(on, stay, pendingStay),
          departureEventId: id,
          cardLossEventId: null,
        },
    // Already settled: the next move is a change of address (19条の9), not a first notification.
    movesSinceLanding: 1,
  };
  if (stay.periodExpiresOn !== null && pendingStay === null) {
    next = openDeadline(next, {
      kind: 'period_renewal',
      sourceEventId: id,
      createdOn: from,
      opensOn: windowOpensOn(stay, data.grantedOn),
      statutoryDueOn: stay.periodExpiresOn,
    });
  }
  if (data.card !== undefined) {
    // The card comes with the grant; with neither date known, its issue date stays unknown.
    const issuedOn = data.card.issuedOn ?? data.grantedOn;
    next = issueCard(next, { ...data.card, ...(issuedOn === undefined ? {} : { issuedOn }) }, from, id, 'landing', true);
  }
  const specialEnd = specialPeriodEnd(stay, pendingStay);
  const card = next.cards.at(-1);
  if (specialEnd !== null && card !== undefined && card.expiresOn === stay.periodExpiresOn) {
    next = updateCurrentCard(next, (current) => ({ ...current, validThrough: specialEnd }));
  }
  return next;
}

/** What the ledger refuses in a take-over, given the state before it (nothing recorded yet). */
export function checkExistingStatus(state: ResidentState, event: Existing): RuleViolation | null {
  const { data, occurredOn: on } = event;
  if (state.presence !== 'not_arrived' || state.stay !== null) {
    return violation('ALREADY_FOLLOWED', 'The ledger already follows this resident: record what happened since as events.');
  }
  const stay = existingStay(event);
  const expiry = stay.periodExpiresOn;
  const pending = data.pendingApplication;
  const from = takeOverHoldsFrom(event);
  const dateOfBirth = state.identity?.dateOfBirth;
  if (dateOfBirth !== undefined && from < dateOfBirth) {
    return violation('EVENT_BEFORE_BIRTH', `The status recorded holds from ${from}, before the date of birth ${dateOfBirth}.`);
  }
  const notInForce = statusNotInForce(stay.status, from);
  if (notInForce !== null) return notInForce;
  if (data.grantedOn !== undefined && data.grantedOn > on) {
    return violation('PERIOD_ENDS_BEFORE_GRANT', `The grant of ${data.grantedOn} is after ${on}, the day recorded.`);
  }
  if (expiry !== null && data.grantedOn !== undefined && expiry < data.grantedOn) {
    return violation('PERIOD_ENDS_BEFORE_GRANT', `The period of stay ends on ${expiry}, before the grant of ${data.grantedOn}.`);
  }
  // The longest period of the status (period-limits.ts), counted from the grant day, or from a
  // later day when it is unknown (the card's issue, on or after the grant: a looser bound).
  const latest = latestPeriodEnd(stay.status, stay.periodStart, null);
  if (expiry !== null && latest !== null && expiry > latest) {
    return violation(
      'PERIOD_TOO_LONG',
      `A period of stay as ${stay.status} is at most ${describeLongest(stay.status, stay.periodStart)}: ${expiry} is after ${latest}.`,
    );
  }
  if (pending !== undefined) {
    if (pending.appliedOn > on) {
      return violation('APPLICATION_AFTER_RECORD', `An application of ${pending.appliedOn} is recorded with its own event after ${on}.`);
    }
    if (pending.kind === 'extension' && expiry === null) return violation('NO_STATUS', `${stay.status} has no period of stay to extend.`);
    if (pending.kind === 'permanent' && stay.status === 'permanent_resident') {
      return violation('ALREADY_HAS_STATUS', 'The resident is already a permanent resident.');
    }
  }
  const pendingStay = pendingStayOf(event, stay);
  const lawfulUntil = specialPeriodEnd(stay, pendingStay) ?? expiry;
  if (lawfulUntil !== null && lawfulUntil < on) {
    return violation(
      'PERIOD_ALREADY_ENDED',
      `The period of stay ended on ${expiry}${pendingStay ? ' and the special period with it' : ''}: there is no status to follow on ${on}.`,
    );
  }
  if (data.card === undefined) return null;
  if (!stay.midToLongTerm) {
    return violation(
      'NOT_A_MID_TO_LONG_TERM_RESIDENT',
      `With ${stay.status} the resident is not a mid-to-long-term resident and holds no card.`,
    );
  }
  const issuedOn = data.card.issuedOn ?? data.grantedOn ?? from;
  const cardExpiry =
    data.card.expiresOn ??
    computeCardExpiry({ issuedOn, dateOfBirth: state.identity?.dateOfBirth ?? UNKNOWN_BIRTH, status: stay.status, periodExpiresOn: expiry })
      .expiresOn;
  const validThrough = cardExpiry === expiry && lawfulUntil !== null ? lawfulUntil : cardExpiry;
  if (validThrough < on) {
    return violation('CARD_ALREADY_EXPIRED', `The card expired on ${cardExpiry}: record the card valid on ${on}.`);
  }
  if (issuedOn > on) return violation('PERIOD_ENDS_BEFORE_GRANT', `The card of ${issuedOn} was issued after ${on}, the day recorded.`);
  return null;
}
