/**
 * POST /v1/imports: a caseload spreadsheet brought into the ledger (docs/api-v1.md additions of
 * 2026-11-23). Each row is judged on its own and written on its own (all or nothing per row:
 * the registration, the take-over fact and the card-number claims go in one append); a dry run
 * judges every row the same way and writes nothing. A row is matched to a resident already in
 * the ledger by `externalRef` (管理番号), or, when it has none, by name, date of birth and
 * nationality, so importing the same file twice creates nobody new. A matched row corrects the
 * identity fields it fills (DetailsCorrected; blank cells erase nothing) and takes the case
 * over if the ledger did not follow the person yet; a status that differs from what the ledger
 * already follows is an error, because what happened since is recorded as its own events.
 */
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { END_OF_TIME, type LocalDate, type RecordableEvent, type RegistrationDetails } from '@zairyu/domain';
import { DuplicateEventError, WrongExpectedVersionError } from '@zairyu/event-store';
import { PersonalDataErasedError } from '@zairyu/resident-streams';
import type { OrganisationCaller } from '../auth/principal.js';
import type { ProjectionHandle } from '../projection/read-your-writes.js';
import { DATA_SOURCE, PROJECTION } from '../bootstrap/tokens.js';
import { uuidFromName } from '../http/deterministic-uuid.js';
import { badRequest } from '../http/problem.js';
import { failureProblem } from '../residents/failure-problem.js';
import { ResidentFailure } from '../residents/resident-failure.js';
import { ResidentLedger, type ResidentHistory } from '../residents/resident-ledger.service.js';
import { ResidentWriter, type Registration } from '../residents/resident-writer.js';
import { Assignees } from '../people/assignment.js';
import { personKey, PossibleDuplicates, type SamePeople } from '../residents/possible-duplicates.js';
import { loadCaseloadIndex, type CaseloadIndex } from './caseload-index.js';
import { readRow, type ReadRow, type RowError } from './import-row.js';
import { headerMap, IMPORT_TEMPLATE, type HeaderMap, type ImportField } from './import-template.js';
import type { Sheet } from './spreadsheet-file.js';

export type RowStatus = 'created' | 'updated' | 'unchanged' | 'error';

export interface RowResult {
  row: number;
  status: RowStatus;
  residentId?: string;
  errors?: RowError[];
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
  results: RowResult[];
}

export interface ImportOptions {
  dryRun: boolean;
  /** Import rows that look like an open resident with another external reference (else POSSIBLE_DUPLICATE). */
  confirm: boolean;
  correlationId: string;
  onProgress?: (processed: number, total: number) => void;
}

/** Rows judged (and written) between two progress reports. */
const BATCH = 250;
export const MAX_IMPORT_ROWS = 20_000;

type Planned =
  | { kind: 'error'; row: number; errors: RowError[]; residentId?: string }
  | { kind: 'create'; row: number; residentId: string; details: RegistrationDetails; facts: RecordableEvent[] }
  | { kind: 'match'; row: number; residentId: string; read: ReadRow; registration: RegistrationDetails }
  | { kind: 'done'; row: number; residentId: string; status: 'updated' | 'unchanged' };

/** Why a row that matched a resident is not imported, found by comparing it with the resident's history. */
class RowRefused extends Error {
  constructor(readonly error: RowError) {
    super(error.message);
  }
}

@Injectable()
export class CaseloadImport {
  constructor(
    private readonly writer: ResidentWriter,
    private readonly ledger: ResidentLedger,
    private readonly duplicates: PossibleDuplicates,
    private readonly assignees: Assignees,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
  ) {}

  async run(caller: OrganisationCaller, sheet: Sheet, options: ImportOptions): Promise<ImportReport> {
    const map = headerMap(sheet.header);
    if (map.missing.length > 0)
      throw badRequest(
        `The first row must name the columns; missing: ${map.missing.map((field) => IMPORT_TEMPLATE[field].ja).join(', ')}.`,
        map.missing.map((field) => ({ field: IMPORT_TEMPLATE[field].ja, message: `is a required column (or ${field})` })),
      );
    if (sheet.rows.length > MAX_IMPORT_ROWS)
      throw badRequest(`At most ${MAX_IMPORT_ROWS} rows per file; this one has ${sheet.rows.length}.`, [
        { field: 'file', message: `must have at most ${MAX_IMPORT_ROWS} rows` },
      ]);
    const organisationId = caller.organisationId;
    const today = this.writer.today();
    await this.projection.caughtUp(organisationId);
    const reads = sheet.rows.map((row) => readRow(row, map, today));
    const people = reads.flatMap((read) => (read.registration === null ? [] : [read.registration]));
    const [index, samePeople] = await Promise.all([
      loadCaseloadIndex(this.dataSource, this.assignees, organisationId),
      this.duplicates.among(organisationId, people),
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
    };
    const results: RowResult[] = [];
    for (let start = 0; start < sheet.rows.length; start += BATCH) {
      const planned = reads.slice(start, start + BATCH).map((read) => this.plan(context, read));
      const settled = await this.settle(context, planned);
      results.push(...(options.dryRun ? settled.map(resultOf) : await this.writeBatch(context, settled)));
      options.onProgress?.(Math.min(start + BATCH, sheet.rows.length), sheet.rows.length);
    }
    const count = (status: RowStatus) => results.filter((result) => result.status === status).length;
    return {
      dryRun: options.dryRun,
      format: sheet.format,
      encoding: sheet.encoding,
      rows: results.length,
      created: count('created'),
      updated: count('updated'),
      unchanged: count('unchanged'),
      errors: count('error'),
      ignoredColumns: [...map.ignored, ...map.repeated],
      results,
    };
  }

  /** What the row would do, judged against the ledger as read at the start and the rows above it. */
  private plan(context: RunContext, read: ReadRow): Planned {
    const { map, index, samePeople, options } = context;
    const errors = [...read.errors];
    const error = (field: ImportField, message: string, code?: string) =>
      errors.push({ column: map.headers[field] ?? null, field, message, ...(code ? { code } : {}) });
    let assignedTo: string | undefined;
    if (read.assignee !== null) {
      assignedTo = index.assignees.named(read.assignee);
      if (assignedTo === undefined)
        error('assignedTo', `「${read.assignee}」 is not an enabled caseworker or manager here: write their e-mail`);
    }
    if (read.registration === null || errors.length > 0) return { kind: 'error', row: read.row, errors };
    const registration: RegistrationDetails = { ...read.registration, ...(assignedTo ? { assignedTo } : {}) };
    const person = personKey(registration);
    const card = read.existing?.data.card?.number;

    const sameRef = read.externalRef === null ? undefined : context.seenRefs.get(read.externalRef);
    if (sameRef !== undefined) error('externalRef', `is also on row ${sameRef}`);
    const samePerson = read.externalRef === null ? context.seenPeople.get(person) : undefined;
    if (samePerson !== undefined)
      error('fullName', `is the same person as row ${samePerson} (name, date of birth, nationality)`, 'POSSIBLE_DUPLICATE');
    const sameCard = card === undefined ? undefined : context.seenCards.get(card);
    if (sameCard !== undefined) error('cardNumber', `is also on row ${sameCard}`, 'CARD_NUMBER_IN_USE');
    if (read.externalRef !== null) context.seenRefs.set(read.externalRef, read.row);
    else context.seenPeople.set(person, read.row);
    if (card !== undefined) context.seenCards.set(card, read.row);
    if (errors.length > 0) return { kind: 'error', row: read.row, errors };

    const known = read.externalRef !== null ? index.byExternalRef.get(read.externalRef) : samePeople.get(person);
    if (known === undefined && read.externalRef !== null && !options.confirm) {
      const other = samePeople.get(person);
      if (other !== undefined)
        error(
          'fullName',
          `${other.fullName} (${other.residentId}) has the same name, date of birth and nationality; import with ?confirm=true if this is another person`,
          'POSSIBLE_DUPLICATE',
        );
    }
    const holder = card === undefined ? undefined : index.cardHolders.get(card);
    if (holder !== undefined && holder !== known?.residentId)
      error('cardNumber', `Card ${card} belongs to another resident of this organisation`, 'CARD_NUMBER_IN_USE');
    if (errors.length > 0) return { kind: 'error', row: read.row, errors };

    if (known !== undefined) return { kind: 'match', row: read.row, residentId: known.residentId, read, registration };
    // The same file imported again, even concurrently, names the same resident.
    const residentId = read.externalRef !== null ? uuidFromName(`import:${context.organisationId}:${read.externalRef}`) : randomUUID();
    const facts = read.existing === null ? [] : [read.existing];
    try {
      this.writer.decideRegistration({ residentId, details: registration, facts }, context.today);
    } catch (error) {
      return refused(map, { row: read.row }, error, CREATE_FIELDS);
    }
    return { kind: 'create', row: read.row, residentId, details: registration, facts };
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
        return history instanceof ResidentFailure && history.kind === 'RESIDENT_ERASED' ? refused(context.map, plan, history, []) : plan;
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

  /** What a matched row adds to the resident: corrections of the identity fields it fills, and the take-over. */
  private compare(context: RunContext, plan: Extract<Planned, { kind: 'match' }>, history: ResidentHistory): RecordableEvent[] {
    const { map, today } = context;
    const state = history.fold.stateAsOf(END_OF_TIME);
    const identity = state.identity as Record<string, unknown> | null;
    if (identity === null) throw new RowRefused({ column: null, field: null, message: 'The resident cannot be read.' });
    const fields = Object.fromEntries(Object.entries(plan.registration).filter(([field, value]) => identity[field] !== value));
    const facts: RecordableEvent[] = [];
    if (Object.keys(fields).length > 0)
      facts.push({ type: 'DetailsCorrected', occurredOn: today, data: { fields, reason: `Imported spreadsheet (${today})` } });
    const existing = plan.read.existing;
    if (existing === null) return facts;
    if (state.stay === null && state.presence === 'not_arrived') return [...facts, existing];
    const stay = state.stay;
    const card = existing.data.card?.number;
    const same =
      stay !== null &&
      stay.status === existing.data.status &&
      (existing.data.periodExpiresOn === undefined || stay.periodExpiresOn === existing.data.periodExpiresOn) &&
      (card === undefined || state.cards.at(-1)?.number === card);
    if (same) return facts;
    const now = stay === null ? 'no status' : `${stay.status}${stay.periodExpiresOn ? ` until ${stay.periodExpiresOn}` : ''}`;
    throw new RowRefused({
      column: map.headers.status ?? null,
      field: 'status',
      code: 'ALREADY_FOLLOWED',
      message: `The ledger already follows this resident (${now}, card ${state.cards.at(-1)?.number ?? 'none'}): record what changed since as events (ExtensionGranted, CardIssued, …)`,
    });
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
        return resultOf(refused(context.map, plan, error, CREATE_FIELDS));
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

/** The column at fault when the decider refuses a new resident's registration, or its take-over. */
const CREATE_FIELDS: readonly ImportField[] = ['dateOfBirth', 'status'];

/** The column at fault when the decider refuses a matched row's fact. */
function fieldOf(fact: RecordableEvent): ImportField {
  return fact.type === 'DetailsCorrected' ? 'fullName' : 'status';
}

/**
 * A row refused, as its error: the writer's failures (`fields`: the column of each fact it
 * decided, for a broken rule) as recording answers them, with the column at fault.
 */
function refused(map: HeaderMap, plan: { row: number; residentId?: string }, error: unknown, fields: readonly ImportField[]): Planned {
  const row = { kind: 'error' as const, row: plan.row, ...(plan.residentId ? { residentId: plan.residentId } : {}) };
  if (error instanceof RowRefused) return { ...row, errors: [error.error] };
  if (!(error instanceof ResidentFailure)) throw error;
  const { detail, code } = failureProblem(error);
  const { at } = error.facts;
  const field = at !== undefined ? (fields[at] ?? null) : error.kind === 'CARD_NUMBER_IN_USE' ? 'cardNumber' : null;
  const message = error.kind === 'CONCURRENT_CHANGE' ? 'The resident changed while the file was imported: import the file again.' : detail;
  return { ...row, errors: [{ column: field === null ? null : (map.headers[field] ?? null), field, message, ...(code ? { code } : {}) }] };
}
