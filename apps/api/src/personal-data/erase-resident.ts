/**
 * Erasure of a resident's personal data (crypto-shredding, architecture "Personal data"): a
 * manager, with a reason code, unless a retention rule still holds the records. The fact
 * `PersonalDataErased` goes into the stream first (so every view answers 410 and the projector
 * drops the resident's rows), then the data key is destroyed (so nothing sealed with it can be
 * read again), then the name is replaced in the other copies the ledger made. Repeating the
 * request finishes whatever a failure left undone.
 */
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { japanDateOf, retentionHold, type LocalDate } from '@zairyu/domain';
import { EVENT_STORE, type EventStore } from '@zairyu/event-store';
import { erasureOf, PERSONAL_DATA_ERASED, ResidentKeys, residentStream, type ErasureReason } from '@zairyu/resident-streams';
import { recordedBy, type OrganisationCaller } from '../auth/principal.js';
import type { ProjectionHandle } from '../projection/read-your-writes.js';
import { CLOCK, PG_POOL, PROJECTION, type Clock } from '../bootstrap/tokens.js';
import { badRequest, problem, ProblemException, type Problem } from '../http/problem.js';
import { checkBody } from '../http/check-body.js';
import { residentIdParam } from '../http/query-params.js';
import { SecurityLog } from '../people/security-log.js';
import { ResidentLedger } from '../residents/resident-ledger.service.js';
import { EraseResidentDto } from './erasure.dto.js';
import { scrubOtherCopies } from './other-copies.js';

export interface Erasure {
  residentId: string;
  erasedOn: LocalDate;
  reason: ErasureReason;
}

/** Every name the history knew the person by (registration and corrections), to find copies. */
function namesIn(events: readonly { data: unknown }[]): string[] {
  const names = new Set<string>();
  const collect = (data: unknown) => {
    if (typeof data !== 'object' || data === null) return;
    for (const [key, value] of Object.entries(data)) {
      if ((key === 'fullName' || key === 'nameNative' || key === 'nameKana') && typeof value === 'string' && value.trim() !== '')
        names.add(value);
      else collect(value);
    }
  };
  events.forEach((event) => collect(event.data));
  return [...names];
}

@Injectable()
export class EraseResident {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
    private readonly keys: ResidentKeys,
    private readonly ledger: ResidentLedger,
    private readonly securityLog: SecurityLog,
  ) {}

  async erase(caller: OrganisationCaller, residentId: string, body: unknown, address: string | null): Promise<Erasure> {
    const checked = checkBody(EraseResidentDto, body);
    if (checked.errors.length > 0) throw badRequest('The erasure request is not valid.', checked.errors);
    const reason = checked.value.reason as ErasureReason;
    const organisationId = caller.organisationId;
    const id = residentIdParam(residentId);
    const erasure = await this.store.serialised(residentStream(id), async () => {
      const history = await this.ledger.load(organisationId, id, { withErased: true });
      const earlier = erasureOf(history.stored);
      if (earlier) return { event: earlier, names: namesIn(history.stored) };
      const today = japanDateOf(this.clock());
      const hold = retentionHold(history.events, today);
      if (hold) throw retentionProblem(hold.keepThrough);
      const event = {
        eventId: randomUUID(),
        type: PERSONAL_DATA_ERASED,
        occurredOn: today,
        data: { reason },
        metadata: { recordedBy: recordedBy(caller), organisationId, correlationId: randomUUID(), causationId: null },
      };
      await this.store.append(residentStream(id), [event], history.version);
      // Its opened values stay in this process's memory no longer (other processes drop them when next read).
      this.ledger.forget(id);
      return { event, names: namesIn(history.stored) };
    });
    await this.keys.destroy(id, organisationId);
    await scrubOtherCopies(this.pool, organisationId, erasure.names);
    await this.securityLog.record({
      organisationId,
      kind: 'erasure',
      actor: caller,
      address,
      subject: `resident:${id}`,
      detail: { reason: (erasure.event.data as { reason: string }).reason },
    });
    this.projection.nudge();
    return {
      residentId: id,
      erasedOn: erasure.event.occurredOn as LocalDate,
      reason: (erasure.event.data as { reason: ErasureReason }).reason,
    };
  }
}

function retentionProblem(keepThrough: LocalDate | null): ProblemException {
  const detail = keepThrough
    ? `SSW support records must be kept through ${keepThrough} (one year after the support contract ended); erase on or after the day after.`
    : 'Support is still being given (SupportStarted without SupportEnded): its records must be kept until one year after it ends.';
  return new ProblemException({ ...problem(409, detail, { code: 'RETENTION_HOLDS' }), keepThrough } as Problem);
}
