/**
 * What the read models hold for one resident, re-derived from the whole stream with the pure
 * domain functions. Deterministic, so a rebuild gives the same rows as the live projection.
 */
import {
  END_OF_TIME,
  foldWithTimeline,
  owedByOf,
  pendingApplicationOf,
  sswPanelInput,
  type RecordedEvent,
  type ResidentFold,
  type ResidentState,
  type SswPanelInput,
  type StatusSegment,
} from '@zairyu/domain';
import { nameKey, searchTokens } from '../search/search-text.js';
import { residentProfile, type ResidentProfile } from './resident-profile.js';
import type { StoredEvent } from '@zairyu/event-store';
import { erasureOf, toRecordedEvents } from '@zairyu/resident-streams';

export interface ResidentRows {
  summary: {
    organisationId: string;
    residentId: string;
    fullName: string;
    dateOfBirth: string;
    nationality: string;
    gender: string | null;
    externalRef: string | null;
    notes: string | null;
    version: number;
    cardNumber: string | null;
    statusTimeline: StatusSegment[];
    registeredAt: string;
    profile: ResidentProfile;
    assignedTo: string | null;
    /** Words of the names, searchForm'd: the duplicate check compares these. */
    nameKey: string;
    closed: boolean;
    pendingApplication: { type: string; appliedOn: string; receiptNumber: string | null } | null;
    employer: string | null;
    sswPanel: SswPanelInput | null;
  };
  /** Every word the resident is found by (search-text.ts). */
  searchTokens: string[];
  /** Every card number the resident has held (the card registry). */
  cardNumbers: string[];
  deadlines: Array<{
    id: string;
    kind: string;
    createdOn: string;
    opensOn: string | null;
    statutoryDueOn: string;
    dueOn: string;
    metOn: string | null;
    voidOn: string | null;
    sourceEventId: string;
    owedBy: string;
    employer: string | null;
  }>;
}

/**
 * Null for a stream that does not open with a registration, or whose personal data was erased
 * (nothing to show). `fold`, when kept, is the fold of `stream`'s events (kept-folds.ts).
 */
export function residentRows(stream: readonly StoredEvent[], fold?: ResidentFold): ResidentRows | null {
  const registration = stream[0];
  if (registration?.type !== 'ResidentRegistered' || erasureOf(stream) !== null) return null;
  const events = fold?.events ?? toRecordedEvents(stream);
  // Without a kept fold, one pass over the facts gives both the state and the timeline.
  const { state, timeline } =
    fold === undefined ? foldWithTimeline(events) : { state: fold.stateAsOf(END_OF_TIME), timeline: fold.statusTimeline() };
  const identity = state.identity!;
  return {
    summary: {
      organisationId: registration.metadata.organisationId,
      residentId: identity.residentId,
      fullName: identity.fullName,
      dateOfBirth: identity.dateOfBirth,
      nationality: identity.nationality,
      gender: identity.gender ?? null,
      externalRef: identity.externalRef ?? null,
      notes: identity.notes ?? null,
      version: stream.at(-1)!.version,
      cardNumber: state.cards.at(-1)?.number ?? null,
      statusTimeline: timeline,
      registeredAt: registration.metadata.recordedAt,
      profile: residentProfile(identity),
      assignedTo: identity.assignedTo ?? null,
      nameKey: nameKey(identity.fullName),
      closed: state.caseClosure !== null,
      pendingApplication: pendingOf(state, events),
      employer: state.ssw.employer,
      sswPanel: sswPanelInput(state),
    },
    searchTokens: searchTokens(identity),
    cardNumbers: state.cards.map((card) => card.number),
    deadlines: state.deadlines.map((deadline) => ({
      id: deadline.id,
      kind: deadline.kind,
      createdOn: deadline.createdOn,
      opensOn: deadline.opensOn,
      statutoryDueOn: deadline.statutoryDueOn,
      dueOn: deadline.dueOn,
      metOn: deadline.metOn,
      voidOn: deadline.voidOn,
      sourceEventId: deadline.sourceEventId,
      owedBy: owedByOf(deadline.kind),
      employer: deadline.employer ?? null,
    })),
  };
}

function pendingOf(state: ResidentState, events: readonly RecordedEvent[]) {
  const pending = pendingApplicationOf(state, events, END_OF_TIME);
  return pending === null ? null : { type: pending.type, appliedOn: pending.appliedOn, receiptNumber: pending.receiptNumber };
}
