import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
let org: Keys;
const residents: string[] = [];

beforeAll(async () => {
  api = await Api.start();
  org = await api.organisation();
  for (const [i, landedOn] of ['2026-01-05', '2026-02-10', '2026-03-15'].entries()) {
    const id = await api.register(org.caseworker, { fullName: `RESIDENT ${i}` });
    await api
      .record(org.caseworker, id, 'Landed', landedOn, {
        status: 'student',
        periodExpiresOn: '2027-03-31',
        card: { number: `DL1234567${i}AA` },
      })
      .expect(201);
    await api.record(org.caseworker, id, 'Moved', landedOn, { address: 'Tokyo' }).expect(201);
    residents.push(id);
  }
  await api.record(org.caseworker, residents[0]!, 'ResidenceNotified', '2026-01-08', { address: 'Tokyo' }).expect(201);
});
afterAll(() => api.close());

const get = async (path: string) => (await api.http.get(path).auth(org.viewer, { type: 'bearer' }).expect(200)).body;

describe('the caseload deadlines', () => {
  test('are ordered by dueOn and agree with each resident’s own deadlines on any date', async () => {
    for (const asOf of ['2026-01-05', '2026-02-20', '2026-04-01', '2027-04-01']) {
      const caseload = await get(`/v1/deadlines?asOf=${asOf}&pageSize=200`);
      const dueOns = caseload.items.map((d: { dueOn: string }) => d.dueOn);
      expect(dueOns).toEqual([...dueOns].sort());
      const own = (await Promise.all(residents.map((id) => get(`/v1/residents/${id}/deadlines?asOf=${asOf}`)))).flat();
      const key = (d: { id: string; residentId: string; state: string; dueOn: string; metOn: string | null }) =>
        `${d.residentId}/${d.id}/${d.state}/${d.dueOn}/${d.metOn}`;
      expect(caseload.items.map(key).sort()).toEqual(own.map(key).sort());
      expect(caseload.total).toBe(own.length);
    }
  });

  test('filter by window, state and kind, and page', async () => {
    const window = await get('/v1/deadlines?from=2026-01-01&to=2026-02-28&asOf=2026-02-20');
    expect(window.items.map((d: { kind: string; dueOn: string; state: string }) => [d.kind, d.dueOn, d.state])).toEqual([
      ['residence_notification', '2026-01-19', 'met'],
      ['residence_notification', '2026-02-24', 'open'],
    ]);
    const overdue = await get('/v1/deadlines?state=overdue,met_late&asOf=2026-04-01');
    expect(overdue.items.map((d: { residentName: string; kind: string }) => [d.residentName, d.kind])).toEqual([
      ['RESIDENT 1', 'residence_notification'],
      ['RESIDENT 2', 'residence_notification'],
    ]);
    const kind = await get('/v1/deadlines?kind=period_renewal&asOf=2026-04-01&pageSize=2&page=2');
    expect(kind).toMatchObject({
      total: 3,
      items: [expect.objectContaining({ kind: 'period_renewal', opensOn: '2027-01-01', state: 'upcoming' })],
    });
  });

  test('the iCalendar feed opens with a read-only token and lists the deadlines still to act on', async () => {
    const token = (
      await api.http.post(`/v1/organisations/${org.organisationId}/calendar-tokens`).auth(org.manager, { type: 'bearer' }).expect(201)
    ).body;
    expect(token).toMatchObject({ token: expect.stringMatching(/^zc_/), url: expect.stringContaining('/v1/deadlines.ics?token=') });
    const feed = await api.http.get(`/v1/deadlines.ics?token=${token.token}`).expect(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(feed.text).toContain('DTSTART;VALUE=DATE:20270331');
    const open = await get(`/v1/deadlines?state=upcoming,open,overdue&pageSize=200`);
    // One event per deadline, and one more where a window opens (test/security/calendar-feed.e2e-spec.ts).
    const windows = open.items.filter((d: { opensOn: string | null }) => d.opensOn !== null).length;
    expect(feed.text.match(/BEGIN:VEVENT/g)).toHaveLength(open.total + windows);
    await api.http.get(`/v1/deadlines.ics?token=${org.viewer}`).expect(401);
    // The feed token is not an API key.
    await api.http.get('/v1/residents').auth(token.token, { type: 'bearer' }).expect(401);
  });
});

describe('cards', () => {
  test('look-up by number: resident and state as of a date', async () => {
    expect(await get('/v1/cards/DL12345670AA?asOf=2026-01-05')).toEqual({
      number: 'DL12345670AA',
      residentId: residents[0],
      state: 'valid',
      kind: 'residence_card',
      issuedOn: '2026-01-05',
      expiresOn: '2027-03-31',
      invalidatedOn: null,
      invalidationReason: null,
    });
    expect((await get('/v1/cards/DL12345670AA?asOf=2027-04-01')).state).toBe('expired');
    await api.http.get('/v1/cards/DL12345670AA?asOf=2025-12-31').auth(org.viewer, { type: 'bearer' }).expect(404);
  });
});
