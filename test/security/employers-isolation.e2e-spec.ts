/**
 * The isolation matrix for employers (所属機関): another organisation's employer is a 404 on
 * every employers endpoint, indistinguishable from a missing one — the same answer, after the
 * same statements against the database (so at the same cost) — and lists, searches, the
 * 法人番号 uniqueness and the caseload's employer filter never reveal it. Without a token
 * every employers endpoint is 401; a viewer cannot write.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { Api, type Keys } from '../support/api-harness.js';
import { employerOnRecord, supportedWorker, type EmployerOnRecord } from '../support/supported-worker.js';

let api: Api;
let mine: Keys;
let theirs: Keys;
let theirEmployer: EmployerOnRecord;

const THEIR_NUMBER = '4011001098993';

beforeAll(async () => {
  api = await Api.start();
  mine = await api.organisation('Mine');
  theirs = await api.organisation('Theirs');
  theirEmployer = await employerOnRecord(api, theirs.caseworker, { name: 'Secret Foods', corporateNumber: THEIR_NUMBER, address: 'Osaka' });
  await supportedWorker(api, theirs.caseworker, {
    fullName: 'HIDDEN WORKER',
    card: 'HW12345678AA',
    field: 'food_service',
    employer: theirEmployer.id,
  });
});
afterAll(() => api.close());

const expectProblem = (response: { status: number; headers: Record<string, string>; body: { status?: number } }, status: number) => {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  expect(response.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String), detail: expect.any(String) });
};

/** Every call an employer id can be put in, as a caller of `keys`' organisation would make it. */
const callsOn = (keys: Keys, id: string) => [
  () => api.http.get(`/v1/employers/${id}`).auth(keys.viewer, { type: 'bearer' }),
  () => api.http.get(`/v1/employers/${id}/history`).auth(keys.viewer, { type: 'bearer' }),
  () => api.http.patch(`/v1/employers/${id}`).auth(keys.caseworker, { type: 'bearer' }).send({ name: 'Taken over' }),
  () => api.http.patch(`/v1/employers/${id}`).auth(keys.caseworker, { type: 'bearer' }).set('If-Match', '"1"').send({ address: null }),
];

/**
 * The statements sent to PostgreSQL that touch the employer tables while `work` runs (the
 * parameters, ids and organisations, differ from call to call; the SQL must not).
 */
async function employerStatements(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '');
    if (/platform\.employer/.test(text)) seen.push(text.replace(/\s+/g, ' ').trim());
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await work();
  } finally {
    pg.Client.prototype.query = query;
  }
  return seen;
}

describe('employers: isolation between organisations', () => {
  test("another organisation's employer is 404 on every endpoint, the same answer and the same statements as a missing one", async () => {
    const missing = randomUUID();
    const theirsCalls = callsOn(mine, theirEmployer.id);
    const missingCalls = callsOn(mine, missing);
    for (const [n, call] of theirsCalls.entries()) {
      let other: Awaited<ReturnType<typeof call>> | undefined;
      let none: Awaited<ReturnType<typeof call>> | undefined;
      const otherStatements = await employerStatements(async () => (other = await call()));
      const noneStatements = await employerStatements(async () => (none = await missingCalls[n]!()));
      expectProblem(other!, 404);
      expect(other!.body).toEqual(none!.body);
      expect(otherStatements.length).toBeGreaterThan(0);
      expect(otherStatements).toEqual(noneStatements);
    }
    // Nothing of theirs changed: one version, as created.
    const history = await api.http.get(`/v1/employers/${theirEmployer.id}/history`).auth(theirs.viewer, { type: 'bearer' }).expect(200);
    expect(history.body.map((v: { version: number; name: string; address: string }) => [v.version, v.name, v.address])).toEqual([
      [1, 'Secret Foods', 'Osaka'],
    ]);
  });

  test('lists and searches never show it; its 法人番号 is free in my organisation (no 409 that would reveal it)', async () => {
    for (const query of ['', 'secret', THEIR_NUMBER, THEIR_NUMBER.slice(0, 6)]) {
      const list = await api.http
        .get(`/v1/employers?query=${encodeURIComponent(query)}`)
        .auth(mine.viewer, { type: 'bearer' })
        .expect(200);
      expect(list.body.items.map((e: { id: string }) => e.id)).not.toContain(theirEmployer.id);
    }
    const empty = await api.http.get('/v1/employers?query=secret').auth(mine.viewer, { type: 'bearer' }).expect(200);
    expect(empty.body).toEqual({ items: [], total: 0 });
    const mineToo = await api.http
      .post('/v1/employers')
      .auth(mine.caseworker, { type: 'bearer' })
      .send({ name: 'My Foods', corporateNumber: THEIR_NUMBER })
      .expect(201);
    expect(mineToo.body.id).not.toBe(theirEmployer.id);
    // Each organisation sees its own employer under that number, and only it.
    for (const [keys, id] of [
      [mine, mineToo.body.id],
      [theirs, theirEmployer.id],
    ] as const) {
      const found = await api.http.get(`/v1/employers?query=${THEIR_NUMBER}`).auth(keys.viewer, { type: 'bearer' }).expect(200);
      expect(found.body.items.map((e: { id: string }) => e.id)).toEqual([id]);
    }
  });

  test("the caseload filtered by their employer is empty for me; their workers' filings are theirs alone", async () => {
    const mineByTheirs = await api.http
      .get(`/v1/deadlines?asOf=2026-04-02&employer=${theirEmployer.id}`)
      .auth(mine.viewer, { type: 'bearer' })
      .expect(200);
    expect(mineByTheirs.body).toEqual({ items: [], total: 0 });
    const theirsByTheirs = await api.http
      .get(`/v1/deadlines?asOf=2026-04-02&employer=${theirEmployer.id}`)
      .auth(theirs.viewer, { type: 'bearer' })
      .expect(200);
    expect(theirsByTheirs.body.items.map((d: { kind: string; employerName: string }) => [d.kind, d.employerName])).toEqual([
      ['ssw_annual_report', 'Secret Foods'],
    ]);
    const owedByEmployers = await api.http
      .get('/v1/deadlines?asOf=2026-04-02&owedBy=employer')
      .auth(mine.viewer, { type: 'bearer' })
      .expect(200);
    expect(owedByEmployers.body).toEqual({ items: [], total: 0 });
  });

  test("a resident of mine that names their employer's id does not join their employer's residents, nor learn its name", async () => {
    await supportedWorker(api, mine.caseworker, {
      fullName: 'CURIOUS CASEWORKER',
      dateOfBirth: '1990-05-05',
      card: 'CC12345678AA',
      field: 'food_service',
      employer: theirEmployer.id,
    });
    const theirView = await api.http.get(`/v1/employers/${theirEmployer.id}`).auth(theirs.viewer, { type: 'bearer' }).expect(200);
    expect(theirView.body.residents.map((r: { fullName: string }) => r.fullName)).toEqual(['HIDDEN WORKER']);
    const mineByIt = await api.http
      .get(`/v1/deadlines?asOf=2026-04-02&employer=${theirEmployer.id}`)
      .auth(mine.viewer, { type: 'bearer' })
      .expect(200);
    // My own filings under that id, shown by the id as recorded: their record's name stays theirs.
    expect(mineByIt.body.items.map((d: { employerName: string }) => d.employerName)).toEqual([theirEmployer.id]);
  });
});

describe('employers: authentication and roles', () => {
  test('every employers endpoint is 401 without a token; a viewer cannot create or change one (403), and nothing changes', async () => {
    const id = theirEmployer.id;
    const calls = [
      () => api.http.post('/v1/employers').send({ name: 'X' }),
      () => api.http.get('/v1/employers'),
      () => api.http.get(`/v1/employers/${id}`),
      () => api.http.get(`/v1/employers/${id}/history`),
      () => api.http.patch(`/v1/employers/${id}`).send({ name: 'X' }),
      () => api.http.patch(`/v1/organisations/${theirs.organisationId}`).send({ registrationExpiresOn: '2027-08-31' }),
    ];
    for (const call of calls) expectProblem(await call(), 401);
    expectProblem(await api.http.post('/v1/employers').auth(theirs.viewer, { type: 'bearer' }).send({ name: 'X' }), 403);
    expectProblem(await api.http.patch(`/v1/employers/${id}`).auth(theirs.viewer, { type: 'bearer' }).send({ name: 'X' }), 403);
    const still = await api.http.get(`/v1/employers/${id}`).auth(theirs.viewer, { type: 'bearer' }).expect(200);
    expect(still.body).toMatchObject({ name: 'Secret Foods', version: 1 });
  });
});
