/**
 * Assignment: a resident is assigned to a caseworker, lists and the caseload's
 * deadlines filter by "mine", and a reassignment is a recorded fact (CaseAssigned) naming who
 * made it.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { Api, type Keys } from '../support/api-harness.js';
import { invite, person, type SignedIn } from '../support/people.js';

let api: Api;
let sakura: Keys;
let fuji: Keys;
let yuki: SignedIn;
let ken: SignedIn;

beforeAll(async () => {
  api = await Api.start();
  sakura = await api.organisation('Sakura Support');
  fuji = await api.organisation('Fuji Gyosei');
  yuki = await person(api, sakura.organisationId, sakura.manager, 'caseworker');
  ken = await person(api, sakura.organisationId, sakura.manager, 'caseworker');
});
afterAll(() => api.close());

const register = async (as: SignedIn, fullName: string, assignedTo?: string) =>
  (
    await as.agent
      .post('/v1/residents')
      .set('x-csrf-token', as.csrf)
      .send({ fullName, dateOfBirth: '1998-07-21', nationality: 'VNM', ...(assignedTo ? { assignedTo } : {}) })
      .expect(201)
  ).body.id as string;

const land = (as: SignedIn, residentId: string) =>
  as.agent
    .post(`/v1/residents/${residentId}/events`)
    .set('x-csrf-token', as.csrf)
    .send({ type: 'Landed', occurredOn: '2026-04-01', data: { status: 'student', periodExpiresOn: '2028-03-31' } })
    .expect(201);

const ids = (body: { items: Array<{ id?: string; residentId?: string }> }) => body.items.map((item) => item.id ?? item.residentId).sort();

test('lists and deadlines filter by "mine"; a reassignment is recorded with who made it; the lists follow it', async () => {
  const an = await register(yuki, 'NGUYEN VAN AN', yuki.userId);
  const binh = await register(yuki, 'TRAN THI BINH');
  const chi = await register(ken, 'LE VAN CHI', ken.userId);
  for (const id of [an, binh, chi]) await land(yuki, id);

  const mine = await yuki.agent.get('/v1/residents?assignedTo=me').expect(200);
  expect(mine.body.items.map((item: { id: string; assignedTo: string }) => [item.id, item.assignedTo])).toEqual([[an, yuki.userId]]);
  expect(ids((await ken.agent.get('/v1/residents?assignedTo=me').expect(200)).body)).toEqual([chi]);
  expect(ids((await yuki.agent.get('/v1/residents?assignedTo=none').expect(200)).body)).toEqual([binh]);
  expect(ids((await yuki.agent.get(`/v1/residents?assignedTo=${ken.userId}`).expect(200)).body)).toEqual([chi]);

  const myDeadlines = await yuki.agent.get('/v1/deadlines?assignedTo=me&asOf=2026-04-02').expect(200);
  expect(myDeadlines.body.total).toBeGreaterThan(0);
  expect(new Set(myDeadlines.body.items.map((d: { residentId: string }) => d.residentId))).toEqual(new Set([an]));
  const all = await yuki.agent.get('/v1/deadlines?asOf=2026-04-02').expect(200);
  expect(all.body.total).toBe(3 * myDeadlines.body.total);

  // Yuki hands An over to Ken.
  await yuki.agent
    .post(`/v1/residents/${an}/events`)
    .set('x-csrf-token', yuki.csrf)
    .send({ type: 'CaseAssigned', occurredOn: '2026-04-02', data: { assignedTo: ken.userId, note: 'Yuki on leave' } })
    .expect(201);
  const history = await ken.agent.get(`/v1/residents/${an}/events`).expect(200);
  expect(history.body.at(-1)).toMatchObject({
    type: 'CaseAssigned',
    data: { assignedTo: ken.userId, note: 'Yuki on leave' },
    recordedBy: `user:${yuki.userId}`,
    recordedByName: expect.stringContaining('caseworker'),
    // The person put in charge by name, so that no screen shows a user id.
    namedPeople: { [ken.userId]: expect.stringContaining('caseworker') },
  });
  expect(history.body[0]).toMatchObject({ type: 'ResidentRegistered', namedPeople: { [yuki.userId]: expect.any(String) } });
  expect(history.body[1].namedPeople).toEqual({});
  expect((await ken.agent.get(`/v1/residents/${an}`).expect(200)).body.assignedTo).toBe(ken.userId);
  expect(ids((await ken.agent.get('/v1/residents?assignedTo=me').expect(200)).body)).toEqual([an, chi].sort());
  expect((await yuki.agent.get('/v1/residents?assignedTo=me').expect(200)).body).toEqual({ items: [], total: 0 });
  const kenDeadlines = await ken.agent.get('/v1/deadlines?assignedTo=me&asOf=2026-04-02').expect(200);
  expect(new Set(kenDeadlines.body.items.map((d: { residentId: string }) => d.residentId))).toEqual(new Set([an, chi]));

  // Nobody in charge.
  await ken.agent
    .post(`/v1/residents/${an}/events`)
    .set('x-csrf-token', ken.csrf)
    .send({ type: 'CaseAssigned', occurredOn: '2026-04-03', data: {} })
    .expect(201);
  expect(ids((await ken.agent.get('/v1/residents?assignedTo=none').expect(200)).body)).toEqual([an, binh].sort());
});

test('only an enabled caseworker or manager of the same organisation can be put in charge (422), and nothing is written', async () => {
  const resident = await register(yuki, 'PHAM VAN DUNG');
  const viewer = await person(api, sakura.organisationId, sakura.manager, 'viewer');
  const foreign = await invite(api, fuji.organisationId, fuji.manager, 'caseworker');
  const disabled = await person(api, sakura.organisationId, sakura.manager, 'caseworker');
  await api.http
    .patch(`/v1/organisations/${sakura.organisationId}/users/${disabled.userId}`)
    .auth(sakura.manager, { type: 'bearer' })
    .send({ disabled: true })
    .expect(200);
  const before = await api.eventCount();
  for (const assignedTo of [viewer.userId, foreign.userId, disabled.userId, 'somebody']) {
    const refused = await yuki.agent
      .post(`/v1/residents/${resident}/events`)
      .set('x-csrf-token', yuki.csrf)
      .send({ type: 'CaseAssigned', occurredOn: '2026-04-02', data: { assignedTo } });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'ASSIGNEE_NOT_IN_ORGANISATION', errors: [{ field: 'data.assignedTo' }] });
  }
  const atRegistration = await yuki.agent
    .post('/v1/residents')
    .set('x-csrf-token', yuki.csrf)
    .send({ fullName: 'X Y', dateOfBirth: '1990-01-01', nationality: 'VNM', assignedTo: foreign.userId });
  expect(atRegistration.status).toBe(422);
  expect(await api.eventCount()).toBe(before);
});

test('each caseload deadline names who is in charge; assignedTo=<user id> keeps theirs only; another organisation’s user finds no rows', async () => {
  const hoa = await register(yuki, 'DO THI HOA', ken.userId);
  const lan = await register(yuki, 'VU THI LAN');
  for (const id of [hoa, lan]) await land(yuki, id);

  const all = (await yuki.agent.get('/v1/deadlines?asOf=2026-04-02&pageSize=200').expect(200)).body.items as Array<{
    residentId: string;
    assignedTo: string | null;
    assignedToName: string | null;
  }>;
  const of = (id: string) => all.filter((row) => row.residentId === id);
  expect(of(hoa).length).toBeGreaterThan(0);
  for (const row of of(hoa))
    expect(row).toMatchObject({ assignedTo: ken.userId, assignedToName: expect.stringMatching(/^Person \d+ caseworker$/) });
  for (const row of of(lan)) expect(row).toMatchObject({ assignedTo: null, assignedToName: null });

  const kens = (await yuki.agent.get(`/v1/deadlines?asOf=2026-04-02&pageSize=200&assignedTo=${ken.userId}`).expect(200)).body;
  expect(kens.items.length).toBeGreaterThan(0);
  expect(new Set(kens.items.map((row: { assignedTo: string }) => row.assignedTo))).toEqual(new Set([ken.userId]));
  expect(kens.items.map((row: { residentId: string }) => row.residentId)).toContain(hoa);

  // A list filter naming someone the organisation does not have is an empty list, as for residents (no 404: nothing is disclosed).
  const foreign = await invite(api, fuji.organisationId, fuji.manager, 'caseworker');
  expect((await yuki.agent.get(`/v1/deadlines?asOf=2026-04-02&assignedTo=${foreign.userId}`).expect(200)).body).toEqual({
    items: [],
    total: 0,
  });
  expect((await yuki.agent.get(`/v1/residents?assignedTo=${foreign.userId}`).expect(200)).body).toEqual({ items: [], total: 0 });
});

test('assignedTo=me needs a signed-in person (400 for a key); a malformed filter is 400', async () => {
  const byKey = await api.http.get('/v1/residents?assignedTo=me').auth(sakura.viewer, { type: 'bearer' });
  expect(byKey.status).toBe(400);
  expect(byKey.body.errors).toEqual([{ field: 'assignedTo', message: 'me is only for a signed-in person' }]);
  await api.http.get('/v1/deadlines?assignedTo=bob').auth(sakura.viewer, { type: 'bearer' }).expect(400);
  await api.http.get(`/v1/residents?assignedTo=${yuki.userId}`).auth(sakura.viewer, { type: 'bearer' }).expect(200);
});

test('the list names the person in charge, for a viewer too (people with the same name told apart)', async () => {
  const yukis = await register(yuki, 'PHAM VAN DUC', yuki.userId);
  const nobodys = await register(yuki, 'PHAM THI DUC');
  const listed = await api.http.get('/v1/residents?query=PHAM').auth(sakura.viewer, { type: 'bearer' }).expect(200);
  const byId = new Map(listed.body.items.map((item: { id: string; assignedToName: string | null }) => [item.id, item.assignedToName]));
  expect(byId.get(yukis)).toMatch(/^Person \d+ caseworker$/);
  expect(byId.get(nobodys)).toBeNull();
  const one = await api.http.get(`/v1/residents/${yukis}`).auth(sakura.viewer, { type: 'bearer' }).expect(200);
  expect(one.body.assignedToName).toBe(byId.get(yukis));
});
