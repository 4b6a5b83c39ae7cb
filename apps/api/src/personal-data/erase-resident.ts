/**
 * Erasure of a resident's personal data (crypto-shredding, architecture "Personal data"): a
 * manager, with a reason code, unless a retention rule still holds the records. The fact
 * `PersonalDataErased` goes into the stream first (so every view answers 410 and the projector
 * drops the resident's rows), then the data key is destroyed (so nothing sealed with it can be
 * read again), then the name is replaced in the other copies the ledger made (found by the resident's id). Repeating the
 * request finishes whatever a failure left undone. The fact is written by the resident writer
 * like any other (but for the bound on the history: an erasure is owed whatever its length).
 */
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { retentionHold, type LocalDate, type RecordKeeper, type RetentionHold } from '@zairyu/domain';
import { erasureOf, PERSONAL_DATA_ERASED, ResidentKeys, type ErasureReason } from '@zairyu/resident-streams';
import type { OrganisationCaller } from '../auth/principal.js';
import { PG_POOL } from '../bootstrap/tokens.js';
import { checkBody } from '../http/check-body.js';
import { SecurityLog } from '../people/index.js';
import { ResidentFailure, residentIdOf, ResidentWriter } from '../residents/index.js';
import { EraseResidentDto } from './erasure.dto.js';
import { scrubOtherCopies } from './other-copies.js';

export interface Erasure {
  residentId: string;
  erasedOn: LocalDate;
  reason: ErasureReason;
}

@Injectable()
export class EraseResident {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly keys: ResidentKeys,
    private readonly writer: ResidentWriter,
    private readonly securityLog: SecurityLog,
  ) {}

  /** The kind of organisation asking: only a 行政書士 office keeps the 行政書士法 register. */
  private async keeperOf(organisationId: string): Promise<RecordKeeper | null> {
    const { rows } = await this.pool.query<{ kind: RecordKeeper }>('SELECT kind FROM platform.organisation WHERE id = $1', [
      organisationId,
    ]);
    return rows[0]?.kind ?? null;
  }

  async erase(
    caller: OrganisationCaller,
    residentId: string,
    body: unknown,
    request: { address: string | null; correlationId: string },
  ): Promise<Erasure> {
    const checked = checkBody(EraseResidentDto, body);
    if (checked.errors.length > 0)
      throw new ResidentFailure('INVALID_INPUT', 'The erasure request is not valid.', { errors: checked.errors });
    const reason = checked.value.reason as ErasureReason;
    const organisationId = caller.organisationId;
    const id = residentIdOf(residentId);
    const today = this.writer.today();
    const keeper = await this.keeperOf(organisationId);
    const erasure = await this.writer.change<{ event: { occurredOn: string; data: unknown } }>(
      { caller, correlationId: request.correlationId },
      id,
      (history) => {
        const earlier = erasureOf(history.stored);
        if (earlier) return { answer: { event: earlier } };
        const hold = retentionHold(history.events, today, keeper);
        if (hold) throw retentionHolds(hold);
        const event = { type: PERSONAL_DATA_ERASED, occurredOn: today, data: { reason } };
        return {
          events: [event],
          answer: () => {
            // Its opened values stay in this process's memory no longer (other processes drop them when next read).
            this.writer.forget(id);
            return { event };
          },
        };
      },
      // Unfolded: a history the domain cannot fold (quarantined by the projection) can still be erased.
      { withErased: true, unfolded: true },
    );
    await this.keys.destroy(id, organisationId);
    await scrubOtherCopies(this.pool, organisationId, id);
    await this.securityLog.record({
      organisationId,
      kind: 'erasure',
      actor: caller,
      address: request.address,
      subject: `resident:${id}`,
      detail: { reason: (erasure.event.data as { reason: string }).reason },
    });
    return {
      residentId: id,
      erasedOn: erasure.event.occurredOn as LocalDate,
      reason: (erasure.event.data as { reason: ErasureReason }).reason,
    };
  }
}

const HOLD_DETAIL: Record<RetentionHold['rule'], (keepThrough: LocalDate | null) => string> = {
  ssw_support_records: (keepThrough) =>
    `SSW support records must be kept through ${keepThrough} (one year after the 特定技能雇用契約 and the support ended, 特定技能基準省令2条); erase on or after the day after.`,
  ssw_support_ongoing: () =>
    'Support or the 特定技能雇用契約 still runs: its records must be kept until one year after the contract ends (特定技能基準省令2条).',
  scrivener_register: (keepThrough) =>
    `The office's register of this case must be kept through ${keepThrough} (2 years after it closed, 行政書士法9条2項); erase on or after the day after.`,
  scrivener_case_open: () =>
    "The case is open: the office's register keeps it until 2 years after it is closed (行政書士法9条2項). Close the case first.",
};

function retentionHolds(hold: RetentionHold): ResidentFailure {
  return new ResidentFailure('RETENTION_HOLDS', HOLD_DETAIL[hold.rule](hold.keepThrough), {
    keepThrough: hold.keepThrough,
    retentionRule: hold.rule,
  });
}
