/**
 * Figure 3: the API's own query handlers on large read models. The rows are written with SQL
 * (generate_series) from one real projected resident as a template, because projecting a
 * million lives would take this machine far longer than the queries are worth; the queries,
 * indexes and code paths are exactly the API's.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { addDays, type LocalDate } from '@zairyu/domain';
import { Projector, ReadModelSeal } from '@zairyu/read-model';
import { KeptFolds } from '@zairyu/resident-streams';
import { ProjectionHandle } from '../../apps/api/src/projection/read-your-writes.js';
import { ListDeadlines, ListDeadlinesHandler } from '../../apps/api/src/deadlines/list-deadlines.handler.js';
import { ListResidents, ListResidentsHandler } from '../../apps/api/src/residents/list-residents.handler.js';
import { GetResident, GetResidentHandler } from '../../apps/api/src/residents/resident-queries.js';
import { ResidentLedger } from '../../apps/api/src/residents/resident-ledger.service.js';
import { DisplayNames } from '../../apps/api/src/people/display-names.js';
import { OrganisationRegistrations } from '../../apps/api/src/employers/organisation-registration.js';
import { latencies, progress, report } from '../report.js';
import { BENCH_TODAY, openingStore } from './rebuild.js';

const KINDS = [
  'period_renewal',
  'residence_notification',
  'address_change_notification',
  'affiliation_notification',
  'card_validity_renewal',
  'reentry',
];

/** `count` residents for each organisation, six deadlines each, due between 2024 and 2029. */
async function fillOrganisations(pool: pg.Pool, organisations: string[], count: number, timeline: unknown): Promise<void> {
  for (const [n, organisationId] of organisations.entries()) {
    await pool.query(
      `INSERT INTO read_model.resident_summary (organisation_id, resident_id, full_name, date_of_birth, nationality, version, card_number, status_timeline, registered_at, external_ref)
       SELECT $1, gen_random_uuid(),
              (ARRAY['NGUYEN','TRAN','LE','PHAM','SANTOS','REYES','WANG','LI','SHRESTHA','GURUNG'])[1 + i % 10] || ' ' ||
              (ARRAY['AN','BINH','HOA','LAN','MARIA','JOSE','WEI','NA','RAM','SITA'])[1 + (i / 10) % 10] || ' ' || i,
              date '1985-01-01' + (i % 5000), 'VNM', 20, 'Q' || chr(65 + $4::int % 26) || lpad(i::text, 8, '0') || 'ZZ', $3::jsonb, now(), 'EXT-' || i
       FROM generate_series(1, $2::int) AS i`,
      [organisationId, count, JSON.stringify(timeline), n],
    );
    // The words each resident is found by, as the projector writes them (search-text.ts).
    await pool.query(
      `INSERT INTO read_model.resident_search_token (organisation_id, resident_id, token)
       SELECT DISTINCT s.organisation_id, s.resident_id, w
       FROM read_model.resident_summary s
       CROSS JOIN LATERAL unnest(string_to_array(lower(s.full_name), ' ') || ARRAY[lower(s.external_ref)]) AS w
       WHERE s.organisation_id = $1
       ON CONFLICT DO NOTHING`,
      [organisationId],
    );
    await pool.query(
      `INSERT INTO read_model.card_registry (organisation_id, card_number, resident_id)
       SELECT organisation_id, card_number, resident_id
       FROM read_model.resident_summary WHERE organisation_id = $1`,
      [organisationId],
    );
    await pool.query(
      `INSERT INTO read_model.deadline (organisation_id, id, resident_id, resident_name, kind, created_on, opens_on, statutory_due_on, due_on, met_on, void_on, source_event_id)
       SELECT s.organisation_id, gen_random_uuid()::text || ':' || k.kind, s.resident_id, s.full_name, k.kind, date '2024-01-01',
              NULL, d.due, d.due, CASE WHEN random() < 0.4 THEN d.due - 3 END, NULL, gen_random_uuid()::text
       FROM read_model.resident_summary s
       CROSS JOIN LATERAL (SELECT unnest($2::text[]) AS kind) k
       CROSS JOIN LATERAL (SELECT date '2024-01-01' + (random() * 1825)::int AS due) d
       WHERE s.organisation_id = $1`,
      [organisationId, KINDS],
    );
    if ((n + 1) % 10 === 0 || organisations.length < 10)
      progress(`read models: ${n + 1}/${organisations.length} organisations of ${count.toLocaleString('en')} residents`);
  }
  await pool.query(
    'ANALYZE read_model.resident_summary; ANALYZE read_model.card_registry; ANALYZE read_model.deadline; ANALYZE read_model.resident_search_token',
  );
}

export async function queriesFigure(
  pool: pg.Pool,
  dataSource: DataSource,
  scale: { single: number; across: number; runs: number },
): Promise<void> {
  const [template] = (await pool.query('SELECT status_timeline FROM read_model.resident_summary LIMIT 1')).rows;
  const big = randomUUID();
  const many = Array.from({ length: 100 }, () => randomUUID());
  await fillOrganisations(pool, [big], scale.single, template.status_timeline);
  await fillOrganisations(pool, many, Math.round(scale.across / 100), template.status_timeline);

  // As in the API: each list read first checks that the projection has caught up with the log,
  // and streams are read through the sealed store (the import figure's residents are sealed).
  const store = await openingStore(pool);
  const seal = new ReadModelSeal(store.keys);
  const projection = new ProjectionHandle(store, new Projector(pool, store, { seal }), null);
  const deadlines = new ListDeadlinesHandler(dataSource, projection, seal, new DisplayNames(pool), new OrganisationRegistrations(pool));
  const residents = new ListResidentsHandler(dataSource, projection, new DisplayNames(pool), seal);
  const today = BENCH_TODAY as LocalDate;
  const window = { from: today, to: addDays(today, 30), states: [], kinds: [], asOf: today, page: 1, pageSize: 50 };
  for (const [label, orgOf] of [
    [`${scale.single.toLocaleString('en')} residents in one organisation`, () => big],
    [
      `${(scale.single + scale.across).toLocaleString('en')} residents, an organisation of ${Math.round(scale.across / 100).toLocaleString('en')}`,
      (i: number) => many[i % 100]!,
    ],
  ] as const) {
    await latencies(`caseload deadlines next 30 days, first page (${label})`, scale.runs, (i) =>
      deadlines.execute(new ListDeadlines(orgOf(i), window)),
    );
    await latencies(`resident search by name prefix (${label})`, scale.runs, (i) =>
      residents.execute(new ListResidents(orgOf(i), { query: `NGUYEN AN ${(i % 9) + 1}` }, 1, 50, today)),
    );
    // One given name, as a caseworker types it: a tenth of the caseload matches, sorted and counted.
    await latencies(`resident search by one given name, a tenth match (${label})`, scale.runs, (i) =>
      residents.execute(new ListResidents(orgOf(i), { query: 'binh' }, 1, 50, today)),
    );
    const cards: string[] = (
      await pool.query('SELECT card_number FROM read_model.card_registry WHERE organisation_id = $1 LIMIT 1000', [orgOf(0)])
    ).rows.map((r) => r.card_number);
    await latencies(`resident search by card number (${label})`, scale.runs, (i) =>
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
  await latencies('status as of a date (stream fold, 20-event stream)', scale.runs, (i) => {
    const row = streams[i % streams.length];
    return status.execute(new GetResident(row.organisation_id, row.resident_id, 'status', addDays('2025-01-01' as LocalDate, i % 700)));
  });
  report('read model residents', scale.single + scale.across, 'residents', 1);
  await explainQueries(dataSource, projection, seal, big, today, window);
}

/**
 * The plans of the API's own statements, captured by running each handler once on a data
 * source that prefixes EXPLAIN ANALYZE: written to bench/results/explain.txt.
 */
async function explainQueries(
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
  const card = (
    await dataSource.query('SELECT card_number FROM read_model.card_registry WHERE organisation_id = $1 LIMIT 1', [organisationId])
  )[0].card_number;
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
  await mkdir('bench/results', { recursive: true });
  await writeFile('bench/results/explain.txt', plans.join('\n'));
  progress('query plans written to bench/results/explain.txt');
}
