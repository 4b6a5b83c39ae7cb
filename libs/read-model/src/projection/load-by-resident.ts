/**
 * A rebuild's load of fresh tables, resident by resident: the log is read stream by stream
 * (StreamOrderedReads), so each resident is read, opened and folded once however its events
 * are spread over the log, and its rows are added with one multi-row INSERT per table and page.
 * Nothing of a resident is kept once its page is written (memory stays flat), and the secondary
 * indexes are built once at the end rather than entry by entry.
 */
import type pg from 'pg';
import {
  formatPosition,
  inTransaction,
  START_OF_LOG,
  type EventStore,
  type OrderedStream,
  type StreamOrderedReads,
} from '@zairyu/event-store';
import { RESIDENT_STREAM_PREFIX, residentIdOfStream } from '@zairyu/resident-streams';
import type { ReadModelSchema } from '../read-model-tables.js';
import type { ReadModelSeal } from '../sealing/read-model-seal.js';
import { RESIDENTS_PROJECTION } from './projector.js';
import { describeFault, isResidentFault, Quarantine, type QuarantinedResident } from './quarantine.js';
import { residentRows } from './resident-rows.js';
import { ResidentRowsWriter } from './resident-rows-writer.js';
import { rowsOf, writeEachApart, type Projected } from './rows-apart.js';

interface Page {
  events: number;
  lastStream: string;
  projected: Projected[];
  failed: QuarantinedResident[];
}

/** The resident streams after `after` (null: from the first) through `through` (null: to the last). */
export interface StreamRange {
  after: string | null;
  through: string | null;
}

/**
 * Loads one range of the streams into a fresh schema somewhere else (a worker thread of its own,
 * with its own connections and keys), reporting the events loaded so far; resolves with them all.
 */
export type RangeLoader = (range: StreamRange, pageEvents: number, onPage: (events: number) => void) => Promise<number>;

/**
 * Where the resident streams are cut in two when a second loader takes half: resident ids are
 * UUIDs, whose first hex digit spreads them evenly.
 */
const MIDDLE = `${RESIDENT_STREAM_PREFIX}8`;

/**
 * Fills `schema`'s fresh tables from every resident stream and sets its checkpoint to the log's
 * settled position as it was before the first read: every event up to it is in the rows, and the
 * projector carries on after it. Returns the events read.
 *
 * With `elsewhere`, the streams after the middle are loaded there while this thread loads those
 * before it: folding and writing rows is one thread's work, and a second one on another core
 * loaded a million events in about three quarters of the time (bench/README.md). Both ranges
 * end before the tables are finished; a failure in either fails the load once both have stopped.
 */
export async function loadByResident(
  pool: pg.Pool,
  store: EventStore & StreamOrderedReads,
  schema: ReadModelSchema,
  seal: ReadModelSeal,
  pageEvents: number,
  onPage: (events: number) => void,
  elsewhere?: RangeLoader,
): Promise<number> {
  const settled = await store.settledPosition();
  const indexes = await dropIndexesForLoad(pool, schema);
  const here: RangeLoader = (range, events, onRangePage) => loadRange(pool, store, schema, seal, events, range, onRangePage);
  let done: number;
  if (elsewhere === undefined) done = await here({ after: null, through: null }, pageEvents, onPage);
  else {
    const loaded = [0, 0];
    const ranges = await Promise.allSettled(
      [here, elsewhere].map((load, index) =>
        load(index === 0 ? { after: null, through: MIDDLE } : { after: MIDDLE, through: null }, pageEvents, (events) => {
          loaded[index] = events;
          onPage(loaded[0]! + loaded[1]!);
        }),
      ),
    );
    const failed = ranges.find((range) => range.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    done = ranges.reduce((sum, range) => sum + (range.status === 'fulfilled' ? range.value : 0), 0);
  }
  await finishLoadedTables(pool, schema, indexes);
  await pool.query(`INSERT INTO ${schema}.projection_checkpoint (name, position) VALUES ($1, $2)`, [
    RESIDENTS_PROJECTION,
    formatPosition(settled ?? START_OF_LOG),
  ]);
  return done;
}

/**
 * One range of the resident streams into `schema`'s fresh tables, page by page, with no index to
 * keep (loadByResident drops them first and builds them after). Returns the events read.
 */
export async function loadRange(
  pool: pg.Pool,
  store: EventStore & StreamOrderedReads,
  schema: ReadModelSchema,
  seal: ReadModelSeal,
  pageEvents: number,
  range: StreamRange,
  onPage: (events: number) => void,
): Promise<number> {
  const writer = new ResidentRowsWriter(schema, seal);
  const quarantine = new Quarantine(schema);
  const prepare = async (after: string | null): Promise<Page | null> => {
    const streams = await store.readStreamsAfter(RESIDENT_STREAM_PREFIX, after, pageEvents, range.through);
    return streams.length === 0 ? null : project(streams);
  };
  let done = 0;
  let next = prepare(range.after);
  for (;;) {
    const page = await next;
    if (page === null) break;
    // The next page is read and folded while this one is written.
    next = prepare(page.lastStream);
    try {
      await writePage(pool, writer, quarantine, page);
    } catch (error) {
      await next.catch(() => null);
      throw error;
    }
    done += page.events;
    onPage(done);
  }
  return done;
}

function project(streams: readonly OrderedStream[]): Page {
  const projected: Projected[] = [];
  const failed: QuarantinedResident[] = [];
  let events = 0;
  for (const stream of streams) {
    events += stream.events.length;
    const residentId = residentIdOfStream(stream.streamId)!;
    const organisationId = stream.events[0]?.metadata?.organisationId ?? null;
    const version = stream.events.at(-1)?.version ?? null;
    if (stream.unreadable !== undefined) {
      failed.push({ residentId, organisationId, version, error: describeFault(stream.unreadable) });
      continue;
    }
    try {
      const rows = residentRows(stream.events);
      // The deadline table's key is built after the load: a repeated id is this resident's fault here, not the whole rebuild's there.
      if (rows !== null && new Set(rows.deadlines.map(({ id }) => id)).size !== rows.deadlines.length)
        throw new Error('two of its deadlines have the same id');
      projected.push({ residentId, rows });
    } catch (error) {
      failed.push({ residentId, organisationId, version, error: describeFault(error) });
    }
  }
  return { events, lastStream: streams.at(-1)!.streamId, projected, failed };
}

/** A page's rows and quarantine in one transaction; rows refused for one resident's values, resident by resident. */
async function writePage(pool: pg.Pool, writer: ResidentRowsWriter, quarantine: Quarantine, page: Page): Promise<void> {
  const insert = (client: pg.PoolClient, residents: readonly Projected[]) => writer.insertFresh(client, rowsOf(residents)[1]);
  try {
    await inTransaction(pool, async (client) => {
      await insert(client, page.projected);
      await quarantine.update(client, page.failed, []);
    });
  } catch (error) {
    if (!isResidentFault(error)) throw error;
    await inTransaction(pool, async (client) => {
      const refused = await writeEachApart(client, page.projected, (one) => insert(client, one));
      await quarantine.update(client, [...page.failed, ...refused], []);
    });
  }
}

/**
 * Tables whose rows cannot repeat a key in a fresh load, so their primary keys too are built
 * once at the end, by a sort, rather than by one random insertion per row (a search word's key
 * starts with its hash): a resident is read once, its words are a set, its deadlines are
 * checked apart (`project`). The card registry keeps its key: two residents may claim one number.
 */
const KEYS_BUILT_AFTER = ['resident_summary', 'resident_search_token', 'deadline'];

/**
 * The indexes that back no constraint, and the primary keys of KEYS_BUILT_AFTER, dropped; the
 * statements that make them again returned by table, keys first.
 */
async function dropIndexesForLoad(pool: pg.Pool, schema: ReadModelSchema): Promise<Map<string, string[]>> {
  const { rows: keys } = await pool.query<{ table: string; name: string; definition: string }>(
    `SELECT t.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.connamespace = $1::regnamespace AND c.contype = 'p' AND t.relname = ANY($2::text[])`,
    [schema, KEYS_BUILT_AFTER],
  );
  const { rows: indexes } = await pool.query<{ tablename: string; indexname: string; indexdef: string }>(
    `SELECT i.tablename, i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.schemaname = $1
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)`,
    [schema],
  );
  const byTable = new Map<string, string[]>();
  const add = (table: string, statement: string) => byTable.set(table, [...(byTable.get(table) ?? []), statement]);
  for (const { table, name, definition } of keys) {
    await pool.query(`ALTER TABLE ${schema}.${table} DROP CONSTRAINT ${JSON.stringify(name)}`);
    add(table, `ALTER TABLE ${schema}.${table} ADD CONSTRAINT ${JSON.stringify(name)} ${definition}`);
  }
  for (const { tablename, indexname, indexdef } of indexes) {
    await pool.query(`DROP INDEX ${schema}.${JSON.stringify(indexname)}`);
    add(tablename, indexdef);
  }
  return byTable;
}

/**
 * Each loaded table vacuumed, its indexes built, then analyzed, before the tables are swapped in:
 * left to autovacuum, they were swapped in with no planner statistics and no visibility map (the
 * deadline index's index-only scans then read the heap), and a million fresh rows were vacuumed
 * later under the live load. Vacuumed first, the index builds read rows already marked committed
 * (in one run the search words' key took 1.7 s against 3.0, the deadlines' 1.0 against 2.4).
 * Two tables at a time: a build sorts on one core, and the load has ended, so the other would idle.
 */
async function finishLoadedTables(pool: pg.Pool, schema: ReadModelSchema, byTable: ReadonlyMap<string, readonly string[]>): Promise<void> {
  const tables = [...byTable];
  await Promise.all(
    [0, 1].map(async () => {
      for (let next = tables.shift(); next !== undefined; next = tables.shift()) {
        const [table, statements] = next;
        await pool.query(`VACUUM ${schema}.${table}`);
        for (const statement of statements) await pool.query(statement);
        await pool.query(`ANALYZE ${schema}.${table}`);
      }
    }),
  );
}
