import { Readable } from 'node:stream';
import { Controller, Get, Inject, Query as QueryParam, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, AUTHENTICATED } from '../openapi/api-problems.decorator.js';
import { ApiPaging } from '../openapi/api-queries.decorator.js';
import { ApiDeadlineFilters } from './api-deadline-filters.decorator.js';
import { japanDateOf } from '@zairyu/domain';
import { OrgKey, Public } from '../auth/access.decorators.js';
import { CredentialsService } from '../auth/credentials.service.js';
import type { OrganisationCaller } from '../auth/principal.js';
import type { DataSource } from 'typeorm';
import type { ProjectionHandle } from '../projection/index.js';
import { APP_CONFIG, CLOCK, DATA_SOURCE, PROJECTION, type AppConfig, type Clock } from '../bootstrap/tokens.js';
import { notSignedIn } from '../failures/failure.js';
import { pageParams } from '../http/query-params.js';
import { OrganisationRegistrations } from '../employers/index.js';
import { feedDeadlines, organisationFeedDeadlines } from './feed-deadlines.js';
import { deadlineFilter, type DeadlineListQuery } from './deadline-list-params.js';
import { calendarBatch, calendarHead, calendarTail, DEFAULT_ALARM_DAYS, type FeedOptions } from './icalendar.js';
import { ListDeadlines } from './list-deadlines.handler.js';
import { ReadModelSeal } from '@zairyu/read-model';

@ApiTags('deadlines')
@Controller('v1')
export class DeadlinesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly credentials: CredentialsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
    private readonly seal: ReadModelSeal,
    private readonly registrations: OrganisationRegistrations,
  ) {}

  @Get('deadlines')
  @ApiBearerAuth()
  @ApiOperation({ summary: "The caseload's deadlines, ordered by dueOn, each with residentId and residentName" })
  @ApiDeadlineFilters()
  @ApiPaging()
  @ApiAnswer(200, 'DeadlinePage', 'One page of the caseload’s deadlines, by dueOn.')
  @ApiProblems(ALWAYS, AUTHENTICATED)
  async list(@OrgKey() caller: OrganisationCaller, @QueryParam() raw: DeadlineListQuery & { page?: string; pageSize?: string }) {
    const organisationId = caller.organisationId;
    return this.queries.execute(
      new ListDeadlines(organisationId, { ...deadlineFilter(raw, caller, this.clock), ...pageParams(raw.page, raw.pageSize) }),
    );
  }

  @Get('deadlines.ics')
  @Public()
  @ApiOperation({
    summary: 'iCalendar feed of every deadline still to act on (and each renewal window opening), opened by a read-only feed token',
    description:
      'One all-day VEVENT per deadline on its last day, SUMMARY "<name> — <deadline>", with reminders (VALARM) at 09:00 ' +
      'CALENDAR_ALARM_DAYS days before (7 and 1 by default). The whole caseload is streamed: there is no cap. ' +
      "The organisation's own deadlines (support_registration_renewal) carry its name instead of a resident's; " +
      'CATEGORIES is owedBy (resident, employer, organisation), and an employer filing names the employer.',
  })
  @ApiQuery({ name: 'token', required: true, schema: { type: 'string' } })
  @ApiResponse({ status: 200, description: 'An iCalendar feed (RFC 5545).', content: { 'text/calendar': { schema: { type: 'string' } } } })
  @ApiProblems(ALWAYS, 401)
  async feed(@QueryParam('token') token?: string): Promise<StreamableFile> {
    const organisationId = token ? await this.credentials.organisationOfFeedToken(token) : null;
    if (!organisationId) throw notSignedIn('Open the feed with its calendar token: /v1/deadlines.ics?token=…');
    await this.projection.caughtUp(organisationId);
    const now = this.clock();
    const asOf = japanDateOf(now);
    const own = (await this.registrations.ownDeadlines(organisationId)) ?? { name: null, deadlines: [] };
    const options: FeedOptions = {
      alarmDaysBefore: this.config.calendarAlarmDays ?? DEFAULT_ALARM_DAYS,
      now,
      ...(own.name === null ? {} : { organisationName: own.name }),
    };
    const { dataSource, seal } = this;
    async function* lines() {
      yield calendarHead('Zairyu Ledger deadlines');
      yield calendarBatch(organisationFeedDeadlines(own.deadlines, asOf), options);
      for await (const batch of feedDeadlines(dataSource, seal, organisationId!, asOf)) yield calendarBatch(batch, options);
      yield calendarTail();
    }
    return new StreamableFile(Readable.from(lines()), { type: 'text/calendar; charset=utf-8' });
  }
}
