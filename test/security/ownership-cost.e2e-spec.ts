/**
 * No "existence by timing": another organisation's resident must cost what a missing
 * one costs. The ledger knows the owner from the registration alone (read unopened, or kept with
 * the fold) before anything else is read, so a foreign id costs one statement that hands out at
 * most one event, however long the stream is, whether this process keeps the stream or not.
 * The owner's kept stream costs one statement too: what was recorded since, no key looked up
 * when nothing new is sealed. (Timings are measured in bench/, not here.)
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { residentStream } from '@zairyu/resident-streams';
import { Api, type Keys } from '../support/api-harness.js';
import { sentStatements } from '../support/sent-statements.js';

let api: Api;
let mine: Keys;
let theirs: Keys;
let resident: string;

/** What reading a resident sends: its events and its data key. */
const RESIDENT_READS = /FROM events WHERE stream_id|vault\.resident_key/;

beforeAll(async () => {
  api = await Api.start();
  mine = await api.organisation('Mine');
  theirs = await api.organisation('Theirs');
  resident = await api.register(theirs.caseworker);
  await api.record(theirs.caseworker, resident, 'Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31' }).expect(201);
  for (let n = 0; n < 30; n++) await api.record(theirs.caseworker, resident, 'Moved', '2026-05-01', { address: `Tokyo ${n}` }).expect(201);
  // A list waits until the projector has passed these writes: its reads must not be counted below.
  await api.http.get('/v1/residents').auth(theirs.viewer, { type: 'bearer' }).expect(200);
});
afterAll(() => api.close());

const requests = (id: string) => [
  ...['', '/status', '/deadlines', '/events'].map(
    (path) => () => api.http.get(`/v1/residents/${id}${path}`).auth(mine.viewer, { type: 'bearer' }),
  ),
  () =>
    api.http
      .post(`/v1/residents/${id}/events`)
      .auth(mine.caseworker, { type: 'bearer' })
      .send({ type: 'Moved', occurredOn: '2026-05-02', data: { address: 'Osaka' } }),
];

test.each([
  ['kept by this process (its owner wrote through it)', false],
  ['not kept', true],
])("another organisation's long stream, %s, is answered 404 after the same one statement as a missing one", async (_, dropped) => {
  const missing = randomUUID();
  const foreign = requests(resident);
  for (const [n, call] of requests(missing).entries()) {
    if (dropped) api.runtime.keptFolds.drop(residentStream(resident));
    let theirsAnswer: Awaited<ReturnType<ReturnType<typeof requests>[number]>> | undefined;
    let missingAnswer: typeof theirsAnswer;
    const theirsSent = await sentStatements(RESIDENT_READS, async () => (theirsAnswer = await foreign[n]!()));
    const missingSent = await sentStatements(RESIDENT_READS, async () => (missingAnswer = await call()));
    expect(theirsAnswer!.status).toBe(404);
    expect(theirsAnswer!.body).toEqual(missingAnswer!.body);
    expect(theirsSent.map((statement) => statement.sql)).toEqual(missingSent.map((statement) => statement.sql));
    expect(theirsSent).toHaveLength(1);
    // At most the registration is handed out, never the stream's 32 events.
    expect(theirsSent[0]!.rows).toBeLessThanOrEqual(1);
  }
});

test('the owner’s kept stream is read with one statement (what was recorded since: nothing), no data key looked up', async () => {
  await api.http.get(`/v1/residents/${resident}/events`).auth(theirs.viewer, { type: 'bearer' }).expect(200);
  const sent = await sentStatements(RESIDENT_READS, async () => {
    const history = await api.http.get(`/v1/residents/${resident}/events`).auth(theirs.viewer, { type: 'bearer' }).expect(200);
    expect(history.body).toHaveLength(32);
    expect(history.body.at(-1).data.address).toBe('Tokyo 29');
  });
  expect(sent).toEqual([{ sql: expect.stringMatching(/FROM events WHERE stream_id = \$1 AND version >= \$2/), rows: 0 }]);
});
