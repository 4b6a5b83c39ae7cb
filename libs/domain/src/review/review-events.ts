/**
 * What the immigration office asks of an application while it reviews it, and the certificate
 * of eligibility it issues (在留資格認定証明書). Kept apart from the core facts; events.ts merges
 * them into the union. The `type` strings are stored: never rename one.
 */
import type { LocalDate } from '../calendar/local-date.js';
import { check, date, optional, required, status, text, type Check, type FieldError, type FieldRule } from '../events/field-rules.js';
import type { StatusCode } from '../status-catalogue.js';

export interface ReviewEventDataByType {
  /** 資料提出通知: the office asks for more documents by the day the notice names. */
  AdditionalDocumentsRequested: { requestedOn: LocalDate; dueOn: LocalDate; items: string[] };
  /** What the notice asked for was handed in: meets every request still open. */
  AdditionalDocumentsSubmitted: Record<string, never>;
  /** 出頭通知: the person is called to the office on the day the notice names. */
  SummonsIssued: { issuedOn: LocalDate; appearOn: LocalDate; place?: string };
  SummonsAttended: Record<string, never>;
  /** 在留資格認定証明書 issued: the person must land within 3 months of `issuedOn`. */
  CoeIssued: { issuedOn: LocalDate; status: StatusCode };
}

export type ReviewEventType = keyof ReviewEventDataByType;

export const REVIEW_EVENT_TYPES: readonly ReviewEventType[] = [
  'AdditionalDocumentsRequested',
  'AdditionalDocumentsSubmitted',
  'SummonsIssued',
  'SummonsAttended',
  'CoeIssued',
];

const fail = (field: string, message: string): FieldError[] => [{ field, message }];

/** The documents a notice lists, in its own words: at least one, none blank. */
const documentItems: Check = check(
  {
    type: 'array',
    minItems: 1,
    maxItems: 50,
    items: { type: 'string', minLength: 1, maxLength: 200 },
    description: 'the documents the notice asks for',
  },
  (value, path) => {
    if (!Array.isArray(value) || value.length === 0) return fail(path, 'must be a non-empty array');
    if (value.length > 50) return fail(path, 'must list at most 50 documents');
    return value.flatMap((item, index) => text(200)(item, `${path}[${index}]`));
  },
);

export const REVIEW_DATA_RULES: Record<ReviewEventType, Record<string, FieldRule>> = {
  AdditionalDocumentsRequested: { requestedOn: required(date), dueOn: required(date), items: required(documentItems) },
  AdditionalDocumentsSubmitted: {},
  SummonsIssued: { issuedOn: required(date), appearOn: required(date), place: optional(text(200)) },
  SummonsAttended: {},
  CoeIssued: { issuedOn: required(date), status: required(status) },
};

/** Where these facts fall among the facts of one day (fact-order.ts): a certificate before the landing it allows. */
export const REVIEW_SAME_DAY_RANK: Record<ReviewEventType, number> = {
  CoeIssued: 8,
  AdditionalDocumentsRequested: 35,
  SummonsIssued: 35,
  AdditionalDocumentsSubmitted: 36,
  SummonsAttended: 36,
};

/** Rules that tie one field to another within one fact. */
export function reviewCrossFieldErrors(event: { type: string; occurredOn: string; data: unknown }): FieldError[] {
  const data = event.data as Record<string, string | undefined>;
  if (event.type === 'AdditionalDocumentsRequested' && data['dueOn']! < data['requestedOn']!) {
    return fail('data.dueOn', 'must be on or after requestedOn');
  }
  if (event.type === 'SummonsIssued' && data['appearOn']! < data['issuedOn']!) {
    return fail('data.appearOn', 'must be on or after issuedOn');
  }
  if (
    (event.type === 'CoeIssued' || event.type === 'AdditionalDocumentsRequested') &&
    (data['issuedOn'] ?? data['requestedOn'])! > event.occurredOn
  ) {
    return fail(
      `data.${event.type === 'CoeIssued' ? 'issuedOn' : 'requestedOn'}`,
      'must be on or before occurredOn (the day the office acted)',
    );
  }
  return [];
}
