/**
 * POST /v1/imports: a caseload spreadsheet brought into the ledger (docs/api-v1.md additions of
 * 2026-11-23). Each row is judged on its own and written on its own (all or nothing per row:
 * the registration, the take-over fact and the card-number claims go in one append); a dry run
 * judges every row the same way and writes nothing. A row is matched to a resident already in
 * the ledger by `externalRef` (管理番号), or, when it has none, by name, date of birth and
 * nationality, else by the card number and date of birth (a name a Shift_JIS save spoilt is
 * still the same person), so importing the same file twice creates nobody new. A matched row
 * corrects the identity fields it fills (DetailsCorrected; blank cells erase nothing, a spoilt
 * name is not written over the good one), takes the case over if the ledger did not follow the
 * person yet, and records what the file has that the ledger has not (import-facts.ts); a status
 * that differs from what the ledger already follows is an error, because what happened since is
 * recorded as its own events. 所属機関 links to employer records (import-employers.ts); 担当 to
 * a person of the organisation, or to nobody with a warning.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { ReadModelSeal } from '@zairyu/read-model';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { END_OF_TIME, type LocalDate, type RecordableEvent, type RegistrationDetails } from '@zairyu/domain';
import { DuplicateEventError, WrongExpectedVersionError } from '@zairyu/event-store';
import { PersonalDataErasedError } from '@zairyu/resident-streams';
import type { OrganisationCaller } from '../auth/principal.js';
import type { ProjectionHandle } from '../projection/index.js';
import { APP_CONFIG, DATA_SOURCE, PROJECTION, type AppConfig } from '../bootstrap/tokens.js';
import { uuidFromName } from '../http/deterministic-uuid.js';
import { Failure } from '../failures/failure.js';
import { EmployersService } from '../employers/index.js';
import {
  ResidentFailure,
  ResidentLedger,
  type ResidentHistory,
  ResidentWriter,
  type Registration,
  Assignees,
  personKey,
  PossibleDuplicates,
  type SamePeople,
} from '../residents/index.js';
import { loadCaseloadIndex, type CaseloadIndex } from './caseload-index.js';
import { ImportEmployers, type EmployerLink } from './import-employers.js';
import { newStatusFacts, RowRefused, supportFact, withEmployer, type TakeOver } from './import-facts.js';
import { codeMessageJa, employerRefusedJa } from './import-messages.js';
import { hasLostLetters, readRow, rowError, type ReadRow, type RowError } from './import-row.js';
import { headerMap, IMPORT_TEMPLATE, type HeaderMap, type ImportField } from './import-template.js';
import type { Sheet } from './spreadsheet-file.js';

export type RowStatus = 'created' | 'updated' | 'unchanged' | 'error';

export interface RowResult {
  row: number;
  status: RowStatus;
  residentId?: string;
  errors?: RowError[];
  /** What the office should look at in a row imported all the same (担当 unknown, letters lost, …). */
  warnings?: RowError[];
  /** The employer record the row's 所属機関 is (existing) or becomes (new). */
  employer?: { name: string; match: EmployerLink['match']; id?: string };
}

export interface ImportReport {
  dryRun: boolean;
  format: Sheet['format'];
  encoding: Sheet['encoding'];
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  /** Headers the template does not know (their cells are not read). */
  ignoredColumns: string[];
  /** Each column read: the header as the file wrote it, the field, and its name in the template (Japanese). */
  columns: Array<{ column: string; field: ImportField; columnJa: string }>;
  /** The spreadsheet row that named the columns (1 unless title rows stand above it). */
  headerRow: number;
  /** The counts in one Japanese sentence. */
  summaryJa: string;
  results: RowResult[];
}

export interface ImportOptions {
  dryRun: boolean;
  /** Import rows that look like an open resident with another external reference (else POSSIBLE_DUPLICATE). */
  confirm: boolean;
  correlationId: string;
  onProgress?: (processed: number, total: number) => void;
}

/** How long an import waits for the read models to take in earlier writes, unless configured. */
const DEFAULT_WAIT_FOR_PROJECTION_MS = 60_000;

function projectionBehind(): Failure {
  return new Failure('CONFLICT', 'The caseload is still taking in earlier changes; send the file again in a minute.', {
    code: 'PROJECTION_BEHIND',
    detailJa: '直前の変更を台帳に反映しています。1 分ほどしてから、もう一度ファイルを送ってください。',
    retryAfterSeconds: 60,
  });
}

/** Rows judged (and written) between two progress reports. */
const BATCH = 250;
/** The rows one file may hold: the reader (spreadsheet-file.ts) stops past them, with a 413. */
export const MAX_IMPORT_ROWS = 20_000;

type Planned =
  | { kind: 'error'; row: number; errors: RowError[]; residentId?: string }
  | {
      kind: 'create';
      row: number;
      residentId: string;
      details: RegistrationDetails;
      facts: RecordableEvent[];
      /** The column of each command decided (the registration, then each fact), for a refusal. */
      fields: ImportField[];
    }
  | { kind: 'match'; row: number; residentId: string; read: ReadRow; registration: RegistrationDetails; existing: TakeOver | null }
  | { kind: 'done'; row: number; residentId: string; status: 'updated' | 'unchanged' };

/**
 * Rows read, or decided, between two turns of the event loop: the API answers others meanwhile.
 * Measured in the test of a 20,000-row file (import-limits.e2e-spec.ts) on a slow day: 500 rows
 * read, or a batch of 250 decided, held the loop 0.4–1 s (the first ones, not yet compiled,
 * longest), and /health waited 2.5 s behind them on a loaded machine.
 */
const ROWS_BETWEEN_TURNS = 50;

async function readRows(sheet: Sheet, map: HeaderMap, today: LocalDate): Promise<ReadRow[]> {
  const reads: ReadRow[] = [];
  for (const row of sheet.rows) {
    if (reads.length > 0 && reads.length % ROWS_BETWEEN_TURNS === 0) await nextTurn();
    reads.push(readRow(row, map, today));
  }
  return reads;
}

/** A problem of the file as a whole (400), with the Japanese of its detail and of each error. */
function fileFailure(detail: string, detailJa: string, errors: Array<{ field: string; message: string; messageJa: string }>) {
  return new Failure('INVALID_INPUT', detail, { errors, detailJa });
}

@Injectable()
export class CaseloadImport {
  constructor(
    private readonly writer: ResidentWriter,
    private readonly ledger: ResidentLedger,
    private readonly duplicates: PossibleDuplicates,
    private readonly assignees: Assignees,
    private readonly employers: EmployersService,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
    private readonly seal: ReadModelSeal,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The read models must hold every earlier write: rows are matched against them. */
  private async projectionCaughtUp(organisationId: string): Promise<boolean> {
    return this.projection.caughtUp(organisationId, this.config.importWaitsForProjectionMs ?? DEFAULT_WAIT_FOR_PROJECTION_MS);
  }

  async run(caller: OrganisationCaller, sheet: Sheet, options: ImportOptions): Promise<ImportReport> {
    const map = headerMap(sheet.header);
    if (map.missing.length > 0)
      throw fileFailure(
        `A row must name the columns; missing: ${map.missing.map((field) => IMPORT_TEMPLATE[field].ja).join(', ')}.`,
        `列名の行に必要な列がありません: ${map.missing.map((field) => IMPORT_TEMPLATE[field].ja).join('、')}`,
        map.missing.map((field) => ({
          field: IMPORT_TEMPLATE[field].ja,
          message: `is a required column (or ${field})`,
          messageJa: `「${IMPORT_TEMPLATE[field].ja}」の列が必要です`,
        })),
      );
    const organisationId = caller.organisationId;
    const today = this.writer.today();
    // Matched against a caseload that has not yet taken in the last import, a row already written
    // would be refused as changed meanwhile: the file waits, or is refused whole.
    if (!(await this.projectionCaughtUp(organisationId))) throw projectionBehind();
    const reads = await readRows(sheet, map, today);
    const people = reads.flatMap((read) => (read.registration === null ? [] : [read.registration]));
    const [index, samePeople, employers] = await Promise.all([
      loadCaseloadIndex(this.dataSource, this.seal, this.assignees, organisationId),
      this.duplicates.among(organisationId, people),
      ImportEmployers.load(this.employers, caller),
    ]);
    const context: RunContext = {
      caller,
      organisationId,
      today,
      map,
      index,
      samePeople,
      options,
      seenRefs: new Map(),
      seenPeople: new Map(),
      seenCards: new Map(),
      employers,
      notes: new Map(),
    };
    const results: RowResult[] = [];
    for (let start = 0; start < sheet.rows.length; start += BATCH) {
      const batch = reads.slice(start, start + BATCH);
      if (!options.dryRun) await this.createEmployers(context, batch);
      const planned: Planned[] = [];
      for (const read of batch) {
        if (planned.length > 0 && planned.length % ROWS_BETWEEN_TURNS === 0) await nextTurn();
        planned.push(this.plan(context, read));
      }
      const settled = await this.settle(context, planned);
      const written = options.dryRun ? settled.map(resultOf) : await this.writeBatch(context, settled);
      results.push(...written.map((result) => withNotes(context, result)));
      options.onProgress?.(Math.min(start + BATCH, sheet.rows.length), sheet.rows.length);
    }
    // The answer says the rows are on the lists: the next list read, or the next file, finds them.
    if (!options.dryRun && results.some((result) => result.status === 'created' || result.status === 'updated'))
      await this.projectionCaughtUp(organisationId);
    const count = (status: RowStatus) => results.filter((result) => result.status === status).length;
    const counts = { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), errors: count('error') };
    return {
      dryRun: options.dryRun,
      format: sheet.format,
      encoding: sheet.encoding,
      rows: results.length,
      ...counts,
      ignoredColumns: [...map.ignored, ...map.repeated],
      columns: (Object.keys(map.columns) as ImportField[]).map((field) => ({
        column: map.headers[field]!,
        field,
        columnJa: IMPORT_TEMPLATE[field].ja,
      })),
      headerRow: sheet.headerRow,
      summaryJa:
        `${results.length} 行${options.dryRun ? 'を確認しました（まだ取り込んでいません）' : 'を取り込みました'}: ` +
        `新規 ${counts.created} 件、更新 ${counts.updated} 件、変更なし ${counts.unchanged} 件、エラー ${counts.errors} 件`,
      results,
    };
  }

  /**
   * The real run records the employers its rows name that are not on record yet, before the
   * rows are written (they name the records); a row whose own cells are wrong records none.
   */
  private async createEmployers(context: RunContext, reads: readonly ReadRow[]): Promise<void> {
    for (const read of reads) {
      if (read.errors.length > 0 || read.registration === null) continue;
      const link = this.employerOf(context, read);
      if (link === null) continue;
      try {
        await context.employers.create(link);
      } catch (error) {
        if (!(error instanceof Failure)) throw error;
        read.errors.push(
          rowError(context.map, 'employer', `The employer cannot be recorded: ${error.detail}`, employerRefusedJa(error.facts.code)),
        );
      }
    }
  }

  /** The employer record a row names; null when it names none, or with the row's error when its 法人番号 is not one. */
  private employerOf(context: RunContext, read: ReadRow): EmployerLink | null {
    if (read.employer === null) return null;
    const { name, corporateNumber } = read.employer;
    if (corporateNumber !== null && !ImportEmployers.valid(corporateNumber)) {
      if (!read.errors.some((error) => error.field === 'employerCorporateNumber'))
        read.errors.push(
          rowError(
            context.map,
            'employerCorporateNumber',
            `「${corporateNumber}」 is not a 法人番号 (13 digits with its check digit)`,
            `「${corporateNumber}」は法人番号（13 桁）ではありません`,
          ),
        );
      return null;
    }
    return context.employers.link(name, corporateNumber);
  }

  /** What the row would do, judged against the ledger as read at the start and the rows above it. */
  private plan(context: RunContext, read: ReadRow): Planned {
    const { map, index, samePeople, options } = context;
    const warnings = [...read.warnings];
    let assignedTo: string | undefined;
    if (read.assignee !== null) {
      assignedTo = index.assignees.named(read.assignee);
      // Never a reason to refuse the person: the row comes in with nobody in charge.
      if (assignedTo === undefined)
        warnings.push(
          rowError(
            map,
            'assignedTo',
            `「${read.assignee}」 is no enabled caseworker or manager here (by name, family name or e-mail): imported with nobody in charge`,
            `「${read.assignee}」に当たる職員（氏名・姓・メールアドレス）がいないため、担当者なしで取り込みます`,
            'ASSIGNEE_UNKNOWN',
          ),
        );
    }
    const employer = this.employerOf(context, read);
    const errors = [...read.errors];
    const error = (field: ImportField, message: string, messageJa: string, code?: string) =>
      errors.push(rowError(map, field, message, messageJa, code));
    context.notes.set(read.row, {
      warnings,
      ...(employer !== null ? { employer: { name: employer.name, match: employer.match, link: employer } } : {}),
    });
    if (read.registration === null || errors.length > 0) return { kind: 'error', row: read.row, errors };
    const employerRef = employer === null ? undefined : (employer.id ?? employer.name);
    const registration: RegistrationDetails = {
      ...read.registration,
      ...(assignedTo ? { assignedTo } : {}),
      ...(employerRef !== undefined ? { employer: employerRef } : {}),
    };
    const existing = withEmployer(read.existing, employerRef);
    const person = personKey(registration);
    const card = existing?.data.card?.number;

    const sameRef = read.externalRef === null ? undefined : context.seenRefs.get(read.externalRef);
    if (sameRef !== undefined) error('externalRef', `is also on row ${sameRef}`, `${sameRef} 行目と同じ管理番号です`);
    const samePerson = read.externalRef === null ? context.seenPeople.get(person) : undefined;
    if (samePerson !== undefined)
      error(
        'fullName',
        `is the same person as row ${samePerson} (name, date of birth, nationality)`,
        `${samePerson} 行目と同じ人です（氏名・生年月日・国籍が同じ）`,
        'POSSIBLE_DUPLICATE',
      );
    const sameCard = card === undefined ? undefined : context.seenCards.get(card);
    if (sameCard !== undefined)
      error('cardNumber', `is also on row ${sameCard}`, `${sameCard} 行目と同じ在留カード番号です`, 'CARD_NUMBER_IN_USE');
    if (read.externalRef !== null) context.seenRefs.set(read.externalRef, read.row);
    else context.seenPeople.set(person, read.row);
    if (card !== undefined) context.seenCards.set(card, read.row);
    if (errors.length > 0) return { kind: 'error', row: read.row, errors };

    const holder = card === undefined ? undefined : index.cardHolders.get(card);
    // The card's holder born the same day is the same person, whatever the name became (a
    // Shift_JIS save writes Nguy?n for Nguyễn), unless the two name different references.
    const holding = holder === undefined ? undefined : index.residents.get(holder);
    const sameHolder =
      holding !== undefined &&
      holding.dateOfBirth === registration.dateOfBirth &&
      (holding.externalRef === null || read.externalRef === null || holding.externalRef === read.externalRef)
        ? holding
        : undefined;
    const known = (read.externalRef !== null ? index.byExternalRef.get(read.externalRef) : samePeople.get(person)) ?? sameHolder;
    if (known === undefined && read.externalRef !== null && !options.confirm) {
      const other = samePeople.get(person);
      if (other !== undefined)
        error(
          'fullName',
          `${other.fullName} (${other.residentId}) has the same name, date of birth and nationality; import with ?confirm=true if this is another person`,
          `${other.fullName} さんと氏名・生年月日・国籍が同じです。同じ人であれば管理番号を台帳に合わせ、別人であれば別人として取り込む指定をして取り込み直してください`,
          'POSSIBLE_DUPLICATE',
        );
    }
    if (holder !== undefined && holder !== known?.residentId)
      error(
        'cardNumber',
        `Card ${card} belongs to another resident of this organisation`,
        `在留カード ${card} はこの組織の別の在留者のものです`,
        'CARD_NUMBER_IN_USE',
      );
    if (errors.length > 0) return { kind: 'error', row: read.row, errors };

    if (known !== undefined) return { kind: 'match', row: read.row, residentId: known.residentId, read, registration, existing };
    // The same file imported again, even concurrently, names the same resident.
    const residentId = read.externalRef !== null ? uuidFromName(`import:${context.organisationId}:${read.externalRef}`) : randomUUID();
    const support = supportFact(read, existing, employerRef);
    const facts: RecordableEvent[] = [...(existing === null ? [] : [existing]), ...(support === null ? [] : [support])];
    const fields: ImportField[] = ['dateOfBirth', ...facts.map(fieldOf)];
    try {
      this.writer.decideRegistration({ residentId, details: registration, facts }, context.today);
    } catch (error) {
      return refused(map, { row: read.row }, error, fields);
    }
    return { kind: 'create', row: read.row, residentId, details: registration, facts, fields };
  }

  /**
   * The rows of a batch compared with the residents' histories, read for the whole batch at once
   * as the writer loads them (owned, not erased). A new resident's id may name a stream already
   * (the same reference imported before, and erased since). A matched row that adds nothing is
   * done; one that adds corrections or a take-over is judged by the writer (a dry run) or written
   * by it, which compares the row again with the history as it is then.
   */
  private async settle(context: RunContext, planned: Planned[]): Promise<Planned[]> {
    const residents = planned.filter((plan) => plan.kind === 'match' || plan.kind === 'create');
    if (residents.length === 0) return planned;
    const histories = await this.ledger.loadMany(
      context.organisationId,
      residents.map((plan) => plan.residentId),
    );
    return planned.map((plan) => {
      if (plan.kind !== 'match' && plan.kind !== 'create') return plan;
      const history = histories.get(plan.residentId)!;
      if (plan.kind === 'create')
        return history instanceof ResidentFailure && history.reason === 'RESIDENT_ERASED' ? refused(context.map, plan, history, []) : plan;
      let facts: RecordableEvent[] = [];
      try {
        if (history instanceof ResidentFailure) throw history;
        facts = this.compare(context, plan, history);
        if (facts.length === 0) return { kind: 'done', row: plan.row, residentId: plan.residentId, status: 'unchanged' };
        if (context.options.dryRun) this.writer.decideFacts(history, facts, context.today);
        return plan;
      } catch (error) {
        return refused(context.map, plan, error, facts.map(fieldOf));
      }
    });
  }

  /**
   * What a matched row adds to the resident: corrections of the identity fields it fills (not a
   * name that lost letters), the take-over when the ledger did not follow the person yet, what
   * is new in the file about the status it follows, and the start of support.
   */
  private compare(context: RunContext, plan: Extract<Planned, { kind: 'match' }>, history: ResidentHistory): RecordableEvent[] {
    const { map, today } = context;
    const state = history.fold.stateAsOf(END_OF_TIME);
    const identity = state.identity as Record<string, unknown> | null;
    if (identity === null) throw new RowRefused(rowError(map, null, 'The resident cannot be read.', 'この在留者の記録を読み取れません。'));
    const fields = Object.fromEntries(
      Object.entries(plan.registration).filter(
        ([field, value]) => identity[field] !== value && !(typeof value === 'string' && hasLostLetters(value)),
      ),
    );
    const facts: RecordableEvent[] = [];
    if (Object.keys(fields).length > 0)
      facts.push({ type: 'DetailsCorrected', occurredOn: today, data: { fields, reason: `Imported spreadsheet (${today})` } });
    const existing = plan.existing;
    if (existing !== null)
      facts.push(...(state.stay === null && state.presence === 'not_arrived' ? [existing] : newStatusFacts(map, state, existing)));
    const support = state.ssw.support === null ? supportFact(plan.read, existing, plan.registration.employer) : null;
    return support === null ? facts : [...facts, support];
  }

  /**
   * The rows of a batch. The new residents go in one atomic write (each row's registration,
   * take-over and card claims, for the whole batch); should that be refused (a card claimed
   * meanwhile, the same file imported concurrently), every row is written again on its own,
   * so one row's conflict never costs another row its write.
   */
  private async writeBatch(context: RunContext, plans: Planned[]): Promise<RowResult[]> {
    const creates = plans.filter((plan) => plan.kind === 'create');
    let together = false;
    if (creates.length > 1) {
      try {
        await this.writer.registerAll(creates.map((plan) => this.registration(context, plan)));
        together = true;
      } catch (error) {
        const refused = [ResidentFailure, WrongExpectedVersionError, DuplicateEventError, PersonalDataErasedError];
        if (!refused.some((kind) => error instanceof kind)) throw error;
      }
    }
    const results: RowResult[] = [];
    for (const plan of plans) results.push(together && plan.kind === 'create' ? resultOf(plan) : await this.write(context, plan));
    return results;
  }

  private async write(context: RunContext, plan: Planned): Promise<RowResult> {
    if (plan.kind === 'create') {
      try {
        await this.writer.register(this.registration(context, plan));
      } catch (error) {
        return resultOf(refused(context.map, plan, error, plan.fields));
      }
    }
    if (plan.kind !== 'match') return resultOf(plan);
    let facts: RecordableEvent[] = [];
    try {
      const written = await this.writer.record({
        caller: context.caller,
        correlationId: context.options.correlationId,
        residentId: plan.residentId,
        facts: (history) => (facts = this.compare(context, plan, history)),
      });
      const status = written.eventIds.length > 0 ? 'updated' : 'unchanged';
      return resultOf({ kind: 'done', row: plan.row, residentId: plan.residentId, status });
    } catch (error) {
      return resultOf(refused(context.map, plan, error, facts.map(fieldOf)));
    }
  }

  private registration(context: RunContext, plan: Extract<Planned, { kind: 'create' }>): Registration {
    const { caller, options } = context;
    return { caller, correlationId: options.correlationId, residentId: plan.residentId, details: plan.details, facts: plan.facts };
  }
}

interface RunContext {
  caller: OrganisationCaller;
  organisationId: string;
  today: LocalDate;
  map: HeaderMap;
  index: CaseloadIndex;
  /** The open resident each row's person may be, as the ledger was at the start. */
  samePeople: SamePeople;
  options: ImportOptions;
  seenRefs: Map<string, number>;
  seenPeople: Map<string, number>;
  seenCards: Map<string, number>;
  employers: ImportEmployers;
  /** Each row's warnings and employer, for its result whatever becomes of the row. */
  notes: Map<number, RowNotes>;
}

interface RowNotes {
  warnings: RowError[];
  employer?: { name: string; match: EmployerLink['match']; link: EmployerLink };
}

/** The row's warnings and employer (its record id, once there is one) added to its result. */
function withNotes(context: RunContext, result: RowResult): RowResult {
  const notes = context.notes.get(result.row);
  if (notes === undefined) return result;
  const employer = notes.employer;
  return {
    ...result,
    ...(notes.warnings.length > 0 ? { warnings: notes.warnings } : {}),
    ...(employer
      ? { employer: { name: employer.name, match: employer.match, ...(employer.link.id ? { id: employer.link.id } : {}) } }
      : {}),
  };
}

function resultOf(plan: Planned): RowResult {
  switch (plan.kind) {
    case 'error':
      return { row: plan.row, status: 'error', ...(plan.residentId ? { residentId: plan.residentId } : {}), errors: plan.errors };
    case 'create':
      return { row: plan.row, status: 'created', residentId: plan.residentId };
    case 'match':
      return { row: plan.row, status: 'updated', residentId: plan.residentId };
    case 'done':
      return { row: plan.row, status: plan.status, residentId: plan.residentId };
  }
}

/** The column at fault when the decider refuses a row's fact. */
function fieldOf(fact: RecordableEvent): ImportField {
  switch (fact.type) {
    case 'DetailsCorrected':
      return 'fullName';
    case 'SupportStarted':
      return 'supportStartedOn';
    case 'ExtensionApplied':
    case 'PermanentResidenceApplied':
      return 'appliedOn';
    case 'ExtensionGranted':
      return 'periodExpiresOn';
    default:
      return 'status';
  }
}

/**
 * A row refused, as its error: the writer's failures (`fields`: the column of each fact it
 * decided, for a broken rule) as recording answers them, with the column at fault.
 */
function refused(map: HeaderMap, plan: { row: number; residentId?: string }, error: unknown, fields: readonly ImportField[]): Planned {
  const row = { kind: 'error' as const, row: plan.row, ...(plan.residentId ? { residentId: plan.residentId } : {}) };
  if (error instanceof RowRefused) return { ...row, errors: [error.error] };
  if (!(error instanceof ResidentFailure)) throw error;
  const { detail } = error;
  const { code } = error.facts;
  const { at } = error.residentFacts;
  const field = at !== undefined ? (fields[at] ?? null) : error.reason === 'CARD_NUMBER_IN_USE' ? 'cardNumber' : null;
  const message =
    error.reason === 'CONCURRENT_CHANGE' ? 'The resident changed while the file was imported: import the file again.' : detail;
  return { ...row, errors: [rowError(map, field, message, codeMessageJa(code ?? error.reason), code)] };
}
