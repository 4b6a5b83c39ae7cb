/**
 * A matter (案件) folded from its stream, the decisions on what may be recorded of it, and its
 * stage read from its own facts and the resident's (the filing, the office's requests, the decision).
 */
import type { LocalDate } from '../calendar/local-date.js';
import { residentAsOf } from '../as-of.js';
import type { RecordedEvent } from '../events/events.js';
import { factsInLegalOrder } from '../resident/fact-order.js';
import { DOCUMENT_CATALOGUE } from './document-checklists.js';
import type {
  ChecklistItem,
  MatterClient,
  MatterEvent,
  MatterEventDataByType,
  MatterResult,
  RecordedMatterEvent,
} from './matter-events.js';
import { MATTER_KIND_CATALOGUE, type MatterKind } from './matter-kinds.js';

export interface Filing {
  filedOn: LocalDate;
  applicationEventId: string | null;
  bureau: string | null;
  receiptNumber: string | null;
  channel: string | null;
}

export interface Matter {
  matterId: string;
  residentId: string;
  kind: MatterKind;
  feeYen: number;
  caseworker: string | null;
  client: MatterClient;
  toStatus: string | null;
  acceptedOn: LocalDate;
  checklist: ChecklistItem[];
  filing: Filing | null;
  /** A result recorded on the matter itself (withdrawn, or a kind whose decision the resident's stream does not hold). */
  decided: { result: MatterResult; on: LocalDate } | null;
  closedOn: LocalDate | null;
  version: number;
}

/** 書類収集中 / 申請済・審査中 / 資料提出待ち / 結果待ち / 完了. */
export const MATTER_STAGES = ['collecting', 'under_review', 'documents_requested', 'awaiting_result', 'done'] as const;
export type MatterStage = (typeof MATTER_STAGES)[number];
export const MATTER_STAGE_LABELS: Readonly<Record<MatterStage, string>> = {
  collecting: '書類収集中',
  under_review: '申請済・審査中',
  documents_requested: '資料提出待ち',
  awaiting_result: '結果待ち',
  done: '完了',
};

export type MatterRefusal = { ok: false; code: MatterFailureCode; detail: string };
export type MatterDecision = { ok: true; events: MatterEvent[] } | MatterRefusal;
export const MATTER_FAILURE_CODES = [
  'MATTER_CLOSED',
  'ALREADY_FILED',
  'NOT_FILED',
  'ALREADY_DECIDED',
  'BEFORE_ACCEPTANCE',
  'UNKNOWN_CHECKLIST_ITEM',
  'NOT_THE_APPLICATION',
] as const;
export type MatterFailureCode = (typeof MATTER_FAILURE_CODES)[number];

const refuse = (code: MatterFailureCode, detail: string): MatterRefusal => ({ ok: false, code, detail });

export function checklistFor(kind: MatterKind): ChecklistItem[] {
  return DOCUMENT_CATALOGUE[kind].map((document) => ({
    code: document.code,
    label: document.ja,
    state: 'requested',
    providedBy: document.providedBy,
    dueOn: null,
  }));
}

export function foldMatter(events: readonly RecordedMatterEvent[]): Matter | null {
  let matter: Matter | null = null;
  for (const event of events) {
    if (event.type === 'MatterAccepted') {
      const { matterId, residentId, kind, feeYen, caseworker, client, toStatus, checklist } = event.data;
      matter = {
        matterId,
        residentId,
        kind,
        feeYen,
        caseworker: caseworker ?? null,
        client,
        toStatus: toStatus ?? null,
        acceptedOn: event.occurredOn,
        checklist,
        filing: null,
        decided: null,
        closedOn: null,
        version: event.version,
      };
      continue;
    }
    if (matter === null) continue;
    matter = { ...evolveMatter(matter, event), version: event.version };
  }
  return matter;
}

function evolveMatter(matter: Matter, event: RecordedMatterEvent): Matter {
  switch (event.type) {
    case 'MatterAccepted':
      return matter;
    case 'ChecklistItemUpdated':
      return { ...matter, checklist: updatedChecklist(matter.checklist, event.data) };
    case 'MatterFiled':
      return {
        ...matter,
        filing: {
          filedOn: event.occurredOn,
          applicationEventId: event.data.applicationEventId ?? null,
          bureau: event.data.bureau ?? null,
          receiptNumber: event.data.receiptNumber ?? null,
          channel: event.data.channel ?? null,
        },
      };
    case 'MatterDecided':
      return { ...matter, decided: { result: event.data.result, on: event.occurredOn } };
    case 'MatterClosed':
      return { ...matter, closedOn: event.occurredOn };
    default:
      return assertNever(event);
  }
}

function assertNever(event: never): never {
  throw new Error(`Unhandled matter event: ${JSON.stringify(event)}`);
}

function updatedChecklist(checklist: readonly ChecklistItem[], update: MatterEventDataByType['ChecklistItemUpdated']): ChecklistItem[] {
  const change = (item: ChecklistItem): ChecklistItem => ({
    ...item,
    state: update.state,
    ...(update.label === undefined ? {} : { label: update.label }),
    ...(update.providedBy === undefined ? {} : { providedBy: update.providedBy }),
    ...(update.dueOn === undefined ? {} : { dueOn: update.dueOn }),
  });
  if (checklist.some((item) => item.code === update.code))
    return checklist.map((item) => (item.code === update.code ? change(item) : item));
  // A document the office adds to this matter (what a category or status asks beyond the catalogue).
  return [
    ...checklist,
    change({ code: update.code, label: update.label ?? update.code, state: 'requested', providedBy: 'person', dueOn: null }),
  ];
}

// ---- decisions -------------------------------------------------------------------------------

export interface AcceptMatter {
  matterId: string;
  residentId: string;
  kind: MatterKind;
  feeYen: number;
  caseworker?: string;
  client?: MatterClient;
  toStatus?: MatterEventDataByType['MatterAccepted']['toStatus'];
  acceptedOn: LocalDate;
}

export function acceptMatter(command: AcceptMatter): MatterDecision {
  const { acceptedOn, client, caseworker, toStatus, ...rest } = command;
  return {
    ok: true,
    events: [
      {
        type: 'MatterAccepted',
        occurredOn: acceptedOn,
        data: {
          ...rest,
          client: client ?? { kind: 'resident' },
          ...(caseworker === undefined ? {} : { caseworker }),
          ...(toStatus === undefined ? {} : { toStatus }),
          checklist: checklistFor(command.kind),
        },
      },
    ],
  };
}

function open(matter: Matter, on: LocalDate): MatterRefusal | null {
  if (matter.closedOn !== null) return refuse('MATTER_CLOSED', `The matter was closed on ${matter.closedOn}.`);
  if (on < matter.acceptedOn) return refuse('BEFORE_ACCEPTANCE', `${on} is before the matter was accepted on ${matter.acceptedOn}.`);
  return null;
}

/** A checklist item marked; an unknown code adds the item only when it comes with its label. */
export function updateChecklistItem(matter: Matter, on: LocalDate, update: MatterEventDataByType['ChecklistItemUpdated']): MatterDecision {
  const refusal = open(matter, on);
  if (refusal !== null) return refusal;
  if (!matter.checklist.some((item) => item.code === update.code) && update.label === undefined) {
    return refuse('UNKNOWN_CHECKLIST_ITEM', `The checklist has no item "${update.code}"; give a label to add it.`);
  }
  return { ok: true, events: [{ type: 'ChecklistItemUpdated', occurredOn: on, data: update }] };
}

/**
 * The filing. `application` is the resident's fact it links, already found in the resident's
 * stream by the caller: it must be this kind's `…Applied` fact, and its 受付番号 and channel are
 * taken from it where the request gives none.
 */
export function fileMatter(
  matter: Matter,
  on: LocalDate,
  data: MatterEventDataByType['MatterFiled'],
  application: RecordedEvent | null,
): MatterDecision {
  const refusal = open(matter, on);
  if (refusal !== null) return refusal;
  if (matter.filing !== null) return refuse('ALREADY_FILED', `The matter was filed on ${matter.filing.filedOn}.`);
  let linked = data;
  if (application !== null) {
    const expected = MATTER_KIND_CATALOGUE[matter.kind].applied;
    if (application.type !== expected) {
      return refuse(
        'NOT_THE_APPLICATION',
        `${application.type} is not the filing of a ${matter.kind} matter (${expected ?? 'none recorded'}).`,
      );
    }
    const filing = application.data as { receiptNumber?: string; channel?: MatterEventDataByType['MatterFiled']['channel'] };
    linked = {
      ...(filing.receiptNumber === undefined ? {} : { receiptNumber: filing.receiptNumber }),
      ...(filing.channel === undefined ? {} : { channel: filing.channel }),
      ...data,
      applicationEventId: application.eventId,
    };
  }
  return { ok: true, events: [{ type: 'MatterFiled', occurredOn: on, data: linked }] };
}

export function decideMatter(matter: Matter, on: LocalDate, result: MatterResult): MatterDecision {
  const refusal = open(matter, on);
  if (refusal !== null) return refusal;
  if (matter.decided !== null)
    return refuse('ALREADY_DECIDED', `The matter's result (${matter.decided.result}) was recorded on ${matter.decided.on}.`);
  if (result !== 'withdrawn' && matter.filing === null) return refuse('NOT_FILED', 'A result needs the filing first.');
  return { ok: true, events: [{ type: 'MatterDecided', occurredOn: on, data: { result } }] };
}

export function closeMatter(matter: Matter, on: LocalDate, note?: string): MatterDecision {
  const refusal = open(matter, on);
  if (refusal !== null) return refusal;
  return { ok: true, events: [{ type: 'MatterClosed', occurredOn: on, data: note === undefined ? {} : { note } }] };
}

// ---- the stage -------------------------------------------------------------------------------

export interface MatterProgress {
  stage: MatterStage;
  /** The result: recorded on the matter, or the resident's decision fact after the filing. */
  result: { result: MatterResult; on: LocalDate } | null;
  /** Checklist items still requested. */
  missing: ChecklistItem[];
  /** The office's requests still open since the filing: the next one due. */
  nextRequestDueOn: LocalDate | null;
  /** Each request still open since the filing (資料提出通知, 出頭通知), earliest due first. */
  openRequests: OpenRequest[];
}

export interface OpenRequest {
  kind: 'additional_documents' | 'summons_appearance';
  dueOn: LocalDate;
}

/**
 * The stage as of `asOf`, from the matter and the resident's facts: not filed → collecting; a
 * 資料提出通知 or 出頭通知 since the filing still open → documents_requested; every such request
 * answered → awaiting_result; none → under_review; a result or the close → done.
 */
export function matterProgress(matter: Matter, residentFacts: readonly RecordedEvent[], asOf: LocalDate): MatterProgress {
  const missing = matter.checklist.filter((item) => item.state === 'requested');
  const result = matter.decided ?? residentResult(matter, residentFacts, asOf);
  const progress = (stage: MatterStage, openRequests: OpenRequest[] = []): MatterProgress => ({
    stage,
    result,
    missing,
    nextRequestDueOn: openRequests[0]?.dueOn ?? null,
    openRequests,
  });
  if (result !== null || (matter.closedOn !== null && matter.closedOn <= asOf)) return progress('done');
  const filing = matter.filing;
  if (filing === null || filing.filedOn > asOf) return progress('collecting');
  const requests = residentAsOf(residentFacts, asOf).deadlines.filter(
    (deadline) =>
      (deadline.kind === 'additional_documents' || deadline.kind === 'summons_appearance') && deadline.createdOn >= filing.filedOn,
  );
  const open = requests.filter((deadline) => deadline.voidOn === null && (deadline.metOn === null || deadline.metOn > asOf));
  if (open.length > 0)
    return progress(
      'documents_requested',
      open
        .map((deadline) => ({ kind: deadline.kind as OpenRequest['kind'], dueOn: deadline.dueOn }))
        .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0)),
    );
  return progress(requests.length > 0 ? 'awaiting_result' : 'under_review');
}

function residentResult(matter: Matter, facts: readonly RecordedEvent[], asOf: LocalDate): MatterProgress['result'] {
  const since = matter.filing?.filedOn ?? matter.acceptedOn;
  const { granted, denied } = MATTER_KIND_CATALOGUE[matter.kind].decided;
  // Retracted facts do not count: a grant recorded by mistake and withdrawn decided nothing.
  const decision = factsInLegalOrder(facts).find(
    (fact) => fact.occurredOn >= since && fact.occurredOn <= asOf && (granted.includes(fact.type) || denied.includes(fact.type)),
  );
  if (decision === undefined) return null;
  return { result: granted.includes(decision.type) ? 'granted' : 'denied', on: decision.occurredOn };
}
