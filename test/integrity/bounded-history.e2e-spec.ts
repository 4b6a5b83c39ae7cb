/**
 * One tenant must not slow all: the cost of a resident's reads and writes is bounded. A
 * resident's history holds at most MAX_EVENTS_PER_RESIDENT events (a write past it is a 422
 * that appends nothing), and the history can be read in pages (`?after=&limit=`, with a Link
 * to the next page). A small bound here so the test stays short.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Api, type Keys } from '../support/api-harness.js';

const BOUND = 12;

let api: Api;
let org: Keys;
let full: string;

async function landed(): Promise<string> {
  const id = await api.register(org.caseworker);
  await api.record(org.caseworker, id, 'Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31' }).expect(201);
  return id;
}

const move = (id: string, n: number) => api.record(org.caseworker, id, 'Moved', '2026-05-01', { address: `Tokyo ${n}` });

beforeAll(async () => {
  api = await Api.start({ maxEventsPerResident: BOUND });
  org = await api.organisation();
  full = await landed();
  for (let n = 3; n <= BOUND; n++) await move(full, n).expect(201);
});
afterAll(() => api.close());

describe('a bound on one resident’s history', () => {
  test(`the ${BOUND + 1}th event is refused with 422 RESIDENT_HISTORY_FULL and nothing is appended`, async () => {
    const before = await api.eventCount();
    const refused = await move(full, BOUND + 1).expect(422);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 422, code: 'RESIDENT_HISTORY_FULL' });
    expect(refused.body.detail).toContain(String(BOUND));
    expect(await api.eventCount()).toBe(before);
  });

  test('concurrent writers cannot push a resident past the bound', async () => {
    const id = await landed();
    const responses = await Promise.all(Array.from({ length: BOUND + 5 }, (_, n) => move(id, n)));
    expect(responses.filter((response) => response.status === 201)).toHaveLength(BOUND - 2);
    expect(responses.filter((response) => response.status === 422)).toHaveLength(7);
    const events = await api.http.get(`/v1/residents/${id}/events`).auth(org.viewer, { type: 'bearer' }).expect(200);
    expect(events.body).toHaveLength(BOUND);
  }, 60_000);

  test('another resident of the same organisation is not affected', async () => {
    await move(await landed(), 1).expect(201);
  });
});

describe('the history in pages', () => {
  const get = (query: string) => api.http.get(`/v1/residents/${full}/events${query}`).auth(org.viewer, { type: 'bearer' });

  test('pages of 5 follow the Link header and together are the whole history', async () => {
    const whole = (await get('').expect(200)).body as Array<{ version: number }>;
    expect(whole.map((event) => event.version)).toEqual(Array.from({ length: BOUND }, (_, i) => i + 1));
    const pages: Array<Array<{ version: number }>> = [];
    let query = '?limit=5';
    for (;;) {
      const response = await get(query).expect(200);
      pages.push(response.body);
      const next = /^<[^?>]+(\?[^>]+)>; rel="next"$/.exec(response.headers['link'] ?? '')?.[1];
      if (!next) break;
      query = next;
    }
    expect(pages.map((page) => page.map((event) => event.version))).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10],
      [11, 12],
    ]);
    expect(pages.flat()).toEqual(whole);
  });

  test('after alone starts later with the default page size; past the end is an empty page', async () => {
    expect(((await get('?after=10').expect(200)).body as Array<{ version: number }>).map((event) => event.version)).toEqual([11, 12]);
    const end = await get(`?after=${BOUND}&limit=3`).expect(200);
    expect(end.body).toEqual([]);
    expect(end.headers['link']).toBeUndefined();
  });

  test.each(['?limit=0', '?limit=501', '?limit=abc', '?after=-1', '?after=1.5', '?after=x&limit=2'])(
    '%s is a 400 naming the parameter',
    async (query) => {
      const response = await get(query).expect(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors[0].field).toMatch(/^(after|limit)$/);
    },
  );
});
