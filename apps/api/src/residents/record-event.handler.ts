/**
 * Records one fact through the resident writer (resident-writer.ts): the body checked by the
 * domain's field rules, the person it puts in charge checked against the organisation. Without
 * If-Match concurrent facts are all recorded; with If-Match only the one that names the current
 * version is, and the others get 412. A claim lost to another resident's concurrent write is
 * decided again (409 CARD_NUMBER_IN_USE).
 */
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { parseRecordableEvent } from '@zairyu/domain';
import type { OrganisationCaller } from '../auth/principal.js';
import { Assignees, assigneeNamedBy } from './assignment.js';
import { ResidentFailure } from './resident-failure.js';
import { ResidentWriter } from './resident-writer.js';

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

@CommandHandler(RecordEvent)
export class RecordEventHandler implements ICommandHandler<RecordEvent, Recorded> {
  constructor(
    private readonly writer: ResidentWriter,
    private readonly assignees: Assignees,
  ) {}

  async execute({ caller, residentId, body, ifMatch, idempotencyKey, correlationId }: RecordEvent): Promise<Recorded> {
    const parsed = parseRecordableEvent(body);
    if (!parsed.ok) throw new ResidentFailure('INVALID_INPUT', 'The event is not valid.', { errors: parsed.errors });
    const fact = parsed.value;
    await this.assignees.check(
      caller.organisationId,
      assigneeNamedBy(fact),
      fact.type === 'DetailsCorrected' ? 'data.fields.assignedTo' : 'data.assignedTo',
    );
    const written = await this.writer.record({ caller, correlationId, residentId, facts: [fact], ifMatch, idempotencyKey });
    return { eventId: written.eventIds[0]!, version: written.version };
  }
}
