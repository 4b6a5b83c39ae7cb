/**
 * Records one fact: load the stream, let the domain decide, claim any new card number, append
 * with the version the decision was made on. A concurrent write is retried here when the
 * caller did not pin a version (If-Match), and is a 412 when it did.
 */
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { decide, japanDateOf, parseRecordableEvent, type LedgerEvent } from '@zairyu/domain';
import { claim, EVENT_STORE, WrongExpectedVersionError, type EventStore } from '@zairyu/event-store';
import { cardReservationStream, residentStream } from '@zairyu/resident-streams';
import { CLOCK, PROJECTION, type Clock } from '../bootstrap/tokens.js';
import type { ProjectionHandle } from '../bootstrap/projection-handle.js';
import { recordedBy, type Principal } from '../auth/principal.js';
import { uuidFromName } from '../http/deterministic-uuid.js';
import { badRequest, problem, ProblemException } from '../http/problem.js';
import { rejectionProblem } from './rejection-problem.js';
import { ResidentLedger, type ResidentHistory } from './resident-ledger.service.js';

export interface Recorded {
  eventId: string;
  version: number;
}

export class RecordEvent extends Command<Recorded> {
  constructor(
    readonly caller: Principal & { kind: 'key' },
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
  ) {}

  async execute(command: RecordEvent): Promise<Recorded> {
    const parsed = parseRecordableEvent(command.body);
    if (!parsed.ok) throw badRequest('The event is not valid.', parsed.errors);
    const fact = parsed.value;
    const organisationId = command.caller.organisationId;
    const eventId = command.idempotencyKey
      ? uuidFromName(`event:${organisationId}:${command.residentId}:${command.idempotencyKey}`)
      : randomUUID();
    for (let attempt = 1; ; attempt++) {
      const history = await this.ledger.load(organisationId, command.residentId);
      const earlier = history.stored.find((event) => event.eventId === eventId);
      if (earlier) return this.sameAnswer(earlier, fact);
      if (command.ifMatch !== null && command.ifMatch !== history.version) {
        throw new ProblemException(problem(412, `The resident is at version ${history.version}, not ${command.ifMatch}.`));
      }
      const decision = decide({ type: 'RecordFact', fact, today: japanDateOf(this.clock()) }, history.events);
      if (!decision.ok) throw rejectionProblem(decision.rejection);
      await this.claimCardNumbers(command, history, decision.events);
      try {
        const result = await this.store.append(
          residentStream(history.residentId),
          decision.events.map((event) => ({
            eventId,
            type: event.type,
            occurredOn: event.occurredOn,
            data: event.data,
            metadata: { recordedBy: recordedBy(command.caller), organisationId, correlationId: command.correlationId, causationId: null },
          })),
          history.version,
        );
        this.projection.nudge();
        return { eventId, version: result.version };
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        if (command.ifMatch !== null) throw new ProblemException(problem(412, 'The resident changed while this was being recorded.'));
        if (attempt >= ATTEMPTS)
          throw new ProblemException(problem(409, 'The resident is being changed by others; try again.', { code: 'CONCURRENT_CHANGE' }));
      }
    }
  }

  /** An Idempotency-Key seen before: the first answer, if the request is the same one. */
  private sameAnswer(
    earlier: { eventId: string; version: number; type: string; occurredOn: string; data: unknown },
    fact: { type: string; occurredOn: string; data: unknown },
  ): Recorded {
    const same = earlier.type === fact.type && earlier.occurredOn === fact.occurredOn && isDeepStrictEqual(earlier.data, fact.data);
    if (!same)
      throw new ProblemException(problem(422, 'This Idempotency-Key was used for a different event.', { code: 'IDEMPOTENCY_KEY_REUSED' }));
    return { eventId: earlier.eventId, version: earlier.version };
  }

  /** Within an organisation a card number belongs to one resident (api-v1.md "card objects"). */
  private async claimCardNumbers(command: RecordEvent, history: ResidentHistory, events: readonly LedgerEvent[]): Promise<void> {
    const organisationId = command.caller.organisationId;
    for (const event of events) {
      const number = (event.data as { card?: { number?: string } }).card?.number;
      if (!number) continue;
      const result = await claim(this.store, {
        stream: cardReservationStream(organisationId, number),
        owner: history.residentId,
        occurredOn: event.occurredOn,
        metadata: { recordedBy: recordedBy(command.caller), organisationId, correlationId: command.correlationId, causationId: null },
        stillHeld: (owner) => this.holdsCard(organisationId, owner, number),
      });
      if (!result.claimed) {
        throw new ProblemException(
          problem(409, `Card ${number} belongs to another resident of this organisation.`, { code: 'CARD_NUMBER_IN_USE' }),
        );
      }
    }
  }

  /** A claim whose resident never recorded the card (its write failed) is an orphan. */
  private async holdsCard(organisationId: string, residentId: string, number: string): Promise<boolean> {
    const history = await this.ledger.load(organisationId, residentId).catch(() => null);
    return history?.stored.some((event) => (event.data as { card?: { number?: string } }).card?.number === number) ?? false;
  }
}
