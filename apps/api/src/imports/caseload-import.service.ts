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
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import {
  decide,
  END_OF_TIME,
  foldResident,
  japanDateOf,
  type LedgerEvent,
  type LocalDate,
  type RecordedEvent,
  type RegistrationDetails,
} from '@zairyu/domain';
import {
  DuplicateEventError,
  EVENT_STORE,
  WrongExpectedVersionError,
  type EventMetadata,
  type EventStore,
  type StoredEvent,
  type StreamAppend,
} from '@zairyu/event-store';
import { cardReservationStream, residentStream, toRecordedEvents } from '@zairyu/resident-streams';
import { recordedBy, type OrganisationCaller } from '../auth/principal.js';
import type { ProjectionHandle } from '../projection/read-your-writes.js';
import { CLOCK, DATA_SOURCE, PG_POOL, PROJECTION, type Clock } from '../bootstrap/tokens.js';
import { uuidFromName } from '../http/deterministic-uuid.js';
import { badRequest, ProblemException } from '../http/problem.js';
import { failureProblem } from '../residents/failure-problem.js';
import { ResidentFailure } from '../residents/resident-failure.js';
import { cardClaims } from '../residents/card-claims.js';
import { duplicateKey, loadCaseloadIndex, type CaseloadIndex } from './caseload-index.js';
import { plannedEvents, readRow, type ReadRow, type RowError } from './import-row.js';
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
  | { kind: 'create'; row: number; residentId: string; events: LedgerEvent[] }
  | { kind: 'match'; row: number; residentId: string; read: ReadRow; registration: RegistrationDetails };

type Written = { kind: 'done'; result: RowResult };

@Injectable()
export class CaseloadImport {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
    @Inject(CLOCK) private readonly clock: Clock,
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
    const today = japanDateOf(this.clock());
    await this.projection.caughtUp(organisationId);
    const index = await loadCaseloadIndex(this.dataSource, this.pool, organisationId);
    const context: RunContext = {
      caller,
      organisationId,
      today,
      map,
      index,
      options,
      seenRefs: new Map(),
      seenPeople: new Map(),
      seenCards: new Map(),
    };
    const results: RowResult[] = [];
    for (let start = 0; start < sheet.rows.length; start += BATCH) {
      const planned = sheet.rows.slice(start, start + BATCH).map((row) => this.plan(context, readRow(row, map, today)));
      const matched = planned.filter((plan) => plan.kind === 'match');
      const streams = matched.length > 0 ? await this.store.readStreams(matched.map((plan) => residentStream(plan.residentId))) : new Map();
      const settled = planned.map((plan) =>
        plan.kind === 'match' ? this.compare(context, plan, streams.get(residentStream(plan.residentId)) ?? []) : plan,
      );
      results.push(...(options.dryRun ? settled.map(dryResult) : await this.writeBatch(context, settled)));
      if (!options.dryRun) this.projection.nudge();
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
    const { map, index, options } = context;
    const errors = [...read.errors];
    const error = (field: ImportField, message: string, code?: string) =>
      errors.push({ column: map.headers[field] ?? null, field, message, ...(code ? { code } : {}) });
    let assignedTo: string | undefined;
    if (read.assignee !== null) {
      assignedTo = index.assignees.get(read.assignee.toLowerCase()) ?? index.assignees.get(read.assignee);
      if (assignedTo === undefined)
        error('assignedTo', `「${read.assignee}」 is not an enabled caseworker or manager here: write their e-mail`);
    }
    if (read.registration === null || errors.length > 0) return { kind: 'error', row: read.row, errors };
    const registration: RegistrationDetails = { ...read.registration, ...(assignedTo ? { assignedTo } : {}) };
    const person = duplicateKey(registration);
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

    const known = read.externalRef !== null ? index.byExternalRef.get(read.externalRef) : index.byPerson.get(person);
    if (known === undefined && read.externalRef !== null && !options.confirm) {
      const other = index.byPerson.get(person);
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
    const events = plannedEvents(residentId, { ...read, registration }, context.today);
    if (!events.ok) return { kind: 'error', row: read.row, errors: [withColumn(map, events.error)] };
    return { kind: 'create', row: read.row, residentId, events: events.events };
  }

  /** A row that matched a resident: the corrections and take-over it adds, nothing when it agrees. */
  private compare(context: RunContext, plan: Extract<Planned, { kind: 'match' }>, stored: StoredEvent[]): Planned | MatchPlan {
    const { map, today } = context;
    const history = toRecordedEvents(stored);
    const state = foldResident(history, END_OF_TIME);
    const identity = state.identity as Record<string, unknown> | null;
    if (identity === null)
      return { kind: 'error', row: plan.row, errors: [{ column: null, field: null, message: 'The resident cannot be read.' }] };
    const fields = Object.fromEntries(Object.entries(plan.registration).filter(([field, value]) => identity[field] !== value));
    const events: LedgerEvent[] = [];
    const recorded: RecordedEvent[] = [...history];
    const add = (decided: LedgerEvent[]) => {
      for (const event of decided) {
        events.push(event);
        recorded.push({ ...event, eventId: `planned-${recorded.length}`, version: recorded.length + 1 } as RecordedEvent);
      }
    };
    if (Object.keys(fields).length > 0) {
      const fact = { type: 'DetailsCorrected' as const, occurredOn: today, data: { fields, reason: `Imported spreadsheet (${today})` } };
      const decided = decide({ type: 'RecordFact', fact, today }, recorded);
      if (!decided.ok)
        return { kind: 'error', row: plan.row, residentId: plan.residentId, errors: [rule(map, 'fullName', decided.rejection)] };
      add(decided.events);
    }
    const existing = plan.read.existing;
    if (existing !== null) {
      if (state.stay === null && state.presence === 'not_arrived') {
        const decided = decide({ type: 'RecordFact', fact: existing, today }, recorded);
        if (!decided.ok)
          return { kind: 'error', row: plan.row, residentId: plan.residentId, errors: [rule(map, 'status', decided.rejection)] };
        add(decided.events);
      } else {
        const stay = state.stay;
        const card = existing.data.card?.number;
        const same =
          stay !== null &&
          stay.status === existing.data.status &&
          (existing.data.periodExpiresOn === undefined || stay.periodExpiresOn === existing.data.periodExpiresOn) &&
          (card === undefined || state.cards.at(-1)?.number === card);
        if (!same) {
          const now = stay === null ? 'no status' : `${stay.status}${stay.periodExpiresOn ? ` until ${stay.periodExpiresOn}` : ''}`;
          return {
            kind: 'error',
            row: plan.row,
            residentId: plan.residentId,
            errors: [
              {
                column: map.headers.status ?? null,
                field: 'status',
                code: 'ALREADY_FOLLOWED',
                message: `The ledger already follows this resident (${now}, card ${state.cards.at(-1)?.number ?? 'none'}): record what changed since as events (ExtensionGranted, CardIssued, …)`,
              },
            ],
          };
        }
      }
    }
    return { kind: 'matched', row: plan.row, residentId: plan.residentId, events, stored };
  }

  /**
   * The rows of a batch. The new residents go in one atomic append (each row's registration,
   * take-over and card claims, for the whole batch); should that be refused (a card claimed
   * meanwhile, the same file imported concurrently), every row is written again on its own,
   * so one row's conflict never costs another row its write.
   */
  private async writeBatch(context: RunContext, plans: Array<Planned | MatchPlan>): Promise<RowResult[]> {
    const creates = plans.filter((plan): plan is Extract<Planned, { kind: 'create' }> => plan.kind === 'create');
    let together = false;
    if (creates.length > 1) {
      try {
        await this.appendCreates(context, creates);
        together = true;
      } catch (error) {
        if (!(
          error instanceof ResidentFailure ||
          error instanceof ProblemException ||
          error instanceof WrongExpectedVersionError ||
          error instanceof DuplicateEventError
        ))
          throw error;
      }
    }
    const results: RowResult[] = [];
    for (const plan of plans) results.push(together && plan.kind === 'create' ? dryResult(plan) : (await this.write(context, plan)).result);
    return results;
  }

  private async appendCreates(context: RunContext, creates: Array<Extract<Planned, { kind: 'create' }>>): Promise<void> {
    const metadata = metadataOf(context);
    const reservations = creates.flatMap((plan) =>
      plan.events.flatMap((event) => {
        const number = (event.data as { card?: { number?: string } }).card?.number;
        return number === undefined ? [] : [cardReservationStream(context.organisationId, number)];
      }),
    );
    const read = reservations.length > 0 ? await this.store.readStreams(reservations) : new Map<string, StoredEvent[]>();
    const prefetched = { readStream: async (streamId: string) => read.get(streamId) ?? this.store.readStream(streamId) };
    const writes: StreamAppend[] = [];
    for (const plan of creates) {
      const claims = await cardClaims(
        {
          store: prefetched,
          organisationId: context.organisationId,
          residentId: plan.residentId,
          stored: [],
          metadata,
          recordOf: async (holder) => this.store.readStream(residentStream(holder)),
        },
        plan.events,
      );
      writes.push(
        { streamId: residentStream(plan.residentId), events: newEvents(plan.events, metadata), expected: 'no_stream' },
        ...claims,
      );
    }
    await this.store.appendToStreams(writes);
  }

  private async write(context: RunContext, plan: Planned | MatchPlan): Promise<Written> {
    if (plan.kind === 'error' || plan.kind === 'match') return { kind: 'done', result: dryResult(plan) };
    if (plan.kind === 'matched' && plan.events.length === 0) return { kind: 'done', result: dryResult(plan) };
    const metadata = metadataOf(context);
    const stream = residentStream(plan.residentId);
    const stored = plan.kind === 'matched' ? plan.stored : [];
    const expected = plan.kind === 'matched' ? stored.at(-1)!.version : ('no_stream' as const);
    try {
      await this.store.serialised(stream, async () => {
        const claims = await cardClaims(
          {
            store: this.store,
            organisationId: context.organisationId,
            residentId: plan.residentId,
            stored,
            metadata,
            recordOf: async (holder) => this.store.readStream(residentStream(holder)),
          },
          plan.events,
        );
        await this.store.appendToStreams([
          {
            streamId: stream,
            events: newEvents(plan.events, metadata),
            expected,
          },
          ...claims,
        ]);
      });
    } catch (error) {
      if (error instanceof ResidentFailure || error instanceof ProblemException) {
        const { detail, code } = error instanceof ResidentFailure ? failureProblem(error) : error.problem;
        return failed(plan, {
          column: context.map.headers.cardNumber ?? null,
          field: 'cardNumber',
          message: detail,
          ...(code ? { code } : {}),
        });
      }
      if (error instanceof WrongExpectedVersionError)
        return failed(plan, {
          column: null,
          field: null,
          message: 'The resident changed while the file was imported: import the file again.',
          code: 'CONCURRENT_CHANGE',
        });
      throw error;
    }
    return { kind: 'done', result: dryResult(plan) };
  }
}

interface RunContext {
  caller: OrganisationCaller;
  organisationId: string;
  today: LocalDate;
  map: HeaderMap;
  index: CaseloadIndex;
  options: ImportOptions;
  seenRefs: Map<string, number>;
  seenPeople: Map<string, number>;
  seenCards: Map<string, number>;
}

type MatchPlan = { kind: 'matched'; row: number; residentId: string; events: LedgerEvent[]; stored: StoredEvent[] };

function metadataOf(context: RunContext): EventMetadata {
  return {
    recordedBy: recordedBy(context.caller),
    organisationId: context.organisationId,
    correlationId: context.options.correlationId,
    causationId: null,
  };
}

function newEvents(events: readonly LedgerEvent[], metadata: EventMetadata) {
  return events.map((event) => ({ eventId: randomUUID(), type: event.type, occurredOn: event.occurredOn, data: event.data, metadata }));
}

function dryResult(plan: Planned | MatchPlan): RowResult {
  switch (plan.kind) {
    case 'error':
      return { row: plan.row, status: 'error', ...(plan.residentId ? { residentId: plan.residentId } : {}), errors: plan.errors };
    case 'create':
      return { row: plan.row, status: 'created', residentId: plan.residentId };
    case 'matched':
      return { row: plan.row, status: plan.events.length > 0 ? 'updated' : 'unchanged', residentId: plan.residentId };
    case 'match':
      return { row: plan.row, status: 'unchanged', residentId: plan.residentId };
  }
}

function failed(plan: { row: number; residentId: string }, error: RowError): Written {
  return { kind: 'done', result: { row: plan.row, status: 'error', residentId: plan.residentId, errors: [error] } };
}

function withColumn(map: HeaderMap, error: RowError): RowError {
  return { ...error, column: error.field === null ? null : (map.headers[error.field] ?? null) };
}

function rule(map: HeaderMap, field: ImportField, rejection: { code: string; message: string }): RowError {
  return { column: map.headers[field] ?? null, field, message: rejection.message, code: rejection.code };
}
