/**
 * The facts a row states beyond the registration, as the writer records them: the take-over
 * with the 指定書 naming the employer record, the start of support, and, for a resident the
 * ledger already follows, what the file has that the ledger has not recorded yet.
 */
import { takeOverHoldsFrom, type RecordableEvent, type ResidentState } from '@zairyu/domain';
import { rowError, type ReadRow, type RowError } from './import-row.js';
import type { HeaderMap } from './import-template.js';

export type TakeOver = Extract<RecordableEvent, { type: 'ExistingStatusRecorded' }>;

/** Why a row that matched a resident is not imported, found by comparing it with the resident's history. */
export class RowRefused extends Error {
  constructor(readonly error: RowError) {
    super(error.message);
  }
}

/** The take-over with the 指定書 naming the employer (the row gives the field, the file the employer). */
export function withEmployer(existing: TakeOver | null, employer: string | undefined): TakeOver | null {
  if (existing === null || employer === undefined) return existing;
  const designation = existing.data.designation;
  if (designation === undefined || typeof designation !== 'object' || !('field' in designation)) return existing;
  return { ...existing, data: { ...existing.data, designation: { ...designation, employer } } };
}

/**
 * SupportStarted from the row's 支援開始日. Support that began before the day the take-over's
 * facts hold from (a worker renewed since) is recorded on that day: the ledger knows of no
 * 特定技能 before it, and duties are followed from the take-over anyway (the interview cycle
 * starts again on it, docs/domain-rules.md §8).
 */
export function supportFact(read: ReadRow, existing: TakeOver | null, employer: string | undefined): RecordableEvent | null {
  if (read.supportStartedOn === null || employer === undefined) return null;
  const from = existing === null ? null : takeOverHoldsFrom(existing);
  const on = from !== null && read.supportStartedOn < from ? from : read.supportStartedOn;
  return { type: 'SupportStarted', occurredOn: on, data: { employer } };
}

/**
 * What the row says of the status the ledger follows that the ledger has not recorded: a
 * pending application (ExtensionApplied, PermanentResidenceApplied); a later period with its
 * new card (ExtensionGranted on 許可日 or the card's issue day, after the renewal application
 * the ledger or the row has). Any other difference is refused (ALREADY_FOLLOWED): what
 * happened is recorded as its own events.
 */
export function newStatusFacts(map: HeaderMap, state: ResidentState, existing: TakeOver): RecordableEvent[] {
  const stay = state.stay;
  const data = existing.data;
  const currentCard = state.cards.at(-1)?.number;
  const followed = (): never => {
    const period = stay?.periodExpiresOn ?? null;
    throw new RowRefused(
      rowError(
        map,
        'status',
        `The ledger already follows this resident (${stay === null ? 'no status' : `${stay.status}${period ? ` until ${period}` : ''}`}, card ${currentCard ?? 'none'}): record what changed since as events (ExtensionGranted, CardIssued, …)`,
        `この方はすでに台帳で管理しています（${stay === null ? '在留資格なし' : `${stay.status}${period ? `、${period} まで` : ''}`}、カード ${currentCard ?? 'なし'}）。その後の出来事は個別に記録してください`,
        'ALREADY_FOLLOWED',
      ),
    );
  };
  if (stay === null || stay.status !== data.status) return followed();
  const pending = data.pendingApplication;
  const filing = pending?.receiptNumber !== undefined ? { receiptNumber: pending.receiptNumber } : {};
  const facts: RecordableEvent[] = [];

  if (data.periodExpiresOn !== undefined && stay.periodExpiresOn !== null && data.periodExpiresOn > stay.periodExpiresOn) {
    const card = data.card;
    if (card === undefined || card.number === currentCard)
      throw new RowRefused(
        rowError(
          map,
          'cardNumber',
          'A new period comes with a new card: write its number',
          '新しい在留期間には新しい在留カードが交付されます: その番号を書いてください',
        ),
      );
    const grantedOn = data.grantedOn ?? card.issuedOn;
    if (grantedOn === undefined)
      throw new RowRefused(
        rowError(map, 'grantedOn', 'The day the new period was granted is needed: write 許可日', '新しい在留期間の許可日を書いてください'),
      );
    if (state.pendingStay?.kind !== 'extension') {
      if (pending?.kind !== 'extension')
        throw new RowRefused(
          rowError(
            map,
            'pendingApplication',
            'The renewal application is not on record: write 更新 and its 申請日',
            '更新の申請が記録されていません: 申請中の申請に「更新」、申請日にその日付を書いてください',
            'NO_PENDING_APPLICATION',
          ),
        );
      facts.push({ type: 'ExtensionApplied', occurredOn: pending.appliedOn, data: filing });
    }
    facts.push({ type: 'ExtensionGranted', occurredOn: grantedOn, data: { periodExpiresOn: data.periodExpiresOn, card } });
    return facts;
  }

  const sameCard = data.card === undefined || data.card.number === currentCard;
  const samePeriod = data.periodExpiresOn === undefined || data.periodExpiresOn === stay.periodExpiresOn;
  if (!sameCard || !samePeriod) return followed();
  if (pending?.kind === 'extension' && state.pendingStay === null)
    facts.push({ type: 'ExtensionApplied', occurredOn: pending.appliedOn, data: filing });
  else if (pending?.kind === 'permanent' && state.pendingPermanent === null)
    facts.push({ type: 'PermanentResidenceApplied', occurredOn: pending.appliedOn, data: filing });
  else if (pending?.kind === 'status_change' && state.pendingStay === null)
    throw new RowRefused(
      rowError(
        map,
        'pendingApplication',
        'A status change application names the status applied for: record it as StatusChangeApplied',
        '在留資格変更の申請は、申請する在留資格とともに個別に記録してください',
      ),
    );
  return facts;
}
