import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query as QueryParam, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiBody, ApiCookieAuth, ApiExtraModels, ApiOperation, ApiQuery, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { Caller, RequiresRole } from '../auth/access.decorators.js';
import { recordedBy, type OrganisationCaller, type Principal } from '../auth/principal.js';
import { badRequest } from '../http/problem.js';
import { pageParams } from '../http/query-params.js';
import { CreateEmployerDto, UpdateEmployerDto } from './employer.dto.js';
import { EmployersService } from './employers.service.js';

const organisationOf = (caller: Principal) => (caller as OrganisationCaller).organisationId;

function ifMatchVersion(value: string | undefined): number | null {
  if (value === undefined) return null;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value.trim());
  if (!match)
    throw badRequest('If-Match must be a version as the ETag gives it, e.g. "3".', [{ field: 'If-Match', message: 'must be "<version>"' }]);
  return Number(match[1]);
}

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
  async create(@Caller() caller: Principal, @Body() body: unknown, @Res({ passthrough: true }) reply: FastifyReply) {
    const employer = await this.employers.create(organisationOf(caller), body, recordedBy(caller));
    reply.header('location', `/v1/employers/${employer.id}`).header('etag', `"${employer.version}"`);
    return employer;
  }

  @Get()
  @RequiresRole('viewer')
  @ApiOperation({
    summary: "The organisation's employers, by name; `query` matches any part of the name (NFKC, any case) or a 法人番号 prefix",
  })
  @ApiQuery({ name: 'query', required: false })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  list(
    @Caller() caller: Principal,
    @QueryParam('query') query?: string,
    @QueryParam('page') page?: string,
    @QueryParam('pageSize') pageSize?: string,
  ) {
    const paging = pageParams(page, pageSize);
    return this.employers.list(organisationOf(caller), query ?? '', paging.page, paging.pageSize);
  }

  @Get(':id')
  @RequiresRole('viewer')
  @ApiOperation({ summary: 'An employer, with the residents whose current contract is with it; ETag is its version' })
  async get(@Caller() caller: Principal, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const employer = await this.employers.get(organisationOf(caller), id);
    reply.header('etag', `"${employer.version}"`);
    return employer;
  }

  @Get(':id/history')
  @RequiresRole('viewer')
  @ApiOperation({ summary: 'Every version of the employer record, oldest first, with who changed it' })
  history(@Caller() caller: Principal, @Param('id') id: string) {
    return this.employers.history(organisationOf(caller), id);
  }

  @Patch(':id')
  @RequiresRole('caseworker')
  @ApiOperation({ summary: 'Change an employer record (a new version is kept); `null` clears an optional field' })
  @ApiBody({ schema: { $ref: getSchemaPath(UpdateEmployerDto) } })
  async update(
    @Caller() caller: Principal,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const employer = await this.employers.update(organisationOf(caller), id, body, ifMatchVersion(ifMatch), recordedBy(caller));
    reply.header('etag', `"${employer.version}"`);
    return employer;
  }
}
