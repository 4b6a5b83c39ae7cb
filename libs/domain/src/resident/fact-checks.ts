/**
 * The rules a fact must satisfy given what came before it in legal order (docs/domain-rules.md
 * §2, §4, §5, §7). `checkFact` sees the state advanced to the fact's date.
 */
import type { LocalDate } from '../calendar/local-date.js';
import type { CardData } from '../events/card-data.js';
import type { EventType, LedgerEvent, RecordedEventOf } from '../events/events.js';
import { violation, type RuleViolation } from '../domain-error.js';
import { cardStateAsOf, SPECIFIED_CARD_FROM } from '../rules/card-validity.js';
import { describeLongest, latestPeriodEnd } from '../rules/period-limits.js';
import { statusNotInForce } from '../rules/status-in-force.js';
import { longestPermitEnd, REENTRY_PERMIT_MAX_YEARS } from '../rules/reentry.js';
import { STATUS_CATALOGUE, type StatusCode } from '../status-catalogue.js';
import { stayFromGrant, type Grant } from './stay-transitions.js';
import type { ResidentState, Stay } from './state.js';
import { checkCaseFile } from './case-file.js';
import { checkExistingStatus } from './existing-status.js';
import { checkSswFact } from '../ssw/ssw-checks.js';
import { checkSkillDevelopmentFact } from '../skill-development/skill-development-checks.js';

/** Acts that can only happen in Japan (at a municipal or immigration office, or a departure). */
const IN_JAPAN_ONLY: ReadonlySet<EventType> = new Set<EventType>([
  'Moved',
  'ResidenceNotified',
  'CardIssued',
  'DetailsChanged',
  'ExtensionApplied',
  'ExtensionGranted',
  'StatusChangeApplied',
  'StatusChangeGranted',
  'PermanentResidenceApplied',
  'PermanentResidenceGranted',
  'StatusAcquisitionGranted',
  'Departed',
  'ExtraActivityPermitted',
]);

/** What may still be recorded after death or naturalisation: the card's return and checks of it. */
const AFTER_CLOSURE: ReadonlySet<EventType> = new Set<EventType>([
  'CardSurrendered',
  'CardVerified',
  'EventRetracted',
  // The employer's filings and the end of support outlive the worker's stay (docs/ssw-duties.md §5).
  'SupportEnded',
  'AcceptanceDifficulty',
  'SswStandardsNonConformity',
  'SswReportFiled',
  'HelloWorkNotified',
]);

/** Facts about a status of residence held. */
const NEEDS_STATUS: ReadonlySet<EventType> = new Set<EventType>([
  'CardIssued',
  'DetailsChanged',
  'ExtensionApplied',
  'StatusChangeApplied',
  'PermanentResidenceApplied',
  'AffiliationChanged',
  'AffiliationNotified',
  'SpouseRelationshipEnded',
  'SpouseNotified',
  'ExtraActivityPermitted',
  'StatusRevoked',
  'ResidenceNotified',
]);

/** Duties (and card facts) only a 中長期在留者 has (19条の3). */
const CARD_HOLDER_DUTIES: ReadonlySet<EventType> = new Set<EventType>([
  'CardIssued',
  'ResidenceNotified',
  'DetailsChanged',
  'AffiliationNotified',
  'SpouseNotified',
]);

export function checkFact(state: ResidentState, event: LedgerEvent): RuleViolation | null {
  if (event.type === 'ResidentRegistered') {
    return state.identity === null ? null : violation('ALREADY_REGISTERED', 'The resident is already registered.');
  }
  if (state.identity === null) return violation('NOT_REGISTERED', 'Register the resident before recording facts.');
  if (event.occurredOn < state.identity.dateOfBirth) {
    return violation('EVENT_BEFORE_BIRTH', `${event.type} on ${event.occurredOn} is before the date of birth.`);
  }
  const caseFile = checkCaseFile(state, event.type, event.occurredOn);
  if (caseFile !== null) return caseFile;
  if (event.type === 'DetailsCorrected' || event.type === 'CaseClosed' || event.type === 'CaseReopened' || event.type === 'CaseAssigned')
    return null;
  if (state.closed !== null && !AFTER_CLOSURE.has(event.type)) {
    return violation(
      'RESIDENT_CLOSED',
      `The resident ${state.closed.reason === 'died' ? 'died' : 'was naturalised'} on ${state.closed.on}.`,
    );
  }
  if (IN_JAPAN_ONLY.has(event.type) && state.presence !== 'in_japan') {
    return violation('NOT_IN_JAPAN', `${event.type} needs the resident in Japan, and on ${event.occurredOn} they were not.`);
  }
  if (NEEDS_STATUS.has(event.type) && state.stay === null) {
    return violation('NO_STATUS', `${event.type} needs a status of residence, and on ${event.occurredOn} there was none.`);
  }
  if (CARD_HOLDER_DUTIES.has(event.type) && state.stay !== null && !state.stay.midToLongTerm) {
    return notMidToLongTerm(state.stay);
  }
  return checkSpecific(state, event) ?? checkSswFact(state, event) ?? checkSkillDevelopmentFact(state, event);
}

/**
 * The status a fact says the resident holds from its day (a take-over's is checked with it, from
 * the day its facts hold from: existing-status.ts). An application only asks for a status: one
 * may be filed before the status starts, so long as the grant is not (reading: 附則 preparatory acts).
 */
function statusHeldFrom(event: LedgerEvent): StatusCode | null {
  switch (event.type) {
    case 'Landed':
    case 'StatusChangeGranted':
    case 'StatusAcquisitionGranted':
      return event.data.status;
    default:
      return null;
  }
}

function checkSpecific(state: ResidentState, event: LedgerEvent): RuleViolation | null {
  const on = event.occurredOn;
  const held = statusHeldFrom(event);
  const notInForce = held === null ? null : statusNotInForce(held, on);
  if (notInForce !== null) return notInForce;
  switch (event.type) {
    case 'Landed':
      if (state.presence === 'in_japan') return violation('ALREADY_IN_JAPAN', 'The resident is already in Japan.');
      if (state.abroad !== null) {
        return violation('REENTRY_OPEN', `A re-entry is open until ${state.abroad.reentryBy}: record Reentered for a return on it.`);
      }
      if (STATUS_CATALOGUE[event.data.status].indefinite) {
        return violation('STATUS_NOT_GRANTED_AT_LANDING', `${event.data.status} is granted in Japan, not at landing.`);
      }
      return checkGrant(state, event.data, on, null);

    case 'ExistingStatusRecorded':
      return checkExistingStatus(state, event as RecordedEventOf<'ExistingStatusRecorded'>);

    case 'BornInJapan':
      if (state.presence !== 'not_arrived') return violation('ALREADY_IN_JAPAN', 'Birth must be the first fact recorded.');
      if (on !== state.identity?.dateOfBirth) {
        return violation('BIRTH_DATE_MISMATCH', `Born on ${on}, but the date of birth is ${state.identity?.dateOfBirth}.`);
      }
      return null;

    case 'CardIssued':
      return state.stay === null ? null : checkCard(state, event.data.card, on, state.stay);

    case 'ExtensionApplied':
      if (state.stay?.periodExpiresOn === null) {
        return violation('NO_STATUS', `${state.stay.status} has no period of stay to extend.`);
      }
      return state.pendingStay === null ? null : alreadyPending(state.pendingStay.appliedOn);

    case 'StatusChangeApplied':
      return state.pendingStay === null ? null : alreadyPending(state.pendingStay.appliedOn);

    case 'ExtensionGranted':
    case 'ExtensionDenied':
      if (state.pendingStay?.kind !== 'extension') return noPending('extension of the period of stay');
      if (event.type === 'ExtensionDenied' || state.stay === null) return null;
      // The new period runs on from the old expiry (docs/domain-rules.md §3).
      return checkGrant(state, { ...state.stay, ...event.data }, on, state.stay.periodExpiresOn);

    case 'StatusChangeGranted':
    case 'StatusChangeDenied':
      if (state.pendingStay?.kind !== 'change') return noPending('change of status');
      return event.type === 'StatusChangeDenied' ? null : checkGrant(state, event.data, on, null);

    case 'PermanentResidenceApplied':
      return state.pendingPermanent === null ? null : alreadyPending(state.pendingPermanent.appliedOn);

    case 'PermanentResidenceGranted':
    case 'PermanentResidenceDenied':
      if (state.pendingPermanent === null) return noPending('permanent residence');
      return event.type === 'PermanentResidenceDenied'
        ? null
        : checkGrant(state, { status: 'permanent_resident', card: event.data.card }, on, null);

    case 'StatusAcquisitionApplied':
      if (state.presence === 'abroad' || state.presence === 'left') {
        return violation('NOT_IN_JAPAN', 'A status is acquired by someone in Japan.');
      }
      if (state.stay !== null) return violation('ALREADY_HAS_STATUS', 'The resident already holds a status of residence.');
      return state.acquisition === null ? null : alreadyPending(state.acquisition.appliedOn);

    case 'StatusAcquisitionGranted':
      if (state.acquisition === null) return noPending('acquisition of a status');
      return checkGrant(state, event.data, on, null);

    case 'CardLost': {
      if (cardStateAsOf(state.cards.at(-1) ?? null, on) !== 'valid') return noCard(on);
      if (event.data.discoveredAbroad && state.presence !== 'abroad') {
        return violation('NOT_ABROAD', `The card was reported lost abroad, but on ${on} the resident was in Japan.`);
      }
      return null;
    }

    case 'CardSurrendered': {
      const card = state.cards.at(-1);
      return card === undefined || card.surrenderedOn !== null ? noCard(on) : null;
    }

    case 'Departed':
      return checkDeparture(state, event.data, on);

    case 'Reentered': {
      if (state.abroad !== null) return null;
      const missed = state.deadlines.find((deadline) => deadline.kind === 'reentry' && deadline.metOn === null);
      if (missed !== undefined && on > missed.dueOn) {
        return violation('REENTRY_LAPSED', `The re-entry lapsed after ${missed.dueOn}; the status was lost.`);
      }
      return violation('NO_OPEN_REENTRY', 'There is no open (deemed) re-entry permit to come back on.');
    }

    case 'CardVerified':
      return state.cards.some((card) => card.number === event.data.number)
        ? null
        : violation('UNKNOWN_CARD_NUMBER', `No card ${event.data.number} was issued to this resident.`);

    default:
      return null;
  }
}

/** `extendedFrom`: the old expiry for an extension, null for a grant that starts a new period on its day. */
function checkGrant(state: ResidentState, grant: Grant, on: LocalDate, extendedFrom: LocalDate | null): RuleViolation | null {
  if (grant.periodExpiresOn !== undefined) {
    if (grant.periodExpiresOn < on) {
      return violation('PERIOD_ENDS_BEFORE_GRANT', `The period of stay ends on ${grant.periodExpiresOn}, before ${on}.`);
    }
    const latest = latestPeriodEnd(grant.status, on, extendedFrom);
    if (latest !== null && grant.periodExpiresOn > latest) {
      return violation(
        'PERIOD_TOO_LONG',
        `A period of stay as ${grant.status} is at most ${describeLongest(grant.status, on)}: ${grant.periodExpiresOn} is after ${latest}.`,
      );
    }
  }
  return grant.card === undefined ? null : checkCard(state, grant.card, on, stayFromGrant(grant, on, ''));
}

function checkCard(state: ResidentState, card: CardData, on: LocalDate, stay: Stay): RuleViolation | null {
  if (!stay.midToLongTerm) return notMidToLongTerm(stay);
  const issuedOn = card.issuedOn ?? on;
  if (state.identity !== null && issuedOn < state.identity.dateOfBirth) {
    return violation(
      'CARD_ISSUED_BEFORE_BIRTH',
      `The card's issue date ${issuedOn} is before the date of birth ${state.identity.dateOfBirth}.`,
    );
  }
  if (card.kind === 'specified_residence_card' && issuedOn < SPECIFIED_CARD_FROM) {
    return violation(
      'SPECIFIED_CARD_NOT_AVAILABLE',
      `The specified residence card (特定在留カード) is issued from ${SPECIFIED_CARD_FROM}, not on ${issuedOn}.`,
    );
  }
  if (state.cards.some((previous) => previous.number === card.number)) {
    return violation('CARD_NUMBER_IN_USE', `Card number ${card.number} was already issued; every card has a new number.`);
  }
  return null;
}

function checkDeparture(state: ResidentState, data: { reentry: string; permitExpiresOn?: LocalDate }, on: LocalDate) {
  if (data.reentry === 'none') return null;
  if (state.stay === null) return violation('NO_STATUS', 'A re-entry needs a status of residence to return to.');
  if (data.reentry === 'deemed') {
    if (!state.stay.midToLongTerm) return notMidToLongTerm(state.stay);
    // みなし再入国 needs a valid card in hand (26条の2①: 在留カードを所持する者).
    const current = state.cards.at(-1) ?? null;
    if (current?.lostOn != null && cardStateAsOf(current, on) === 'valid') {
      return violation(
        'CARD_NOT_HELD',
        `Card ${current.number} was lost on ${current.lostOn} and not reissued: a deemed re-entry needs it in hand.`,
      );
    }
    if (cardStateAsOf(current, on) !== 'valid') return noCard(on);
  }
  if (data.permitExpiresOn !== undefined) {
    if (data.permitExpiresOn <= on) {
      return violation('PERMIT_ENDS_BEFORE_DEPARTURE', `The re-entry permit expires on ${data.permitExpiresOn}.`);
    }
    if (data.permitExpiresOn > longestPermitEnd(on)) {
      return violation(
        'PERMIT_TOO_LONG',
        `A re-entry permit is valid at most ${REENTRY_PERMIT_MAX_YEARS} years (26条③): ${data.permitExpiresOn} is after ${longestPermitEnd(on)}.`,
      );
    }
  }
  return null;
}

const notMidToLongTerm = (stay: Stay) =>
  violation(
    'NOT_A_MID_TO_LONG_TERM_RESIDENT',
    `With ${stay.status}${stay.periodExpiresOn ? ` until ${stay.periodExpiresOn}` : ''} the resident is not a mid-to-long-term resident (中長期在留者) and holds no card.`,
  );
const noPending = (what: string) => violation('NO_PENDING_APPLICATION', `No application for ${what} is pending.`);
const alreadyPending = (since: LocalDate) => violation('APPLICATION_ALREADY_PENDING', `An application filed on ${since} is still pending.`);
const noCard = (on: LocalDate) => violation('NO_CARD', `On ${on} the resident held no valid card.`);
