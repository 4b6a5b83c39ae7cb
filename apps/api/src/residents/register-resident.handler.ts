import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { parseRegistration } from '@zairyu/domain';
import type { OrganisationCaller } from '../auth/principal.js';
import { uuidFromName } from '../http/deterministic-uuid.js';
import { Assignees } from './assignment.js';
import { PossibleDuplicates } from './possible-duplicates.js';
import { ResidentFailure } from './resident-failure.js';
import { ResidentWriter } from './resident-writer.js';

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
    private readonly writer: ResidentWriter,
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
    const written = await this.writer.register({ caller, correlationId, residentId, details: details.value, idempotencyKey });
    return { id: residentId, version: written.version };
  }
}
