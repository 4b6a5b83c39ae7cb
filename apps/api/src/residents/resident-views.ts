/**
 * The shapes api-v1.md gives a resident, built from its stream with the domain functions.
 */
import { deadlinesAsOf, END_OF_TIME, foldResident, statusAsOf, type Deadline, type LocalDate, type ResidentStatus } from '@zairyu/domain';
import type { ResidentHistory } from './resident-ledger.service.js';

export type DeadlineView = Deadline & { residentId: string };

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

export function summaryOf(identity: Identity, version: number, status: ResidentStatus, nextDeadline: DeadlineView | null): ResidentSummary {
  return {
    id: identity.residentId,
    fullName: identity.fullName,
    dateOfBirth: identity.dateOfBirth,
    nationality: identity.nationality,
    gender: identity.gender ?? null,
    externalRef: identity.externalRef ?? null,
    notes: identity.notes ?? null,
    assignedTo: identity.assignedTo ?? null,
    version,
    status,
    nextDeadline,
  };
}

export function residentDeadlines(history: ResidentHistory, asOf: LocalDate): DeadlineView[] {
  return deadlinesAsOf(history.events, asOf).map((deadline) => ({ ...deadline, residentId: history.residentId }));
}

export function residentSummary(history: ResidentHistory, asOf: LocalDate): ResidentSummary {
  const identity = history.stored[0]!.data as Identity;
  const next = residentDeadlines(history, asOf).find((deadline) => NEEDS_ACTION.has(deadline.state)) ?? null;
  // The one in charge now, after every reassignment (CaseAssigned), not only as registered.
  const assignedTo = foldResident(history.events, END_OF_TIME).identity?.assignedTo ?? null;
  return summaryOf({ ...identity, assignedTo, residentId: history.residentId }, history.version, statusAsOf(history.events, asOf), next);
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
