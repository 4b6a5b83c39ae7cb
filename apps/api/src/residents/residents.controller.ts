import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query as QueryParam, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiQuery, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { RULE_CODES } from '@zairyu/domain';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, AUTHENTICATED, WITH_BODY } from '../openapi/api-problems.decorator.js';
import { ApiAsOf, ApiPaging } from '../openapi/api-queries.decorator.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OrgKey, RequiresRole } from '../auth/access.decorators.js';
import type { OrganisationCaller } from '../auth/principal.js';
import { CLOCK, type Clock } from '../bootstrap/tokens.js';
import { Failure, invalidInput } from '../failures/failure.js';
import { asOfParam, pageParams } from '../http/query-params.js';
import { correlationIdOf } from '../http/request-log.js';
import { eventPageParams, MAX_EVENT_PAGE, pageOf } from './event-page.js';
import { ListResidents } from './list-residents.handler.js';
import { residentFilters, type ResidentListQuery } from './resident-list-params.js';
import { ApiResidentFilters } from './api-resident-filters.decorator.js';
import { RecordEvent } from './record-event.handler.js';
import { RegisterResident } from './register-resident.handler.js';
import { GetResident } from './resident-queries.js';

function idempotencyKey(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!/^[\x21-\x7e]{1,200}$/.test(value))
    throw invalidInput('Idempotency-Key must be 1 to 200 visible ASCII characters.', [
      { field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' },
    ]);
  return value;
}

function confirmParam(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw invalidInput('confirm must be true or false.', [{ field: 'confirm', message: 'must be true or false' }]);
}

function ifMatchVersion(value: string | undefined): number | null {
  if (value === undefined) return null;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!match)
    throw new Failure('INVALID_INPUT', 'If-Match must be a version as the ETag gives it, e.g. "3".', {
      errors: [{ field: 'If-Match', message: 'must be "<version>"' }],
    });
  return Number(match[1]);
}

/** A card number held by another resident is a conflict (409), not a broken rule. */
const CONFLICT_CODES = ['CARD_NUMBER_IN_USE', 'CONCURRENT_CHANGE'];
const RECORD_RULE_CODES = [
  ...RULE_CODES.filter((code) => code !== 'CARD_NUMBER_IN_USE' && code !== 'ALREADY_REGISTERED'),
  'IDEMPOTENCY_KEY_REUSED',
  'ASSIGNEE_NOT_IN_ORGANISATION',
  // The bound on one resident's history (MAX_EVENTS_PER_RESIDENT; history-limit.ts).
  'RESIDENT_HISTORY_FULL',
];

@ApiTags('residents')
@ApiBearerAuth()
@Controller('v1/residents')
export class ResidentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @RequiresRole('caseworker')
  @ApiOperation({ summary: 'Register a resident' })
  @ApiBody({ schema: { $ref: getSchemaPath('RegisterResident') } })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key and body registers nobody new' })
  @ApiQuery({
    name: 'confirm',
    required: false,
    schema: { type: 'string', enum: ['true', 'false'] },
    description: 'true: register even when an open resident has the same name, date of birth and nationality (else 409 POSSIBLE_DUPLICATE)',
  })
  @ApiAnswer(201, 'Registered', 'Registered; Location names the resident.')
  @ApiProblems(
    ALWAYS,
    AUTHENTICATED,
    WITH_BODY,
    { status: 409, codes: ['POSSIBLE_DUPLICATE'] },
    { status: 422, codes: ['EVENT_IN_FUTURE', 'IDEMPOTENCY_KEY_REUSED', 'ASSIGNEE_NOT_IN_ORGANISATION'] },
  )
  async register(
    @OrgKey() caller: OrganisationCaller,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @QueryParam('confirm') confirm?: string,
  ) {
    const confirmed = confirmParam(confirm);
    const result = await this.commands.execute(
      new RegisterResident(caller, body, idempotencyKey(key), correlationIdOf(request), confirmed),
    );
    void reply.status(201).header('location', `/v1/residents/${result.id}`);
    return result;
  }

  @Get()
  @ApiOperation({
    summary: 'List and search residents (any word of a name or its katakana reading, external ref or card number), with filters',
  })
  @ApiResidentFilters()
  @ApiPaging()
  @ApiAsOf()
  @ApiAnswer(200, 'ResidentPage', 'One page of summaries, by name.')
  @ApiProblems(ALWAYS, AUTHENTICATED)
  list(@OrgKey() caller: OrganisationCaller, @QueryParam() raw: ResidentListQuery & { page?: string; pageSize?: string; asOf?: string }) {
    const filters = residentFilters(raw, caller);
    const paging = pageParams(raw.page, raw.pageSize);
    return this.queries.execute(
      new ListResidents(caller.organisationId, filters, paging.page, paging.pageSize, asOfParam(raw.asOf, this.clock)),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'A resident summary; ETag is its version' })
  @ApiAsOf()
  @ApiAnswer(200, 'ResidentSummary', 'The summary as of the date.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  async get(
    @OrgKey() caller: OrganisationCaller,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @QueryParam('asOf') asOf?: string,
  ) {
    const summary = await this.queries.execute(new GetResident(caller.organisationId, id, 'summary', asOfParam(asOf, this.clock)));
    void reply.header('etag', `"${summary.version}"`);
    return summary;
  }

  @Get(':id/status')
  @ApiOperation({ summary: 'Lawful stay, card and work permission as of a date (default today, Japan time)' })
  @ApiAsOf()
  @ApiAnswer(200, 'ResidentStatus', 'The status as of the date.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  status(@OrgKey() caller: OrganisationCaller, @Param('id') id: string, @QueryParam('asOf') asOf?: string) {
    return this.queries.execute(new GetResident(caller.organisationId, id, 'status', asOfParam(asOf, this.clock)));
  }

  @Get(':id/deadlines')
  @ApiOperation({ summary: "The resident's deadlines as of a date, ordered by dueOn" })
  @ApiAsOf()
  @ApiAnswer(200, 'Deadlines', 'Every deadline that exists by the date, with its state then.')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  deadlines(@OrgKey() caller: OrganisationCaller, @Param('id') id: string, @QueryParam('asOf') asOf?: string) {
    return this.queries.execute(new GetResident(caller.organisationId, id, 'deadlines', asOfParam(asOf, this.clock)));
  }

  @Get(':id/events')
  @ApiOperation({
    summary: 'The event history: who recorded what and when, in version order',
    description: `With after and/or limit, one page: the events after version \`after\`, at most \`limit\` (1–${MAX_EVENT_PAGE}, default 100); a Link header (rel="next") names the next page while more remain.`,
  })
  @ApiQuery({
    name: 'after',
    required: false,
    schema: { type: 'integer', minimum: 0 },
    description: 'A version: the page starts after it (default 0).',
  })
  @ApiQuery({
    name: 'limit',
    required: false,
    schema: { type: 'integer', minimum: 1, maximum: MAX_EVENT_PAGE },
    description: 'At most this many events.',
  })
  @ApiAnswer(200, 'EventHistory', 'Every recorded fact, retracted ones marked (with after/limit, one page).', {
    Link: {
      description: 'With after/limit, while more remain: `</v1/residents/{id}/events?after=N&limit=M>; rel="next"`.',
      schema: { type: 'string' },
    },
  })
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  async events(
    @OrgKey() caller: OrganisationCaller,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @QueryParam('after') after?: string,
    @QueryParam('limit') limit?: string,
  ) {
    const paging = eventPageParams(after, limit);
    const history = await this.queries.execute(new GetResident(caller.organisationId, id, 'events', asOfParam(undefined, this.clock)));
    if (!paging) return history;
    const page = pageOf(history, paging);
    if (page.next !== null) void reply.header('link', `</v1/residents/${id}/events?after=${page.next}&limit=${paging.limit}>; rel="next"`);
    return page.events;
  }

  @Post(':id/events')
  @HttpCode(201)
  @RequiresRole('caseworker')
  @ApiOperation({ summary: 'Record a fact (any event type of the contract)' })
  @ApiBody({ schema: { $ref: getSchemaPath('RecordEvent') } })
  @ApiHeader({ name: 'If-Match', required: false, description: '"<version>": refuse (412) unless the resident is at that version' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'a retry with the same key and body appends nothing and returns the first answer',
  })
  @ApiAnswer(201, 'Recorded', 'Recorded: the new event and the resident’s version.')
  @ApiProblems(
    ALWAYS,
    AUTHENTICATED,
    WITH_BODY,
    404,
    412,
    { status: 409, codes: CONFLICT_CODES },
    { status: 422, codes: RECORD_RULE_CODES },
  )
  record(
    @OrgKey() caller: OrganisationCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('idempotency-key') key: string | undefined,
    @Req() request: FastifyRequest,
  ) {
    return this.commands.execute(new RecordEvent(caller, id, body, ifMatchVersion(ifMatch), idempotencyKey(key), correlationIdOf(request)));
  }
}
