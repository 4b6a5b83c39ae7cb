/**
 * Figure 3: the API's own query handlers on large read models. The rows are written in bulk as
 * the projector writes them (sealed-caseload.ts: each resident sealed with its own key, words
 * and card numbers hashed with the organisation's), from one real projected resident's status
 * timeline, because projecting a million lives would take this machine far longer than the
 * queries are worth; the queries, indexes and code paths are exactly the API's.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { addDays, type LocalDate } from '@zairyu/domain';
import { openReadModel, Projector, ReadModelSeal } from '@zairyu/read-model';
import { KeptFolds } from '@zairyu/resident-streams';
import { ProjectionHandle } from '../../apps/api/src/projection/read-your-writes.js';
import { ListDeadlines, ListDeadlinesHandler } from '../../apps/api/src/deadlines/list-deadlines.handler.js';
import { ListResidents, ListResidentsHandler } from '../../apps/api/src/residents/list-residents.handler.js';
import { GetResident, GetResidentHandler } from '../../apps/api/src/residents/resident-queries.js';
import { ResidentLedger } from '../../apps/api/src/residents/resident-ledger.service.js';
import { DisplayNames } from '../../apps/api/src/people/display-names.js';
import { OrganisationRegistrations } from '../../apps/api/src/employers/organisation-registration.js';
import { FEATURES } from '../../apps/api/src/features.js';
import { entitiesOf, migrationsOf } from '../../apps/api/src/bootstrap/feature-module.js';
import { cpuPerThousand, cpuTimes } from '../cpu-usage.js';
import { latencies, progress, report } from '../report.js';
import { resetSqlStats, writeSqlStats } from '../sql-statements.js';
import { loadWithoutIndexes } from './indexes-after-load.js';
import { benchPerson, fillSealedOrganisation } from './sealed-caseload.js';
import { BENCH_TODAY, openingStore } from './rebuild.js';

const FILLED_TABLES = [
  'read_model.resident_summary',
  'read_model.resident_search_token',
  'read_model.card_registry',
  'read_model.deadline',
];

/** `count` residents for each organisation, sealed and hashed as the projector writes them. */
async function fillOrganisations(
  pool: pg.Pool,
  seal: ReadModelSeal,
  organisations: string[],
  count: number,
  timeline: unknown,
): Promise<void> {
  const started = performance.now();
  for (const [n, organisationId] of organisations.entries()) {
    await fillSealedOrganisation(pool, seal, organisationId, n, count, timeline);
    if ((n + 1) % 10 === 0 || organisations.length < 10)
      progress(
        `read models: ${n + 1}/${organisations.length} organisations of ${count.toLocaleString('en')} residents, ${Math.round((performance.now() - started) / 1000)} s`,
      );
  }
}

export async function queriesFigure(
  pool: pg.Pool,
  databaseUrl: string,
  scale: { single: number; across: number; runs: number },
): Promise<void> {
  // The API's data source, with its features' tables (the deadlines list reads the organisation's own).
  const dataSource = await openReadModel(databaseUrl, { entities: entitiesOf(FEATURES), migrations: migrationsOf(FEATURES) });
  try {
    await measureQueries(pool, dataSource, scale);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * `latencies`, and the CPU each run took of this process (the handler's own work: opening
 * sealed rows, hashing words) and of PostgreSQL, which the machine's load moves far less than
 * the milliseconds.
 */
async function measured(pool: pg.Pool, name: string, runs: number, work: (i: number) => Promise<unknown>): Promise<void> {
  const before = await cpuTimes(pool);
  await latencies(name, runs, work);
  const used = await cpuPerThousand(pool, before, runs);
  report(`${name}: CPU of the bench process`, used.benchMs / 1000, 'ms/query', runs);
  if (used.postgresMs !== null) report(`${name}: CPU of PostgreSQL`, used.postgresMs / 1000, 'ms/query', runs);
}

async function measureQueries(pool: pg.Pool, dataSource: DataSource, scale: { single: number; across: number; runs: number }) {
  const [template] = (await pool.query('SELECT status_timeline FROM read_model.resident_summary LIMIT 1')).rows;
  // As in the API: each list read first checks that the projection has caught up with the log,
  // and streams are read through the sealed store (the import figure's residents are sealed).
  const store = await openingStore(pool);
  const seal = new ReadModelSeal(store.keys);
  const big = randomUUID();
  const many = Array.from({ length: 100 }, () => randomUUID());
  const filled = scale.single + scale.across;
  await resetSqlStats(pool);
  const cpu = await cpuTimes(pool);
  const started = performance.now();
  await loadWithoutIndexes(pool, FILLED_TABLES, async () => {
    await fillOrganisations(pool, seal, [big], scale.single, template.status_timeline);
    await fillOrganisations(pool, seal, many, Math.round(scale.across / 100), template.status_timeline);
    progress('read models written; building their indexes');
  });
  // A live projection's tables have been vacuumed by now (index-only scans need the visibility map).
  await pool.query(
    'VACUUM (ANALYZE) read_model.resident_summary, read_model.card_registry, read_model.deadline, read_model.resident_search_token, vault.resident_key',
  );
  // The load's pages written out now, not by the checkpointer while the queries are timed (a
  // superuser's command: skipped on a server where the bench is not one).
  await pool.query('CHECKPOINT').catch(() => undefined);
  report(
    'read models sealed and written (fill, not the projector)',
    filled / ((performance.now() - started) / 1000),
    'residents/s',
    filled,
  );
  const used = await cpuPerThousand(pool, cpu, filled);
  report('fill: CPU of the bench process', used.benchMs, 'ms/1k res', filled);
  if (used.postgresMs !== null) report('fill: CPU of PostgreSQL', used.postgresMs, 'ms/1k res', filled);
  await writeSqlStats(pool, 'queries-fill', filled, { unit: 'resident' });

  const projection = new ProjectionHandle(store, new Projector(pool, store, { seal }), null);
  const deadlines = new ListDeadlinesHandler(dataSource, projection, seal, new DisplayNames(pool), new OrganisationRegistrations(pool));
  const residents = new ListResidentsHandler(dataSource, projection, new DisplayNames(pool), seal);
  const today = BENCH_TODAY as LocalDate;
  const window = { from: today, to: addDays(today, 30), states: [], kinds: [], asOf: today, page: 1, pageSize: 50 };
  await checkAnswers(deadlines, residents, big, today, window);
  await resetSqlStats(pool);
  for (const [label, orgOf] of [
    [`${scale.single.toLocaleString('en')} residents in one organisation`, () => big],
    [
      `${(scale.single + scale.across).toLocaleString('en')} residents, an organisation of ${Math.round(scale.across / 100).toLocaleString('en')}`,
      (i: number) => many[i % 100]!,
    ],
  ] as const) {
    await measured(pool, `caseload deadlines next 30 days, first page (${label})`, scale.runs, (i) =>
      deadlines.execute(new ListDeadlines(orgOf(i), window)),
    );
    await measured(pool, `resident search by name prefix (${label})`, scale.runs, (i) =>
      residents.execute(new ListResidents(orgOf(i), { query: `NGUYEN AN ${(i % 9) + 1}` }, 1, 50, today)),
    );
    // One given name, as a caseworker types it: a tenth of the caseload matches, sorted and counted.
    await measured(pool, `resident search by one given name, a tenth match (${label})`, scale.runs, (i) =>
      residents.execute(new ListResidents(orgOf(i), { query: 'binh' }, 1, 50, today)),
    );
    // Card numbers as a caseworker types them (the registry keeps only their keyed hashes).
    const perOrganisation = orgOf(0) === big ? scale.single : Math.round(scale.across / 100);
    const cards = Array.from({ length: 1000 }, (_, k) => benchPerson(0, 1 + ((k * 7919) % perOrganisation)).cardNumber);
    await measured(pool, `resident search by card number (${label})`, scale.runs, (i) =>
      residents.execute(new ListResidents(orgOf(0), { query: cards[i % cards.length]! }, 1, 50, today)),
    );
  }

  // Status as of a date is answered from the resident's stream (always current): the written caseload.
  // Nothing kept between reads (KeptFolds(0)): each read folds the whole stream, as on a first read.
  const ledger = new ResidentLedger(store, new KeptFolds(0));
  const status = new GetResidentHandler(ledger, new DisplayNames(pool));
  const streams = (
    await pool.query(
      `SELECT organisation_id::text, resident_id::text FROM read_model.resident_summary s WHERE EXISTS (SELECT 1 FROM events e WHERE e.stream_id = 'resident-' || s.resident_id) LIMIT 1000`,
    )
  ).rows;
  await measured(pool, 'status as of a date (stream fold, 20-event stream)', scale.runs, (i) => {
    const row = streams[i % streams.length];
    return status.execute(new GetResident(row.organisation_id, row.resident_id, 'status', addDays('2025-01-01' as LocalDate, i % 700)));
  });
  await writeSqlStats(pool, 'queries', 9 * scale.runs, { unit: 'query' });
  report('read model residents', scale.single + scale.across, 'residents', 1);
  await explainQueries(pool, dataSource, projection, seal, big, today, window);
}

/**
 * The handlers find what the fill wrote, and open it: a fill whose seals or hashes differed from
 * the projector's would time empty pages (or unreadable names) instead of the real work.
 */
async function checkAnswers(
  deadlines: ListDeadlinesHandler,
  residents: ListResidentsHandler,
  organisationId: string,
  today: LocalDate,
  window: ConstructorParameters<typeof ListDeadlines>[1],
): Promise<void> {
  const page = await deadlines.execute(new ListDeadlines(organisationId, window));
  const person = benchPerson(0, 1);
  const byName = await residents.execute(new ListResidents(organisationId, { query: person.fullName }, 1, 50, today));
  const byCard = await residents.execute(new ListResidents(organisationId, { query: person.cardNumber }, 1, 50, today));
  const problems = [
    page.items.length === 50 && page.items.every((item) => item.residentName?.match(/^[A-Z]+ [A-Z]+ \d+$/)) ? null : 'deadline page',
    byName.items.some((item) => item.fullName === person.fullName) ? null : 'name search',
    byCard.total === 1 && byCard.items[0]?.fullName === person.fullName ? null : 'card search',
  ].filter((problem) => problem !== null);
  if (problems.length > 0)
    throw new Error(
      `the filled read models do not answer as projected rows would: ${problems.join(', ')} ${JSON.stringify({ deadline: page.items[0], deadlines: page.items.length, byName: byName.items.map((item) => item.fullName), byCard: byCard.total })}`,
    );
  progress(`read models answer: ${page.total} deadlines in 30 days, "${person.fullName}" found by name and by card`);
}

/**
 * The plans of the API's own statements, captured by running each handler once on a data
 * source that prefixes EXPLAIN ANALYZE: written to bench/results/explain.txt.
 */
async function explainQueries(
  pool: pg.Pool,
  dataSource: DataSource,
  projection: ProjectionHandle,
  seal: ReadModelSeal,
  organisationId: string,
  today: LocalDate,
  window: ConstructorParameters<typeof ListDeadlines>[1],
) {
  const plans: string[] = [];
  const explaining = {
    query: async (sql: string, params: unknown[]) => {
      const rows: Array<{ 'QUERY PLAN': string }> = await dataSource.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
      plans.push(`${sql.replace(/\s+/g, ' ').trim()}\n\n${rows.map((row) => row['QUERY PLAN']).join('\n')}\n`);
      return dataSource.query(sql, params);
    },
  } as unknown as DataSource;
  // The organisation's own deadlines (its registration; the bench's organisations have none).
  const registrations = new OrganisationRegistrations({
    query: async (sql: string, params: unknown[]) => ({ rows: await dataSource.query(sql, params) }),
  } as unknown as pg.Pool);
  // The names of the people in charge (the bench's residents have none: no query is made).
  const names = new DisplayNames({
    query: async (sql: string, params: unknown[]) => ({ rows: await dataSource.query(sql, params) }),
  } as unknown as pg.Pool);
  const card = benchPerson(0, 1).cardNumber;
  for (const [title, run] of [
    [
      'Caseload deadlines, next 30 days, first page',
      () => new ListDeadlinesHandler(explaining, projection, seal, names, registrations).execute(new ListDeadlines(organisationId, window)),
    ],
    [
      'Resident search by name prefix',
      () =>
        new ListResidentsHandler(explaining, projection, names, seal).execute(
          new ListResidents(organisationId, { query: 'NGUYEN AN 1' }, 1, 50, today),
        ),
    ],
    [
      'Resident search by one given name (a tenth of the caseload matches)',
      () =>
        new ListResidentsHandler(explaining, projection, names, seal).execute(
          new ListResidents(organisationId, { query: 'binh' }, 1, 50, today),
        ),
    ],
    [
      'Resident search by card number',
      () =>
        new ListResidentsHandler(explaining, projection, names, seal).execute(
          new ListResidents(organisationId, { query: card }, 1, 50, today),
        ),
    ],
  ] as const) {
    plans.push(`## ${title}\n`);
    await run();
  }
  plans.push(...(await organisationHeadPlans(pool, organisationId)));
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/explain.txt', plans.join('\n'));
  progress('query plans written to bench/results/explain.txt');
}

/**
 * Every list read first asks for the organisation's last event (read-your-writes). The store
 * sends it as a named prepared statement, which PostgreSQL may run with a generic plan after
 * five calls: both plans, as the session would run them.
 */
async function organisationHeadPlans(pool: pg.Pool, organisationId: string): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query(`PREPARE organisation_head(text) AS SELECT transaction_id::text AS transaction_text, position FROM events
      WHERE metadata->>'organisationId' = $1 ORDER BY transaction_id DESC, position DESC LIMIT 1`);
    const plans = ["## The organisation's last event (read-your-writes, before every list read)\n"];
    for (const mode of ['force_custom_plan', 'force_generic_plan']) {
      await client.query(`SET plan_cache_mode = ${mode}`);
      // A uuid made by this process: safe to write into the statement.
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN (ANALYZE, BUFFERS) EXECUTE organisation_head('${organisationId}')`,
      );
      plans.push(`plan_cache_mode = ${mode}\n\n${rows.map((row) => row['QUERY PLAN']).join('\n')}\n`);
    }
    await client.query('DEALLOCATE organisation_head; RESET plan_cache_mode');
    return plans;
  } finally {
    client.release();
  }
}
