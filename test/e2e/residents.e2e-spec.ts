import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
let org: Keys;

beforeAll(async () => {
  api = await Api.start();
  org = await api.organisation();
});
afterAll(() => api.close());

const landed = { status: 'specified_skilled_worker_1', periodExpiresOn: '2027-03-31', card: { number: 'AB12345678CD' } };

describe('residents', () => {
  test('register → 201 with id, version 1 and Location; summary with ETag; status as of a date', async () => {
    const response = await api.http
      .post('/v1/residents')
      .auth(org.caseworker, { type: 'bearer' })
      .send({ fullName: 'NGUYEN VAN AN', dateOfBirth: '1998-07-21', nationality: 'VNM', externalRef: 'C-001' })
      .expect(201);
    expect(response.body).toEqual({ id: expect.any(String), version: 1 });
    expect(response.headers['location']).toBe(`/v1/residents/${response.body.id}`);
    const id = response.body.id;
    const recorded = await api.record(org.caseworker, id, 'Landed', '2026-04-01', landed).expect(201);
    expect(recorded.body).toEqual({ eventId: expect.any(String), version: 2 });

    const summary = await api.http.get(`/v1/residents/${id}?asOf=2026-04-02`).auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(summary.headers['etag']).toBe('"2"');
    expect(summary.body).toMatchObject({
      id,
      fullName: 'NGUYEN VAN AN',
      dateOfBirth: '1998-07-21',
      nationality: 'VNM',
      externalRef: 'C-001',
      version: 2,
      status: {
        residentId: id,
        asOf: '2026-04-02',
        residence: { lawful: true, basis: 'period_of_stay', status: 'specified_skilled_worker_1' },
      },
      nextDeadline: { kind: 'residence_notification_90_day', dueOn: '2026-06-30', state: 'open', residentId: id },
    });

    const status = await api.http.get(`/v1/residents/${id}/status?asOf=2027-04-01`).auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(status.body).toMatchObject({
      asOf: '2027-04-01',
      residence: { lawful: false, basis: 'none', periodExpiresOn: '2027-03-31', lawfulUntil: null, inJapan: true },
      card: {
        number: 'AB12345678CD',
        kind: 'residence_card',
        state: 'expired',
        issuedOn: '2026-04-01',
        expiresOn: '2027-03-31',
        invalidatedOn: null,
        invalidationReason: null,
      },
      work: { permission: 'not_permitted', extraActivityHoursPerWeek: null },
    });
  });

  test('the event history shows who recorded what and when, and retractions', async () => {
    const id = await api.register(org.caseworker);
    await api.record(org.caseworker, id, 'Landed', '2026-04-01', { ...landed, card: { number: 'HI12345678CD' } }).expect(201);
    const moved = await api.record(org.caseworker, id, 'Moved', '2026-04-03', { address: 'Tokyo' }).expect(201);
    await api
      .record(org.caseworker, id, 'EventRetracted', '2026-04-05', { eventId: moved.body.eventId, reason: 'wrong resident' })
      .expect(201);
    const events = (await api.http.get(`/v1/residents/${id}/events`).auth(org.viewer, { type: 'bearer' }).expect(200)).body;
    expect(events.map((e: { type: string; version: number; retracted: boolean }) => [e.version, e.type, e.retracted])).toEqual([
      [1, 'ResidentRegistered', false],
      [2, 'Landed', false],
      [3, 'Moved', true],
      [4, 'EventRetracted', false],
    ]);
    expect(events[2]).toMatchObject({
      occurredOn: '2026-04-03',
      data: { address: 'Tokyo' },
      recordedBy: expect.stringMatching(/^key:/),
      recordedAt: expect.stringMatching(/Z$/),
    });
  });

  test('list and search by name prefix, external ref and card number, with paging', async () => {
    const a = await api.register(org.caseworker, { fullName: 'PHAM MINH KHOA', externalRef: 'REF-KHOA' });
    await api.register(org.caseworker, { fullName: 'PHAM THI LAN' });
    await api.record(org.caseworker, a, 'Landed', '2026-04-01', { ...landed, card: { number: 'KH12345678OA' } }).expect(201);
    const search = async (query: string) =>
      (
        await api.http
          .get(`/v1/residents?query=${encodeURIComponent(query)}`)
          .auth(org.viewer, { type: 'bearer' })
          .expect(200)
      ).body;
    expect((await search('pham')).items.map((r: { fullName: string }) => r.fullName)).toEqual(['PHAM MINH KHOA', 'PHAM THI LAN']);
    expect((await search('REF-KHOA')).items.map((r: { id: string }) => r.id)).toEqual([a]);
    // Every word must begin some word of the name, in any order.
    expect((await search('lan pham')).items.map((r: { fullName: string }) => r.fullName)).toEqual(['PHAM THI LAN']);
    expect((await search('pha th')).items.map((r: { fullName: string }) => r.fullName)).toEqual(['PHAM THI LAN']);
    expect((await search('pham lan khoa')).total).toBe(0);
    expect((await search('KH12345678OA')).items.map((r: { id: string }) => r.id)).toEqual([a]);
    expect((await search('100%_')).total).toBe(0);
    // The list (read model) and the resident's own summary (its stream) agree.
    const listed = (await api.http.get('/v1/residents?query=REF-KHOA&asOf=2026-04-02').auth(org.viewer, { type: 'bearer' }).expect(200))
      .body.items[0];
    const own = (await api.http.get(`/v1/residents/${a}?asOf=2026-04-02`).auth(org.viewer, { type: 'bearer' }).expect(200)).body;
    expect(listed).toEqual(own);
    expect(listed.nextDeadline).toMatchObject({ kind: 'residence_notification_90_day', dueOn: '2026-06-30' });
    const page = (await api.http.get('/v1/residents?query=pham&page=2&pageSize=1').auth(org.viewer, { type: 'bearer' }).expect(200)).body;
    expect(page).toMatchObject({ total: 2, items: [{ fullName: 'PHAM THI LAN' }] });
    await api.http.get('/v1/residents?page=0').auth(org.viewer, { type: 'bearer' }).expect(400);
  });

  test('If-Match: a stale version is 412 and appends nothing', async () => {
    const id = await api.register(org.caseworker);
    await api.http
      .post(`/v1/residents/${id}/events`)
      .auth(org.caseworker, { type: 'bearer' })
      .set('If-Match', '"1"')
      .send({ type: 'Landed', occurredOn: '2026-04-01', data: { ...landed, card: { number: 'IM12345678AA' } } })
      .expect(201);
    const before = await api.eventCount();
    const stale = await api.http
      .post(`/v1/residents/${id}/events`)
      .auth(org.caseworker, { type: 'bearer' })
      .set('If-Match', '"1"')
      .send({ type: 'Moved', occurredOn: '2026-04-02', data: { address: 'Tokyo' } })
      .expect(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(await api.eventCount()).toBe(before);
  });

  test('Idempotency-Key: a retry appends nothing and returns the first answer; another body with the key is refused', async () => {
    const id = await api.register(org.caseworker);
    const send = (data: object) =>
      api.http
        .post(`/v1/residents/${id}/events`)
        .auth(org.caseworker, { type: 'bearer' })
        .set('Idempotency-Key', 'retry-1')
        .send({ type: 'Landed', occurredOn: '2026-04-01', data });
    const first = await send({ ...landed, card: { number: 'ID12345678AA' } }).expect(201);
    const before = await api.eventCount();
    const again = await send({ ...landed, card: { number: 'ID12345678AA' } }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await api.eventCount()).toBe(before);
    const other = await send({ ...landed, card: { number: 'ID87654321AA' } }).expect(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const register = () =>
      api.http
        .post('/v1/residents')
        .auth(org.caseworker, { type: 'bearer' })
        .set('Idempotency-Key', 'new-client-7')
        .send({ fullName: 'LE VAN C', dateOfBirth: '1990-01-01', nationality: 'VNM' });
    const r1 = await register().expect(201);
    expect((await register().expect(201)).body).toEqual(r1.body);
  });

  test('a card number belongs to one resident per organisation (409); another organisation may track it', async () => {
    const a = await api.register(org.caseworker);
    const b = await api.register(org.caseworker);
    await api.record(org.caseworker, a, 'Landed', '2026-04-01', { ...landed, card: { number: 'CN12345678AA' } }).expect(201);
    const before = await api.eventCount();
    const taken = await api.record(org.caseworker, b, 'Landed', '2026-04-01', { ...landed, card: { number: 'CN12345678AA' } }).expect(409);
    expect(taken.body).toMatchObject({ status: 409, code: 'CARD_NUMBER_IN_USE' });
    expect(await api.eventCount()).toBe(before);
    const scrivener = await api.organisation('Gyosei', 'scrivener_office');
    const c = await api.register(scrivener.caseworker);
    await api.record(scrivener.caseworker, c, 'Landed', '2026-04-01', { ...landed, card: { number: 'CN12345678AA' } }).expect(201);
  });

  test('domain rule violations are 422 with their stable codes', async () => {
    const id = await api.register(org.caseworker, { dateOfBirth: '1998-07-21' });
    const code = async (type: string, occurredOn: string, data: Record<string, unknown> = {}) => {
      const response = await api.record(org.caseworker, id, type, occurredOn, data);
      expect(response.status).toBe(422);
      return response.body.code;
    };
    expect(await code('Landed', '1998-07-20', landed)).toBe('EVENT_BEFORE_BIRTH');
    expect(await code('Moved', '2999-01-01', { address: 'x' })).toBe('EVENT_IN_FUTURE');
    expect(await code('ExtensionDenied', '2026-01-01')).toBe('NO_PENDING_APPLICATION');
    expect(
      await code('Landed', '2026-10-31', { status: 'temporary_visitor', periodExpiresOn: '2027-01-29', card: { number: 'TV12345678AA' } }),
    ).toBe('NOT_A_MID_TO_LONG_TERM_RESIDENT');
    await api.record(org.caseworker, id, 'Landed', '2026-04-01', { ...landed, card: { number: 'RV12345678AA' } }).expect(201);
    await api.record(org.caseworker, id, 'Departed', '2026-05-01', { reentry: 'deemed' }).expect(201);
    expect(await code('Moved', '2026-05-02', { address: 'x' })).toBe('NOT_IN_JAPAN');
  });

  test('read-your-writes: the caseload lists include an event right after its POST', async () => {
    const id = await api.register(org.caseworker, { fullName: 'RYW TEST' });
    await api.record(org.caseworker, id, 'Landed', '2026-04-01', { ...landed, card: { number: 'RY12345678AA' } }).expect(201);
    const list = await api.http.get('/v1/residents?query=RY12345678AA').auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    const deadlines = await api.http
      .get(`/v1/deadlines?asOf=2026-04-01&kind=residence_notification_90_day`)
      .auth(org.viewer, { type: 'bearer' })
      .expect(200);
    expect(deadlines.body.items.map((d: { residentId: string }) => d.residentId)).toContain(id);
  });
});
