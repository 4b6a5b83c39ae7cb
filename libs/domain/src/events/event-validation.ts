/**
 * Per-type validation of an event's shape: every field at fault, with its path. Rules that
 * depend on the resident's history (a grant needs an application …) are the decider's.
 */
import { addDays } from '../calendar/local-date.js';
import { DEPARTURE_PERIOD_MAX_DAYS } from '../rules/lawful-stay.js';
import { STATUS_CATALOGUE, type StatusCode } from '../status-catalogue.js';
import { IDENTITY_RULES, identityCorrection } from './identity-rules.js';
import { takeOverHoldsFrom } from '../resident/take-over-day.js';
import { REVIEW_DATA_RULES, reviewCrossFieldErrors } from '../review/review-events.js';
import { EMPLOYMENT_FOR_SKILL_DEVELOPMENT_FROM } from '../rules/status-in-force.js';
import { SKILL_DEVELOPMENT_DATA_RULES } from '../skill-development/skill-development-events.js';
import { designation, HELLO_WORK_INSURANCE, SSW_DATA_RULES, sswCrossFieldErrors } from '../ssw/ssw-events.js';
import {
  APPLICATION_CHANNELS,
  APPLICATION_FILERS,
  CASE_CLOSE_REASONS,
  PENDING_APPLICATION_KINDS,
  AFFILIATION_CHANGES,
  AFFILIATION_KINDS,
  CARD_ISSUE_REASONS,
  DETAIL_FIELDS,
  EVENT_TYPES,
  EXTRA_ACTIVITY_SCOPES,
  RECORDABLE_EVENT_TYPES,
  REENTRY_KINDS,
  SPOUSE_END_CAUSES,
  VERIFICATION_RESULTS,
  type EventType,
  type LedgerEvent,
  type RecordableEvent,
  type RegistrationDetails,
} from './events.js';
import {
  bool,
  card,
  cardNumber,
  date,
  integer,
  listOf,
  multiLineText,
  normalised,
  object,
  oneOf,
  optional,
  required,
  status,
  text,
  type FieldError,
  type FieldRule,
} from './field-rules.js';

const none: Record<string, FieldRule> = {};

/** 受付番号, channel and filer: optional on every application. */
const FILING: Record<string, FieldRule> = {
  receiptNumber: optional(text(50)),
  channel: optional(oneOf(APPLICATION_CHANNELS)),
  filedBy: optional(oneOf(APPLICATION_FILERS)),
};

/** The rules of each event type's `data`: the one place a type's fields are defined. */
export const DATA_RULES: Record<EventType, Record<string, FieldRule>> = {
  ResidentRegistered: { residentId: required(text(100)), ...IDENTITY_RULES },
  ExistingStatusRecorded: {
    status: required(status),
    periodExpiresOn: optional(date),
    grantedOn: optional(date),
    card: optional(card),
    address: optional(text()),
    residenceNotified: optional(bool),
    designation: optional(designation),
    inJapan: optional(bool),
    pendingApplication: optional(
      object({
        kind: required(oneOf(PENDING_APPLICATION_KINDS)),
        appliedOn: required(date),
        toStatus: optional(status),
        ...FILING,
      }),
    ),
    ssw1CountFrom: optional(date),
    skillDevelopmentCountFrom: optional(date),
    // 5 years, or 6 with the 6th year (docs/ssw-duties.md §3).
    ssw1MonthsUsed: optional(integer(0, 72)),
  },
  DetailsCorrected: { fields: required(identityCorrection), reason: required(multiLineText()) },
  CaseClosed: { reason: required(oneOf(CASE_CLOSE_REASONS)), note: optional(multiLineText(2000)) },
  CaseReopened: { note: optional(multiLineText(2000)) },
  CaseAssigned: { assignedTo: optional(text(100)), note: optional(multiLineText(2000)) },
  Landed: {
    status: required(status),
    periodExpiresOn: required(date),
    port: optional(text(100)),
    card: optional(card),
    designation: optional(designation),
  },
  BornInJapan: none,
  CardIssued: { card: required(card), reason: required(oneOf(CARD_ISSUE_REASONS)) },
  Moved: { address: required(text()) },
  ResidenceNotified: { address: required(text()) },
  DetailsChanged: { fields: required(listOf(DETAIL_FIELDS)) },
  ExtensionApplied: FILING,
  ExtensionGranted: { periodExpiresOn: required(date), card: required(card) },
  ExtensionDenied: none,
  StatusChangeApplied: { toStatus: required(status), ...FILING },
  StatusChangeGranted: {
    status: required(status),
    periodExpiresOn: optional(date),
    card: required(card),
    designation: optional(designation),
  },
  StatusChangeDenied: none,
  PermanentResidenceApplied: FILING,
  PermanentResidenceGranted: { card: required(card) },
  PermanentResidenceDenied: none,
  StatusAcquisitionApplied: { status: required(status), ...FILING },
  StatusAcquisitionGranted: {
    status: required(status),
    periodExpiresOn: optional(date),
    card: required(card),
    designation: optional(designation),
  },
  CardLost: { discoveredAbroad: optional(bool) },
  CardSurrendered: { reason: optional(multiLineText()) },
  Departed: { reentry: required(oneOf(REENTRY_KINDS)), permitExpiresOn: optional(date) },
  Reentered: none,
  StatusRevoked: { ground: optional(multiLineText()), departureBy: optional(date) },
  Naturalised: none,
  Died: none,
  AffiliationChanged: {
    kind: required(oneOf(AFFILIATION_KINDS)),
    change: required(oneOf(AFFILIATION_CHANGES)),
    organisation: optional(text(200)),
    employer: optional(text(200)),
    helloWork: optional(oneOf(HELLO_WORK_INSURANCE)),
  },
  AffiliationNotified: none,
  SpouseRelationshipEnded: { cause: required(oneOf(SPOUSE_END_CAUSES)) },
  SpouseNotified: none,
  ExtraActivityPermitted: {
    scope: required(oneOf(EXTRA_ACTIVITY_SCOPES)),
    hoursPerWeek: optional(integer(1, 40)),
  },
  CardVerified: { number: required(cardNumber), result: required(oneOf(VERIFICATION_RESULTS)) },
  EventRetracted: { eventId: required(text(100)), reason: required(multiLineText()) },
  ...SSW_DATA_RULES,
  ...SKILL_DEVELOPMENT_DATA_RULES,
  ...REVIEW_DATA_RULES,
};

/** Rules that tie one field to another within the same event. */
function crossFieldErrors(event: LedgerEvent): FieldError[] {
  const errors: FieldError[] = [];
  const needsPeriod = (code: StatusCode, periodExpiresOn: unknown) => {
    const indefinite = STATUS_CATALOGUE[code].indefinite;
    if (indefinite && periodExpiresOn !== undefined) {
      errors.push({ field: 'data.periodExpiresOn', message: `must be absent: ${code} has no period of stay` });
    }
    if (!indefinite && periodExpiresOn === undefined) {
      errors.push({ field: 'data.periodExpiresOn', message: 'is required' });
    }
  };
  switch (event.type) {
    case 'StatusChangeGranted':
    case 'StatusAcquisitionGranted':
      needsPeriod(event.data.status, event.data.periodExpiresOn);
      break;
    case 'ExistingStatusRecorded':
      needsPeriod(event.data.status, event.data.periodExpiresOn);
      errors.push(...takeOverErrors(event));
      break;
    case 'Departed':
      if (event.data.reentry === 'permit' && event.data.permitExpiresOn === undefined) {
        errors.push({ field: 'data.permitExpiresOn', message: 'is required when reentry is "permit"' });
      }
      if (event.data.reentry !== 'permit' && event.data.permitExpiresOn !== undefined) {
        errors.push({ field: 'data.permitExpiresOn', message: 'is only given when reentry is "permit"' });
      }
      break;
    case 'StatusRevoked': {
      const departureBy = event.data.departureBy;
      // 22条の4⑦: 三十日を超えない範囲内で出国期間を指定.
      if (
        departureBy !== undefined &&
        (departureBy <= event.occurredOn || departureBy > addDays(event.occurredOn, DEPARTURE_PERIOD_MAX_DAYS))
      ) {
        errors.push({ field: 'data.departureBy', message: `must be 1 to ${DEPARTURE_PERIOD_MAX_DAYS} days after occurredOn (22条の4⑦)` });
      }
      break;
    }
    case 'ExtraActivityPermitted':
      if (event.data.scope === 'comprehensive' && event.data.hoursPerWeek !== undefined && event.data.hoursPerWeek !== 28) {
        errors.push({ field: 'data.hoursPerWeek', message: 'is 28 for a comprehensive permission' });
      }
      break;
    default:
      break;
  }
  errors.push(...sswCrossFieldErrors(event), ...reviewCrossFieldErrors(event));
  return errors;
}

/**
 * A take-over's own ties (docs/domain-rules.md §8): the 1号 count starts on or before the day the
 * facts hold from, given one way only; a 7-year card's end needs a day to count from.
 */
function takeOverErrors(event: Extract<LedgerEvent, { type: 'ExistingStatusRecorded' }>): FieldError[] {
  const { data } = event;
  const errors: FieldError[] = [];
  const countGiven = data.ssw1CountFrom !== undefined || data.ssw1MonthsUsed !== undefined;
  if (countGiven && data.status !== 'specified_skilled_worker_1') {
    const field = data.ssw1CountFrom !== undefined ? 'data.ssw1CountFrom' : 'data.ssw1MonthsUsed';
    errors.push({ field, message: 'is only for specified_skilled_worker_1' });
  }
  if (data.ssw1CountFrom !== undefined && data.ssw1MonthsUsed !== undefined) {
    errors.push({ field: 'data.ssw1MonthsUsed', message: 'is given instead of ssw1CountFrom, not with it' });
  }
  const from = takeOverHoldsFrom(event);
  if (data.ssw1CountFrom !== undefined && data.ssw1CountFrom > from) {
    errors.push({ field: 'data.ssw1CountFrom', message: `must not be after ${from}, the day the status recorded holds from` });
  }
  const sdFrom = data.skillDevelopmentCountFrom;
  if (sdFrom !== undefined && data.status !== 'employment_for_skill_development') {
    errors.push({ field: 'data.skillDevelopmentCountFrom', message: 'is only for employment_for_skill_development' });
  } else if (sdFrom !== undefined && (sdFrom > from || sdFrom < EMPLOYMENT_FOR_SKILL_DEVELOPMENT_FROM)) {
    errors.push({
      field: 'data.skillDevelopmentCountFrom',
      message: `must lie from ${EMPLOYMENT_FOR_SKILL_DEVELOPMENT_FROM} (育成就労 begins) to ${from}, the day the status recorded holds from`,
    });
  }
  // 19条の5①1号: 7 years from the issue day; unknown, the end would be invented.
  const card = data.card;
  if (card !== undefined && STATUS_CATALOGUE[data.status].indefinite && card.expiresOn === undefined) {
    if (card.issuedOn === undefined && data.grantedOn === undefined) {
      errors.push({
        field: 'data.card.expiresOn',
        message: `is required when neither card.issuedOn nor grantedOn is given: a ${data.status} card runs 7 years from its issue`,
      });
    }
  }
  return errors;
}

export type EventValidation = { ok: true; event: LedgerEvent } | { ok: false; errors: FieldError[] };

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const isRecord = (input: unknown): input is Record<string, unknown> => typeof input === 'object' && input !== null && !Array.isArray(input);

/**
 * Checks the whole `{ type, occurredOn, data }` shape of an event from outside, with every
 * field at fault; the one check of an event body (the API parses with it at its edge).
 */
export function validateEvent(input: unknown, types: readonly EventType[] = EVENT_TYPES): EventValidation {
  if (!isRecord(input)) {
    return { ok: false, errors: [{ field: '', message: 'must be an object with type, occurredOn and data' }] };
  }
  const errors: FieldError[] = Object.keys(input)
    .filter((key) => !['type', 'occurredOn', 'data'].includes(key))
    .map((key) => ({ field: key, message: 'is not a known field' }));
  const type = input['type'];
  if (type === undefined) errors.push({ field: 'type', message: 'is required' });
  else if (!(types as readonly unknown[]).includes(type)) {
    errors.push({ field: 'type', message: `must be one of the event types: ${types.join(', ')}` });
  }
  if (input['occurredOn'] === undefined) errors.push({ field: 'occurredOn', message: 'is required' });
  else errors.push(...date(input['occurredOn'], 'occurredOn'));
  const rules = typeof type === 'string' && Object.hasOwn(DATA_RULES, type) ? object(DATA_RULES[type as EventType]) : null;
  // Values as the ledger keeps them (card numbers as printed), then checked: what is checked is what is recorded.
  const data = rules === null ? (input['data'] ?? {}) : normalised(rules, input['data'] ?? {});
  if (rules !== null) errors.push(...rules(data, 'data'));
  if (errors.length > 0) return { ok: false, errors };
  const event = { type, occurredOn: input['occurredOn'], data } as LedgerEvent;
  const crossErrors = crossFieldErrors(event);
  return crossErrors.length > 0 ? { ok: false, errors: crossErrors } : { ok: true, event };
}

/** A fact for POST /events: any event type but the registration, which has its own call. */
export function parseRecordableEvent(input: unknown): Parsed<RecordableEvent> {
  const checked = validateEvent(input, RECORDABLE_EVENT_TYPES);
  return checked.ok ? { ok: true, value: checked.event as RecordableEvent } : checked;
}

/**
 * The registration details, checked with the rules of ResidentRegistered's data. They are sent
 * at the top level, so fields are named without the `data.` prefix; the id is the ledger's.
 */
export function parseRegistration(input: unknown): Parsed<RegistrationDetails> {
  if (!isRecord(input)) return { ok: false, errors: [{ field: '', message: 'must be an object' }] };
  const rules = object(DATA_RULES.ResidentRegistered);
  const details = normalised(rules, input) as Record<string, unknown>;
  const errors = rules({ ...details, residentId: 'given-by-the-ledger' }, 'data').map((error) => ({
    ...error,
    field: error.field.replace(/^data\./, ''),
  }));
  if (Object.hasOwn(input, 'residentId')) errors.unshift({ field: 'residentId', message: 'is not a known field' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: details as unknown as RegistrationDetails };
}
