/**
 * Folds kept between requests (kept-folds.ts) are an optimisation only: whatever another API
 * process wrote, however late the fact or whatever it retracted, a process that kept a fold
 * answers reads and decides writes exactly as a process that folds the stream afresh. Each
 * test warms process A's fold first, writes through process B, then reads or writes through A
 * and compares with C, a process that never saw the resident.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Api, type Keys } from '../support/api-harness.js';

const MOVES = 40;
let cards = 0;

describe('kept folds: never a stale answer, whichever process wrote', () => {
  let a: Api;
  let b: Api;
  let sakura: Keys;

  beforeAll(async () => {
    a = await Api.start();
    b = await a.replica();
    sakura = await a.organisation();
  }, 120_000);

  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** A student landed 2026-04-01 who moved MOVES times from 2026-05-01 on, read once through A. */
  async function longResident(): Promise<string> {
    const id = await a.register(sakura.caseworker, { fullName: 'LE THI HOA', dateOfBirth: '1999-03-03' });
    await a
      .record(sakura.caseworker, id, 'Landed', '2026-04-01', {
        status: 'student',
        periodExpiresOn: '2028-03-31',
        card: { number: `KF${String(++cards).padStart(8, '0')}ZZ` },
      })
      .expect(201);
    for (let i = 0; i < MOVES; i++)
      await a
        .record(sakura.caseworker, id, 'Moved', `2026-05-${String(1 + (i % 28)).padStart(2, '0')}`, { address: `Room ${i}` })
        .expect(201);
    await views(a, id, '2026-04-20');
    return id;
  }

  const get = (api: Api, path: string) => api.http.get(path).auth(sakura.viewer, { type: 'bearer' });

  async function views(api: Api, id: string, asOf: string) {
    const [summary, status, deadlines, events] = await Promise.all([
      get(api, `/v1/residents/${id}?asOf=${asOf}`).expect(200),
      get(api, `/v1/residents/${id}/status?asOf=${asOf}`).expect(200),
      get(api, `/v1/residents/${id}/deadlines?asOf=${asOf}`).expect(200),
      get(api, `/v1/residents/${id}/events`).expect(200),
    ]);
    return { summary: summary.body, status: status.body, deadlines: deadlines.body, events: events.body };
  }

  /** A long resident, read through A, then erased through B. */
  async function erasedThroughB(): Promise<string> {
    const id = await longResident();
    await b.http
      .post(`/v1/residents/${id}/erasure`)
      .auth(sakura.manager, { type: 'bearer' })
      .send({ reason: 'recorded_in_error' })
      .expect(200);
    return id;
  }

  /** What a process that never read the resident answers. */
  async function fresh(id: string, asOf: string) {
    const c = await a.replica();
    try {
      return await views(c, id, asOf);
    } finally {
      await c.close();
    }
  }

  test('a move recorded late by another process (2026-04-10, before 40 moves) shows at once: its notice due 2026-04-24', async () => {
    const id = await longResident();
    expect((await views(a, id, '2026-04-20')).deadlines.map((d: { dueOn: string }) => d.dueOn)).not.toContain('2026-04-24');
    await b.record(sakura.caseworker, id, 'Moved', '2026-04-10', { address: 'Late' }).expect(201);
    const seen = await views(a, id, '2026-04-20');
    expect(seen.deadlines.map((d: { dueOn: string }) => d.dueOn)).toContain('2026-04-24');
    expect(seen.summary.version).toBe(MOVES + 3);
    expect(seen).toEqual(await fresh(id, '2026-04-20'));
  }, 120_000);

  test('the landing retracted by another process: no lawful stay as of 2026-06-01 through the process that kept the fold', async () => {
    const id = await longResident();
    expect((await views(a, id, '2026-06-01')).status.residence.lawful).toBe(true);
    const events = (await get(b, `/v1/residents/${id}/events`).expect(200)).body as Array<{ eventId: string; type: string }>;
    const landing = events.find((event) => event.type === 'Landed')!;
    await b.record(sakura.caseworker, id, 'EventRetracted', '2026-06-01', { eventId: landing.eventId, reason: 'typo' }).expect(201);
    const seen = await views(a, id, '2026-06-01');
    expect(seen.status.residence.lawful).toBe(false);
    expect(seen).toEqual(await fresh(id, '2026-06-01'));
  }, 120_000);

  test('a write decided on a kept fold sees another process’s departure (2026-09-01): a move on 2026-09-10 is refused', async () => {
    const id = await longResident();
    await b.record(sakura.caseworker, id, 'Departed', '2026-09-01', { reentry: 'none' }).expect(201);
    const refused = await a.record(sakura.caseworker, id, 'Moved', '2026-09-10', { address: 'Abroad?' });
    expect(refused.status).toBe(422);
    // With If-Match, the version A checks is the one B left.
    const stale = await a.http
      .post(`/v1/residents/${id}/events`)
      .auth(sakura.caseworker, { type: 'bearer' })
      .set('If-Match', String(MOVES + 2))
      .send({ type: 'CaseAssigned', occurredOn: '2026-09-02', data: {} });
    expect(stale.status).toBe(412);
  }, 120_000);

  // A write through A is decided first on the fold A kept, without reading the stream: each of
  // these is wrong on that fold alone and right once A reads what B wrote.
  test('If-Match on the version another process left: A records the fact (not 412 for the version it kept)', async () => {
    const id = await longResident();
    await b.record(sakura.caseworker, id, 'Moved', '2026-08-01', { address: 'By B' }).expect(201);
    const recorded = await a.http
      .post(`/v1/residents/${id}/events`)
      .auth(sakura.caseworker, { type: 'bearer' })
      .set('If-Match', String(MOVES + 3))
      .send({ type: 'Moved', occurredOn: '2026-08-02', data: { address: 'By A' } });
    expect(recorded.status).toBe(201);
    const events = (await get(a, `/v1/residents/${id}/events`).expect(200)).body as Array<{ version: number; data: { address?: string } }>;
    expect(events.slice(-2).map((event) => [event.version, event.data.address])).toEqual([
      [MOVES + 3, 'By B'],
      [MOVES + 4, 'By A'],
    ]);
  }, 120_000);

  test('a request repeated through A with the Idempotency-Key B recorded it under: the one event, not a second', async () => {
    const id = await longResident();
    const send = (api: Api) =>
      api.http
        .post(`/v1/residents/${id}/events`)
        .auth(sakura.caseworker, { type: 'bearer' })
        .set('Idempotency-Key', 'move-2026-08-05')
        .send({ type: 'Moved', occurredOn: '2026-08-05', data: { address: 'Once' } });
    const first = await send(b);
    expect(first.status).toBe(201);
    const again = await send(a);
    expect(again.status).toBeLessThan(300);
    expect(again.body.eventIds).toEqual(first.body.eventIds);
    const events = (await get(a, `/v1/residents/${id}/events`).expect(200)).body as Array<{ data: { address?: string } }>;
    expect(events.filter((event) => event.data.address === 'Once')).toHaveLength(1);
  }, 120_000);

  test('erased by another process: a fact recorded through A is refused 410, and nothing is appended', async () => {
    const id = await erasedThroughB();
    const refused = await a.record(sakura.caseworker, id, 'Moved', '2026-08-10', { address: 'After' });
    expect(refused.status).toBe(410);
    expect(refused.body.code).toBe('RESIDENT_ERASED');
    const events = (await get(a, `/v1/residents/${id}/events`).expect(200)).body as Array<{ type: string }>;
    expect(events.at(-1)!.type).toBe('PersonalDataErased');
  }, 120_000);

  test('erased by another process: the process that kept her opened names answers 410 and her history without them', async () => {
    const id = await erasedThroughB();
    expect((await get(a, `/v1/residents/${id}/status`)).status).toBe(410);
    const history = await get(a, `/v1/residents/${id}/events`).expect(200);
    expect(JSON.stringify(history.body)).not.toContain('LE THI HOA');
    expect(history.body[0].data).toMatchObject({ fullName: null, dateOfBirth: null });
  }, 120_000);
});
