/** A resident's personal data: disclosure (開示) as one JSON document, and erasure (消去). */
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCookieAuth, ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OrgKey, RequiresRole } from '../auth/access.decorators.js';
import type { OrganisationCaller } from '../auth/principal.js';
import { CLOCK, type Clock } from '../bootstrap/tokens.js';
import { DisclosureExport } from './disclosure-export.js';
import { EraseResident } from './erase-resident.js';
import { EraseResidentDto } from './erasure.dto.js';
import { correlationIdOf } from '../http/request-log.js';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, AUTHENTICATED, WITH_BODY } from '../openapi/api-problems.decorator.js';

@ApiTags('personal data')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiExtraModels(EraseResidentDto)
@Controller('v1/residents/:id')
export class PersonalDataController {
  constructor(
    private readonly disclosure: DisclosureExport,
    private readonly erasure: EraseResident,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('export')
  @RequiresRole('caseworker')
  @ApiOperation({
    summary:
      'Everything held about one person (a disclosure request, 開示請求): summary, status, deadlines and history; recorded in the security log',
  })
  @ApiAnswer(200, 'Disclosure', 'Everything held about the person, as one JSON document (an attachment).')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404, { status: 410, codes: ['RESIDENT_ERASED'], when: 'The person was erased.' })
  async export(
    @OrgKey() caller: OrganisationCaller,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const document = await this.disclosure.of(caller, id, this.clock(), request.ip);
    void reply.header('content-disposition', `attachment; filename="resident-${document.resident.id}.json"`);
    return document;
  }

  @Post('erasure')
  @HttpCode(200)
  @RequiresRole('manager')
  @ApiOperation({
    summary:
      "Erase the person's personal data (crypto-shredding): the history keeps types and dates, every view answers 410 RESIDENT_ERASED; 409 RETENTION_HOLDS while records must be kept",
  })
  @ApiBody({ schema: { $ref: getSchemaPath(EraseResidentDto) } })
  @ApiAnswer(200, 'Erased', 'Erased: personal values read as null from now on.')
  @ApiProblems(
    ALWAYS,
    AUTHENTICATED,
    WITH_BODY,
    404,
    {
      status: 409,
      codes: ['RETENTION_HOLDS'],
      when: 'Records must still be kept: keepThrough says until when (null while support, the contract or the case runs), retentionRule which rule holds them (ssw_support_records, ssw_support_ongoing, scrivener_register, scrivener_case_open).',
    },
    { status: 410, codes: ['RESIDENT_ERASED'], when: 'Already erased.' },
  )
  erase(@OrgKey() caller: OrganisationCaller, @Param('id') id: string, @Body() body: unknown, @Req() request: FastifyRequest) {
    return this.erasure.erase(caller, id, body, { address: request.ip, correlationId: correlationIdOf(request) });
  }
}
