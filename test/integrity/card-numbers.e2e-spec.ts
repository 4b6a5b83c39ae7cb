/**
 * Data integrity: within an organisation a card number belongs to exactly one
 * resident, however requests race; a retraction frees the number it claimed; a refused
 * request leaves no claim behind.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
let org: Keys;

beforeAll(async () => {
  api = await Api.start();
  org = await api.organisation();
});
afterAll(() => api.close());

const landing = (number?: string) => ({
  status: 'specified_skilled_worker_1',
  periodExpiresOn: '2027-03-31',
  ...(number ? { card: { number } } : {}),
});

async function claimRows(number: string): Promise<number> {
  const { rows } = await api.runtime.pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [
    `card-${org.organisationId}-${number}`,
  ]);
  return rows[0].n;
}

/** Every request of a race answered, exactly one 201, the rest 409 CARD_NUMBER_IN_USE; the read side agrees. */
async function expectOneHolder(number: string, residents: string[], responses: Array<{ status: number; body: { code?: string } }>) {
  expect(responses.map((response) => response.status).sort()).toEqual([201, ...Array(residents.length - 1).fill(409)]);
  for (const response of responses.filter((r) => r.status === 409)) expect(response.body.code).toBe('CARD_NUMBER_IN_USE');
  const winner = residents[responses.findIndex((response) => response.status === 201)]!;
  const card = await api.http.get(`/v1/cards/${number}?asOf=2026-04-02`).auth(org.viewer, { type: 'bearer' }).expect(200);
  expect(card.body.residentId).toBe(winner);
  const listed = await api.http.get(`/v1/residents?query=${number}`).auth(org.viewer, { type: 'bearer' }).expect(200);
  expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([winner]);
  for (const loser of residents.filter((id) => id !== winner)) {
    const events = await api.http.get(`/v1/residents/${loser}/events`).auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(JSON.stringify(events.body)).not.toContain(number);
  }
}

describe('one card number, one resident', () => {
  test('20 trials of two residents racing CardIssued with one number: one 201, one 409, one holder', async () => {
    for (let trial = 0; trial < 20; trial++) {
      const number = `RA${String(trial).padStart(8, '0')}CE`;
      const residents = [await api.register(org.caseworker), await api.register(org.caseworker)];
      for (const id of residents) await api.record(org.caseworker, id, 'Landed', '2026-04-01', landing()).expect(201);
      const responses = await Promise.all(
        residents.map((id) => api.record(org.caseworker, id, 'CardIssued', '2026-04-02', { card: { number }, reason: 'landing' })),
      );
      await expectOneHolder(number, residents, responses);
    }
  }, 120_000);

  test('20 trials of eight residents racing Landed with one card: one 201, seven 409, one holder', async () => {
    for (let trial = 0; trial < 20; trial++) {
      const number = `EW${String(trial).padStart(8, '0')}AY`;
      const residents = await Promise.all(Array.from({ length: 8 }, () => api.register(org.caseworker)));
      const responses = await Promise.all(residents.map((id) => api.record(org.caseworker, id, 'Landed', '2026-04-01', landing(number))));
      await expectOneHolder(number, residents, responses);
    }
  }, 180_000);

  test('a retraction frees the number it claimed: another resident may then record it, and the look-up follows', async () => {
    const [first, second] = [await api.register(org.caseworker), await api.register(org.caseworker)];
    const landed = await api.record(org.caseworker, first, 'Landed', '2026-04-01', landing('RT12345678FR')).expect(201);
    await api.record(org.caseworker, second, 'Landed', '2026-04-01', landing('RT12345678FR')).expect(409);
    await api
      .record(org.caseworker, first, 'EventRetracted', '2026-04-02', { eventId: landed.body.eventId, reason: 'wrong resident' })
      .expect(201);
    await api.http.get('/v1/cards/RT12345678FR').auth(org.viewer, { type: 'bearer' }).expect(404);
    await api.record(org.caseworker, second, 'Landed', '2026-04-01', landing('RT12345678FR')).expect(201);
    const card = await api.http.get('/v1/cards/RT12345678FR?asOf=2026-04-02').auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(card.body.residentId).toBe(second);
    // The first resident no longer holds it: recording it there again is now the conflict.
    const again = await api.record(org.caseworker, first, 'Landed', '2026-04-01', landing('RT12345678FR')).expect(409);
    expect(again.body.code).toBe('CARD_NUMBER_IN_USE');
  });

  test('a resident whose landing was retracted records the number again (a fresh claim of the freed number)', async () => {
    const id = await api.register(org.caseworker);
    const landed = await api.record(org.caseworker, id, 'Landed', '2026-04-01', landing('SA12345678ME')).expect(201);
    await api
      .record(org.caseworker, id, 'EventRetracted', '2026-04-02', { eventId: landed.body.eventId, reason: 'typo in date' })
      .expect(201);
    await api.record(org.caseworker, id, 'Landed', '2026-04-02', landing('SA12345678ME')).expect(201);
    expect(await claimRows('SA12345678ME')).toBe(2);
    const card = await api.http.get('/v1/cards/SA12345678ME?asOf=2026-04-03').auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(card.body.residentId).toBe(id);
  });
});

describe('a command writes all of its events or none', () => {
  test('a landing the database refuses after its card was claimed (a NUL in port) leaves no claim and no event', async () => {
    const id = await api.register(org.caseworker);
    const before = await api.eventCount();
    const refused = await api.record(org.caseworker, id, 'Landed', '2026-04-01', { ...landing('NU12345678LL'), port: 'Narita\u0000' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await claimRows('NU12345678LL')).toBe(0);
    expect(await api.eventCount()).toBe(before);
    // And the number is free for the next, valid request.
    await api.record(org.caseworker, id, 'Landed', '2026-04-01', { ...landing('NU12345678LL'), port: 'Narita' }).expect(201);
  });
});

describe('card numbers as people type them are read as printed, on every path', () => {
  test('a landing with `ab 1234-5678 cd` records AB12345678CD: the claim, the events, the look-up and the search agree', async () => {
    const id = await api.register(org.caseworker);
    await api.record(org.caseworker, id, 'Landed', '2026-04-01', landing('ty 1234-5678 pd')).expect(201);
    expect(await claimRows('TY12345678PD')).toBe(1);
    const events = await api.http.get(`/v1/residents/${id}/events`).auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(events.body.at(-1).data.card.number).toBe('TY12345678PD');
    for (const typed of ['TY12345678PD', 'ty 1234-5678 pd', 'ｔｙ１２３４５６７８ｐｄ', 'TY1234ー5678PD']) {
      const card = await api.http
        .get(`/v1/cards/${encodeURIComponent(typed)}?asOf=2026-04-02`)
        .auth(org.viewer, { type: 'bearer' })
        .expect(200);
      expect(card.body).toMatchObject({ number: 'TY12345678PD', residentId: id });
    }
    const listed = await api.http.get('/v1/residents?query=ty%201234-5678%20pd').auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([id]);
  });

  test('the same number typed another way by another resident is the same number: 409 CARD_NUMBER_IN_USE', async () => {
    const [first, second] = [await api.register(org.caseworker), await api.register(org.caseworker)];
    await api.record(org.caseworker, first, 'Landed', '2026-04-01', landing('TW12345678IN')).expect(201);
    const refused = await api.record(org.caseworker, second, 'Landed', '2026-04-01', landing('tw-1234 5678-in')).expect(409);
    expect(refused.body.code).toBe('CARD_NUMBER_IN_USE');
  });

  test('CardVerified takes a typed number too; what is not a card number after reading stays a 400', async () => {
    const id = await api.register(org.caseworker);
    await api.record(org.caseworker, id, 'Landed', '2026-04-01', landing('VF12345678ED')).expect(201);
    const verified = await api.record(org.caseworker, id, 'CardVerified', '2026-04-02', { number: 'vf 12345678 ed', result: 'valid' });
    expect(verified.status).toBe(201);
    const bad = await api.record(org.caseworker, id, 'CardIssued', '2026-04-02', { card: { number: 'vf 1234' }, reason: 'exchange' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'data.card.number' })]);
    await api.http.get('/v1/cards/vf-1234').auth(org.viewer, { type: 'bearer' }).expect(400);
  });
});
