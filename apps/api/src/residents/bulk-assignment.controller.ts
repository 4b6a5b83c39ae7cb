import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiCookieAuth, ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { OrgKey, RequiresRole } from '../auth/access.decorators.js';
import type { OrganisationCaller } from '../auth/principal.js';
import { correlationIdOf } from '../http/request-log.js';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, AUTHENTICATED, WITH_BODY } from '../openapi/api-problems.decorator.js';
import { AssignResidents, BulkAssignmentDto } from './bulk-assignment.js';

@ApiTags('residents')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiExtraModels(BulkAssignmentDto)
@Controller('v1/residents/assignments')
export class BulkAssignmentController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @RequiresRole('caseworker')
  @ApiOperation({
    summary:
      'Put many residents in one person’s charge (or nobody’s) at once: a CaseAssigned for each, all recorded or none (a resident not of the organisation is 404 and nothing is written)',
  })
  @ApiBody({ schema: { $ref: getSchemaPath(BulkAssignmentDto) } })
  @ApiAnswer(200, 'BulkAssigned', 'Every resident assigned, with their new version.')
  @ApiProblems(
    ALWAYS,
    AUTHENTICATED,
    WITH_BODY,
    404,
    { status: 409, codes: ['CONCURRENT_CHANGE', 'RESIDENT_UNREADABLE'] },
    { status: 410, codes: ['RESIDENT_ERASED'] },
    { status: 422, codes: ['ASSIGNEE_NOT_IN_ORGANISATION', 'RESIDENT_HISTORY_FULL'] },
  )
  assign(@OrgKey() caller: OrganisationCaller, @Body() body: unknown, @Req() request: FastifyRequest) {
    return this.commands.execute(new AssignResidents(caller, body, correlationIdOf(request)));
  }
}
