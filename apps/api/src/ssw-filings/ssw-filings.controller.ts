/**
 * The employer's filings as documents (docs/ssw-duties.md §9): the annual report of one employer
 * and fiscal year, each 随時届出 from the fact that calls for it, and a 面談記録 per interview, as
 * Excel drafts. Scoped to the caller's organisation (another organisation's employer, resident or
 * fact is a 404); each download is written to the security log, as an export is.
 */
import { Controller, Get, Inject, Param, Query as QueryParam, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiBearerAuth, ApiCookieAuth, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type pg from 'pg';
import {
  annualReportWorker,
  employerOfFact,
  END_OF_TIME,
  factsInLegalOrder,
  filingWorker,
  FIRST_ANNUAL_REPORT_FISCAL_YEAR,
  interviewRecord,
  japanDateOf,
  type AnnualReportWorker,
} from '@zairyu/domain';
import { OrgKey, RequiresRole } from '../auth/access.decorators.js';
import type { OrganisationCaller } from '../auth/principal.js';
import { CLOCK, PG_POOL, PROJECTION, type Clock } from '../bootstrap/tokens.js';
import { EmployersService, type Employer } from '../employers/index.js';
import { invalidInput, notFound } from '../failures/failure.js';
import { ALWAYS, ApiProblems, AUTHENTICATED } from '../openapi/api-problems.decorator.js';
import { SecurityLog } from '../people/index.js';
import type { ProjectionHandle } from '../projection/index.js';
import { ResidentFailure, ResidentLedger } from '../residents/index.js';
import {
  annualReportWorkbook,
  interviewForm,
  noticeForm,
  shortFormWorkbook,
  type FilingHeader,
  type FilingParty,
} from './filing-workbooks.js';
import { noticeContent } from './notice-content.js';
import { shortFormPdf } from './short-form-pdf.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF = 'application/pdf';
const WORKBOOK = { status: 200, description: 'An Excel workbook.', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } };

function fiscalYearParam(value: string | undefined): number {
  const year = value !== undefined && /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (!(year >= FIRST_ANNUAL_REPORT_FISCAL_YEAR && year <= 2100)) {
    throw invalidInput(`fiscalYear must be a year from ${FIRST_ANNUAL_REPORT_FISCAL_YEAR} (the first annual report) to 2100.`, [
      { field: 'fiscalYear', message: `must be a year from ${FIRST_ANNUAL_REPORT_FISCAL_YEAR} to 2100` },
    ]);
  }
  return year;
}

function phoneOf(contact: unknown): string | null {
  if (typeof contact === 'string') return contact;
  if (typeof contact === 'object' && contact !== null) return (contact as { phone?: string }).phone ?? null;
  return null;
}

const party = (employer: Employer | null, named: string | null): FilingParty => ({
  name: employer?.name ?? named,
  corporateNumber: employer?.corporateNumber ?? null,
  address: employer?.address ?? null,
  phone: phoneOf(employer?.contact),
});

const attachment = (reply: FastifyReply, name: string) =>
  reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="${name}.xlsx"`);

@ApiTags('ssw filings')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('v1')
export class SswFilingsController {
  constructor(
    private readonly employers: EmployersService,
    private readonly ledger: ResidentLedger,
    private readonly securityLog: SecurityLog,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('employers/:id/annual-report.xlsx')
  @RequiresRole('caseworker')
  @ApiOperation({
    summary:
      'The annual report (参考様式第3-6号 受入れ・活動・支援実施状況に係る届出書) of one employer and fiscal year, as an Excel draft',
    description:
      'The workers the ledger owes this report for (an `ssw_annual_report` deadline of that fiscal year and employer), with name, nationality, date of birth, card number, field, employment and support in the year, and the interviews held in it. What the ledger does not know is blank and shaded.',
  })
  @ApiQuery({ name: 'fiscalYear', required: true, schema: { type: 'integer', minimum: FIRST_ANNUAL_REPORT_FISCAL_YEAR, maximum: 2100 } })
  @ApiProduces(XLSX)
  @ApiResponse(WORKBOOK)
  @ApiProblems(ALWAYS, AUTHENTICATED, { status: 404, when: 'No such employer in the caller’s organisation.' })
  async annualReport(
    @OrgKey() caller: OrganisationCaller,
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @QueryParam('fiscalYear') fiscalYearText?: string,
  ) {
    const fiscalYear = fiscalYearParam(fiscalYearText);
    const employer = await this.employers.record(caller.organisationId, id);
    await this.projection.caughtUp(caller.organisationId);
    // The deadlines name the employer as the facts did: by its record id or by its name.
    const { rows } = await this.pool.query<{ resident_id: string; employer: string }>(
      `SELECT DISTINCT resident_id, employer FROM read_model.deadline
        WHERE organisation_id = $1 AND kind = 'ssw_annual_report' AND id LIKE '%:FY' || $2 AND employer IN ($3, $4)`,
      [caller.organisationId, String(fiscalYear), employer.id, employer.name],
    );
    const histories = await this.ledger.loadMany(
      caller.organisationId,
      rows.map((row) => row.resident_id),
    );
    const lines: AnnualReportWorker[] = [];
    for (const row of rows) {
      const history = histories.get(row.resident_id);
      // An erased or unreadable resident cannot be shown: the office adds them by hand.
      if (history === undefined || history instanceof ResidentFailure) continue;
      const line = annualReportWorker(history.fold.stateAsOf(END_OF_TIME), history.events, row.employer, fiscalYear);
      if (line !== null) lines.push(line);
    }
    await this.securityLog.exportMade(caller, request.ip, `filing:annual-report:${employer.id}:FY${fiscalYear}`, {
      format: 'xlsx',
      rows: lines.length,
    });
    attachment(reply, `annual-report-FY${fiscalYear}-${employer.id}`);
    return annualReportWorkbook(await this.header(caller.organisationId, party(employer, null)), fiscalYear, lines);
  }

  @Get('residents/:id/events/:eventId/document.:format')
  @RequiresRole('caseworker')
  @ApiOperation({
    summary: 'The document a fact calls for, prefilled, as an Excel or PDF draft',
    description:
      'A contract change (SswContractChanged) → 参考様式第3-1-1号; a contract concluded or ended (AffiliationChanged of a contract) → 第3-1-2号; SupportStarted / SupportContractChanged / SupportEnded → 第3-3号; AcceptanceDifficulty → 第3-4号; SupportInterviewHeld → the 面談記録 (定期面談報告書). Any other fact has no document (404). The PDF embeds a Japanese font.',
  })
  @ApiParam({ name: 'eventId', description: 'The fact (its eventId in the resident’s history).' })
  @ApiParam({ name: 'format', enum: ['xlsx', 'pdf'] })
  @ApiProduces(XLSX, PDF)
  @ApiResponse({
    status: 200,
    description: 'An Excel workbook or a PDF.',
    content: { [XLSX]: { schema: { type: 'string', format: 'binary' } }, [PDF]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(
    ALWAYS,
    AUTHENTICATED,
    {
      status: 404,
      when: 'No such resident or fact in the caller’s organisation, a retracted fact, a fact that calls for no document, or a format other than xlsx or pdf.',
    },
    { status: 410, codes: ['RESIDENT_ERASED'], when: 'The resident’s personal data was erased.' },
  )
  async document(
    @OrgKey() caller: OrganisationCaller,
    @Param('id') residentId: string,
    @Param('eventId') eventId: string,
    @Param('format') format: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (format !== 'xlsx' && format !== 'pdf') throw notFound('Document format');
    const history = await this.ledger.load(caller.organisationId, residentId);
    const fact = factsInLegalOrder(history.events).find((candidate) => candidate.eventId === eventId);
    if (fact === undefined) throw notFound('Fact');
    const worker = filingWorker(history.fold.stateAsOf(END_OF_TIME), history.events);
    const interview = interviewRecord(history.events, eventId);
    const notice = interview === null ? noticeContent(fact) : null;
    if (interview === null && notice === null) throw notFound('Document for this fact');
    const named = interview?.employer ?? employerOfFact(history.events, eventId);
    const employer = named === null ? null : await this.employers.named(caller.organisationId, named);
    const header = await this.header(caller.organisationId, party(employer, named));
    const form = interview === null ? noticeForm(header, worker, notice!) : interviewForm(header, worker, interview.interview);
    await this.securityLog.exportMade(caller, request.ip, `filing:document:${history.residentId}:${eventId}`, { format, rows: 1 });
    const name = `${interview === null ? notice!.form : 'interview'}-${fact.occurredOn}-${history.residentId.slice(0, 8)}`;
    reply.header('content-type', format === 'pdf' ? PDF : XLSX).header('content-disposition', `attachment; filename="${name}.${format}"`);
    return format === 'pdf' ? shortFormPdf(form) : shortFormWorkbook(form);
  }

  private async header(organisationId: string, employer: FilingParty): Promise<FilingHeader> {
    const { rows } = await this.pool.query<{
      name: string;
      support_registration_number: string | null;
      address: string | null;
      phone: string | null;
    }>('SELECT name, support_registration_number, address, phone FROM platform.organisation WHERE id = $1', [organisationId]);
    const organisation = rows[0];
    return {
      organisation: {
        name: organisation?.name ?? null,
        corporateNumber: null,
        address: organisation?.address ?? null,
        phone: organisation?.phone ?? null,
        registrationNumber: organisation?.support_registration_number ?? null,
      },
      employer,
      madeOn: japanDateOf(this.clock()),
    };
  }
}
