import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { RECORDABLE_EVENT_TYPES } from '@zairyu/domain';
import { Api, ADMIN_TOKEN, type Keys } from '../support/api-harness.js';
import { secretOf } from '../support/secret-of.js';

let api: Api;
let sakura: Keys;

beforeAll(async () => {
  api = await Api.start();
  sakura = await api.organisation();
});
afterAll(() => api.close());

describe('health and docs', () => {
  test('GET /health needs no token and answers ok once migrations ran', async () => {
    const response = await api.http.get('/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok' });
  });

  test('GET /health is 503 while the read models are not migrated (here: their migration table gone)', async () => {
    await api.runtime.pool.query('ALTER TABLE read_model_migrations RENAME TO read_model_migrations_away');
    try {
      expect((await api.http.get('/health').expect(503)).body).toEqual({ status: 'unavailable' });
    } finally {
      await api.runtime.pool.query('ALTER TABLE read_model_migrations_away RENAME TO read_model_migrations');
    }
    await api.http.get('/health').expect(200);
  });

  test('the OpenAPI document lists every endpoint of docs/api-v1.md and every event type', async () => {
    const document = (await api.http.get('/docs-json').expect(200)).body;
    const paths = Object.keys(document.paths);
    for (const path of [
      '/health',
      '/v1/organisations',
      '/v1/organisations/{orgId}/api-keys',
      '/v1/organisations/{orgId}/calendar-tokens',
      '/v1/residents',
      '/v1/residents/{id}',
      '/v1/residents/{id}/status',
      '/v1/residents/{id}/events',
      '/v1/residents/{id}/deadlines',
      '/v1/deadlines',
      '/v1/deadlines.ics',
      '/v1/cards/{number}',
    ]) {
      expect(paths).toContain(path);
    }
    for (const type of RECORDABLE_EVENT_TYPES) expect(document.info.description).toContain(`\`${type}\``);
    expect(Object.keys(document.components.schemas.RecordEvent.discriminator.mapping)).toEqual(RECORDABLE_EVENT_TYPES);
    await api.http.get('/docs').expect(200);
  });
});

describe('organisations and keys', () => {
  test('the admin creates organisations; keys are shown once and stored only hashed', async () => {
    const created = await api.http
      .post('/v1/organisations')
      .auth(ADMIN_TOKEN, { type: 'bearer' })
      .send({ name: 'Gyosei Office', kind: 'scrivener_office' })
      .expect(201);
    expect(created.body).toEqual({ id: expect.any(String), name: 'Gyosei Office', kind: 'scrivener_office' });
    const key = await api.http
      .post(`/v1/organisations/${created.body.id}/api-keys`)
      .auth(ADMIN_TOKEN, { type: 'bearer' })
      .send({ label: 'desk', role: 'caseworker' })
      .expect(201);
    expect(key.body).toMatchObject({ id: expect.any(String), key: expect.stringMatching(/^zk_/), role: 'caseworker' });
    const { rows } = await api.runtime.pool.query('SELECT * FROM platform.api_key WHERE id = $1', [key.body.id]);
    expect(JSON.stringify(rows)).not.toContain(secretOf(key.body.key));
    expect(rows[0].secret_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('a manager issues keys for its own organisation only; others are 404; caseworkers are 403', async () => {
    const other = await api.organisation('Other Org', 'employer');
    await api.http
      .post(`/v1/organisations/${sakura.organisationId}/api-keys`)
      .auth(sakura.manager, { type: 'bearer' })
      .send({ label: 'new', role: 'viewer' })
      .expect(201);
    await api.http
      .post(`/v1/organisations/${other.organisationId}/api-keys`)
      .auth(sakura.manager, { type: 'bearer' })
      .send({ label: 'x', role: 'viewer' })
      .expect(404);
    await api.http
      .post(`/v1/organisations/${sakura.organisationId}/api-keys`)
      .auth(sakura.caseworker, { type: 'bearer' })
      .send({ label: 'x', role: 'viewer' })
      .expect(403);
    await api.http.post('/v1/organisations').auth(sakura.manager, { type: 'bearer' }).send({ name: 'x', kind: 'employer' }).expect(403);
  });

  test('the admin token has no caseload', async () => {
    const response = await api.http.get('/v1/residents').auth(ADMIN_TOKEN, { type: 'bearer' }).expect(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  test('bad organisation and key requests are 400 with every field at fault', async () => {
    const response = await api.http
      .post('/v1/organisations')
      .auth(ADMIN_TOKEN, { type: 'bearer' })
      .send({ name: '', kind: 'bank', extra: true })
      .expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['extra', 'kind', 'name']);
  });
});

describe('request logs', () => {
  test('one JSON line per request with method, route, status, duration and correlation id; no personal data', async () => {
    await api.register(sakura.caseworker, { fullName: 'TRAN THI SECRETNAME' });
    await api.http
      .get('/v1/residents?query=SECRETNAME')
      .auth(sakura.viewer, { type: 'bearer' })
      .set('x-correlation-id', 'corr-123')
      .expect(200);
    const lines = api.logs.map((line) => JSON.parse(line));
    expect(lines.at(-1)).toEqual({
      time: expect.any(String),
      level: 'info',
      method: 'GET',
      path: '/v1/residents',
      status: 200,
      durationMs: expect.any(Number),
      correlationId: 'corr-123',
    });
    expect(api.logs.join('')).not.toContain('SECRETNAME');
  });
});
