/**
 * The OpenAPI document at /docs-json: valid OpenAPI (swagger-parser), typed event bodies from
 * the domain's rules, every error answer documented — and real answers, good and bad, match
 * what it says (so the document cannot drift from the code unnoticed).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { Response } from 'supertest';
import { EVENT_TYPES, RECORDABLE_EVENT_TYPES, RULE_CODES } from '@zairyu/domain';
import { Api, ADMIN_TOKEN, type Keys } from '../support/api-harness.js';
import { DocumentedAnswers } from '../support/documented-answers.js';
import { supportedWorker } from '../support/supported-worker.js';
import { invite, PASSWORD, signIn } from '../support/people.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let api: Api;
let org: Keys;
let document: Json;
let answers: DocumentedAnswers;

beforeAll(async () => {
  api = await Api.start();
  org = await api.organisation();
  document = (await api.http.get('/docs-json').expect(200)).body;
  answers = new DocumentedAnswers(document);
});
afterAll(() => api.close());

const operations = () =>
  Object.entries(document.paths as Json).flatMap(([path, item]) =>
    Object.entries(item as Json).map(([method, operation]) => ({ path, method, operation: operation as Json })),
  );

/** The answer as the document describes it for that operation and status. */
function expectDocumented(response: Response, method: string, path: string): Response {
  expect(answers.check(method, path, response.status, String(response.headers['content-type'] ?? ''), response.body)).toEqual([]);
  return response;
}

describe('the document', () => {
  test('is valid OpenAPI (swagger-parser resolves and validates it)', async () => {
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  test('each event type has its schema from the domain rules, joined in a oneOf with a discriminator on type', () => {
    const schemas = document.components.schemas;
    expect(schemas.RecordEvent.discriminator.propertyName).toBe('type');
    expect(Object.keys(schemas.RecordEvent.discriminator.mapping)).toEqual([...RECORDABLE_EVENT_TYPES]);
    expect(schemas.RecordEvent.oneOf).toHaveLength(RECORDABLE_EVENT_TYPES.length);
    expect(Object.keys(schemas.EventRecord.discriminator.mapping)).toEqual([...EVENT_TYPES]);
    const landed = schemas.LandedEvent;
    expect(landed.properties.type.enum).toEqual(['Landed']);
    expect(landed.properties.occurredOn).toMatchObject({ type: 'string', format: 'date' });
    expect(landed.properties.data).toMatchObject({ additionalProperties: false, required: ['status', 'periodExpiresOn'] });
    expect(landed.properties.data.properties.card.properties.number.pattern).toBe('^[A-Z]{2}[0-9]{8}[A-Z]{2}$');
    expect(schemas.DepartedEvent.properties.data.properties.reentry.enum).toEqual(['none', 'deemed', 'permit']);
    expect(schemas.DepartedEvent.properties.data.description).toContain('permitExpiresOn');
  });

  test('every operation documents its success body and its errors as problem+json', () => {
    const gaps: string[] = [];
    for (const { path, method, operation } of operations()) {
      const name = `${method} ${path}`;
      const statuses = Object.keys(operation.responses);
      const success = statuses.filter((status) => status.startsWith('2'));
      if (success.length !== 1) gaps.push(`${name}: ${success.length} success answers`);
      else if (success[0] !== '204' && Object.keys(operation.responses[success[0]!].content ?? {}).length === 0) {
        gaps.push(`${name}: no body schema for ${success[0]}`);
      }
      if (path === '/health') continue;
      if (!statuses.includes('400')) gaps.push(`${name}: no 400`);
      for (const status of statuses.filter((s) => s.startsWith('4'))) {
        if (Object.keys(operation.responses[status].content ?? {}).join() !== 'application/problem+json') {
          gaps.push(`${name}: ${status} is not problem+json`);
        }
      }
    }
    expect(gaps).toEqual([]);
  });

  test('POST /events lists the domain’s 422 codes; bearer is not a JWT; dates, pages and enums are typed', () => {
    const record = document.paths['/v1/residents/{id}/events'].post;
    const codes = record.responses['422'].content['application/problem+json'].schema.allOf[1].properties.code.enum;
    expect(codes).toEqual(
      expect.arrayContaining(RULE_CODES.filter((code) => code !== 'CARD_NUMBER_IN_USE' && code !== 'ALREADY_REGISTERED')),
    );
    expect(record.responses['409'].content['application/problem+json'].schema.allOf[1].properties.code.enum).toContain(
      'CARD_NUMBER_IN_USE',
    );
    expect(document.components.securitySchemes.bearer.bearerFormat).not.toBe('JWT');
    const list = document.paths['/v1/residents'].get.parameters as Json[];
    expect(list.find((p) => p.name === 'page')?.schema.type).toBe('integer');
    expect(list.find((p) => p.name === 'asOf')?.schema).toMatchObject({ type: 'string', format: 'date' });
    expect(document.components.schemas.ResidentStatus.properties.residence.$ref).toBe('#/components/schemas/Residence');
    expect(document.components.schemas.Residence.properties.basis.enum).toContain('special_period');
  });
});

describe('real answers match the document', () => {
  test('a resident’s life: register, record, read every view, list, look up the card', async () => {
    const key = { type: 'bearer' } as const;
    const registered = expectDocumented(
      await api.http
        .post('/v1/residents')
        .auth(org.caseworker, key)
        .send({ fullName: 'TRAN THI BINH', dateOfBirth: '1999-01-02', nationality: 'VNM' }),
      'post',
      '/v1/residents',
    );
    expect(registered.status).toBe(201);
    const id = registered.body.id as string;
    const landed = await api.record(org.caseworker, id, 'Landed', '2026-04-01', {
      status: 'specified_skilled_worker_1',
      periodExpiresOn: '2027-03-31',
      card: { number: 'QA12345678ZZ', issuedOn: '2026-04-01', expiresOn: '2027-03-31' },
    });
    expect(expectDocumented(landed, 'post', '/v1/residents/{id}/events').status).toBe(201);
    await api.record(org.caseworker, id, 'Moved', '2026-04-03', { address: 'Tokyo' }).expect(201);
    for (const path of ['', '/status', '/deadlines', '/events']) {
      const response = await api.http
        .get(`/v1/residents/${id}${path}?asOf=2026-04-10`.replace('/events?asOf=2026-04-10', '/events'))
        .auth(org.viewer, key);
      expect(expectDocumented(response, 'get', `/v1/residents/{id}${path}`).status).toBe(200);
    }
    expectDocumented(await api.http.get('/v1/residents?query=TRAN&page=1').auth(org.viewer, key).expect(200), 'get', '/v1/residents');
    const deadlines = await api.http.get('/v1/deadlines?asOf=2026-04-10').auth(org.viewer, key).expect(200);
    expect(deadlines.body.items.length).toBeGreaterThan(0);
    expectDocumented(deadlines, 'get', '/v1/deadlines');
    expectDocumented(
      await api.http.get('/v1/cards/QA12345678ZZ?asOf=2026-04-10').auth(org.viewer, key).expect(200),
      'get',
      '/v1/cards/{number}',
    );
    expectDocumented(await api.http.get('/health').expect(200), 'get', '/health');
    const token = await api.http.post(`/v1/organisations/${org.organisationId}/calendar-tokens`).auth(org.manager, key).expect(201);
    expectDocumented(token, 'post', '/v1/organisations/{orgId}/calendar-tokens');
    expectDocumented(await api.http.get(`/v1/deadlines.ics?token=${token.body.token}`).expect(200), 'get', '/v1/deadlines.ics');
  });

  test('errors: 400 with every field, 401, 403, 404, 409, 412, 415 and 422 with its code, each as documented', async () => {
    const key = { type: 'bearer' } as const;
    const id = await api.register(org.caseworker);
    const other = await api.register(org.caseworker);
    const events = '/v1/residents/{id}/events';
    const post = (token: string, resident: string, body: unknown) =>
      api.http
        .post(`/v1/residents/${resident}/events`)
        .auth(token, key)
        .send(body as object);
    const landing = (number: string) => ({
      type: 'Landed',
      occurredOn: '2026-04-01',
      data: { status: 'student', periodExpiresOn: '2028-03-31', card: { number } },
    });

    const invalid = expectDocumented(
      await post(org.caseworker, id, { type: 'Landed', occurredOn: '2026-02-30', data: { x: 1 } }),
      'post',
      events,
    );
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['data.periodExpiresOn', 'data.status', 'data.x', 'occurredOn'].sort(),
    );
    expect(expectDocumented(await api.http.post(`/v1/residents/${id}/events`).send({}), 'post', events).status).toBe(401);
    expect(expectDocumented(await post(org.viewer, id, landing('QB12345678ZZ')), 'post', events).status).toBe(403);
    expect(
      expectDocumented(await post(org.caseworker, '00000000-0000-4000-8000-000000000000', landing('QB12345678ZZ')), 'post', events).status,
    ).toBe(404);
    await post(org.caseworker, id, landing('QB12345678ZZ')).expect(201);
    const taken = expectDocumented(await post(org.caseworker, other, landing('QB12345678ZZ')), 'post', events);
    expect(taken.body).toMatchObject({ status: 409, code: 'CARD_NUMBER_IN_USE' });
    const stale = await api.http
      .post(`/v1/residents/${id}/events`)
      .auth(org.caseworker, key)
      .set('If-Match', '"1"')
      .send({ type: 'Moved', occurredOn: '2026-04-02', data: { address: 'Osaka' } });
    expect(expectDocumented(stale, 'post', events).status).toBe(412);
    const text = await api.http.post(`/v1/residents/${id}/events`).auth(org.caseworker, key).set('content-type', 'text/plain').send('x');
    expect(expectDocumented(text, 'post', events).status).toBe(415);
    const future = expectDocumented(
      await post(org.caseworker, id, { type: 'Moved', occurredOn: '2999-01-01', data: { address: 'x' } }),
      'post',
      events,
    );
    expect(future.body).toMatchObject({ status: 422, code: 'EVENT_IN_FUTURE' });
    expect(expectDocumented(await api.http.get('/v1/residents?page=0').auth(org.viewer, key), 'get', '/v1/residents').status).toBe(400);
    const badOrg = await api.http.post('/v1/organisations').auth(ADMIN_TOKEN, key).send({ name: '' });
    expect(expectDocumented(badOrg, 'post', '/v1/organisations').status).toBe(400);
  });

  test('people, sessions, reminders and webhooks: each answer, good and bad, as documented', async () => {
    const key = { type: 'bearer' } as const;
    const users = `/v1/organisations/${org.organisationId}/users`;
    const invited = await invite(api, org.organisationId, org.manager, 'caseworker');
    expectDocumented(await api.http.get(`/v1/invitations/${invited.token}`).expect(200), 'get', '/v1/invitations/{token}');
    expectDocumented(
      await api.http.post(`/v1/invitations/${invited.token}`).send({ password: 'short' }).expect(400),
      'post',
      '/v1/invitations/{token}',
    );
    await api.http.post(`/v1/invitations/${invited.token}`).send({ password: PASSWORD }).expect(204);
    const used = expectDocumented(await api.http.get(`/v1/invitations/${invited.token}`), 'get', '/v1/invitations/{token}');
    expect(used.body).toMatchObject({ status: 410, code: 'LINK_USED' });

    const refused = await signIn(api, invited.email, 'not the password at all');
    expect(expectDocumented(refused.response, 'post', '/v1/session').body).toMatchObject({ status: 401, code: 'SIGN_IN_FAILED' });
    const { agent, response, csrf } = await signIn(api, invited.email);
    expectDocumented(response, 'post', '/v1/session');
    expectDocumented(await agent.get('/v1/me').expect(200), 'get', '/v1/me');
    expectDocumented(await agent.get('/v1/me/sessions').expect(200), 'get', '/v1/me/sessions');
    expectDocumented(await agent.get('/v1/me/reminders').expect(200), 'get', '/v1/me/reminders');
    const settings = await agent
      .put('/v1/me/reminders')
      .set('x-csrf-token', csrf)
      .send({ sendAt: '07:30', leadDays: { reentry: [30, 7] } });
    expect(expectDocumented(settings, 'put', '/v1/me/reminders').status).toBe(200);
    const badSettings = await agent.put('/v1/me/reminders').set('x-csrf-token', csrf).send({ sendAt: '25:00' });
    expect(expectDocumented(badSettings, 'put', '/v1/me/reminders').status).toBe(400);
    expectDocumented(await agent.get('/v1/me/notifications').expect(200), 'get', '/v1/me/notifications');
    const enrolment = await agent.post('/v1/me/totp').set('x-csrf-token', csrf).expect(201);
    expectDocumented(enrolment, 'post', '/v1/me/totp');
    const wrong = await agent.post('/v1/me/totp/confirm').set('x-csrf-token', csrf).send({ code: '000000' });
    // One in a million: 000000 might be the current code.
    if (wrong.status !== 200) expect(expectDocumented(wrong, 'post', '/v1/me/totp/confirm').body.code).toBe('TOTP_CODE_WRONG');

    expectDocumented(await api.http.get(users).auth(org.manager, key).expect(200), 'get', '/v1/organisations/{orgId}/users');
    const changed = await api.http.patch(`${users}/${invited.userId}`).auth(org.manager, key).send({ role: 'viewer' }).expect(200);
    expectDocumented(changed, 'patch', '/v1/organisations/{orgId}/users/{userId}');
    expectDocumented(
      await api.http.get(`${users}/${invited.userId}/sessions`).auth(org.manager, key).expect(200),
      'get',
      '/v1/organisations/{orgId}/users/{userId}/sessions',
    );
    const missing = await api.http.get(`${users}/00000000-0000-4000-8000-000000000000/sessions`).auth(org.manager, key);
    expect(expectDocumented(missing, 'get', '/v1/organisations/{orgId}/users/{userId}/sessions').status).toBe(404);
    const policy = `/v1/organisations/${org.organisationId}/sign-in-policy`;
    expectDocumented(await api.http.get(policy).auth(org.manager, key).expect(200), 'get', '/v1/organisations/{orgId}/sign-in-policy');
    const log = await api.http.get(`/v1/organisations/${org.organisationId}/security-log?pageSize=5`).auth(org.manager, key).expect(200);
    expect(log.body.items.length).toBeGreaterThan(0);
    expectDocumented(log, 'get', '/v1/organisations/{orgId}/security-log');

    const hooks = `/v1/organisations/${org.organisationId}/webhooks`;
    const hook = await api.http.post(hooks).auth(org.manager, key).send({ url: 'https://hooks.example.com/zairyu' }).expect(201);
    expectDocumented(hook, 'post', '/v1/organisations/{orgId}/webhooks');
    expectDocumented(await api.http.get(hooks).auth(org.manager, key).expect(200), 'get', '/v1/organisations/{orgId}/webhooks');
    expectDocumented(
      await api.http.get(`${hooks}/${hook.body.id}/deliveries`).auth(org.manager, key).expect(200),
      'get',
      '/v1/organisations/{orgId}/webhooks/{webhookId}/deliveries',
    );
    const badHook = await api.http.post(hooks).auth(org.manager, key).send({ url: 'not a url' });
    expect(expectDocumented(badHook, 'post', '/v1/organisations/{orgId}/webhooks').status).toBe(400);

    const keys = `/v1/organisations/${org.organisationId}/api-keys`;
    expectDocumented(await api.http.get(keys).auth(org.manager, key).expect(200), 'get', '/v1/organisations/{orgId}/api-keys');
    const spare = await api.http.post(keys).auth(org.manager, key).send({ label: 'spare', role: 'viewer' }).expect(201);
    expectDocumented(
      await api.http.delete(`${keys}/${spare.body.id}`).auth(org.manager, key),
      'delete',
      '/v1/organisations/{orgId}/api-keys/{keyId}',
    );
    const revokedAgain = await api.http.delete(`${keys}/${spare.body.id}`).auth(org.manager, key);
    expect(expectDocumented(revokedAgain, 'delete', '/v1/organisations/{orgId}/api-keys/{keyId}').status).toBe(404);
    expectDocumented(
      await api.http.get(`/v1/organisations/${org.organisationId}/calendar-tokens`).auth(org.manager, key).expect(200),
      'get',
      '/v1/organisations/{orgId}/calendar-tokens',
    );

    const resident = await api.register(org.caseworker);
    const timeline = await api.http.get(`/v1/residents/${resident}/timeline`).auth(org.viewer, key).expect(200);
    expectDocumented(timeline, 'get', '/v1/residents/{id}/timeline');
  });
  test('employers, the organisation’s registration, SSW, owedBy, imports, exports and personal data: each answer as documented', async () => {
    const key = { type: 'bearer' } as const;
    const office = await api.organisation('Hokuriku Support');
    const employers = '/v1/employers';
    const created = await api.http
      .post(employers)
      .auth(office.caseworker, key)
      .send({ name: '北陸フーズ株式会社', corporateNumber: '7123456789012', contact: { name: '山田', phone: '076-000-0000' } });
    expect(expectDocumented(created, 'post', employers).status).toBe(201);
    const employer = created.body.id as string;
    const taken = await api.http.post(employers).auth(office.caseworker, key).send({ name: 'Copy', corporateNumber: '7123456789012' });
    expect(expectDocumented(taken, 'post', employers).body).toMatchObject({ status: 409, code: 'CORPORATE_NUMBER_IN_USE' });
    expect(expectDocumented(await api.http.post(employers).auth(office.viewer, key).send({ name: 'x' }), 'post', employers).status).toBe(
      403,
    );
    expectDocumented(await api.http.get(`${employers}?query=北陸`).auth(office.viewer, key).expect(200), 'get', employers);
    const patched = await api.http
      .patch(`${employers}/${employer}`)
      .auth(office.caseworker, key)
      .set('If-Match', '"1"')
      .send({ contact: '076-111-1111', filesHelloWork: true });
    expect(expectDocumented(patched, 'patch', '/v1/employers/{id}').status).toBe(200);
    const stale = await api.http.patch(`${employers}/${employer}`).auth(office.caseworker, key).set('If-Match', '"1"').send({ name: 'y' });
    expect(expectDocumented(stale, 'patch', '/v1/employers/{id}').status).toBe(412);
    const history = await api.http.get(`${employers}/${employer}/history`).auth(office.viewer, key).expect(200);
    expect(expectDocumented(history, 'get', '/v1/employers/{id}/history').body).toHaveLength(2);
    const missing = await api.http.get(`${employers}/00000000-0000-4000-8000-000000000000`).auth(office.viewer, key);
    expect(expectDocumented(missing, 'get', '/v1/employers/{id}').status).toBe(404);

    const organisation = `/v1/organisations/${office.organisationId}`;
    const registration = await api.http.patch(organisation).auth(office.manager, key).send({ registrationExpiresOn: '2027-08-31' });
    expect(expectDocumented(registration, 'patch', '/v1/organisations/{orgId}').status).toBe(200);
    const badDay = await api.http.patch(organisation).auth(office.manager, key).send({ registrationExpiresOn: '2027-02-30' });
    expect(expectDocumented(badDay, 'patch', '/v1/organisations/{orgId}').status).toBe(400);
    expectDocumented(await api.http.get(organisation).auth(office.manager, key).expect(200), 'get', '/v1/organisations/{orgId}');

    const worker = await supportedWorker(api, office.caseworker, {
      fullName: 'TRAN THI MAI',
      card: 'SW88888888AA',
      field: 'food_and_beverage_manufacturing',
      employer,
    });
    const summary = await api.http.get(`/v1/residents/${worker}?asOf=2026-05-01`).auth(office.viewer, key).expect(200);
    expect(expectDocumented(summary, 'get', '/v1/residents/{id}').body.ssw.ssw1).not.toBeNull();
    expectDocumented(await api.http.get('/v1/residents?asOf=2026-05-01').auth(office.viewer, key).expect(200), 'get', '/v1/residents');
    expectDocumented(await api.http.get(`${employers}/${employer}`).auth(office.viewer, key).expect(200), 'get', '/v1/employers/{id}');
    const board = await api.http.get('/v1/deadlines?asOf=2027-03-01&owedBy=organisation,employer').auth(office.viewer, key).expect(200);
    expect(board.body.items.some((d: { residentId: string | null }) => d.residentId === null)).toBe(true);
    expect(board.body.items.some((d: { employerName?: string }) => d.employerName === '北陸フーズ株式会社')).toBe(true);
    expectDocumented(board, 'get', '/v1/deadlines');
    const unknownOwer = await api.http.get('/v1/deadlines?owedBy=landlord').auth(office.viewer, key);
    expect(expectDocumented(unknownOwer, 'get', '/v1/deadlines').status).toBe(400);

    const file = Buffer.from('氏名,生年月日,国籍・地域\r\nLE VAN AN,1998-05-06,VNM\r\n');
    const imported = await api.http.post('/v1/imports?dryRun=true').auth(office.caseworker, key).attach('file', file, 'caseload.csv');
    expect(expectDocumented(imported, 'post', '/v1/imports').body).toMatchObject({ dryRun: true, rows: 1, errors: 0 });
    const notAFile = await api.http.post('/v1/imports').auth(office.caseworker, key).send({ fullName: 'x' });
    expect(expectDocumented(notAFile, 'post', '/v1/imports').status).toBe(415);
    const badFlag = await api.http.post('/v1/imports?dryRun=maybe').auth(office.caseworker, key).attach('file', file, 'caseload.csv');
    expect(expectDocumented(badFlag, 'post', '/v1/imports').status).toBe(400);

    for (const [path, list] of [
      ['/v1/residents.{format}', 'residents'],
      ['/v1/deadlines.{format}', 'deadlines'],
    ] as const) {
      expectDocumented(await api.http.get(`/v1/${list}.csv`).auth(office.viewer, key).expect(200), 'get', path);
      expectDocumented(await api.http.get(`/v1/${list}.xlsx`).auth(office.viewer, key).expect(200), 'get', path);
      expect(expectDocumented(await api.http.get(`/v1/${list}.pdf`).auth(office.viewer, key), 'get', path).status).toBe(404);
    }

    const person = await api.register(office.caseworker, { fullName: 'PHAM VAN DUC', dateOfBirth: '2000-01-02' });
    const disclosure = await api.http.get(`/v1/residents/${person}/export`).auth(office.caseworker, key).expect(200);
    expectDocumented(disclosure, 'get', '/v1/residents/{id}/export');
    const badReason = await api.http.post(`/v1/residents/${person}/erasure`).auth(office.manager, key).send({ reason: 'she asked' });
    expect(expectDocumented(badReason, 'post', '/v1/residents/{id}/erasure').status).toBe(400);
    const erased = await api.http
      .post(`/v1/residents/${person}/erasure`)
      .auth(office.manager, key)
      .send({ reason: 'data_subject_request' });
    expect(expectDocumented(erased, 'post', '/v1/residents/{id}/erasure').status).toBe(200);
    const gone = await api.http.get(`/v1/residents/${person}/export`).auth(office.caseworker, key);
    expect(expectDocumented(gone, 'get', '/v1/residents/{id}/export').body).toMatchObject({ status: 410, code: 'RESIDENT_ERASED' });
  });
});
