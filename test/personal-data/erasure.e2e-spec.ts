/**
 * Personal data (APPI): the event log never holds a resident's name, date of birth, passport or
 * address in clear text (sealed with the resident's data key); a disclosure export gives
 * everything held; an erasure by a manager destroys the key, after which every view answers
 * 410, the history keeps only types and dates, and no table of the database holds anything
 * readable of the person — read straight from the raw tables.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { DigestRunner } from '../../apps/api/src/reminders/digest-runner.js';
import { addYears, japanDateOf } from '@zairyu/domain';
import { Api, type Keys } from '../support/api-harness.js';
import { person, type SignedIn } from '../support/people.js';

const MAI = {
  fullName: 'HOANG THI MAI',
  dateOfBirth: '1991-07-23',
  nationality: 'VNM',
  nameKana: 'ホアン ティ マイ',
  passportNumber: 'C7654321',
  phone: '+81 90-1234-5678',
  notes: 'prefers LINE',
  externalRef: 'EMP-MAI-0723',
  employer: 'Umeda Foods KK',
};
/** What her other facts said about her: the card, a correction's and a retraction's reasons, her employer. */
const FACT_TRACES = [
  'HM12345678AB',
  'EMP-MAI-0723',
  'Umeda Foods KK',
  '梅田フーズ株式会社',
  'misread her passport',
  'recorded on the wrong person',
];
const ADDRESS = '大阪府大阪市北区梅田3-1-1';
const TRACES = [MAI.fullName, MAI.dateOfBirth, MAI.passportNumber, ADDRESS, 'ホアン ティ マイ', '+81 90-1234-5678', 'prefers LINE'];

let api: Api;
let sakura: Keys;
let other: Keys;
let manager: SignedIn;
let mai: string;

/** Every table of every schema of the database, searched as text for each trace. */
async function tablesHolding(trace: string): Promise<string[]> {
  const { rows } = await api.runtime.pool.query<{ name: string }>(
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
  );
  const holding: string[] = [];
  for (const { name } of rows) {
    const found = await api.runtime.pool.query(`SELECT 1 FROM ${name} t WHERE t::text LIKE '%' || $1 || '%' LIMIT 1`, [trace]);
    if (found.rowCount! > 0) holding.push(name);
  }
  return holding;
}

const morningOf = (day: string) => new Date(`${day}T08:30:00+09:00`);

beforeAll(async () => {
  api = await Api.start({ reminders: { jobs: false } });
  sakura = await api.organisation();
  other = await api.organisation('Fuji Support');
  manager = await person(api, sakura.organisationId, sakura.manager, 'manager');
  mai = await api.register(sakura.caseworker, MAI);
  const facts: Array<[string, string, Record<string, unknown>]> = [
    [
      'Landed',
      '2025-11-01',
      { status: 'engineer_humanities_international', periodExpiresOn: '2026-06-30', card: { number: 'HM12345678AB' } },
    ],
    ['Moved', '2026-01-05', { address: ADDRESS }],
    ['DetailsCorrected', '2026-01-06', { fields: { nameKana: 'ホアン ティ マイ' }, reason: 'misread her passport' }],
    ['AffiliationChanged', '2026-01-07', { kind: 'activity', change: 'new_contract', organisation: '梅田フーズ株式会社' }],
    ['CardLost', '2026-01-08', {}],
  ];
  for (const [type, occurredOn, data] of facts) expect((await api.record(sakura.caseworker, mai, type, occurredOn, data)).status).toBe(201);
  const recorded = await api.http.get(`/v1/residents/${mai}/events`).auth(sakura.viewer, { type: 'bearer' }).expect(200);
  const lost = recorded.body.find((event: { type: string }) => event.type === 'CardLost');
  await api
    .record(sakura.caseworker, mai, 'EventRetracted', '2026-01-08', { eventId: lost.eventId, reason: 'recorded on the wrong person' })
    .expect(201);
  await api.http.get('/v1/deadlines').auth(sakura.viewer, { type: 'bearer' }).expect(200);
  // The manager's digest of Fri 2026-01-09 names her (the 14-day notice of the move, due 2026-01-19).
  await api.app.get(DigestRunner).runDue(morningOf('2026-01-09'));
});

afterAll(async () => {
  await api.close();
});

describe('sealed in the log', () => {
  test('the event log holds none of her personal values in clear text, yet every view shows them', async () => {
    for (const trace of TRACES) expect(await tablesHolding(trace)).not.toContain('public.events');
    // Nor do the read models: they keep her sealed with her key, her search words and card as keyed hashes.
    // (Her card's number is still in the status timeline they keep.)
    for (const trace of [...TRACES, ...FACT_TRACES.slice(1, 3)])
      expect([trace, (await tablesHolding(trace)).filter((table) => table.startsWith('read_model.'))]).toEqual([trace, []]);
    const summary = await api.http.get(`/v1/residents/${mai}`).auth(sakura.viewer, { type: 'bearer' }).expect(200);
    expect(summary.body).toMatchObject({ fullName: MAI.fullName, dateOfBirth: MAI.dateOfBirth });
    const history = await api.http.get(`/v1/residents/${mai}/events`).auth(sakura.viewer, { type: 'bearer' }).expect(200);
    expect(history.body.map((event: { type: string }) => event.type)).toEqual([
      'ResidentRegistered',
      'Landed',
      'Moved',
      'DetailsCorrected',
      'AffiliationChanged',
      'CardLost',
      'EventRetracted',
    ]);
    expect(history.body[2].data.address).toBe(ADDRESS);
    // Her other facts are shown as recorded, and held sealed in the log like her name.
    for (const trace of FACT_TRACES) expect([trace, JSON.stringify(history.body).includes(trace)]).toEqual([trace, true]);
    const { rows: log } = await api.runtime.pool.query<{ data: string }>('SELECT data::text AS data FROM events WHERE stream_id = $1', [
      `resident-${mai}`,
    ]);
    for (const trace of FACT_TRACES) expect([trace, log.some((row) => row.data.includes(trace))]).toEqual([trace, false]);
  });
});

describe('disclosure (開示請求)', () => {
  test('GET …/export gives everything held about her as one JSON document, and the security log records it', async () => {
    const exported = await api.http.get(`/v1/residents/${mai}/export`).auth(sakura.caseworker, { type: 'bearer' }).expect(200);
    expect(exported.headers['content-disposition']).toBe(`attachment; filename="resident-${mai}.json"`);
    expect(exported.body.resident).toMatchObject({ id: mai, fullName: MAI.fullName, dateOfBirth: MAI.dateOfBirth });
    expect(exported.body.events).toHaveLength(7);
    expect(exported.body.deadlines.map((deadline: { kind: string }) => deadline.kind)).toContain('period_renewal');
    expect(exported.body.status.residence).toMatchObject({ status: 'engineer_humanities_international' });
    const log = await manager.agent.get(`/v1/organisations/${sakura.organisationId}/security-log`).expect(200);
    expect(log.body.items[0]).toMatchObject({ kind: 'export_made', subject: `resident:${mai}`, detail: { format: 'disclosure_json' } });
    await api.http.get(`/v1/residents/${mai}/export`).auth(other.manager, { type: 'bearer' }).expect(404);
  });
});

describe('erasure', () => {
  test('only a manager of her organisation, with a reason code from the list', async () => {
    const asCaseworker = await api.http
      .post(`/v1/residents/${mai}/erasure`)
      .auth(sakura.caseworker, { type: 'bearer' })
      .send({ reason: 'data_subject_request' });
    expect(asCaseworker.status).toBe(403);
    const elsewhere = await api.http
      .post(`/v1/residents/${mai}/erasure`)
      .auth(other.manager, { type: 'bearer' })
      .send({ reason: 'data_subject_request' });
    expect(elsewhere.status).toBe(404);
    const noReason = await api.http
      .post(`/v1/residents/${mai}/erasure`)
      .auth(sakura.manager, { type: 'bearer' })
      .send({ reason: 'she asked' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((error: { field: string }) => error.field)).toEqual(['reason']);
    expect((await api.http.get(`/v1/residents/${mai}`).auth(sakura.viewer, { type: 'bearer' })).status).toBe(200);
  });

  test('refused with 409 RETENTION_HOLDS while SSW support runs (its records are kept a year after it ends)', async () => {
    const worker = await api.register(sakura.caseworker, { fullName: 'TRAN VAN BINH', dateOfBirth: '1996-02-02' });
    const ssw1 = 'specified_skilled_worker_1';
    const facts: Array<[string, string, Record<string, unknown>]> = [
      [
        'Landed',
        '2026-04-01',
        {
          status: ssw1,
          periodExpiresOn: '2027-03-31',
          card: { number: 'TB12345678CD' },
          designation: { field: 'food_service', employer: 'Chubu Kitchens' },
        },
      ],
      ['SupportStarted', '2026-04-01', { employer: 'Chubu Kitchens' }],
    ];
    for (const [type, occurredOn, data] of facts)
      expect((await api.record(sakura.caseworker, worker, type, occurredOn, data)).status).toBe(201);
    const refused = await api.http
      .post(`/v1/residents/${worker}/erasure`)
      .auth(sakura.manager, { type: 'bearer' })
      .send({ reason: 'data_subject_request' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'RETENTION_HOLDS', keepThrough: null, retentionRule: 'ssw_support_ongoing' });
    expect((await api.http.get(`/v1/residents/${worker}`).auth(sakura.viewer, { type: 'bearer' })).status).toBe(200);
  });

  test('a 行政書士 office keeps its register 2 years after the case closes (行政書士法9条2項): 409 while open and closed today; erased when closed in 2020', async () => {
    const office = await api.organisation('Hinode Gyosei', 'scrivener_office');
    const today = japanDateOf(new Date());
    const client = async (fullName: string) => {
      const id = await api.register(office.caseworker, { fullName, dateOfBirth: '1990-01-01' });
      await api.record(office.caseworker, id, 'Landed', '2019-04-01', { status: 'student', periodExpiresOn: '2021-03-31' }).expect(201);
      return id;
    };
    const erase = (id: string) =>
      api.http.post(`/v1/residents/${id}/erasure`).auth(office.manager, { type: 'bearer' }).send({ reason: 'data_subject_request' });
    const open = await client('OPEN CASE');
    expect((await erase(open)).body).toMatchObject({
      status: 409,
      code: 'RETENTION_HOLDS',
      keepThrough: null,
      retentionRule: 'scrivener_case_open',
    });
    await api.record(office.caseworker, open, 'CaseClosed', today, { reason: 'contract_ended' }).expect(201);
    const closedToday = await erase(open);
    expect(closedToday.body).toMatchObject({
      status: 409,
      code: 'RETENTION_HOLDS',
      keepThrough: addYears(today, 2),
      retentionRule: 'scrivener_register',
    });
    expect(closedToday.body.detail).toContain('行政書士法9条2項');
    const old = await client('OLD CASE');
    await api.record(office.caseworker, old, 'CaseClosed', '2020-01-10', { reason: 'contract_ended' }).expect(201);
    expect((await erase(old)).status).toBe(200);
    // A support organisation's resident with no support is not held by the scrivener's register.
    const plain = await api.register(other.caseworker, { fullName: 'NO HOLD', dateOfBirth: '1990-01-01' });
    const erased = await api.http
      .post(`/v1/residents/${plain}/erasure`)
      .auth(other.manager, { type: 'bearer' })
      .send({ reason: 'data_subject_request' });
    expect(erased.status).toBe(200);
  });

  test('erased: 410 on every view and write, the history keeps types and dates, lists and look-ups forget her', async () => {
    const erased = await manager.agent
      .post(`/v1/residents/${mai}/erasure`)
      .set('x-csrf-token', manager.csrf)
      .send({ reason: 'data_subject_request' });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ residentId: mai, reason: 'data_subject_request' });
    for (const path of ['', '/status', '/deadlines', '/export']) {
      const response = await api.http.get(`/v1/residents/${mai}${path}`).auth(sakura.viewer, { type: 'bearer' });
      expect([path, response.status, response.body.code]).toEqual([
        path,
        path === '/export' ? 403 : 410,
        path === '/export' ? undefined : 'RESIDENT_ERASED',
      ]);
    }
    expect((await api.http.get(`/v1/residents/${mai}/export`).auth(sakura.caseworker, { type: 'bearer' })).status).toBe(410);
    const write = await api.record(sakura.caseworker, mai, 'Moved', '2026-02-01', { address: '東京都港区芝公園4-2-8' });
    expect([write.status, write.body.code]).toEqual([410, 'RESIDENT_ERASED']);
    const history = await api.http.get(`/v1/residents/${mai}/events`).auth(sakura.viewer, { type: 'bearer' }).expect(200);
    expect(history.body.map((event: { type: string; occurredOn: string }) => [event.type, event.occurredOn])).toEqual([
      ['ResidentRegistered', expect.any(String)],
      ['Landed', '2025-11-01'],
      ['Moved', '2026-01-05'],
      ['DetailsCorrected', '2026-01-06'],
      ['AffiliationChanged', '2026-01-07'],
      ['CardLost', '2026-01-08'],
      ['EventRetracted', '2026-01-08'],
      ['PersonalDataErased', erased.body.erasedOn],
    ]);
    expect(history.body[0].data).toMatchObject({ fullName: null, dateOfBirth: null, passportNumber: null, nationality: 'VNM' });
    expect(history.body[0].data).toMatchObject({ externalRef: null, employer: null });
    expect(history.body[1].data.card).toEqual({ number: null });
    expect(history.body[2].data).toEqual({ address: null });
    expect(history.body[3].data).toEqual({ fields: { nameKana: null }, reason: null });
    expect(history.body[4].data).toEqual({ kind: 'activity', change: 'new_contract', organisation: null });
    expect(history.body[6].data).toEqual({ eventId: history.body[5].eventId, reason: null });
    for (const trace of [...TRACES, ...FACT_TRACES]) expect([trace, JSON.stringify(history.body).includes(trace)]).toEqual([trace, false]);
    const list = await api.http.get('/v1/residents').auth(sakura.viewer, { type: 'bearer' }).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(mai);
    const deadlines = await api.http.get('/v1/deadlines?asOf=2026-01-09').auth(sakura.viewer, { type: 'bearer' }).expect(200);
    expect(deadlines.body.items.map((item: { residentId: string }) => item.residentId)).not.toContain(mai);
    await api.http.get('/v1/cards/HM12345678AB').auth(sakura.viewer, { type: 'bearer' }).expect(404);
    const log = await manager.agent.get(`/v1/organisations/${sakura.organisationId}/security-log`).expect(200);
    expect(log.body.items[0]).toMatchObject({ kind: 'erasure', subject: `resident:${mai}`, detail: { reason: 'data_subject_request' } });
  });

  test('no table of the database holds her name, date of birth, passport, address or notes any more', async () => {
    for (const trace of TRACES) expect([trace, await tablesHolding(trace)]).toEqual([trace, []]);
    const digest = await manager.agent.get('/v1/me/notifications').expect(200);
    expect(digest.body[0].body).toContain('(消去済み / erased)');
  });

  test('a birth in Japan: its day is the date of birth, so it is sealed too and reads as the day it was recorded once erased', async () => {
    const baby = await api.register(sakura.caseworker, { fullName: 'LE THI HOA', dateOfBirth: '2025-12-24' });
    await api.record(sakura.caseworker, baby, 'BornInJapan', '2025-12-24').expect(201);
    const events = async () =>
      (await api.http.get(`/v1/residents/${baby}/events`).auth(sakura.viewer, { type: 'bearer' }).expect(200)).body as Array<{
        type: string;
        occurredOn: string;
        recordedAt: string;
        data: unknown;
      }>;
    expect((await events())[1]).toMatchObject({ type: 'BornInJapan', occurredOn: '2025-12-24', data: {} });
    const status = await api.http.get(`/v1/residents/${baby}/deadlines`).auth(sakura.viewer, { type: 'bearer' }).expect(200);
    // The 30-day status acquisition (22条の2) still counts from the birth, opened from the seal.
    expect(JSON.stringify(status.body)).toContain('2026-01-23');
    const { rows } = await api.runtime.pool.query<{ occurred_on: string; data: string }>(
      `SELECT occurred_on::text, data::text FROM events WHERE stream_id = $1 AND type = 'BornInJapan'`,
      [`resident-${baby}`],
    );
    expect(rows[0]!.occurred_on).not.toBe('2025-12-24');
    expect(rows[0]!.data).not.toContain('2025-12-24');
    await api.http
      .post(`/v1/residents/${baby}/erasure`)
      .auth(sakura.manager, { type: 'bearer' })
      .send({ reason: 'recorded_in_error' })
      .expect(200);
    const erased = await events();
    expect(erased[1]).toMatchObject({ type: 'BornInJapan', occurredOn: japanDateOf(new Date(erased[1]!.recordedAt)), data: {} });
    expect(JSON.stringify(erased)).not.toContain('2025-12-24');
  });

  test('asking again answers the same erasure (a retry after a failure finishes the work)', async () => {
    const again = await api.http
      .post(`/v1/residents/${mai}/erasure`)
      .auth(sakura.manager, { type: 'bearer' })
      .send({ reason: 'retention_ended' });
    expect(again.status).toBe(200);
    expect(again.body.reason).toBe('data_subject_request');
  });
});
