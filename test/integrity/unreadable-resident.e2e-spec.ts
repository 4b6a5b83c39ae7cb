/**
 * No stored event may hang or crash a read. A resident whose stream cannot be folded (an event
 * row written straight into the log with a date that is no date) or opened (its wrapped data key
 * damaged in the database) is quarantined by the projection, which goes on for everyone else,
 * and every read of that one resident answers 409 RESIDENT_UNREADABLE, never 500 (nor a hang).
 * Another organisation still finds nothing (404): the state of a stream reveals no resident.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { residentStream } from '@zairyu/resident-streams';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
let owner: Keys;
let other: Keys;

beforeAll(async () => {
  api = await Api.start();
  owner = await api.organisation('Damaged Office');
  other = await api.organisation('Neighbour Office', 'scrivener_office');
});
afterAll(() => api.close());

const metadataOf = (organisationId: string) => ({ recordedBy: 'test', organisationId, correlationId: randomUUID(), causationId: null });

/** A student landed with a card, projected. */
async function landedStudent(fullName: string, cardNumber: string): Promise<string> {
  const id = await api.register(owner.caseworker, { fullName });
  await api
    .record(owner.caseworker, id, 'Landed', '2026-04-01', {
      status: 'student',
      periodExpiresOn: '2028-03-31',
      card: { number: cardNumber, expiresOn: '2028-03-31' },
    })
    .expect(201);
  await caughtUp();
  return id;
}

/** An event row the API would refuse, written straight into the log. */
async function insertRow(organisationId: string, residentId: string, type: string, data: unknown): Promise<void> {
  await api.runtime.pool.query(
    `INSERT INTO events (stream_id, version, event_id, type, occurred_on, data, metadata)
     SELECT $1, max(version) + 1, $2, $3, '2026-05-01', $4::jsonb, $5::jsonb FROM events WHERE stream_id = $1`,
    [residentStream(residentId), randomUUID(), type, JSON.stringify(data), JSON.stringify(metadataOf(organisationId))],
  );
}

async function caughtUp(): Promise<void> {
  for (let tries = 0; tries < 200 && (await api.runtime.projection.lag()) !== 0; tries++) await new Promise((r) => setTimeout(r, 25));
  expect(await api.runtime.projection.lag()).toBe(0);
}

async function quarantined(): Promise<Array<{ residentId: string; error: string }>> {
  const health = (await api.http.get('/health').expect(200)).body;
  return health.quarantined?.residents ?? [];
}

/** Every read that folds the one resident answers the problem, in problem+json. */
async function expectUnreadable(residentId: string, cardNumber: string): Promise<void> {
  for (const path of [
    `/v1/residents/${residentId}`,
    `/v1/residents/${residentId}?asOf=2026-06-01`,
    `/v1/residents/${residentId}/status?asOf=2026-06-01`,
    `/v1/residents/${residentId}/deadlines`,
    `/v1/residents/${residentId}/timeline`,
    `/v1/cards/${cardNumber}`,
  ]) {
    const answer = await api.http.get(path).auth(owner.viewer, { type: 'bearer' });
    expect({ path, status: answer.status, code: answer.body.code }).toEqual({ path, status: 409, code: 'RESIDENT_UNREADABLE' });
    expect(answer.headers['content-type']).toContain('application/problem+json');
    expect(answer.body).toMatchObject({ title: 'Conflict', type: 'https://zairyu-ledger.dev/problems/resident-unreadable' });
    expect(answer.body.detail).toContain('この在留者の記録を読み取れません');
  }
  await api.http.get(`/v1/residents/${residentId}`).auth(other.viewer, { type: 'bearer' }).expect(404);
}

describe('a resident whose stream cannot be read: quarantined, and its reads answer 409 RESIDENT_UNREADABLE', () => {
  test('a Landed row whose periodExpiresOn is "never" neither hangs nor crashes the projection or the reads', async () => {
    const victim = await landedStudent('NEVER ENDING', 'AB12345678CD');
    await insertRow(owner.organisationId, victim, 'Landed', { status: 'student', periodExpiresOn: 'never' });
    await api.register(other.caseworker, { fullName: 'AFTER NEVER' });
    await caughtUp();
    expect(await quarantined()).toEqual([
      expect.objectContaining({ residentId: victim, error: expect.stringContaining('data.periodExpiresOn is not a calendar date') }),
    ]);
    await expectUnreadable(victim, 'AB12345678CD');
    // A write is refused the same way; an erasure, which needs no fold, still answers.
    const recorded = await api.record(owner.caseworker, victim, 'Moved', '2026-06-01', { address: 'Tokyo' });
    expect([recorded.status, recorded.body.code]).toEqual([409, 'RESIDENT_UNREADABLE']);
    await api.http
      .post(`/v1/residents/${victim}/erasure`)
      .auth(owner.manager, { type: 'bearer' })
      .send({ reason: 'recorded_in_error' })
      .expect(200);
    await caughtUp();
    expect(await quarantined()).toEqual([]);
  });

  test('a Moved row whose data is null: the same', async () => {
    const victim = await landedStudent('NULL MOVE', 'CD87654321AB');
    await insertRow(owner.organisationId, victim, 'Moved', null);
    await caughtUp();
    expect(await quarantined()).toEqual([expect.objectContaining({ residentId: victim })]);
    await expectUnreadable(victim, 'CD87654321AB');
    await api.http
      .post(`/v1/residents/${victim}/erasure`)
      .auth(owner.manager, { type: 'bearer' })
      .send({ reason: 'recorded_in_error' })
      .expect(200);
    await caughtUp();
  });

  test('a wrapped data key damaged in the database: the log is still read, that resident alone is quarantined and unreadable', async () => {
    const victim = await landedStudent('DAMAGED KEY', 'EF11223344GH');
    await api.runtime.pool.query(`UPDATE vault.resident_key SET wrapped_key = $2 WHERE resident_id = $1`, [victim, Buffer.alloc(60, 9)]);
    // An event of the victim in the log's next page, with others after it: the page must still be read.
    await api.runtime.pool.query(
      `INSERT INTO events (stream_id, version, event_id, type, occurred_on, data, metadata)
       SELECT $1, max(version) + 1, $2, 'Moved', '2026-05-01', '{"address": {"$sealed": "AAAA"}}', $3::jsonb FROM events WHERE stream_id = $1`,
      [residentStream(victim), randomUUID(), JSON.stringify(metadataOf(owner.organisationId))],
    );
    await api.register(other.caseworker, { fullName: 'PAST THE KEY' });
    const listed = await api.http.get('/v1/residents?query=PAST').auth(other.viewer, { type: 'bearer' }).expect(200);
    expect(listed.body.items.map((item: { fullName: string }) => item.fullName)).toEqual(['PAST THE KEY']);
    await caughtUp();
    expect(await quarantined()).toEqual([
      expect.objectContaining({ residentId: victim, error: expect.stringContaining('data key is damaged') }),
    ]);
    await expectUnreadable(victim, 'EF11223344GH');
  });
});
