/**
 * The facts of a matter (案件): the office's engagement for one application of one resident. They
 * live in the matter's own stream (docs/decisions/0006-matters-in-their-own-streams.md), not in the
 * resident's: the `type` strings are stored, so never rename one.
 */
import type { LocalDate } from '../calendar/local-date.js';
import { APPLICATION_CHANNELS } from '../events/events.js';
import {
  date,
  integer,
  object,
  oneOf,
  optional,
  required,
  status,
  text,
  check,
  type Check,
  type FieldError,
  type FieldRule,
} from '../events/field-rules.js';
import type { StatusCode } from '../status-catalogue.js';
import { DOCUMENT_PROVIDERS, type DocumentProvider } from './document-checklists.js';
import { MATTER_KINDS, type MatterKind } from './matter-kinds.js';

export const CHECKLIST_STATES = ['requested', 'received', 'not_applicable'] as const;
export type ChecklistState = (typeof CHECKLIST_STATES)[number];

export const MATTER_RESULTS = ['granted', 'denied', 'withdrawn'] as const;
export type MatterResult = (typeof MATTER_RESULTS)[number];

/**
 * 依頼者: the resident themself, or a company (an employer inviting a worker), whose name and
 * address are a business's, not a person's personal data.
 */
export type MatterClient = { kind: 'resident' } | { kind: 'company'; name: string; address: string };

export interface ChecklistItem {
  code: string;
  label: string;
  state: ChecklistState;
  providedBy: DocumentProvider;
  dueOn: LocalDate | null;
}

export interface MatterEventDataByType {
  MatterAccepted: {
    matterId: string;
    residentId: string;
    kind: MatterKind;
    /** 報酬の額 agreed, in yen, tax included. */
    feeYen: number;
    /** A user id of the organisation: the caseworker in charge. */
    caseworker?: string;
    client: MatterClient;
    toStatus?: StatusCode;
    checklist: ChecklistItem[];
  };
  ChecklistItemUpdated: { code: string; label?: string; state: ChecklistState; providedBy?: DocumentProvider; dueOn?: LocalDate | null };
  /** The filing: the resident's `…Applied` fact it is, when the ledger records one, and where it went. */
  MatterFiled: { applicationEventId?: string; bureau?: string; receiptNumber?: string; channel?: (typeof APPLICATION_CHANNELS)[number] };
  /** A result the resident's stream does not hold (withdrawn, a re-entry permit, …). */
  MatterDecided: { result: MatterResult };
  MatterClosed: { note?: string };
}

export type MatterEventType = keyof MatterEventDataByType;
export type MatterEvent = { [T in MatterEventType]: { type: T; occurredOn: LocalDate; data: MatterEventDataByType[T] } }[MatterEventType];
export type RecordedMatterEvent = MatterEvent & { eventId: string; version: number };

const client: Check = check(
  {
    oneOf: [
      { type: 'object', additionalProperties: false, required: ['kind'], properties: { kind: { type: 'string', enum: ['resident'] } } },
      object({ kind: required(oneOf(['company'])), name: required(text(200)), address: required(text(300)) }).schema,
    ],
    description: '依頼者: the resident, or a company with its name and address',
  },
  (value, path) => {
    const kind = (value as { kind?: unknown } | null)?.kind;
    if (kind === 'resident') return object({ kind: required(oneOf(['resident'])) })(value, path);
    return object({ kind: required(oneOf(['company'])), name: required(text(200)), address: required(text(300)) })(value, path);
  },
);

/** What a caller sends to accept a matter (the ledger adds the ids and the checklist). */
export const ACCEPT_MATTER_RULES: Record<string, FieldRule> = {
  residentId: required(text(100)),
  kind: required(oneOf(MATTER_KINDS)),
  feeYen: required(integer(0, 100_000_000)),
  caseworker: optional(text(100)),
  acceptedOn: required(date),
  client: optional(client),
  toStatus: optional(status),
};

export const CHECKLIST_UPDATE_RULES: Record<string, FieldRule> = {
  state: required(oneOf(CHECKLIST_STATES)),
  label: optional(text(200)),
  providedBy: optional(oneOf(DOCUMENT_PROVIDERS)),
  dueOn: optional(date),
};

export const FILE_MATTER_RULES: Record<string, FieldRule> = {
  filedOn: required(date),
  applicationEventId: optional(text(100)),
  bureau: optional(text(200)),
  receiptNumber: optional(text(50)),
  channel: optional(oneOf(APPLICATION_CHANNELS)),
};

export const DECIDE_MATTER_RULES: Record<string, FieldRule> = { result: required(oneOf(MATTER_RESULTS)), decidedOn: required(date) };
export const CLOSE_MATTER_RULES: Record<string, FieldRule> = { closedOn: required(date), note: optional(text(2000)) };

/** Every field at fault in a request's body, by the rules above (`field` names the body's field). */
export function matterRequestErrors(rules: Record<string, FieldRule>, body: unknown): FieldError[] {
  return object(rules)(body ?? {}, 'body').map((error) => ({ ...error, field: error.field.replace(/^body\.?/, '') || 'body' }));
}
