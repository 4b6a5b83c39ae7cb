/**
 * Writes the re-derived rows of the residents a batch touched, changing only what changed: a
 * row that is new is inserted, one that differs is updated, one that is gone is deleted, and
 * an unchanged row is not written at all. A write to a resident with a long history (hundreds
 * of deadline rows) then costs PostgreSQL about what the write changed, not a delete and
 * re-insert of every row and its index entries (one tenant must not slow another).
 * The result is the same rows as a delete-and-insert, so a rebuild still compares equal.
 */
import type pg from 'pg';
import { preparedStatement } from '@zairyu/event-store';
import type { ReadModelSchema } from '../read-model-tables.js';
import { nameSortOf, type PersonalColumns, type ReadModelSeal } from '../sealing/read-model-seal.js';
import { personKey } from '../queries/resident-matches.js';
import { tokenPrefixes } from '../search/search-text.js';
import type { ResidentRows } from './resident-rows.js';
import { WrittenRows, type WritePlan } from './written-rows.js';
import { copyRows } from './copy-rows.js';

/** A column: its name in the table, its key in the rows sent, its SQL type. */
type Column = readonly [column: string, key: string, type: string];

interface Table {
  name: string;
  /** The primary key's columns, in order. */
  key: readonly string[];
  columns: readonly Column[];
}

const SUMMARY: Table = {
  name: 'resident_summary',
  key: ['organisation_id', 'resident_id'],
  columns: [
    ['organisation_id', 'organisationId', 'uuid'],
    ['resident_id', 'residentId', 'uuid'],
    ['nationality', 'nationality', 'text'],
    ['version', 'version', 'int'],
    ['status_timeline', 'statusTimeline', 'jsonb'],
    ['registered_at', 'registeredAt', 'timestamptz'],
    ['assigned_to', 'assignedTo', 'text'],
    ['sealed', 'sealed', 'bytea'],
    ['name_sort', 'nameSort', 'text'],
    ['person_key', 'personKey', 'text'],
    ['employer_key', 'employerKey', 'text'],
    ['closed', 'closed', 'boolean'],
    ['pending_application', 'pendingApplication', 'jsonb'],
    ['employer', 'employer', 'text'],
    ['ssw_panel', 'sswPanel', 'jsonb'],
  ],
};

const SEARCH_TOKENS: Table = {
  name: 'resident_search_token',
  key: ['organisation_id', 'token', 'resident_id'],
  columns: [
    ['organisation_id', 'o', 'uuid'],
    ['token', 't', 'text'],
    ['resident_id', 'r', 'uuid'],
  ],
};

const CARDS: Table = {
  name: 'card_registry',
  key: ['organisation_id', 'card_number'],
  columns: [
    ['organisation_id', 'organisationId', 'uuid'],
    ['card_number', 'cardNumber', 'text'],
    ['resident_id', 'residentId', 'uuid'],
  ],
};

const DEADLINES: Table = {
  name: 'deadline',
  key: ['organisation_id', 'resident_id', 'id'],
  columns: [
    ['organisation_id', 'organisationId', 'uuid'],
    ['id', 'id', 'text'],
    ['resident_id', 'residentId', 'uuid'],
    ['kind', 'kind', 'text'],
    ['created_on', 'createdOn', 'date'],
    ['opens_on', 'opensOn', 'date'],
    ['statutory_due_on', 'statutoryDueOn', 'date'],
    ['due_on', 'dueOn', 'date'],
    ['met_on', 'metOn', 'date'],
    ['void_on', 'voidOn', 'date'],
    ['source_event_id', 'sourceEventId', 'text'],
    ['owed_by', 'owedBy', 'text'],
    ['employer', 'employer', 'text'],
  ],
};

/** The statements for one table, made once per schema. */
function statements(schema: ReadModelSchema, table: Table) {
  const qualified = `${schema}.${table.name}`;
  const names = table.columns.map(([column]) => column);
  const keys = table.columns.filter(([column]) => table.key.includes(column));
  const values = table.columns.filter(([column]) => !table.key.includes(column));
  const onConflict =
    values.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${values.map(([column]) => `${column} = excluded.${column}`).join(', ')}
         WHERE (${values.map(([column]) => `${table.name}.${column}`).join(', ')})
           IS DISTINCT FROM (${values.map(([column]) => `excluded.${column}`).join(', ')})`;
  const keyArrays = (first: number) => table.key.map((column, i) => `$${first + i}::${keys.find(([name]) => name === column)![2]}[]`);
  const copyColumns = table.columns.map(([column, key, type]) => [column, key, type === 'jsonb'] as const);
  const upsert = `INSERT INTO ${qualified} (${names.join(', ')})
      SELECT * FROM unnest(${table.columns.map(([, , type], i) => `$${i + 1}::${type}[]`).join(', ')})`;
  return {
    // Rows of these residents that the new rows no longer hold; the new rows' keys as typed
    // arrays (an anti-join, no JSON to parse).
    deleteGone: `DELETE FROM ${qualified} AS old WHERE old.resident_id = ANY($1::uuid[])
      AND NOT EXISTS (SELECT 1 FROM unnest(${keyArrays(2).join(', ')}) AS kept(${table.key.join(', ')})
                      WHERE ${table.key.map((column) => `kept.${column} = old.${column}`).join(' AND ')})`,
    // Only a row that differs gets a new version (an unchanged one is locked, not rewritten).
    upsertChanged: `${upsert} ON CONFLICT (${table.key.join(', ')}) ${onConflict}`,
    /** Fresh rows whose keys cannot repeat, by COPY. */
    copy: (client: pg.PoolClient, rows: ReadonlyArray<Record<string, unknown>>) => copyRows(client, qualified, copyColumns, rows),
    /** One array per column, in column order (jsonb values as their text). */
    arraysOf: (rows: ReadonlyArray<Record<string, unknown>>) =>
      table.columns.map(([, key, type]) =>
        rows.map((row) => {
          const value = row[key] ?? null;
          return type === 'jsonb' && value !== null ? JSON.stringify(value) : value;
        }),
      ),
    /** One array per key column, in the key's order. */
    keyArraysOf: (rows: ReadonlyArray<Record<string, unknown>>) =>
      table.key.map((column) => rows.map((row) => row[keys.find(([name]) => name === column)![1]])),
  };
}

export class ResidentRowsWriter {
  private readonly tables;
  private readonly openUpdate: string;
  /** The digests of what this writer last wrote (the live projector's; a rebuild's fresh tables need none). */
  readonly written: WrittenRows;

  constructor(
    schema: ReadModelSchema,
    private readonly seal: ReadModelSeal,
    writtenResidents?: number,
  ) {
    this.tables = {
      summary: statements(schema, SUMMARY),
      tokens: statements(schema, SEARCH_TOKENS),
      cards: statements(schema, CARDS),
      deadlines: statements(schema, DEADLINES),
    };
    this.written = new WrittenRows(writtenResidents);
    // A null status timeline: unchanged (the column is never null).
    this.openUpdate = `UPDATE ${schema}.resident_summary AS s
      SET version = x.version, status_timeline = coalesce(x.status_timeline, s.status_timeline), assigned_to = x.assigned_to,
          closed = x.closed, pending_application = x.pending_application, employer = x.employer, ssw_panel = x.ssw_panel
      FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::jsonb[], $5::text[], $6::boolean[], $7::jsonb[], $8::text[], $9::jsonb[])
        AS x(organisation_id, resident_id, version, status_timeline, assigned_to, closed, pending_application, employer, ssw_panel)
      WHERE s.organisation_id = x.organisation_id AND s.resident_id = x.resident_id`;
  }

  /**
   * Makes the rows of `residentIds` exactly `rows` (a resident without rows loses all of its own),
   * sending only what changed since this writer last wrote them (written-rows.ts). Returns the
   * plan, for `written.remember` once the transaction committed.
   */
  async write(client: pg.PoolClient, residentIds: string[], rows: ResidentRows[]): Promise<WritePlan> {
    const plan = this.written.plan(residentIds, rows);
    const { summary, tokens, cards, deadlines } = this.tables;
    await this.replace(client, summary, plan.replaced.summaries, await this.summaryRows(plan.summaries));
    if (plan.openSummaries.length > 0) await this.updateOpen(client, plan.openSummaries);
    await this.replace(client, tokens, plan.replaced.tokens, this.tokenRows(plan.tokens));
    await this.replace(client, cards, plan.replaced.cards, this.cardRows(plan.cards));
    await this.replace(
      client,
      deadlines,
      plan.replaced.deadlines,
      plan.deadlines.map(({ rows: of, deadline }) => deadlineRow(of, deadline)),
    );
    return plan;
  }

  /**
   * Adds the rows of residents that have none yet (a rebuild's fresh tables, each resident
   * once): by COPY, with nothing to compare or delete; card numbers, which two residents may
   * claim, by one multi-row INSERT that keeps the later claim.
   */
  async insertFresh(client: pg.PoolClient, rows: ResidentRows[]): Promise<void> {
    const { summary, tokens, cards, deadlines } = this.tables;
    await summary.copy(client, await this.summaryRows(rows));
    await tokens.copy(client, this.tokenRows(rows));
    await deadlines.copy(
      client,
      rows.flatMap((row) => row.deadlines.map((deadline) => deadlineRow(row, deadline))),
    );
    // In key order: two loads side by side (load-by-resident.ts) that claim the same numbers then
    // lock them in one order, and one waits for the other rather than deadlocking.
    const cardRows = this.cardRows(rows).sort(
      (a, b) => compareText(a.organisationId, b.organisationId) || compareText(a.cardNumber, b.cardNumber),
    );
    if (cardRows.length > 0) await client.query(preparedStatement(cards.upsertChanged, cards.arraysOf(cardRows)));
  }

  /**
   * Summaries whose sealed and hashed values did not change: only their open columns are set
   * (and the status timeline where it changed), from typed arrays. Each row exists (its digest
   * is known): one that does not means the digests are wrong, and the batch is undone.
   */
  private async updateOpen(client: pg.PoolClient, summaries: WritePlan['openSummaries']): Promise<void> {
    const column = <T>(value: (row: ResidentRows['summary'], timeline: boolean) => T) =>
      summaries.map(({ rows, timeline }) => value(rows.summary, timeline));
    const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
    const { rowCount } = await client.query(
      preparedStatement(this.openUpdate, [
        column((s) => s.organisationId),
        column((s) => s.residentId),
        column((s) => s.version),
        column((s, timeline) => (timeline ? JSON.stringify(s.statusTimeline) : null)),
        column((s) => s.assignedTo),
        column((s) => s.closed),
        column((s) => json(s.pendingApplication)),
        column((s) => s.employer),
        column((s) => json(s.sswPanel)),
      ]),
    );
    if (rowCount !== summaries.length) throw new Error(`${summaries.length - (rowCount ?? 0)} summary rows to update were missing`);
  }

  /** The summary rows, personal values sealed and keys hashed. */
  private async summaryRows(rows: readonly ResidentRows[]) {
    if (rows.length === 0) return [];
    const keys = await this.seal.keysToSeal(new Map(rows.map((row) => [row.summary.residentId, row.summary.organisationId])));
    return rows.map((row) => {
      const { summary } = row;
      const personal: PersonalColumns = {
        fullName: summary.fullName,
        dateOfBirth: summary.dateOfBirth,
        gender: summary.gender,
        externalRef: summary.externalRef,
        notes: summary.notes,
        cardNumber: summary.cardNumber,
        profile: summary.profile,
      };
      return {
        organisationId: summary.organisationId,
        residentId: summary.residentId,
        nationality: summary.nationality,
        version: summary.version,
        statusTimeline: summary.statusTimeline,
        registeredAt: summary.registeredAt,
        assignedTo: summary.assignedTo,
        sealed: `\\x${this.seal.seal(keys, summary.residentId, personal).toString('hex')}`,
        nameSort: nameSortOf(summary.fullName),
        personKey: this.hash(row, personKey(summary)),
        employerKey: summary.profile.employer === null ? null : this.hash(row, summary.profile.employer),
        closed: summary.closed,
        pendingApplication: summary.pendingApplication,
        employer: summary.employer,
        sswPanel: summary.sswPanel,
      };
    });
  }

  /** The search words' rows, each word's prefixes hashed. */
  private tokenRows(rows: readonly ResidentRows[]) {
    return rows.flatMap((row) =>
      [...new Set(row.searchTokens.flatMap(tokenPrefixes).map((prefix) => this.hash(row, prefix)))].map((token) => ({
        o: row.summary.organisationId,
        r: row.summary.residentId,
        t: token,
      })),
    );
  }

  /**
   * The card registry's rows, numbers hashed. One holder per number and organisation
   * (reservations); should an orphaned claim ever leave two, the later row wins rather than the
   * projector stopping.
   */
  private cardRows(rows: readonly ResidentRows[]) {
    return [
      ...new Map(
        rows.flatMap((row) =>
          row.cardNumbers.map((cardNumber) => [
            `${row.summary.organisationId}/${cardNumber}`,
            { cardNumber: this.hash(row, cardNumber), organisationId: row.summary.organisationId, residentId: row.summary.residentId },
          ]),
        ),
      ).values(),
    ];
  }

  private hash(row: ResidentRows, text: string): string {
    return this.seal.hash(row.summary.organisationId, text);
  }

  /** Deletes the rows of `residentIds` that `rows` no longer hold, then inserts or updates those that differ. */
  private async replace(
    client: pg.PoolClient,
    table: ReturnType<typeof statements>,
    residentIds: string[],
    rows: ReadonlyArray<Record<string, unknown>>,
  ): Promise<void> {
    if (residentIds.length > 0) await client.query(preparedStatement(table.deleteGone, [residentIds, ...table.keyArraysOf(rows)]));
    if (rows.length > 0) await client.query(preparedStatement(table.upsertChanged, table.arraysOf(rows)));
  }
}

function deadlineRow(rows: ResidentRows, deadline: ResidentRows['deadlines'][number]) {
  return { ...deadline, organisationId: rows.summary.organisationId, residentId: rows.summary.residentId };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
