/**
 * /v1/matters: a scrivener office's matters (案件), scoped to the caller's organisation (another
 * organisation's matter is a 404). Thin: the body is checked by the domain's field rules, the
 * domain decides (libs/domain/src/matter/), MatterBook writes.
 */
import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query as QueryParam, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DataSource } from 'typeorm';
import { ApiBearerAuth, ApiBody, ApiCookieAuth, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import {
  acceptMatter,
  ACCEPT_MATTER_RULES,
  CHECKLIST_UPDATE_RULES,
  closeMatter,
  CLOSE_MATTER_RULES,
  decideMatter,
  DECIDE_MATTER_RULES,
  END_OF_TIME,
  fileMatter,
  FILE_MATTER_RULES,
  japanDateOf,
  MATTER_STAGES,
  matterRequestErrors,
  missingDocuments,
  MATTER_KIND_CATALOGUE,
  updateChecklistItem,
  type AcceptMatter,
  type FieldRule,
  type LocalDate,
  type MatterEventDataByType,
  type MatterResult,
  type MatterStage,
} from '@zairyu/domain';
import { employerNames } from '../employers/index.js';
import { CLOCK, DATA_SOURCE, type Clock } from '../bootstrap/tokens.js';
import { OrgKey, RequiresRole } from '../auth/access.decorators.js';
import type { OrganisationCaller } from '../auth/principal.js';
import { invalidInput, notFound } from '../failures/failure.js';
import { asOfParam } from '../http/query-params.js';
import { correlationIdOf } from '../http/request-log.js';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';
import { ALWAYS, ApiProblems, AUTHENTICATED, WITH_BODY } from '../openapi/api-problems.decorator.js';
import { ref } from '../openapi/schema-ref.js';
import { MatterBook, MATTER_CONFLICT_CODES, MATTER_RULE_CODES, type LoadedMatter } from './matter-book.service.js';
import { applicantFacts, applicationFormWorkbook, FORM_KINDS, type FormKind } from './application-form.js';
import { registerWorkbook } from './matter-register.js';
import { MatterResidents, matterView } from './matter-views.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CONFLICT = { status: 409, codes: MATTER_CONFLICT_CODES, when: 'The matter is closed, already filed or already decided.' };
const RULE = { status: 422, codes: MATTER_RULE_CODES, when: 'The request breaks a rule of the matter: `code` says which.' };
const NOT_FOUND = { status: 404, when: 'No such matter (or resident) in the caller’s organisation.' };
const ERASED = { status: 410, codes: ['RESIDENT_ERASED'], when: 'The resident’s personal data was erased.' };

/** The body checked by the domain's field rules: every field at fault, as a 400. */
function checked<T>(rules: Record<string, FieldRule>, body: unknown): T {
  const errors = matterRequestErrors(rules, body);
  if (errors.length > 0) throw invalidInput('The body is not a valid request.', errors);
  return body as T;
}

@ApiTags('matters')
@ApiBearerAuth()
@ApiCookieAuth()
@Controller('v1/matters')
export class MattersController {
  constructor(
    private readonly book: MatterBook,
    private readonly residents: MatterResidents,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  private async view({ matter, version }: LoadedMatter, organisationId: string, asOf: LocalDate, reply?: FastifyReply) {
    const facts = await this.residents.factsOf(organisationId, [matter.residentId]);
    reply?.header('etag', `"${version}"`);
    return matterView(matter, facts.get(matter.residentId)!, asOf);
  }

  private today(): LocalDate {
    return japanDateOf(this.clock());
  }

  @Post()
  @HttpCode(201)
  @RequiresRole('caseworker')
  @ApiOperation({
    summary: 'Accept a matter (受任) for a resident of the organisation: its checklist starts from the catalogue for its kind',
  })
  @ApiBody({ schema: ref('AcceptMatter') })
  @ApiAnswer(201, 'Matter', 'Accepted; Location names it.')
  @ApiProblems(ALWAYS, AUTHENTICATED, WITH_BODY, NOT_FOUND, ERASED)
  async create(
    @OrgKey() caller: OrganisationCaller,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { acceptedOn, ...given } = checked<Omit<AcceptMatter, 'matterId'>>(ACCEPT_MATTER_RULES, body);
    if (acceptedOn > this.today())
      throw invalidInput('A matter is accepted today or earlier.', [{ field: 'acceptedOn', message: 'must not be in the future' }]);
    const history = await this.residents.mustExist(caller.organisationId, given.residentId);
    const matterId = randomUUID();
    await this.book.accept(
      caller,
      correlationIdOf(request),
      matterId,
      acceptMatter({ ...given, residentId: history.residentId, acceptedOn, matterId }),
    );
    reply.header('location', `/v1/matters/${matterId}`);
    return this.view(await this.book.load(caller.organisationId, matterId), caller.organisationId, this.today(), reply);
  }

  @Get()
  @RequiresRole('viewer')
  @ApiOperation({
    summary: "The organisation's matters, in the order accepted; `stage` (comma-separated) keeps those in that stage as of `asOf`",
  })
  @ApiQuery({
    name: 'stage',
    required: false,
    schema: { type: 'string', example: 'collecting,documents_requested' },
    description: MATTER_STAGES.join(' | '),
  })
  @ApiQuery({ name: 'asOf', required: false, schema: { type: 'string', format: 'date' } })
  @ApiAnswer(200, 'MatterList', 'The matters, each with its stage.')
  @ApiProblems(ALWAYS, AUTHENTICATED)
  async list(@OrgKey() caller: OrganisationCaller, @QueryParam('stage') stage?: string, @QueryParam('asOf') asOf?: string) {
    const stages = stage === undefined ? null : stage.split(',');
    const unknown = (stages ?? []).filter((value) => !(MATTER_STAGES as readonly string[]).includes(value));
    if (unknown.length > 0)
      throw invalidInput('Unknown stage.', [{ field: 'stage', message: `must be among: ${MATTER_STAGES.join(', ')}` }]);
    const day = asOfParam(asOf, this.clock);
    const matters = await this.book.list(caller.organisationId);
    const facts = await this.residents.factsOf(
      caller.organisationId,
      matters.map((matter) => matter.residentId),
    );
    const items = matters
      .map((matter) => matterView(matter, facts.get(matter.residentId)!, day))
      .filter((view) => stages === null || stages.includes(view.stage as MatterStage));
    return { items, total: items.length };
  }

  @Get('register.xlsx')
  @RequiresRole('caseworker')
  @ApiOperation({
    summary: 'The register (帳簿, 行政書士法9条): every matter accepted, with 事件の名称, 受任の年月日, 報酬の額, 依頼者の住所・氏名',
  })
  @ApiProduces(XLSX)
  @ApiResponse({
    status: 200,
    description: 'An Excel workbook, one row per matter.',
    content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(ALWAYS, AUTHENTICATED)
  async register(@OrgKey() caller: OrganisationCaller, @Res({ passthrough: true }) reply: FastifyReply) {
    const matters = await this.book.list(caller.organisationId);
    const facts = await this.residents.factsOf(
      caller.organisationId,
      matters.map((matter) => matter.residentId),
    );
    reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="register-${this.today()}.xlsx"`);
    return registerWorkbook(matters, facts);
  }

  @Get('missing-documents')
  @RequiresRole('viewer')
  @ApiOperation({
    summary:
      'What is still missing across the open matters as of `asOf`: checklist items still requested and the items of an unanswered 資料提出通知, who provides each, by due day',
  })
  @ApiQuery({ name: 'asOf', required: false, schema: { type: 'string', format: 'date' } })
  @ApiAnswer(200, 'MissingDocumentList', 'Earliest due first; those with no due day last.')
  @ApiProblems(ALWAYS, AUTHENTICATED)
  async missing(@OrgKey() caller: OrganisationCaller, @QueryParam('asOf') asOf?: string) {
    const day = asOfParam(asOf, this.clock);
    const matters = await this.book.list(caller.organisationId);
    const facts = await this.residents.factsOf(
      caller.organisationId,
      matters.map((matter) => matter.residentId),
    );
    const items = matters.flatMap((matter) => {
      const resident = facts.get(matter.residentId)!;
      return missingDocuments(matter, resident.events, day).map((document) => ({
        matterId: matter.matterId,
        residentId: matter.residentId,
        residentName: resident.name,
        kind: matter.kind,
        kindLabel: MATTER_KIND_CATALOGUE[matter.kind].ja,
        caseworker: matter.caseworker,
        ...document,
      }));
    });
    items.sort((a, b) => (a.dueOn ?? '9999-12-31').localeCompare(b.dueOn ?? '9999-12-31'));
    return { items, total: items.length };
  }

  @Get(':id/application-form.xlsx')
  @RequiresRole('caseworker')
  @ApiOperation({
    summary:
      'The bureau’s application form (在留期間更新許可申請書 / 在留資格変更許可申請書) prefilled from the ledger as an Excel worksheet; what the ledger does not know is blank and marked',
  })
  @ApiProduces(XLSX)
  @ApiResponse({
    status: 200,
    description: 'An Excel workbook: the form’s items in its numbering, each with what the ledger holds or 台帳になし・要記入.',
    content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems(
    ALWAYS,
    AUTHENTICATED,
    {
      status: 404,
      when: 'No such matter in the caller’s organisation, or its kind has no form here (only extension and status_change).',
    },
    ERASED,
  )
  async applicationForm(@OrgKey() caller: OrganisationCaller, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const { matter } = await this.book.load(caller.organisationId, id);
    if (!(FORM_KINDS as readonly string[]).includes(matter.kind)) throw notFound(`An application form for a ${matter.kind} matter`);
    const history = await this.residents.mustExist(caller.organisationId, matter.residentId);
    // The employer as the registration names it now (corrections included), as the form's facts read it.
    const identity = history.fold.stateAsOf(END_OF_TIME).identity;
    const names = await employerNames(this.dataSource, caller.organisationId, [identity?.employer]);
    const facts = applicantFacts(
      history,
      this.today(),
      (employer) => (employer === undefined ? null : (names.get(employer) ?? null)),
      matter.toStatus,
    );
    reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="application-form-${matter.kind}-${this.today()}.xlsx"`);
    return applicationFormWorkbook(matter.kind as FormKind, facts, this.today());
  }

  @Get(':id')
  @RequiresRole('viewer')
  @ApiOperation({ summary: 'One matter: its checklist, filing, stage, result and what is missing, as of `asOf`' })
  @ApiQuery({ name: 'asOf', required: false, schema: { type: 'string', format: 'date' } })
  @ApiAnswer(200, 'Matter', 'The matter; ETag is its version.')
  @ApiProblems(ALWAYS, AUTHENTICATED, NOT_FOUND)
  async get(
    @OrgKey() caller: OrganisationCaller,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
    @QueryParam('asOf') asOf?: string,
  ) {
    return this.view(await this.book.load(caller.organisationId, id), caller.organisationId, asOfParam(asOf, this.clock), reply);
  }

  @Patch(':id/checklist/:item')
  @RequiresRole('caseworker')
  @ApiOperation({
    summary:
      'Mark a checklist item requested / received / not applicable (who provides it, its due day); a new code with a label adds an item',
  })
  @ApiBody({ schema: ref('ChecklistUpdate') })
  @ApiAnswer(200, 'Matter', 'The matter after the change.')
  @ApiProblems(ALWAYS, AUTHENTICATED, WITH_BODY, NOT_FOUND, CONFLICT, RULE)
  async checklist(
    @OrgKey() caller: OrganisationCaller,
    @Param('id') id: string,
    @Param('item') item: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const update = checked<Omit<MatterEventDataByType['ChecklistItemUpdated'], 'code'>>(CHECKLIST_UPDATE_RULES, body);
    const today = this.today();
    const changed = await this.book.change(caller, correlationIdOf(request), id, (matter) =>
      updateChecklistItem(matter, today, { ...update, code: item }),
    );
    return this.view(changed, caller.organisationId, today, reply);
  }

  @Post(':id/filing')
  @HttpCode(200)
  @RequiresRole('caseworker')
  @ApiOperation({
    summary: "Record the filing; `applicationEventId` links the resident's …Applied fact (its 受付番号 and channel are taken from it)",
  })
  @ApiBody({ schema: ref('MatterFiling') })
  @ApiAnswer(200, 'Matter', 'The matter after the filing.')
  @ApiProblems(ALWAYS, AUTHENTICATED, WITH_BODY, NOT_FOUND, CONFLICT, RULE, ERASED)
  async file(
    @OrgKey() caller: OrganisationCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { filedOn, ...data } = checked<MatterEventDataByType['MatterFiled'] & { filedOn: LocalDate }>(FILE_MATTER_RULES, body);
    const changed = await this.book.change(caller, correlationIdOf(request), id, async (matter) => {
      let application = null;
      if (data.applicationEventId !== undefined) {
        const history = await this.residents.mustExist(caller.organisationId, matter.residentId);
        application = history.events.find((event) => event.eventId === data.applicationEventId) ?? null;
        if (application === null || history.fold.isRetracted(application.eventId))
          throw notFound("The application fact in the resident's history");
      }
      return fileMatter(matter, filedOn, data, application);
    });
    return this.view(changed, caller.organisationId, this.today(), reply);
  }

  @Post(':id/result')
  @HttpCode(200)
  @RequiresRole('caseworker')
  @ApiOperation({ summary: "Record a result the resident's history does not hold (withdrawn; a re-entry permit's decision)" })
  @ApiBody({ schema: ref('MatterResultInput') })
  @ApiAnswer(200, 'Matter', 'The matter with its result.')
  @ApiProblems(ALWAYS, AUTHENTICATED, WITH_BODY, NOT_FOUND, CONFLICT, RULE)
  async result(
    @OrgKey() caller: OrganisationCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { result, decidedOn } = checked<{ result: MatterResult; decidedOn: LocalDate }>(DECIDE_MATTER_RULES, body);
    const changed = await this.book.change(caller, correlationIdOf(request), id, (matter) => decideMatter(matter, decidedOn, result));
    return this.view(changed, caller.organisationId, this.today(), reply);
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequiresRole('caseworker')
  @ApiOperation({ summary: 'Close the matter (the engagement ends; it stays on the register 2 years from this day)' })
  @ApiBody({ schema: ref('MatterClose') })
  @ApiAnswer(200, 'Matter', 'The closed matter.')
  @ApiProblems(ALWAYS, AUTHENTICATED, WITH_BODY, NOT_FOUND, CONFLICT, RULE)
  async close(
    @OrgKey() caller: OrganisationCaller,
    @Param('id') id: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { closedOn, note } = checked<{ closedOn: LocalDate; note?: string }>(CLOSE_MATTER_RULES, body);
    const changed = await this.book.change(caller, correlationIdOf(request), id, (matter) => closeMatter(matter, closedOn, note));
    return this.view(changed, caller.organisationId, this.today(), reply);
  }
}
