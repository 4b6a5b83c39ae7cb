/**
 * The iCalendar feed (GET /v1/deadlines.ics), read back with ical.js as a calendar app would:
 * names cannot forge lines, every deadline still to act on is in it however many there are,
 * SUMMARY names the person first, each event carries its reminders, a renewal window's
 * opening is an event of its own, and the token's URL is absolute.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import ICAL from 'ical.js';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
let org: Keys;
let feedUrl: string;
let token: string;
/** Control characters are refused at the edge; the line and paragraph separators are not, and a feed must not break on them. */
const MALLORY = 'MALLORY\u2028END:VEVENT\u2029BEGIN:VEVENT\u2028SUMMARY:INJECTED\u2028X';
const MALLORY_WITH_CONTROLS = 'MALLORY\rEND:VEVENT\nBEGIN:VEVENT\r\nSUMMARY:INJECTED\u000b\u001b\u2028X';

beforeAll(async () => {
  api = await Api.start();
  org = await api.organisation('Feed');
  const an = await api.register(org.caseworker, { fullName: 'NGUYEN VAN AN' });
  await api
    .record(org.caseworker, an, 'Landed', '2026-04-01', {
      status: 'student',
      periodExpiresOn: '2027-03-31',
      card: { number: 'FE12345678ED' },
    })
    .expect(201);
  await api.record(org.caseworker, an, 'Moved', '2026-04-05', { address: 'Tokyo' }).expect(201);
  await api.record(org.caseworker, an, 'ResidenceNotified', '2026-04-10', { address: 'Tokyo' }).expect(201);
  await api.record(org.caseworker, an, 'Moved', '2026-11-25', { address: 'Tokyo' }).expect(201);
  const mallory = await api.register(org.caseworker, { fullName: MALLORY });
  await api
    .record(org.caseworker, mallory, 'Landed', '2026-04-01', {
      status: 'student',
      periodExpiresOn: '2027-03-31',
      card: { number: 'MA12345678LL' },
    })
    .expect(201);
  const issued = await api.http
    .post(`/v1/organisations/${org.organisationId}/calendar-tokens`)
    .auth(org.manager, { type: 'bearer' })
    .expect(201);
  feedUrl = issued.body.url;
  token = issued.body.token;
});
afterAll(() => api.close());

interface FeedEvent {
  uid: string;
  summary: string;
  start: string;
  isDate: boolean;
  alarms: Array<{ action: string; trigger: string }>;
}

function eventsOf(text: string): FeedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    return {
      uid: String(vevent.getFirstPropertyValue('uid')),
      summary: String(vevent.getFirstPropertyValue('summary')),
      start: start.toString(),
      isDate: start.isDate,
      alarms: vevent.getAllSubcomponents('valarm').map((alarm) => ({
        action: String(alarm.getFirstPropertyValue('action')),
        trigger: String(alarm.getFirstPropertyValue('trigger')),
      })),
    };
  });
}

/** What the feed makes of a name: every control character a space. */
// eslint-disable-next-line no-control-regex -- control characters are what is being matched
const shown = (name: string) => name.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');

const feed = async (query = `token=${token}`) => {
  const response = await api.http.get(`/v1/deadlines.ics?${query}`).expect(200);
  expect(response.headers['content-type']).toContain('text/calendar');
  return response.text;
};

const stillToAct = async () =>
  (await api.http.get('/v1/deadlines?state=upcoming,open,overdue&pageSize=200').auth(org.viewer, { type: 'bearer' }).expect(200)).body
    .items as Array<{ id: string; residentId: string; residentName: string; dueOn: string; opensOn: string | null; label: { ja: string } }>;

describe('the calendar feed', () => {
  test("the token's url is absolute and opens the feed", async () => {
    expect(feedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\/deadlines\.ics\?token=zc_/);
    expect(feedUrl).toContain(token);
  });

  test('a name with CR, LF and other control characters cannot forge a line or an event', async () => {
    await api.http
      .post('/v1/residents?confirm=true')
      .auth(org.caseworker, { type: 'bearer' })
      .send({ fullName: MALLORY_WITH_CONTROLS, dateOfBirth: '1998-07-21', nationality: 'VNM' })
      .expect(400);
    const text = await feed();
    // Every line ends in CRLF; no bare CR or LF and no other control character is left.
    // eslint-disable-next-line no-control-regex -- control characters are what is being matched
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f\u2028\u2029]/);
    expect(text.split('\r\n').filter((line) => line.startsWith('SUMMARY:INJECTED'))).toEqual([]);
    const items = await stillToAct();
    const events = eventsOf(text);
    expect(events).toHaveLength(items.length + items.filter((item) => item.opensOn).length);
    const hers = events.filter((event) => event.summary.startsWith('MALLORY'));
    expect(hers.length).toBeGreaterThan(0);
    for (const event of hers) expect(event.summary.startsWith('MALLORY END:VEVENT BEGIN:VEVENT SUMMARY:INJECTED X — ')).toBe(true);
  });

  test('SUMMARY names the person first; each deadline is an all-day event on its last day with reminders 7 and 1 days before', async () => {
    const events = eventsOf(await feed());
    for (const item of await stillToAct()) {
      const event = events.find((e) => e.uid === `${item.residentId}-${item.id}@zairyu-ledger`);
      expect(event).toMatchObject({ summary: `${shown(item.residentName)} — ${item.label.ja}`, start: item.dueOn, isDate: true });
      // 09:00 on the day 7 days before and on the day before the all-day event.
      expect(event!.alarms).toEqual([
        { action: 'DISPLAY', trigger: '-P6DT15H' },
        { action: 'DISPLAY', trigger: '-PT15H' },
      ]);
    }
    expect(events.map((e) => e.summary)).toContain('NGUYEN VAN AN — 住居地変更届出');
  });

  test("a renewal window's opening is an event on the day it opens", async () => {
    const events = eventsOf(await feed());
    const windows = (await stillToAct()).filter((item) => item.opensOn);
    expect(windows.length).toBeGreaterThan(0);
    for (const item of windows) {
      const opening = events.find((e) => e.uid === `${item.residentId}-${item.id}-opens@zairyu-ledger`);
      expect(opening).toMatchObject({
        start: item.opensOn,
        summary: `${shown(item.residentName)} — ${item.label.ja}（受付開始）`,
        isDate: true,
      });
    }
  });

  test('the feed does not stop at 10,000 deadlines: 10,050 go out, each once', async () => {
    // Seeded straight into the read model (one statement) to keep the test quick: deadline rows with
    // no resident summary behind them, so the feed names none (a name is opened from the summary).
    const other = await api.organisation('Big caseload');
    await api.runtime.pool.query(
      `INSERT INTO read_model.deadline (organisation_id, id, resident_id, kind, created_on, opens_on,
         statutory_due_on, due_on, met_on, void_on, source_event_id)
       SELECT $1, 'address_change_notification-' || n, gen_random_uuid(), 'address_change_notification',
              '2026-01-01', NULL, d, d, NULL, NULL, 'seed-' || n
       FROM generate_series(1, 10050) AS n, LATERAL (SELECT date '2027-01-01' + (n % 400) AS d) AS due`,
      [other.organisationId],
    );
    const bigToken = (
      await api.http.post(`/v1/organisations/${other.organisationId}/calendar-tokens`).auth(other.manager, { type: 'bearer' }).expect(201)
    ).body.token;
    const text = await feed(`token=${bigToken}`);
    // Read line by line here (ical.js takes seconds over 10,000 events; the tests above parse).
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(10_050);
    const uids = text.match(/^UID:.*\r$/gm)!;
    expect(new Set(uids).size).toBe(10_050);
    const starts = text.match(/^DTSTART;VALUE=DATE:\d{8}\r$/gm)!;
    expect(starts).toEqual([...starts].sort());
  }, 60_000);
});

describe('configuration', () => {
  let configured: Api;
  beforeAll(async () => {
    configured = await Api.start({ calendarAlarmDays: [30], people: { publicUrl: 'https://ledger.example.jp' } });
  });
  afterAll(() => configured.close());

  test('CALENDAR_ALARM_DAYS sets the reminders, PUBLIC_URL the base of the feed URL', async () => {
    const keys = await configured.organisation();
    const id = await configured.register(keys.caseworker);
    await configured.record(keys.caseworker, id, 'Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2027-03-31' }).expect(201);
    await configured.record(keys.caseworker, id, 'Moved', '2026-11-25', { address: 'Osaka' }).expect(201);
    const issued = await configured.http
      .post(`/v1/organisations/${keys.organisationId}/calendar-tokens`)
      .auth(keys.manager, { type: 'bearer' })
      .set('X-Forwarded-Host', 'evil.example')
      .expect(201);
    expect(issued.body.url).toBe(`https://ledger.example.jp/v1/deadlines.ics?token=${issued.body.token}`);
    const events = eventsOf((await configured.http.get(`/v1/deadlines.ics?token=${issued.body.token}`).expect(200)).text);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) expect(event.alarms).toEqual([{ action: 'DISPLAY', trigger: '-P29DT15H' }]);
  });
});
