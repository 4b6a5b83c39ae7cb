/**
 * Records one fact: load the stream, let the domain decide, plan the claim of any new card
 * number, and append the fact and the claim in one write with the version the decision was
 * made on. Writers of one resident take turns (the store serialises them, across processes
 * on PostgreSQL), so without If-Match concurrent facts are all recorded; with If-Match only
 * the one that names the current version is, and the others get 412. A claim lost to
 * another resident's concurrent write is decided again (409 CARD_NUMBER_IN_USE).
 */
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { decide, japanDateOf, parseRecordableEvent, type RecordableEvent } from '@zairyu/domain';
import { EVENT_STORE, WrongExpectedVersionError, type EventStore } from '@zairyu/event-store';
import { residentStream } from '@zairyu/resident-streams';
import { APP_CONFIG, CLOCK, PROJECTION, type AppConfig, type Clock } from '../bootstrap/tokens.js';
import type { ProjectionHandle } from '../projection/read-your-writes.js';
import { recordedBy, type OrganisationCaller } from '../auth/principal.js';
import { uuidFromName } from '../http/deterministic-uuid.js';
import { residentIdParam } from '../http/query-params.js';
import { cardClaims } from './card-claims.js';
import { Assignees, assigneeNamedBy } from '../people/assignment.js';
import { DEFAULT_MAX_EVENTS_PER_RESIDENT, refuseWhenHistoryFull } from './history-limit.js';
import { ResidentFailure } from './resident-failure.js';
import { ResidentLedger } from './resident-ledger.service.js';

export interface Recorded {
  eventId: string;
  version: number;
}

export class RecordEvent extends Command<Recorded> {
  constructor(
    readonly caller: OrganisationCaller,
    readonly residentId: string,
    readonly body: unknown,
    readonly ifMatch: number | null,
    readonly idempotencyKey: string | null,
    readonly correlationId: string,
  ) {
    super();
  }
}

const ATTEMPTS = 5;

@CommandHandler(RecordEvent)
export class RecordEventHandler implements ICommandHandler<RecordEvent, Recorded> {
  constructor(
    private readonly ledger: ResidentLedger,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
    private readonly assignees: Assignees,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(command: RecordEvent): Promise<Recorded> {
    const parsed = parseRecordableEvent(command.body);
    if (!parsed.ok) throw new ResidentFailure('INVALID_INPUT', 'The event is not valid.', { errors: parsed.errors });
    const fact = parsed.value;
    await this.assignees.check(
      command.caller.organisationId,
      assigneeNamedBy(fact),
      fact.type === 'DetailsCorrected' ? 'data.fields.assignedTo' : 'data.assignedTo',
    );
    const residentId = residentIdParam(command.residentId);
    return this.store.serialised(residentStream(residentId), () => this.record(command, residentId, fact));
  }

  private async record(command: RecordEvent, residentId: string, fact: RecordableEvent): Promise<Recorded> {
    const organisationId = command.caller.organisationId;
    const eventId = command.idempotencyKey ? uuidFromName(`event:${organisationId}:${residentId}:${command.idempotencyKey}`) : randomUUID();
    const metadata = { recordedBy: recordedBy(command.caller), organisationId, correlationId: command.correlationId, causationId: null };
    for (let attempt = 1; ; attempt++) {
      const history = await this.ledger.load(organisationId, residentId);
      const earlier = history.stored.find((event) => event.eventId === eventId);
      if (earlier) return this.sameAnswer(earlier, fact);
      if (command.ifMatch !== null && command.ifMatch !== history.version) {
        throw new ResidentFailure('STALE_VERSION', `The resident is at version ${history.version}, not ${command.ifMatch}.`);
      }
      refuseWhenHistoryFull(history.version, this.config.maxEventsPerResident ?? DEFAULT_MAX_EVENTS_PER_RESIDENT);
      const decision = decide({ type: 'RecordFact', fact, today: japanDateOf(this.clock()) }, history.fold);
      if (!decision.ok) throw ResidentFailure.rejected(decision.rejection);
      const claims = await cardClaims(
        {
          store: this.store,
          organisationId,
          residentId,
          stored: history.stored,
          metadata,
          recordOf: async (holder) => (await this.ledger.load(organisationId, holder).catch(() => null))?.stored ?? [],
        },
        decision.events,
      );
      const stream = residentStream(residentId);
      try {
        const results = await this.store.appendToStreams([
          {
            streamId: stream,
            events: decision.events.map((event) => ({
              eventId,
              type: event.type,
              occurredOn: event.occurredOn,
              data: event.data,
              metadata,
            })),
            expected: history.version,
          },
          ...claims,
        ]);
        this.projection.nudge();
        return { eventId, version: results[0]!.version };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        // Only another process can have written the resident meanwhile (writers here take turns).
        if (error.streamId === stream && command.ifMatch !== null)
          throw new ResidentFailure('CHANGED_MEANWHILE', 'The resident changed while this was being recorded.');
        if (attempt >= ATTEMPTS) throw new ResidentFailure('CONCURRENT_CHANGE', 'The resident is being changed by others; try again.');
      }
    }
  }

  /** An Idempotency-Key seen before: the first answer, if the request is the same one. */
  private sameAnswer(
    earlier: { eventId: string; version: number; type: string; occurredOn: string; data: unknown },
    fact: { type: string; occurredOn: string; data: unknown },
  ): Recorded {
    const same = earlier.type === fact.type && earlier.occurredOn === fact.occurredOn && isDeepStrictEqual(earlier.data, fact.data);
    if (!same) throw new ResidentFailure('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different event.');
    return { eventId: earlier.eventId, version: earlier.version };
  }
}
