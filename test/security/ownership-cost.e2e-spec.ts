/**
 * No "existence by timing": another organisation's resident must cost what a missing
 * one costs. The ledger reads the owner from the registration alone before anything else, so
 * for a foreign id the store hands out one event however long the stream is. (Timings are
 * measured in bench/, not here.)
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import type { EventStore, ReadStreamOptions, StoredEvent } from '@zairyu/event-store';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
let mine: Keys;
let theirs: Keys;

beforeAll(async () => {
  api = await Api.start();
  mine = await api.organisation('Mine');
  theirs = await api.organisation('Theirs');
});
afterAll(() => api.close());

test("another organisation's long stream is answered 404 after reading its first event only, like a missing one", async () => {
  const resident = await api.register(theirs.caseworker);
  await api.record(theirs.caseworker, resident, 'Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31' }).expect(201);
  for (let n = 0; n < 30; n++) await api.record(theirs.caseworker, resident, 'Moved', '2026-05-01', { address: `Tokyo ${n}` }).expect(201);

  // A list waits until the projector has passed these writes: its reads must not be counted below.
  await api.http.get('/v1/residents').auth(theirs.viewer, { type: 'bearer' }).expect(200);
  // Count what the store hands out (the real PostgreSQL store, observed, not replaced).
  const store = api.runtime.store as EventStore;
  const readStream = store.readStream.bind(store);
  let handedOut = 0;
  store.readStream = async (streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> => {
    const events = await readStream(streamId, options);
    handedOut += events.length;
    return events;
  };
  try {
    for (const path of ['', '/status', '/deadlines', '/events']) {
      handedOut = 0;
      await api.http.get(`/v1/residents/${resident}${path}`).auth(mine.viewer, { type: 'bearer' }).expect(404);
      expect(handedOut).toBe(1);
      await api.http
        .post(`/v1/residents/${resident}/events`)
        .auth(mine.caseworker, { type: 'bearer' })
        .send({ type: 'Moved', occurredOn: '2026-05-02', data: { address: 'Osaka' } })
        .expect(404);
    }
    handedOut = 0;
    const history = await api.http.get(`/v1/residents/${resident}/events`).auth(theirs.viewer, { type: 'bearer' }).expect(200);
    expect(history.body).toHaveLength(32);
    // The owner's stream is kept folded (kept-folds.ts): the registration (the ownership check)
    // and the events since the kept version (none) are all that is read again.
    expect(handedOut).toBe(1);
  } finally {
    store.readStream = readStream;
  }
});
