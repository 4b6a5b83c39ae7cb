/**
 * The resident's status as it changes over time: one segment per day the status changes
 * (the domain's statusTimeline). The web UI draws the life-line from it: periods of stay,
 * special periods (特例期間), time abroad, cards and their validity.
 */
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrgKey } from '../auth/access.decorators.js';
import type { OrganisationCaller } from '../auth/principal.js';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, AUTHENTICATED } from '../openapi/api-problems.decorator.js';
import { ResidentLedger } from './resident-ledger.service.js';

@ApiTags('residents')
@ApiBearerAuth()
@Controller('v1/residents')
export class ResidentTimelineController {
  constructor(private readonly ledger: ResidentLedger) {}

  @Get(':id/timeline')
  @ApiOperation({
    summary: 'Status segments: from each day the status changes (from: null = before the first fact), with the status from then on',
  })
  @ApiAnswer(200, 'ResidentTimeline', 'The status from each day it changes, in order.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  async timeline(@OrgKey() caller: OrganisationCaller, @Param('id') id: string) {
    const history = await this.ledger.load(caller.organisationId, id);
    return { residentId: history.residentId, segments: history.fold.statusTimeline() };
  }
}
