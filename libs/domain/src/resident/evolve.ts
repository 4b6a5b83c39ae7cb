/**
 * evolve(state, fact): what one fact does to a resident, applied in legal order. It never
 * refuses a fact (that is decide's job) so that any stream, even one left odd by a
 * retraction, folds to a state.
 */
import { addDays, type LocalDate } from '../calendar/local-date.js';
import { addMonths } from '../calendar/legal-periods.js';
import type { DeadlineKind } from '../deadline-catalogue.js';
import type { RecordedEvent, RecordedEventOf } from '../events/events.js';
import { givesSpecialPeriod, specialPeriodEnd, STATUS_ACQUISITION_DAYS } from '../rules/lawful-stay.js';
import { LANDING_RESIDENCE_DAYS, NOTIFICATION_DAYS } from '../rules/notification-periods.js';
import { activityGapMonths, SPOUSE_ACTIVITY_GAP_MONTHS } from '../rules/revocation-risks.js';
import { deemedReentryDeadline, permitReentryDeadline } from '../rules/reentry.js';
import { COMPREHENSIVE_HOURS_PER_WEEK } from '../rules/work-permission.js';
import { STATUS_CATALOGUE, isSpouseStatus } from '../status-catalogue.js';
import { issueCard, updateCurrentCard } from './card-transitions.js';
import {
  KEPT_WHEN_STATUS_ENDS,
  meetDeadlines,
  openDeadline,
  STATUS_BOUND_DEADLINES,
  voidDeadlines,
  withdrawDeadline,
} from './deadline-book.js';
import { caseAssigned, caseClosed, caseReopened, detailsCorrected } from './case-file.js';
import { existingStatusRecorded } from './existing-status.js';
import type { ResidentState } from './state.js';
import { beginPeriod, endStay, owesCardSurrender } from './stay-transitions.js';
import { sswAfterFact } from '../ssw/ssw-step.js';
import { skillDevelopmentAfterFact } from '../skill-development/skill-development-step.js';
import { factDay } from './fact-order.js';
import { reviewAfterFact } from '../review/review-step.js';

const RESIDENCE_NOTIFICATIONS: readonly DeadlineKind[] = [
  'residence_notification_90_day',
  'residence_notification',
  'address_change_notification',
];

const CARD_ISSUE_MEETS: Partial<Record<string, DeadlineKind>> = {
  detail_change: 'card_detail_change_notification',
  loss_reissue: 'card_reissue_after_loss',
  validity_renewal: 'card_validity_renewal',
};

/** Facts by which a resident obtains a status (an extension keeps the one held). */
const OBTAINS_STATUS: readonly string[] = ['Landed', 'StatusChangeGranted', 'StatusAcquisitionGranted', 'PermanentResidenceGranted'];

export function evolve(state: ResidentState, event: RecordedEvent): ResidentState {
  const core = reviewAfterFact(evolveCore(state, event), event);
  const obtained = OBTAINS_STATUS.includes(event.type) && core.stay !== null ? { ...core, statusObtainedOn: event.occurredOn } : core;
  const after = sswAfterFact(state, core.stay === null ? { ...obtained, statusObtainedOn: null } : obtained, event);
  return skillDevelopmentAfterFact(state, after, event, factDay(event));
}

function evolveCore(state: ResidentState, event: RecordedEvent): ResidentState {
  const on = event.occurredOn;
  const id = event.eventId;
  const within14Days = (kind: DeadlineKind, next: ResidentState = state) =>
    openDeadline(next, { kind, sourceEventId: id, createdOn: on, statutoryDueOn: addDays(on, NOTIFICATION_DAYS) });

  switch (event.type) {
    case 'ResidentRegistered':
      return { ...state, residentId: event.data.residentId, identity: event.data };

    case 'Landed': {
      const landed: ResidentState = {
        ...state,
        presence: 'in_japan',
        abroad: null,
        extraActivity: null,
        movesSinceLanding: 0,
        departurePeriod: null,
      };
      const next = beginPeriod(landed, event.data, on, id);
      if (!next.stay?.midToLongTerm) return next;
      return openDeadline(next, {
        kind: 'residence_notification_90_day',
        sourceEventId: id,
        createdOn: on,
        statutoryDueOn: addDays(on, LANDING_RESIDENCE_DAYS),
      });
    }

    case 'BornInJapan':
      return openDeadline(
        { ...state, presence: 'in_japan', birth: { bornOn: on, eventId: id } },
        { kind: 'status_acquisition', sourceEventId: id, createdOn: on, statutoryDueOn: addDays(on, STATUS_ACQUISITION_DAYS) },
      );

    case 'CardIssued': {
      const met = CARD_ISSUE_MEETS[event.data.reason];
      const next = met === undefined ? state : meetDeadlines(state, [met], on, id);
      return issueCard(next, event.data.card, on, id, event.data.reason);
    }

    case 'Moved': {
      const next = { ...state, movesSinceLanding: state.movesSinceLanding + 1 };
      if (!state.stay?.midToLongTerm) return next;
      return within14Days(state.movesSinceLanding === 0 ? 'residence_notification' : 'address_change_notification', next);
    }

    case 'ResidenceNotified':
      return meetDeadlines(state, RESIDENCE_NOTIFICATIONS, on, id);

    case 'DetailsChanged':
      return state.stay?.midToLongTerm ? within14Days('card_detail_change_notification') : state;

    case 'ExtensionApplied':
    case 'StatusChangeApplied':
      return stayApplicationFiled(state, event);

    case 'ExtensionGranted':
      if (state.stay === null) return state;
      return newlyMidToLongTerm(
        state,
        beginPeriod(state, { status: state.stay.status, designation: state.stay.designation, ...event.data }, on, id),
        on,
        id,
      );

    case 'ExtensionDenied':
    case 'StatusChangeDenied':
      return denyStayApplication(state, on, id);

    case 'StatusChangeGranted':
      return newlyMidToLongTerm(state, beginPeriod(changeStatus(state, on, id), event.data, on, id), on, id);

    case 'PermanentResidenceApplied':
      return { ...state, pendingPermanent: { appliedOn: on, eventId: id } };

    case 'PermanentResidenceGranted':
      return beginPeriod(
        { ...changeStatus(state, on, id), pendingPermanent: null },
        { status: 'permanent_resident', card: event.data.card },
        on,
        id,
      );

    case 'PermanentResidenceDenied':
      return { ...state, pendingPermanent: null };

    case 'StatusAcquisitionApplied':
      return acquisitionApplied(state, event);

    case 'StatusAcquisitionGranted':
      return newlyMidToLongTerm(state, beginPeriod({ ...state, acquisition: null, presence: 'in_japan' }, event.data, on, id), on, id);

    case 'CardLost': {
      const next = updateCurrentCard(state, (card) => ({ ...card, lostOn: on }));
      if (state.abroad !== null) return { ...next, abroad: { ...state.abroad, cardLossEventId: id } };
      return within14Days('card_reissue_after_loss', next);
    }

    case 'CardSurrendered':
      return meetDeadlines(
        updateCurrentCard(state, (card) => ({ ...card, surrenderedOn: on })),
        ['card_surrender'],
        on,
        id,
      );

    case 'Departed':
      return departed(state, event);

    case 'Reentered': {
      if (state.abroad === null) return state;
      const lossEventId = state.abroad.cardLossEventId;
      const next = meetDeadlines({ ...state, presence: 'in_japan', abroad: null }, ['reentry'], on, id);
      if (lossEventId === null) return next;
      // 19条の12: a card lost abroad is reissued within 14 days of coming back.
      return openDeadline(next, {
        kind: 'card_reissue_after_loss',
        sourceEventId: lossEventId,
        createdOn: on,
        statutoryDueOn: addDays(on, NOTIFICATION_DAYS),
      });
    }

    case 'StatusRevoked': {
      const revoked = owesCardSurrender(
        endStay(state, on, 'status_revoked', KEPT_WHEN_STATUS_ENDS),
        id,
        on,
        addDays(on, NOTIFICATION_DAYS),
      );
      // 22条の4⑦: with a departure period the stay stays lawful until it ends.
      const departureBy = event.data.departureBy;
      return { ...revoked, departurePeriod: departureBy === undefined ? null : { until: departureBy, eventId: id } };
    }

    case 'Naturalised':
    case 'Died': {
      const reason = event.type === 'Died' ? 'died' : 'naturalised';
      const closed: ResidentState = { ...endStay(state, on, reason), closed: { reason, on } };
      return owesCardSurrender(closed, id, on, addDays(on, NOTIFICATION_DAYS));
    }

    case 'AffiliationChanged':
      return affiliationChanged(state, event);

    case 'AffiliationNotified':
      return meetDeadlines(state, ['affiliation_notification'], on, id);

    case 'SpouseRelationshipEnded': {
      if (state.stay === null) return state;
      let next = state;
      if (STATUS_CATALOGUE[state.stay.status].notification === 'spouse') next = within14Days('spouse_notification', next);
      // 家族滞在 is a 別表第一 status whose activity is being the spouse: its end starts the 6号 gap.
      if (state.stay.status === 'dependent') next = activityGapOpens(next, on, id);
      if (isSpouseStatus(state.stay.status)) {
        next = openDeadline(next, {
          kind: 'spouse_activity_revocation_risk',
          sourceEventId: id,
          createdOn: on,
          statutoryDueOn: addMonths(on, SPOUSE_ACTIVITY_GAP_MONTHS),
        });
      }
      return next;
    }

    case 'SpouseNotified':
      return meetDeadlines(state, ['spouse_notification'], on, id);

    case 'ExtraActivityPermitted':
      if (state.stay === null) return state;
      return {
        ...state,
        extraActivity: {
          scope: event.data.scope,
          hoursPerWeek: event.data.scope === 'comprehensive' ? COMPREHENSIVE_HOURS_PER_WEEK : (event.data.hoursPerWeek ?? null),
          periodGrantEventId: state.stay.grantEventId,
          periodExpiresOn: state.stay.periodExpiresOn,
        },
      };

    case 'CardVerified': {
      const { number, result } = event.data;
      return {
        ...state,
        cards: state.cards.map((card) => (card.number === number ? { ...card, lastVerification: { on, result } } : card)),
      };
    }

    case 'EventRetracted':
      return state;

    case 'ExistingStatusRecorded':
      return existingStatusRecorded(state, event);

    case 'DetailsCorrected':
      return detailsCorrected(state, event);

    case 'CaseClosed':
      return caseClosed(state, event);

    case 'CaseReopened':
      return caseReopened(state);

    case 'CaseAssigned':
      return caseAssigned(state, event);

    // Specified Skilled Worker facts: ssw/ssw-step.ts.
    case 'SupportStarted':
    case 'SupportEnded':
    case 'SupportContractChanged':
    case 'SupportInterviewHeld':
    case 'OrientationHeld':
    case 'SswIntervalExcluded':
    case 'SswSixthYearApproved':
    case 'SswContractChanged':
    case 'AcceptanceDifficulty':
    case 'SswReportFiled':
    case 'HelloWorkNotified':
    case 'SupportPlanChanged':
    case 'SswStandardsNonConformity':
    case 'SupportDifficulty':
      return state;

    // 育成就労 facts: skill-development/skill-development-step.ts.
    case 'SkillDevelopmentExtensionApproved':
    case 'SkillDevelopmentTransferred':
      return state;

    // Review and certificate facts: review/review-step.ts.
    case 'AdditionalDocumentsRequested':
    case 'AdditionalDocumentsSubmitted':
    case 'SummonsIssued':
    case 'SummonsAttended':
    case 'CoeIssued':
      return state;

    default:
      return assertNever(event);
  }
}

function assertNever(event: never): never {
  throw new Error(`Unhandled event type: ${JSON.stringify(event)}`);
}

/**
 * Filing an extension or change meets the renewal deadline; filed in time it carries the
 * stay and the card through the special period (特例期間; the card "counts as valid").
 */
function stayApplicationFiled(
  state: ResidentState,
  event: RecordedEventOf<'ExtensionApplied'> | RecordedEventOf<'StatusChangeApplied'>,
): ResidentState {
  const stay = state.stay;
  if (stay === null) return state;
  const on = event.occurredOn;
  const pendingStay = {
    kind: event.type === 'ExtensionApplied' ? ('extension' as const) : ('change' as const),
    appliedOn: on,
    toStatus: event.type === 'StatusChangeApplied' ? event.data.toStatus : null,
    eventId: event.eventId,
    givesSpecialPeriod: givesSpecialPeriod(stay, on),
  };
  let next = meetDeadlines({ ...state, pendingStay }, ['period_renewal'], on, event.eventId);
  const specialEnd = specialPeriodEnd(stay, pendingStay);
  const card = next.cards.at(-1);
  if (specialEnd !== null && card !== undefined && card.expiresOn === stay.periodExpiresOn) {
    next = updateCurrentCard(next, (current) => ({ ...current, validThrough: specialEnd }));
    // Filed on the working day after an expiry that fell on a holiday: the card never lapsed.
    next = withdrawDeadline(next, `${card.sourceEventId}:card_surrender`);
  }
  return next;
}

/**
 * A denial before the expiry: the period runs on to its end. After the expiry it ends the stay
 * on the decision day (status_lost): the card loses its effect (19条の14) and is owed back
 * within 14 days (19条の15①).
 */
function denyStayApplication(state: ResidentState, on: LocalDate, eventId: string): ResidentState {
  const expiry = state.stay?.periodExpiresOn;
  const next: ResidentState = { ...state, pendingStay: null };
  if (expiry == null || on <= expiry) return updateCurrentCard(next, (card) => ({ ...card, validThrough: card.expiresOn }));
  return owesCardSurrender(endStay(next, on, 'status_lost', KEPT_WHEN_STATUS_ENDS), eventId, on, addDays(on, NOTIFICATION_DAYS));
}

/**
 * A new status: the revocation risks of the old one are answered by the change (22条の4①6号,
 * 7号), the rest of its deadlines lapse, and a 資格外活動許可 lapses with it.
 */
function changeStatus(state: ResidentState, on: LocalDate, eventId: string): ResidentState {
  const met = meetDeadlines(state, ['activity_gap_revocation_risk', 'spouse_activity_revocation_risk'], on, eventId);
  const voided = voidDeadlines(met, on, (deadline) => STATUS_BOUND_DEADLINES.includes(deadline.kind));
  return { ...voided, extraActivity: null, pendingStay: null };
}

/**
 * A grant that makes a short-term visitor, a short stayer or a newborn a 中長期在留者 (19条の3)
 * starts the residence duties a landing would: the 90-day notification (22条の4①8号) and, with
 * an address already on file, the 14-day one from the grant (19条の8①).
 */
function newlyMidToLongTerm(before: ResidentState, after: ResidentState, on: LocalDate, id: string): ResidentState {
  if (before.stay?.midToLongTerm === true || after.stay?.midToLongTerm !== true) return after;
  const next = openDeadline(after, {
    kind: 'residence_notification_90_day',
    sourceEventId: id,
    createdOn: on,
    statutoryDueOn: addDays(on, LANDING_RESIDENCE_DAYS),
  });
  if (before.movesSinceLanding === 0) return next;
  return openDeadline(next, {
    kind: 'residence_notification',
    sourceEventId: id,
    createdOn: on,
    statutoryDueOn: addDays(on, NOTIFICATION_DAYS),
  });
}

function acquisitionApplied(state: ResidentState, event: RecordedEventOf<'StatusAcquisitionApplied'>): ResidentState {
  const due = state.deadlines.find((deadline) => deadline.kind === 'status_acquisition' && deadline.voidOn === null);
  const timely = due !== undefined && event.occurredOn <= due.dueOn;
  const next: ResidentState = {
    ...state,
    presence: state.presence === 'not_arrived' ? 'in_japan' : state.presence,
    acquisition: { appliedOn: event.occurredOn, timely, eventId: event.eventId },
  };
  return meetDeadlines(next, ['status_acquisition'], event.occurredOn, event.eventId);
}

function departed(state: ResidentState, event: RecordedEventOf<'Departed'>): ResidentState {
  const on = event.occurredOn;
  if (event.data.reentry === 'none' || state.stay === null) {
    // Final departure: the card is surrendered at the port, nothing more is owed.
    return { ...endStay(state, on, 'departed', []), presence: 'left' };
  }
  const via = event.data.reentry;
  const reentryBy =
    via === 'permit' && event.data.permitExpiresOn !== undefined
      ? permitReentryDeadline(on, event.data.permitExpiresOn, state.stay, state.pendingStay)
      : deemedReentryDeadline(on, state.stay, state.pendingStay);
  const next: ResidentState = {
    ...state,
    presence: 'abroad',
    abroad: { departedOn: on, via, reentryBy, departureEventId: event.eventId, cardLossEventId: null },
  };
  return openDeadline(next, { kind: 'reentry', sourceEventId: event.eventId, createdOn: on, statutoryDueOn: reentryBy });
}

const LEAVING_CHANGES = ['left', 'dissolved', 'contract_ended'];
const JOINING_CHANGES = ['new_contract', 'transferred'];

function affiliationChanged(state: ResidentState, event: RecordedEventOf<'AffiliationChanged'>): ResidentState {
  const category = state.stay === null ? null : STATUS_CATALOGUE[state.stay.status].notification;
  if (category !== 'activity' && category !== 'contract') return state;
  const on = event.occurredOn;
  const id = event.eventId;
  // 19条の16 binds a 中長期在留者: a contract made for the landing (hired on arrival) is part of the
  // application, not a change after the status was obtained (運用要領第7章).
  const partOfApplication = JOINING_CHANGES.includes(event.data.change) && state.statusObtainedOn === on;
  let next = partOfApplication
    ? state
    : openDeadline(state, {
        kind: 'affiliation_notification',
        sourceEventId: id,
        createdOn: on,
        statutoryDueOn: addDays(on, NOTIFICATION_DAYS),
      });
  if (JOINING_CHANGES.includes(event.data.change)) {
    next = meetDeadlines(next, ['activity_gap_revocation_risk'], on, id);
  }
  const gapOpen = next.deadlines.some(
    (deadline) => deadline.kind === 'activity_gap_revocation_risk' && deadline.metOn === null && deadline.voidOn === null,
  );
  if (LEAVING_CHANGES.includes(event.data.change) && !gapOpen) next = activityGapOpens(next, on, id);
  return next;
}

/** 22条の4①6号: the status activities not pursued for 3 months (6 for 高度専門職2号), counted by 民法143. */
function activityGapOpens(state: ResidentState, on: LocalDate, eventId: string): ResidentState {
  if (state.stay === null) return state;
  return openDeadline(state, {
    kind: 'activity_gap_revocation_risk',
    sourceEventId: eventId,
    createdOn: on,
    statutoryDueOn: addMonths(on, activityGapMonths(state.stay.status)),
  });
}
