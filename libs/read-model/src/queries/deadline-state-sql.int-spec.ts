/**
 * DEADLINE_STATE_SQL (the caseload's filter, computed in PostgreSQL) against deadlineStateAsOf
 * (the domain): the same state for every deadline on every boundary date — the day before it
 * opens, the day it opens, the day before it is due, the due day, the day after, and the days
 * around its meeting or voiding.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { addDays, deadlineStateAsOf, type DeadlineRecord, type LocalDate } from '@zairyu/domain';
import { LIVE_SCHEMA, readModelTablesSql } from '../read-model-tables.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { DEADLINE_STATE_SQL } from './deadline-state-sql.js';

const ORG = randomUUID();
const RESIDENT = randomUUID();
const d = (text: string) => text as LocalDate;

/** opens 2026-04-01, due 2026-04-15 (statutory 2026-04-13, moved off a weekend), in every way it can end. */
const CASES: Array<Pick<DeadlineRecord, 'opensOn' | 'metOn' | 'voidOn'> & { name: string }> = [
  { name: 'never met', opensOn: d('2026-04-01'), metOn: null, voidOn: null },
  { name: 'met on the due day', opensOn: d('2026-04-01'), metOn: d('2026-04-15'), voidOn: null },
  { name: 'met the day after the due day', opensOn: d('2026-04-01'), metOn: d('2026-04-16'), voidOn: null },
  { name: 'met before it opened', opensOn: d('2026-04-01'), metOn: d('2026-03-20'), voidOn: null },
  { name: 'met on the day it opened', opensOn: d('2026-04-01'), metOn: d('2026-04-01'), voidOn: null },
  { name: 'void while open', opensOn: d('2026-04-01'), metOn: null, voidOn: d('2026-04-10') },
  { name: 'void after the due day', opensOn: d('2026-04-01'), metOn: null, voidOn: d('2026-04-20') },
  { name: 'void on the due day', opensOn: d('2026-04-01'), metOn: null, voidOn: d('2026-04-15') },
  { name: 'met, then void', opensOn: d('2026-04-01'), metOn: d('2026-04-12'), voidOn: d('2026-04-14') },
  { name: 'open from creation (no opensOn), met late', opensOn: null, metOn: d('2026-04-18'), voidOn: null },
  { name: 'open from creation (no opensOn), never met', opensOn: null, metOn: null, voidOn: null },
];

const record = (index: number): DeadlineRecord => ({
  id: `case-${index}`,
  kind: 'period_renewal',
  sourceEventId: `e${index}`,
  createdOn: d('2026-03-01'),
  statutoryDueOn: d('2026-04-13'),
  dueOn: d('2026-04-15'),
  metByEventId: null,
  ...CASES[index]!,
});

/** Each date a state may change on, with the day before and after it. */
function boundaryDates(deadline: DeadlineRecord): LocalDate[] {
  const edges = [deadline.opensOn, deadline.dueOn, deadline.metOn, deadline.voidOn, deadline.createdOn].filter((x) => x !== null);
  return [...new Set(edges.flatMap((edge) => [addDays(edge, -1), edge, addDays(edge, 1)]))].sort();
}

let database: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  // An idle connection the server closes (the database is dropped WITH (FORCE) at the end) is
  // not this file's failure; an unheard pool error failed the suite once after every test passed.
  pool.on('error', () => undefined);
  await pool.query(readModelTablesSql(LIVE_SCHEMA));
  for (let index = 0; index < CASES.length; index++) {
    const row = record(index);
    await pool.query(
      `INSERT INTO read_model.deadline (organisation_id, id, resident_id, kind, created_on, opens_on, statutory_due_on,
         due_on, met_on, void_on, source_event_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        ORG,
        row.id,
        RESIDENT,
        row.kind,
        row.createdOn,
        row.opensOn,
        row.statutoryDueOn,
        row.dueOn,
        row.metOn,
        row.voidOn,
        row.sourceEventId,
      ],
    );
  }
});
afterAll(async () => {
  await pool.end();
  await database.drop();
});

describe('DEADLINE_STATE_SQL equals deadlineStateAsOf on every boundary date (docs/domain-rules.md §6 states)', () => {
  test.each(CASES.map((c, index) => [c.name, index] as const))('%s: opens 2026-04-01, due 2026-04-15', async (_name, index) => {
    const deadline = record(index);
    const dates = boundaryDates(deadline);
    const fromSql: string[] = [];
    for (const asOf of dates) {
      const { rows } = await pool.query(
        `SELECT ${DEADLINE_STATE_SQL} AS state FROM read_model.deadline d WHERE d.organisation_id = $1 AND d.id = $2`,
        [ORG, deadline.id, asOf],
      );
      fromSql.push(`${asOf} ${rows[0].state}`);
    }
    expect(fromSql).toEqual(dates.map((asOf) => `${asOf} ${deadlineStateAsOf(deadline, asOf)}`));
  });

  test('the states seen across the cases are all six', () => {
    const seen = new Set(CASES.flatMap((_c, index) => boundaryDates(record(index)).map((asOf) => deadlineStateAsOf(record(index), asOf))));
    expect([...seen].sort()).toEqual(['met', 'met_late', 'open', 'overdue', 'upcoming', 'void']);
  });
});
