/**
 * Reassigning many residents at once (POST /v1/residents/assignments): one CaseAssigned each,
 * all recorded or none; a resident of another organisation is 404 and nothing is written; the
 * person put in charge must be an enabled caseworker or manager of the organisation; a viewer
 * may not.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Api, type Keys } from '../support/api-harness.js';
import { person, type SignedIn } from '../support/people.js';

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

const register = async (keys: Keys, fullName: string, assignedTo?: string) =>
  (
    await api.http
      .post('/v1/residents')
      .auth(keys.caseworker, { type: 'bearer' })
      .send({ fullName, dateOfBirth: '1998-07-21', nationality: 'VNM', ...(assignedTo ? { assignedTo } : {}) })
      .expect(201)
  ).body.id as string;

const assignees = async (ids: string[]) =>
  Promise.all(
    ids.map(
      async (id) => (await api.http.get(`/v1/residents/${id}`).auth(sakura.viewer, { type: 'bearer' }).expect(200)).body.assignedTo ?? null,
    ),
  );

const assign = (as: SignedIn, body: object) => as.agent.post('/v1/residents/assignments').set('x-csrf-token', as.csrf).send(body);

test('many residents are put in one caseworker’s charge in one write, each by a CaseAssigned naming who did it', async () => {
  const ids = [
    await register(sakura, 'NGUYEN VAN AN', yuki.userId),
    await register(sakura, 'TRAN THI BINH'),
    await register(sakura, 'LE VAN CHI', yuki.userId),
  ];
  const answer = await assign(yuki, {
    residentIds: ids,
    assignedTo: ken.userId,
    occurredOn: '2026-12-01',
    note: '田中さん休職のため',
  }).expect(200);
  expect(answer.body).toEqual({ assignedTo: ken.userId, residents: ids.map((residentId) => ({ residentId, version: 2 })) });
  await expect(assignees(ids)).resolves.toEqual([ken.userId, ken.userId, ken.userId]);

  const history = await api.http.get(`/v1/residents/${ids[1]}/events`).auth(sakura.viewer, { type: 'bearer' }).expect(200);
  expect(history.body.at(-1)).toMatchObject({
    type: 'CaseAssigned',
    occurredOn: '2026-12-01',
    data: { assignedTo: ken.userId, note: '田中さん休職のため' },
  });
  const mine = await ken.agent.get('/v1/residents?assignedTo=me').expect(200);
  expect(mine.body.items.map((item: { id: string }) => item.id).sort()).toEqual([...ids].sort());

  // null: nobody in charge any more.
  await assign(yuki, { residentIds: [ids[0]], assignedTo: null }).expect(200);
  await expect(assignees([ids[0]!])).resolves.toEqual([null]);
});

test('all or nothing: another organisation’s resident (or an unknown id) is 404 naming its place, and nobody is reassigned', async () => {
  const ours = [await register(sakura, 'PHAM VAN DUC', yuki.userId), await register(sakura, 'HO THI EM', yuki.userId)];
  const theirs = await register(fuji, 'VU VAN GIANG');
  const refused = await assign(yuki, { residentIds: [...ours, theirs], assignedTo: ken.userId }).expect(404);
  expect(refused.body.errors).toEqual([{ field: 'residentIds[2]', message: 'is not a resident of this organisation' }]);
  expect(JSON.stringify(refused.body)).not.toContain('VU VAN GIANG');
  await assign(yuki, { residentIds: [randomUUID(), ours[0]], assignedTo: ken.userId }).expect(404);
  await expect(assignees(ours)).resolves.toEqual([yuki.userId, yuki.userId]);
  const unchanged = await api.http.get(`/v1/residents/${ours[0]}/events`).auth(sakura.viewer, { type: 'bearer' }).expect(200);
  expect(unchanged.body.map((event: { type: string }) => event.type)).toEqual(['ResidentRegistered']);
});

test('the person put in charge must be an enabled caseworker or manager of this organisation; the body is checked field by field', async () => {
  const id = await register(sakura, 'DANG VAN HAI');
  const outsider = await person(api, fuji.organisationId, fuji.manager, 'caseworker');
  const foreign = await assign(yuki, { residentIds: [id], assignedTo: outsider.userId }).expect(422);
  expect(foreign.body).toMatchObject({ code: 'ASSIGNEE_NOT_IN_ORGANISATION', errors: [{ field: 'assignedTo' }] });

  const malformed = await assign(yuki, { residentIds: [id, id], assignedTo: 'ken' }).expect(400);
  expect(malformed.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['assignedTo', 'residentIds']);
  expect((await assign(yuki, { residentIds: [], assignedTo: ken.userId }).expect(400)).body.errors[0].field).toBe('residentIds');
  expect((await assign(yuki, { residentIds: [id] }).expect(400)).body.errors[0].field).toBe('assignedTo');
});

test('a viewer may not reassign', async () => {
  const id = await register(sakura, 'BUI VAN KHOA');
  await api.http
    .post('/v1/residents/assignments')
    .auth(sakura.viewer, { type: 'bearer' })
    .send({ residentIds: [id], assignedTo: ken.userId })
    .expect(403);
});

test('anyone of the organisation sees who can be put in charge: enabled caseworkers and managers, id and name only', async () => {
  const viewer = await person(api, sakura.organisationId, sakura.manager, 'viewer');
  const gone = await person(api, sakura.organisationId, sakura.manager, 'caseworker');
  await api.http
    .patch(`/v1/organisations/${sakura.organisationId}/users/${gone.userId}`)
    .auth(sakura.manager, { type: 'bearer' })
    .send({ disabled: true })
    .expect(200);
  const listed = await viewer.agent.get('/v1/assignees').expect(200);
  const ids = listed.body.map((entry: { id: string }) => entry.id);
  expect(ids).toEqual(expect.arrayContaining([yuki.userId, ken.userId]));
  expect(ids).not.toContain(gone.userId);
  expect(ids).not.toContain(viewer.userId);
  for (const entry of listed.body) expect(Object.keys(entry).sort()).toEqual(['id', 'name']);
  const other = await api.http.get('/v1/assignees').auth(fuji.viewer, { type: 'bearer' }).expect(200);
  expect(other.body.map((entry: { id: string }) => entry.id)).not.toContain(yuki.userId);
});
