/**
 * The shapes docs/api-v1.md gives a resident, built from its stream with the domain functions.
 */
import {
  daysBetween,
  deadlinesOfRecords,
  END_OF_TIME,
  pendingApplicationOf,
  statusOfState,
  sswPanel,
  type LocalDate,
  type PendingApplication,
  type ResidentStatus,
  type SswPanel,
} from '@zairyu/domain';
import { residentProfile, type ResidentProfile } from '@zairyu/read-model';
import type { DeadlineView } from '../deadlines/index.js';
import type { ResidentHistory } from './resident-ledger.service.js';

export interface ResidentSummary {
  id: string;
  fullName: string;
  dateOfBirth: string;
  nationality: string;
  gender: string | null;
  externalRef: string | null;
  notes: string | null;
  /** The user in charge of the file, or null. */
  assignedTo: string | null;
  version: number;
  status: ResidentStatus;
  nextDeadline: DeadlineView | null;
  /** The organisation stopped following the resident (CaseClosed). */
  closed: boolean;
  pendingApplication: PendingApplication | null;
  /** Specified Skilled Worker: field, employer, support, the 5-year count, the next interviews (docs/ssw-duties.md §8). */
  ssw?: SswPanel | null;
}

/** The case file beside the identity: profile fields, closure and the application pending. */
export interface CaseFile {
  profile: ResidentProfile;
  closed: boolean;
  pendingApplication: PendingApplication | null;
}

/** A pending application as the read model stores it, with its days pending as of `asOf`. */
export function pendingAsOf(
  stored: { type: PendingApplication['type']; appliedOn: LocalDate; receiptNumber: string | null } | null,
  asOf: LocalDate,
): PendingApplication | null {
  return stored === null ? null : { ...stored, daysPending: daysBetween(stored.appliedOn, asOf) };
}

export interface Identity {
  residentId: string;
  fullName: string;
  dateOfBirth: string;
  nationality: string;
  gender?: string | null;
  externalRef?: string | null;
  notes?: string | null;
  assignedTo?: string | null;
}

/** Open or overdue (not met, not void, already open): what needs doing first. */
export const NEEDS_ACTION = new Set(['open', 'overdue']);

export function summaryOf(
  identity: Identity,
  version: number,
  status: ResidentStatus,
  nextDeadline: DeadlineView | null,
  file: CaseFile,
): ResidentSummary & ResidentProfile {
  return {
    id: identity.residentId,
    fullName: identity.fullName,
    dateOfBirth: identity.dateOfBirth,
    nationality: identity.nationality,
    gender: identity.gender ?? null,
    externalRef: identity.externalRef ?? null,
    notes: identity.notes ?? null,
    assignedTo: identity.assignedTo ?? null,
    ...file.profile,
    version,
    status,
    nextDeadline,
    closed: file.closed,
    pendingApplication: file.pendingApplication,
  };
}

/** The views below read the kept fold (ResidentFold), which answers as deadlinesAsOf, statusAsOf and foldResident do. */
export function residentDeadlines(history: ResidentHistory, asOf: LocalDate): DeadlineView[] {
  return deadlinesOfRecords(history.fold.residentAsOf(asOf).deadlines, asOf).map((deadline) => ({
    ...deadline,
    residentId: history.residentId,
  }));
}

export function residentStatus(history: ResidentHistory, asOf: LocalDate): ResidentStatus {
  return statusOfState(history.fold.residentAsOf(asOf), asOf);
}

export function residentSummary(history: ResidentHistory, asOf: LocalDate): ResidentSummary & ResidentProfile {
  const state = history.fold.stateAsOf(asOf);
  // The identity as corrected now (DetailsCorrected) and the one in charge now (CaseAssigned),
  // as the caseload list shows them, not as first typed.
  const identity = history.fold.stateAsOf(END_OF_TIME).identity!;
  const next = residentDeadlines(history, asOf).find((deadline) => NEEDS_ACTION.has(deadline.state)) ?? null;
  const summary = summaryOf({ ...identity, residentId: history.residentId }, history.version, residentStatus(history, asOf), next, {
    profile: residentProfile(identity),
    closed: state.caseClosure !== null,
    pendingApplication: pendingApplicationOf(state, history.events, asOf),
  });
  return { ...summary, ssw: sswPanel(state, asOf) };
}

export function eventList(history: ResidentHistory) {
  const retracted = new Set(
    history.stored.filter((event) => event.type === 'EventRetracted').map((event) => (event.data as { eventId: string }).eventId),
  );
  return history.stored.map((event) => ({
    eventId: event.eventId,
    version: event.version,
    type: event.type,
    occurredOn: event.occurredOn,
    data: event.data,
    recordedAt: event.metadata.recordedAt,
    recordedBy: event.metadata.recordedBy,
    retracted: retracted.has(event.eventId),
  }));
}
