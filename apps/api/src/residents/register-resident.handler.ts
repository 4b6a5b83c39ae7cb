import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { decide, japanDateOf, parseRegistration } from '@zairyu/domain';
import { EVENT_STORE, WrongExpectedVersionError, type EventStore } from '@zairyu/event-store';
import { residentStream } from '@zairyu/resident-streams';
import { CLOCK, type Clock } from '../bootstrap/tokens.js';
import { recordedBy, type OrganisationCaller } from '../auth/principal.js';
import { uuidFromName } from '../http/deterministic-uuid.js';
import { Assignees } from '../people/assignment.js';
import { PossibleDuplicates } from './possible-duplicates.js';
import { ResidentFailure } from './resident-failure.js';

export interface Registered {
  id: string;
  version: number;
}

export class RegisterResident extends Command<Registered> {
  constructor(
    readonly caller: OrganisationCaller,
    readonly body: unknown,
    readonly idempotencyKey: string | null,
    readonly correlationId: string,
    /** The caller saw the possible duplicate and registers anyway (`?confirm=true`). */
    readonly confirmed = false,
  ) {
    super();
  }
}

@CommandHandler(RegisterResident)
export class RegisterResidentHandler implements ICommandHandler<RegisterResident, Registered> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly assignees: Assignees,
    private readonly duplicates: PossibleDuplicates,
  ) {}

  async execute({ caller, body, idempotencyKey, correlationId, confirmed }: RegisterResident): Promise<Registered> {
    const details = parseRegistration(body);
    if (!details.ok) throw new ResidentFailure('INVALID_INPUT', 'The resident is not valid.', { errors: details.errors });
    const organisationId = caller.organisationId;
    await this.assignees.check(organisationId, details.value.assignedTo, 'assignedTo');
    // A retry with the same key names the same resident, so it finds the first registration.
    const residentId = idempotencyKey ? uuidFromName(`resident:${organisationId}:${idempotencyKey}`) : randomUUID();
    if (!confirmed) await this.duplicates.refuse(organisationId, details.value, residentId);
    const decision = decide({ type: 'RegisterResident', residentId, details: details.value, today: japanDateOf(this.clock()) }, []);
    if (!decision.ok) throw ResidentFailure.rejected(decision.rejection);
    const events = decision.events.map((event, index) => ({
      eventId: idempotencyKey ? uuidFromName(`resident:${organisationId}:${idempotencyKey}:${index}`) : randomUUID(),
      type: event.type,
      occurredOn: event.occurredOn,
      data: event.data,
      metadata: { recordedBy: recordedBy(caller), organisationId, correlationId, causationId: null },
    }));
    try {
      const result = await this.store.append(residentStream(residentId), events, 'no_stream');
      return { id: residentId, version: result.version };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || !idempotencyKey) throw error;
      const first = await this.store.readStream(residentStream(residentId));
      if (first[0]?.metadata.organisationId !== organisationId) throw error;
      if (!isDeepStrictEqual(first[0].data, events[0]!.data)) {
        throw new ResidentFailure('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for another resident.');
      }
      return { id: residentId, version: 1 };
    }
  }
}
