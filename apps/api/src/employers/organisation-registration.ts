/**
 * What a support organisation records about its own registration as a 登録支援機関 (法19条の23:
 * 5 years), and the organisation-level deadline it gives (docs/ssw-duties.md §7).
 */
import { Body, Controller, Get, Inject, Injectable, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCookieAuth, ApiExtraModels, ApiOperation, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import {
  japanDateOf,
  japanesePhoneNumber,
  organisationDeadlines,
  supportRegistrationNumber,
  type DeadlineRecord,
  type FieldError,
  type LocalDate,
  type OrganisationNotices,
  type SupportBusinessChange,
} from '@zairyu/domain';
import { AdminAllowed, Caller, RequiresRole } from '../auth/access.decorators.js';
import type { Principal } from '../auth/principal.js';
import { CLOCK, DATA_SOURCE, PG_POOL, type Clock } from '../bootstrap/tokens.js';
import { checkBody } from '../http/check-body.js';
import { invalidInput, type Failure } from '../failures/failure.js';
import { managedOrganisation } from '../platform/index.js';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, AUTHENTICATED, WITH_BODY } from '../openapi/api-problems.decorator.js';
import { UpdateOrganisationDto } from './employer.dto.js';

interface RegistrationRow {
  id: string;
  name: string;
  kind: string;
  registration_expires_on: string | null;
  registration_renewal_applied_on: string | null;
  registration_recorded_on: string | null;
  registered_matters_changed_on: string | null;
  registered_matters_notified_on: string | null;
  support_business_change: SupportBusinessChange | null;
  support_business_change_on: string | null;
  support_business_notified_on: string | null;
  annual_report_fiscal_year: number | null;
  annual_report_filed_on: string | null;
  support_registration_number: string | null;
  address: string | null;
  phone: string | null;
}

const COLUMNS = `id, name, kind, registration_expires_on::text, registration_renewal_applied_on::text, registration_recorded_on::text,
  registered_matters_changed_on::text, registered_matters_notified_on::text,
  support_business_change, support_business_change_on::text, support_business_notified_on::text,
  annual_report_fiscal_year, annual_report_filed_on::text, support_registration_number, address, phone`;

/** The desk shows the fields at fault; the Japanese says which in words. */
const FIELDS_JA: Record<string, string> = {
  supportRegistrationNumber: '登録番号は「19登-000123」の形（西暦の下2桁・登・ハイフン・6桁）で入力してください。',
  phone: '電話番号は0から始まる10桁または11桁の番号で入力してください（例: 03-1234-5678）。',
  address: '住所は空欄でない200文字以内で入力してください。',
};

function invalidOrganisation(errors: FieldError[]): Failure {
  const said = errors.map((error) => FIELDS_JA[error.field]).filter((text): text is string => text !== undefined);
  const detailJa = said.length > 0 ? [...new Set(said)].join(' ') : '組織の記録に誤りがあります。';
  return invalidInput('The organisation is not valid.', errors).inJapanese(detailJa);
}

const SELECT = `SELECT ${COLUMNS} FROM platform.organisation WHERE id = $1`;

function view(row: RegistrationRow) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    registrationExpiresOn: row.registration_expires_on,
    registrationRenewalAppliedOn: row.registration_renewal_applied_on,
    registeredMattersChangedOn: row.registered_matters_changed_on,
    registeredMattersNotifiedOn: row.registered_matters_notified_on,
    supportBusinessChange: row.support_business_change,
    supportBusinessChangeOn: row.support_business_change_on,
    supportBusinessNotifiedOn: row.support_business_notified_on,
    annualReportFiscalYear: row.annual_report_fiscal_year,
    annualReportFiledOn: row.annual_report_filed_on,
    supportRegistrationNumber: row.support_registration_number,
    address: row.address,
    phone: row.phone,
  };
}

/** The organisation's own notices (19条の27, 19条の29) and its latest yearly report (19条の30) as recorded. */
function noticesOf(row: RegistrationRow): OrganisationNotices {
  return {
    registeredMatters:
      row.registered_matters_changed_on === null
        ? null
        : { changedOn: row.registered_matters_changed_on as LocalDate, notifiedOn: row.registered_matters_notified_on as LocalDate | null },
    supportBusiness:
      row.support_business_change === null || row.support_business_change_on === null
        ? null
        : {
            change: row.support_business_change,
            on: row.support_business_change_on as LocalDate,
            notifiedOn: row.support_business_notified_on as LocalDate | null,
          },
    annualReport:
      row.annual_report_fiscal_year === null || row.annual_report_filed_on === null
        ? null
        : { fiscalYear: row.annual_report_fiscal_year, filedOn: row.annual_report_filed_on as LocalDate },
  };
}

/**
 * The organisation's name (the calendar feed puts it where a resident's name would be) and its
 * own deadlines (residentId null), as the deadline read model holds the residents'. A plain
 * function so that the reminder jobs, which run outside requests, read them the same way.
 */
export async function organisationOwnDeadlines(
  db: pg.Pool | pg.PoolClient,
  organisationId: string,
): Promise<{ name: string | null; deadlines: DeadlineRecord[] }> {
  const { rows } = await db.query<RegistrationRow>(SELECT, [organisationId]);
  const row = rows[0];
  if (row === undefined) return { name: null, deadlines: [] };
  const registration =
    row.registration_expires_on === null
      ? null
      : {
          registrationExpiresOn: row.registration_expires_on as LocalDate,
          registrationRenewalAppliedOn: row.registration_renewal_applied_on as LocalDate | null,
          recordedOn: (row.registration_recorded_on ?? row.registration_expires_on) as LocalDate,
        };
  return { name: row.name, deadlines: organisationDeadlines(registration, noticesOf(row)) };
}

@Injectable()
export class OrganisationRegistrations {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async deadlinesOf(organisationId: string): Promise<DeadlineRecord[]> {
    return (await organisationOwnDeadlines(this.pool, organisationId)).deadlines;
  }

  ownDeadlines(organisationId: string): Promise<{ name: string | null; deadlines: DeadlineRecord[] }> {
    return organisationOwnDeadlines(this.pool, organisationId);
  }
}

@ApiTags('organisations')
@ApiBearerAuth()
@ApiCookieAuth()
@ApiExtraModels(UpdateOrganisationDto)
@Controller('v1/organisations')
export class OrganisationRegistrationController {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get(':orgId')
  @AdminAllowed()
  @RequiresRole('manager')
  @ApiOperation({ summary: 'The organisation, with its registration as a 登録支援機関 when recorded' })
  @ApiAnswer(200, 'OrganisationRegistration', 'The organisation and its registration (null fields: not recorded).')
  @ApiProblems(ALWAYS, AUTHENTICATED, 404)
  async get(@Caller() caller: Principal, @Param('orgId') organisationId: string) {
    const organisation = await managedOrganisation(this.dataSource, caller, organisationId);
    const { rows } = await this.pool.query<RegistrationRow>(SELECT, [organisation.id]);
    return view(rows[0]!);
  }

  @Patch(':orgId')
  @AdminAllowed()
  @RequiresRole('manager')
  @ApiOperation({
    summary:
      "Record the organisation's registration expiry (and a renewal applied for), the latest change of its registered matters and of its support business, with the days they were notified, and its latest yearly report: the deadlines support_registration_renewal, support_registered_matters_notification, support_business_suspension_notification, support_business_resumption_notification and support_annual_report follow them",
  })
  @ApiBody({ schema: { $ref: getSchemaPath(UpdateOrganisationDto) } })
  @ApiAnswer(200, 'OrganisationRegistration', 'Recorded; null clears a field.')
  @ApiProblems(ALWAYS, AUTHENTICATED, WITH_BODY, 404)
  async update(@Caller() caller: Principal, @Param('orgId') organisationId: string, @Body() body: unknown) {
    const organisation = await managedOrganisation(this.dataSource, caller, organisationId);
    const { value, errors } = checkBody(UpdateOrganisationDto, body);
    if (errors.length > 0) throw invalidOrganisation(errors);
    const given = body as Record<string, unknown>;
    const has = (field: string) => Object.hasOwn(given, field);
    const { rows } = await this.pool.query<RegistrationRow>(
      `UPDATE platform.organisation SET
         registration_expires_on = CASE WHEN $2 THEN $3::date ELSE registration_expires_on END,
         registration_recorded_on = CASE WHEN $2 THEN $6::date ELSE registration_recorded_on END,
         registration_renewal_applied_on = CASE WHEN $4 THEN $5::date ELSE registration_renewal_applied_on END,
         registered_matters_changed_on = CASE WHEN $7 THEN $8::date ELSE registered_matters_changed_on END,
         registered_matters_notified_on = CASE WHEN $9 THEN $10::date ELSE registered_matters_notified_on END,
         support_business_change = CASE WHEN $11 THEN $12::text ELSE support_business_change END,
         support_business_change_on = CASE WHEN $13 THEN $14::date ELSE support_business_change_on END,
         support_business_notified_on = CASE WHEN $15 THEN $16::date ELSE support_business_notified_on END,
         annual_report_fiscal_year = CASE WHEN $17 THEN $18::integer ELSE annual_report_fiscal_year END,
         annual_report_filed_on = CASE WHEN $19 THEN $20::date ELSE annual_report_filed_on END,
         support_registration_number = CASE WHEN $21 THEN $22::text ELSE support_registration_number END,
         address = CASE WHEN $23 THEN $24::text ELSE address END,
         phone = CASE WHEN $25 THEN $26::text ELSE phone END
       WHERE id = $1
       RETURNING ${COLUMNS}`,
      [
        organisation.id,
        has('registrationExpiresOn'),
        value.registrationExpiresOn ?? null,
        has('registrationRenewalAppliedOn'),
        value.registrationRenewalAppliedOn ?? null,
        japanDateOf(this.clock()),
        has('registeredMattersChangedOn'),
        value.registeredMattersChangedOn ?? null,
        has('registeredMattersNotifiedOn'),
        value.registeredMattersNotifiedOn ?? null,
        has('supportBusinessChange'),
        value.supportBusinessChange ?? null,
        has('supportBusinessChangeOn'),
        value.supportBusinessChangeOn ?? null,
        has('supportBusinessNotifiedOn'),
        value.supportBusinessNotifiedOn ?? null,
        has('annualReportFiscalYear'),
        value.annualReportFiscalYear ?? null,
        has('annualReportFiledOn'),
        value.annualReportFiledOn ?? null,
        has('supportRegistrationNumber'),
        // Kept as ISA writes it, whatever width it was typed in.
        value.supportRegistrationNumber == null ? null : supportRegistrationNumber(value.supportRegistrationNumber),
        has('address'),
        value.address?.trim() ?? null,
        has('phone'),
        value.phone == null ? null : japanesePhoneNumber(value.phone),
      ],
    );
    return view(rows[0]!);
  }
}
