import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrgKey } from '../auth/access.decorators.js';
import type { OrganisationCaller } from '../auth/principal.js';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, AUTHENTICATED } from '../openapi/api-problems.decorator.js';
import { Assignees } from './assignment.js';

/**
 * The people a resident can be put in charge of, for anyone of the organisation to choose from
 * (the users list with e-mails and roles is a manager's): id and name only.
 */
@ApiTags('people')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('v1/assignees')
export class AssigneesController {
  constructor(private readonly assignees: Assignees) {}

  @Get()
  @ApiOperation({ summary: "The organisation's enabled caseworkers and managers, by name: who a resident can be assigned to" })
  @ApiAnswer(200, 'Assignees', 'Id and name of each, by name.')
  @ApiProblems(ALWAYS, AUTHENTICATED)
  list(@OrgKey() caller: OrganisationCaller) {
    return this.assignees.list(caller.organisationId);
  }
}
