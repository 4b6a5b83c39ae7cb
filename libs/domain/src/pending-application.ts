/**
 * The application a resident is waiting on (在留期間更新, 在留資格変更, 永住, 在留資格取得), with its
 * 受付番号 and how long it has been pending: what a caseworker chases the immigration office about.
 */
import { daysBetween, type LocalDate } from './calendar/local-date.js';
import type { ApplicationFiling, RecordedEvent } from './events/events.js';
import type { ResidentState } from './resident/state.js';

export const PENDING_KINDS = ['extension', 'status_change', 'permanent', 'acquisition'] as const;
export type PendingKind = (typeof PENDING_KINDS)[number];

export interface PendingApplication {
  type: PendingKind;
  appliedOn: LocalDate;
  receiptNumber: string | null;
  daysPending: number;
}

function filingOf(events: readonly RecordedEvent[], eventId: string): ApplicationFiling {
  const event = events.find((candidate) => candidate.eventId === eventId);
  if (event === undefined) return {};
  // A take-over carries the application filed before the ledger followed the person.
  if (event.type === 'ExistingStatusRecorded') return event.data.pendingApplication ?? {};
  return event.data as ApplicationFiling;
}

/** Pending on `asOf` (the state folded to that day); null when nothing is pending. */
export function pendingApplicationOf(state: ResidentState, events: readonly RecordedEvent[], asOf: LocalDate): PendingApplication | null {
  const pending: { type: PendingKind; appliedOn: LocalDate; eventId: string } | null = state.pendingStay
    ? { type: state.pendingStay.kind === 'extension' ? 'extension' : 'status_change', ...state.pendingStay }
    : state.pendingPermanent
      ? { type: 'permanent', ...state.pendingPermanent }
      : state.acquisition
        ? { type: 'acquisition', ...state.acquisition }
        : null;
  if (pending === null) return null;
  return {
    type: pending.type,
    appliedOn: pending.appliedOn,
    receiptNumber: filingOf(events, pending.eventId).receiptNumber ?? null,
    daysPending: daysBetween(pending.appliedOn, asOf),
  };
}
