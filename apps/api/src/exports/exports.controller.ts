/**
 * `GET /v1/residents.csv|.xlsx` and `GET /v1/deadlines.csv|.xlsx`: the caseload as a file for
 * Excel, with the same filters as the JSON lists and Japanese headers. The whole selection goes
 * out (paged through the list queries, never cut), and each export is a line in the
 * organisation's security log (who took which list out, in what format, from where).
 */
import { Controller, Get, Inject, Param, Query as QueryParam, Req, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type pg from 'pg';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { OWED_BY_LABEL, type DeadlineKind, type DeadlineState } from '@zairyu/domain';
import { currentCardNumbers, ReadModelSeal } from '@zairyu/read-model';
import { OrgKey } from '../auth/access.decorators.js';
import type { OrganisationCaller } from '../auth/principal.js';
import { CLOCK, DATA_SOURCE, PG_POOL, type Clock } from '../bootstrap/tokens.js';
import { ApiDeadlineFilters, deadlineFilter, type DeadlineListQuery, ListDeadlines } from '../deadlines/index.js';
import { OrganisationRegistrations, employerNames } from '../employers/index.js';
import { Failure, notFound } from '../failures/failure.js';
import { asOfParam } from '../http/query-params.js';
import { ALWAYS, ApiProblems, AUTHENTICATED } from '../openapi/api-problems.decorator.js';
import { ApiAsOf } from '../openapi/api-queries.decorator.js';
import { SecurityLog } from '../people/index.js';
import { ApiResidentFilters, ListResidents, residentFilters, type ResidentListQuery } from '../residents/index.js';
import { DEADLINE_COLUMNS, RESIDENT_COLUMNS, type DeadlineExportRow, type ResidentExportRow } from './export-columns.js';
import { CONTENT_TYPES, spreadsheetStream, type ExportFormat } from './spreadsheet-writer.js';
import { EXPORT_DATE_STYLES, exportDateStyle } from './export-dates.js';

/** Rows read per list query while the file is written. */
const EXPORT_PAGE = 200;

function formatParam(value: string): ExportFormat {
  if (value === 'csv' || value === 'xlsx') return value;
  throw notFound('Export format').inJapanese('出力の形式は csv か xlsx です。');
}

/** The list's filters, or their 400 with the Japanese the 取込・出力 screen shows. */
function filtersOf<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof Failure)) throw error;
    throw error.inJapanese(`絞り込みの条件が正しくありません（${error.detail}）`);
  }
}

/** `dates=`: how the file writes its dates (export-dates.ts). */
const ApiExportDates = () =>
  ApiQuery({
    name: 'dates',
    required: false,
    schema: { type: 'string', enum: [...EXPORT_DATE_STYLES], default: 'western' },
    description:
      'western 2026-04-01; japanese 令和8年4月1日 (XLSX: a date cell in the Japanese calendar); both 2026-04-01(令和8年4月1日), as text',
  });

/** The file itself, as the format asks; 404 for any other format. */
const ApiExportFile = () =>
  ApiResponse({
    status: 200,
    description: 'The whole selection as an attachment (Content-Disposition names the file).',
    content: {
      'text/csv': { schema: { type: 'string', description: 'UTF-8 with BOM, Japanese headers.' } },
      [CONTENT_TYPES.xlsx]: { schema: { type: 'string', format: 'binary' } },
    },
  });

@ApiTags('exports')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('v1')
export class ExportsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly securityLog: SecurityLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly registrations: OrganisationRegistrations,
    private readonly seal: ReadModelSeal,
  ) {}

  @Get('residents.:format')
  @ApiOperation({ summary: 'The residents list (same filters as GET /v1/residents) as CSV (UTF-8 with BOM) or XLSX, Japanese headers' })
  @ApiParam({ name: 'format', enum: ['csv', 'xlsx'] })
  @ApiResidentFilters()
  @ApiAsOf()
  @ApiExportDates()
  @ApiExportFile()
  @ApiProblems(ALWAYS, AUTHENTICATED, { status: 404, when: 'The format is neither csv nor xlsx.' })
  async residents(
    @OrgKey() caller: OrganisationCaller,
    @Param('format') format: string,
    @QueryParam() raw: ResidentListQuery & { asOf?: string; dates?: string },
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const kind = formatParam(format);
    const filters = filtersOf(() => residentFilters(raw, caller));
    const asOf = filtersOf(() => asOfParam(raw.asOf, this.clock));
    const dates = exportDateStyle(raw.dates);
    const organisationId = caller.organisationId;
    // Checked first: a refused export writes no log line and sends no byte.
    const first = await this.queries.execute(new ListResidents(organisationId, filters, 1, EXPORT_PAGE, asOf));
    await this.securityLog.exportMade(caller, request.ip, 'list:residents', { format: kind, rows: first.total });
    const emails = await this.userEmails(organisationId);
    const queries = this.queries;
    const { dataSource, seal } = this;
    async function* batches(): AsyncGenerator<ResidentExportRow[]> {
      let page = first;
      for (let number = 1; ; number++) {
        if (number > 1) page = await queries.execute(new ListResidents(organisationId, filters, number, EXPORT_PAGE, asOf));
        const [cards, employers] = await Promise.all([
          currentCardNumbers(
            dataSource,
            seal,
            organisationId,
            page.items.map((item) => item.id),
          ),
          // 所属機関 by name (an imported or registered resident names the employer record).
          employerNames(
            dataSource,
            organisationId,
            page.items.map((item) => item.employer),
          ),
        ]);
        yield page.items.map((item) => ({
          ...item,
          employer: item.employer === null ? null : (employers.get(item.employer) ?? item.employer),
          cardNumber: cards.get(item.id) ?? null,
          assignedToEmail: item.assignedTo === null ? null : (emails.get(item.assignedTo) ?? item.assignedTo),
        }));
        if (page.items.length < EXPORT_PAGE) return;
      }
    }
    return this.file(reply, kind, `residents-${asOf}`, spreadsheetStream(kind, '在留者', RESIDENT_COLUMNS, batches(), dates));
  }

  @Get('deadlines.:format')
  @ApiOperation({ summary: 'The caseload deadlines (same filters as GET /v1/deadlines) as CSV (UTF-8 with BOM) or XLSX, Japanese headers' })
  @ApiParam({ name: 'format', enum: ['csv', 'xlsx'] })
  @ApiDeadlineFilters()
  @ApiExportDates()
  @ApiExportFile()
  @ApiProblems(ALWAYS, AUTHENTICATED, { status: 404, when: 'The format is neither csv nor xlsx.' })
  async deadlines(
    @OrgKey() caller: OrganisationCaller,
    @Param('format') format: string,
    @QueryParam() raw: DeadlineListQuery & { dates?: string },
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const kind = formatParam(format);
    const filter = filtersOf(() => deadlineFilter(raw, caller, this.clock));
    const dates = exportDateStyle(raw.dates);
    const organisationId = caller.organisationId;
    const list = (page: number) => this.queries.execute(new ListDeadlines(organisationId, { ...filter, page, pageSize: EXPORT_PAGE }));
    const first = await list(1);
    await this.securityLog.exportMade(caller, request.ip, 'list:deadlines', { format: kind, rows: first.total });
    // The organisation's own deadlines (residentId null) carry its name where a resident's would be.
    const organisationName = (await this.registrations.ownDeadlines(organisationId)).name ?? OWED_BY_LABEL.organisation.ja;
    async function* batches(): AsyncGenerator<DeadlineExportRow[]> {
      let page = first;
      for (let number = 1; ; number++) {
        if (number > 1) page = await list(number);
        yield page.items.map((item) => ({
          id: item.id,
          residentId: item.residentId,
          residentName: item.residentId === null ? organisationName : item.residentName,
          owedBy: item.owedBy,
          employerName: item.employerName ?? null,
          kind: item.kind as DeadlineKind,
          state: item.state as DeadlineState,
          opensOn: item.opensOn,
          dueOn: item.dueOn,
          statutoryDueOn: item.statutoryDueOn,
          metOn: item.metOn,
          label: item.label.ja,
          legalBasis: item.legalBasis,
        }));
        if (page.items.length < EXPORT_PAGE) return;
      }
    }
    return this.file(reply, kind, `deadlines-${filter.asOf}`, spreadsheetStream(kind, '期限', DEADLINE_COLUMNS, batches(), dates));
  }

  private file(reply: FastifyReply, format: ExportFormat, name: string, stream: NodeJS.ReadableStream): StreamableFile {
    void reply.header('cache-control', 'no-store');
    return new StreamableFile(stream as never, {
      type: CONTENT_TYPES[format],
      disposition: `attachment; filename="${name}.${format}"`,
    });
  }

  private async userEmails(organisationId: string): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ id: string; email: string }>(
      'SELECT id, email FROM platform.app_user WHERE organisation_id = $1',
      [organisationId],
    );
    return new Map(rows.map((row) => [row.id, row.email]));
  }
}
