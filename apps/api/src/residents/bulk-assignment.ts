/**
 * Puts many residents in one person's charge at once (or in nobody's), as an office does when a
 * caseworker leaves: one CaseAssigned each, all recorded in one write or none. The person must
 * be an enabled caseworker or manager of the organisation; a resident of another organisation
 * is as unknown as a missing one, and refuses the whole write.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { parseRecordableEvent, type RecordableEvent } from '@zairyu/domain';
import type { OrganisationCaller } from '../auth/principal.js';
import { checkBody } from '../http/check-body.js';
import { Assignees } from './assignment.js';
import { ResidentFailure } from './resident-failure.js';
import { ResidentWriter } from './resident-writer.js';

/** Enough for an office's whole caseload in one go, few enough for one transaction. */
export const MAX_BULK_ASSIGNMENT = 500;

export class BulkAssignmentDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_BULK_ASSIGNMENT, uniqueItems: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_ASSIGNMENT)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  residentIds!: string[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the user put in charge; null: nobody' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all')
  assignedTo!: string | null;

  @ApiPropertyOptional({ format: 'date', description: 'from which day (default: today in Japan)' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date (YYYY-MM-DD)' })
  occurredOn?: string;

  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export interface BulkAssigned {
  assignedTo: string | null;
  residents: Array<{ residentId: string; version: number }>;
}

export class AssignResidents extends Command<BulkAssigned> {
  constructor(
    readonly caller: OrganisationCaller,
    readonly body: unknown,
    readonly correlationId: string,
  ) {
    super();
  }
}

@CommandHandler(AssignResidents)
export class AssignResidentsHandler implements ICommandHandler<AssignResidents, BulkAssigned> {
  constructor(
    private readonly writer: ResidentWriter,
    private readonly assignees: Assignees,
  ) {}

  async execute({ caller, body, correlationId }: AssignResidents): Promise<BulkAssigned> {
    const checked = checkBody(BulkAssignmentDto, body);
    if (checked.errors.length > 0) throw new ResidentFailure('INVALID_INPUT', 'The assignment is not valid.', { errors: checked.errors });
    const { residentIds, assignedTo, occurredOn = this.writer.today(), note } = checked.value;
    await this.assignees.check(caller.organisationId, assignedTo ?? undefined, 'assignedTo');
    const fact = assignment(occurredOn, assignedTo, note);
    try {
      const written = await this.writer.recordAll(
        { caller, correlationId },
        residentIds.map((residentId) => ({ residentId, facts: [fact] })),
      );
      return {
        assignedTo: assignedTo === null ? null : assignedTo.toLowerCase(),
        residents: written.map(({ residentId, version }) => ({ residentId, version })),
      };
    } catch (failure) {
      // Which resident refused the whole write, by its place in the list.
      if (!(failure instanceof ResidentFailure) || failure.residentFacts.at === undefined) throw failure;
      const field = `residentIds[${failure.residentFacts.at}]`;
      const message = failure.reason === 'RESIDENT_NOT_FOUND' ? 'is not a resident of this organisation' : failure.detail;
      throw new ResidentFailure(failure.reason, `${field}: ${failure.detail}`, { ...failure.residentFacts, errors: [{ field, message }] });
    }
  }
}

/** The CaseAssigned fact, checked by the domain's field rules like one recorded alone. */
function assignment(occurredOn: string, assignedTo: string | null, note: string | undefined): RecordableEvent {
  const parsed = parseRecordableEvent({
    type: 'CaseAssigned',
    occurredOn,
    data: { ...(assignedTo === null ? {} : { assignedTo: assignedTo.toLowerCase() }), ...(note ? { note } : {}) },
  });
  if (!parsed.ok) throw new ResidentFailure('INVALID_INPUT', 'The assignment is not valid.', { errors: parsed.errors });
  return parsed.value;
}
