import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query as QueryParam, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCookieAuth,
  ApiExtraModels,
  ApiHeader,
  ApiOperation,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { OrgKey, RequiresRole } from '../auth/access.decorators.js';
import { recordedBy, type OrganisationCaller } from '../auth/principal.js';
import { invalidInput } from '../failures/failure.js';
import { pageParams } from '../http/query-params.js';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, AUTHENTICATED, WITH_BODY } from '../openapi/api-problems.decorator.js';
import { ApiPaging } from '../openapi/api-queries.decorator.js';
import { CreateEmployerDto, UpdateEmployerDto } from './employer.dto.js';
import { EmployersService } from './employers.service.js';

function ifMatchVersion(value: string | undefined): number | null {
  if (value === undefined) return null;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value.trim());
  if (!match)
    throw invalidInput('If-Match must be a version as the ETag gives it, e.g. "3".', [
      { field: 'If-Match', message: 'must be "<version>"' },
    ]);
  return Number(match[1]);
}

const CORPORATE_NUMBER_IN_USE = { status: 409, codes: ['CORPORATE_NUMBER_IN_USE'], when: 'Another employer has this 法人番号.' };

@ApiTags('employers')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiExtraModels(CreateEmployerDto, UpdateEmployerDto)
@Controller('v1/employers')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @Post()
  @HttpCode(201)
  @RequiresRole('caseworker')
  @ApiOperation({
    summary: 'Record an employer (所属機関) of the organisation; 409 CORPORATE_NUMBER_IN_USE for a 法人番号 already on record',
  })
  @ApiBody({ schema: { $ref: getSchemaPath(CreateEmployerDto) } })
  @ApiAnswer(201, 'Employer', 'Recorded (version 1); Location names it, ETag is its version.')
  @ApiProblems(ALWAYS, AUTHENTICATED, WITH_BODY, CORPORATE_NUMBER_IN_USE)
  async create(@OrgKey() caller: OrganisationCaller, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const employer = await this.employers.create(caller.organisationId, body, recordedBy(caller));
    reply.header('location', `/v1/employers/${employer.id}`).header('etag', `"${employer.version}"`);
    return employer;
  }

  @Get()
  @RequiresRole('viewer')
  @ApiOperation({
    summary: "The organisation's employers, by name; `query` matches any part of the name (NFKC, any case) or a 法人番号 prefix",
  })
  @ApiQuery({ name: 'query', required: false, schema: { type: 'string' } })
  @ApiPaging()
  @ApiAnswer(200, 'EmployerPage', 'One page of employers, by name.')
  @ApiProblems(ALWAYS, AUTHENTICATED)
  list(
    @OrgKey() caller: OrganisationCaller,
    @QueryParam('query') query?: string,
    @QueryParam('page') page?: string,
    @QueryParam('pageSize') pageSize?: string,
  ) {
    const paging = pageParams(page, pageSize);
    return this.employers.list(caller.organisationId, query ?? '', paging.page, paging.pageSize);
  }

  @Get(':id')
  @RequiresRole('viewer')
  @ApiOperation({ summary: 'An employer, with the residents whose current contract is with it; ETag is its version' })
  @ApiAnswer(200, 'EmployerWithResidents', 'The employer and its residents.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  async get(@OrgKey() caller: OrganisationCaller, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const employer = await this.employers.get(caller.organisationId, id);
    reply.header('etag', `"${employer.version}"`);
    return employer;
  }

  @Get(':id/history')
  @RequiresRole('viewer')
  @ApiOperation({ summary: 'Every version of the employer record, oldest first, with who changed it' })
  @ApiAnswer(200, 'EmployerHistory', 'Every version, oldest first.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  history(@OrgKey() caller: OrganisationCaller, @Param('id') id: string) {
    return this.employers.history(caller.organisationId, id);
  }

  @Patch(':id')
  @RequiresRole('caseworker')
  @ApiOperation({ summary: 'Change an employer record (a new version is kept); `null` clears an optional field' })
  @ApiBody({ schema: { $ref: getSchemaPath(UpdateEmployerDto) } })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version the change is based on, as the ETag gave it.' })
  @ApiAnswer(200, 'Employer', 'Changed: the new version (also the ETag).')
  @ApiProblems(ALWAYS, AUTHENTICATED, WITH_BODY, 404, CORPORATE_NUMBER_IN_USE, 412)
  async update(
    @OrgKey() caller: OrganisationCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const employer = await this.employers.update(caller.organisationId, id, body, ifMatchVersion(ifMatch), recordedBy(caller));
    reply.header('etag', `"${employer.version}"`);
    return employer;
  }
}
