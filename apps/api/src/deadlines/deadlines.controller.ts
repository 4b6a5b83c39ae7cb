import { Controller, Get, Header, Inject, Query as QueryParam } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DEADLINE_KINDS, DEADLINE_STATES, japanDateOf, type DeadlineKind, type DeadlineState } from '@zairyu/domain';
import { Caller, Public } from '../auth/access.decorators.js';
import { CredentialsService } from '../auth/credentials.service.js';
import type { Principal } from '../auth/principal.js';
import { CLOCK, type Clock } from '../bootstrap/tokens.js';
import { badRequest, unauthorized } from '../http/problem.js';
import { asOfParam, dateParam, pageParams } from '../http/query-params.js';
import { icalendar } from './icalendar.js';
import { ListDeadlines } from './list-deadlines.handler.js';

function listParam<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T[] {
  if (!value) return [];
  const values = value.split(',');
  const wrong = values.filter((v) => !(allowed as readonly string[]).includes(v));
  if (wrong.length > 0)
    throw badRequest(`Unknown ${name}: ${wrong.join(', ')}.`, [{ field: name, message: `must be one of ${allowed.join(', ')}` }]);
  return values as T[];
}

@ApiTags('deadlines')
@Controller('v1')
export class DeadlinesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly credentials: CredentialsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('deadlines')
  @ApiBearerAuth()
  @ApiOperation({ summary: "The caseload's deadlines, ordered by dueOn, each with residentId and residentName" })
  @ApiQuery({ name: 'from', required: false })
  @ApiQuery({ name: 'to', required: false })
  @ApiQuery({ name: 'state', required: false, description: `comma-separated: ${DEADLINE_STATES.join(', ')}` })
  @ApiQuery({ name: 'kind', required: false, description: `comma-separated: ${DEADLINE_KINDS.join(', ')}` })
  @ApiQuery({ name: 'asOf', required: false })
  @ApiQuery({ name: 'page', required: false })
  @ApiQuery({ name: 'pageSize', required: false })
  async list(
    @Caller() caller: Principal,
    @QueryParam('from') from?: string,
    @QueryParam('to') to?: string,
    @QueryParam('state') state?: string,
    @QueryParam('kind') kind?: string,
    @QueryParam('asOf') asOf?: string,
    @QueryParam('page') page?: string,
    @QueryParam('pageSize') pageSize?: string,
  ) {
    const organisationId = (caller as Principal & { kind: 'key' }).organisationId;
    return this.queries.execute(
      new ListDeadlines(organisationId, {
        from: dateParam('from', from, null),
        to: dateParam('to', to, null),
        states: listParam<DeadlineState>('state', state, DEADLINE_STATES),
        kinds: listParam<DeadlineKind>('kind', kind, DEADLINE_KINDS),
        asOf: asOfParam(asOf, this.clock),
        ...pageParams(page, pageSize),
      }),
    );
  }

  @Get('deadlines.ics')
  @Public()
  @ApiOperation({ summary: 'iCalendar feed of the deadlines still to act on, opened by a read-only feed token' })
  @ApiQuery({ name: 'token', required: true })
  @ApiProduces('text/calendar')
  @Header('content-type', 'text/calendar; charset=utf-8')
  async feed(@QueryParam('token') token?: string): Promise<string> {
    const organisationId = token ? await this.credentials.organisationOfFeedToken(token) : null;
    if (!organisationId) throw unauthorized('Open the feed with its calendar token: /v1/deadlines.ics?token=…');
    const today = japanDateOf(this.clock());
    const { items } = await this.queries.execute(
      new ListDeadlines(organisationId, {
        from: null,
        to: null,
        states: ['upcoming', 'open', 'overdue'],
        kinds: [],
        asOf: today,
        page: 1,
        pageSize: 10_000,
      }),
    );
    return icalendar(
      'Zairyu Ledger deadlines',
      items.map((item) => ({
        uid: `${item.residentId}-${item.id}`,
        dueOn: item.dueOn,
        summary: `${item.label.ja} / ${item.label.en}: ${item.residentName}`,
        description: `${item.legalBasis}. Statutory last day ${item.statutoryDueOn}; accepted until ${item.dueOn}.`,
      })),
      this.clock(),
    );
  }
}
