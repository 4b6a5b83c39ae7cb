/**
 * The record that a resident's personal data was erased (APPI 個人情報保護法 35条 利用停止・消去).
 * It is a fact of the ledger, not of immigration law: the domain never folds it, and a stream
 * that holds it projects no rows (the read models keep nothing of the person).
 */
import type { StoredEvent } from '@zairyu/event-store';

export const PERSONAL_DATA_ERASED = 'PersonalDataErased';

/** Why: the person asked (本人の請求), the retention period ended, or they were recorded in error. */
export const ERASURE_REASONS = ['data_subject_request', 'retention_ended', 'recorded_in_error'] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

export function erasureOf(stream: readonly StoredEvent[]): StoredEvent | null {
  return stream.find((event) => event.type === PERSONAL_DATA_ERASED) ?? null;
}
