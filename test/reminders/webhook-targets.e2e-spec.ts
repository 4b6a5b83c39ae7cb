/**
 * Webhooks cannot reach inside: without WEBHOOK_ALLOW_PRIVATE, a URL at a loopback, private,
 * link-local or unspecified address (IPv4, IPv6 or IPv4-mapped) is refused when registered, and
 * a name resolving to one (as a name may after it was registered) is refused when delivering,
 * before any connection. The delivery log says only delivered or failed, so nothing of what a
 * target answered (its status, that a port is closed) reaches the manager; an organisation keeps
 * at most 10 webhooks.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookDispatcher } from '../../apps/api/src/reminders/webhook-dispatcher.js';
import { Api, type Keys } from '../support/api-harness.js';

let api: Api;
let keys: Keys;
let receiver: Server;
let port: number;
let hits = 0;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    hits++;
    response.statusCode = 418;
    response.end('internal secrets');
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  port = (receiver.address() as AddressInfo).port;
  api = await Api.start({ reminders: { jobs: false } });
  keys = await api.organisation();
});

afterAll(async () => {
  await api.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

const hooks = () => `/v1/organisations/${keys.organisationId}/webhooks`;

describe('registering', () => {
  test.each([
    'http://127.0.0.1:5432/',
    'http://127.1.2.3/x',
    'http://localhost:3000/v1/residents',
    'http://api.localhost/',
    'http://10.0.0.8/',
    'http://172.16.4.4/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://0.0.0.0:3000/',
    'http://[::1]:3000/',
    'http://[::]/',
    'http://[fe80::1]/',
    'http://[fd00::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:a00:8]/',
    'http://2130706433/',
    'http://0x7f.1/',
  ])('%s is refused (400) without WEBHOOK_ALLOW_PRIVATE', async (url) => {
    const answer = await api.http.post(hooks()).auth(keys.manager, { type: 'bearer' }).send({ url });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({ field: 'url' });
  });

  test('a public name is taken (it is checked again, resolved, at each delivery)', async () => {
    await api.http.post(hooks()).auth(keys.manager, { type: 'bearer' }).send({ url: 'https://hooks.example.com/zairyu' }).expect(201);
  });

  test('at most 10 webhooks per organisation, however many are asked for at once; a deleted one frees its place', async () => {
    const other = await api.organisation('Ten Hooks', 'scrivener_office');
    const path = `/v1/organisations/${other.organisationId}/webhooks`;
    const answers = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        api.http
          .post(path)
          .auth(other.manager, { type: 'bearer' })
          .send({ url: `https://hooks.example.com/${i}` }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(10);
    const refused = answers.filter((answer) => answer.status !== 201);
    expect(refused.map((answer) => [answer.status, answer.body.code])).toEqual(Array(4).fill([409, 'WEBHOOK_LIMIT_REACHED']));
    const listed = await api.http.get(path).auth(other.manager, { type: 'bearer' }).expect(200);
    expect(listed.body).toHaveLength(10);
    await api.http.delete(`${path}/${listed.body[0].id}`).auth(other.manager, { type: 'bearer' }).expect(204);
    await api.http.post(path).auth(other.manager, { type: 'bearer' }).send({ url: 'https://hooks.example.com/again' }).expect(201);
  });
});

describe('delivering', () => {
  /** A webhook whose name resolved elsewhere when it was registered (as DNS rebinding does). */
  async function hookAt(url: string): Promise<string> {
    const { rows } = await api.runtime.pool.query(
      `INSERT INTO reminder.webhook (id, organisation_id, url, secret) VALUES (gen_random_uuid(), $1, $2, 'whsec_test') RETURNING id`,
      [keys.organisationId, url],
    );
    const webhookId: string = rows[0].id;
    await api.runtime.pool.query(
      `INSERT INTO reminder.webhook_delivery (webhook_id, event_key, payload) VALUES ($1, 'probe', '{"type":"deadline.reminder"}')`,
      [webhookId],
    );
    return webhookId;
  }

  test.each(['localhost', '127.0.0.1', '[::ffff:127.0.0.1]'])(
    'a URL at %s is not connected to when delivering; the log says only "failed"',
    async (host) => {
      const webhookId = await hookAt(`http://${host}:${port}/hook`);
      const dispatcher = api.app.get(WebhookDispatcher);
      await expect(dispatcher.deliver({ webhookId, eventKey: 'probe' })).rejects.toThrow(/webhook delivery failed/);
      expect(hits).toBe(0);
      const log = await api.http.get(`${hooks()}/${webhookId}/deliveries`).auth(keys.manager, { type: 'bearer' }).expect(200);
      expect(log.body).toEqual([
        { eventId: 'probe', type: 'deadline.reminder', attempts: 1, outcome: 'failed', deliveredAt: null, createdAt: expect.any(String) },
      ]);
    },
  );

  test('a closed port and a refusing target read the same in the log and the security log', async () => {
    const webhookId = await hookAt(`http://localhost:${port}/hook`);
    const dispatcher = api.app.get(WebhookDispatcher);
    await expect(dispatcher.deliver({ webhookId, eventKey: 'probe' }, new Date('2026-01-20T00:00:00Z'))).rejects.toThrow();
    expect(await dispatcher.deliver({ webhookId, eventKey: 'probe' }, new Date('2026-01-21T01:00:00Z'))).toBe('skipped');
    const log = await api.http
      .get(`/v1/organisations/${keys.organisationId}/security-log`)
      .auth(keys.manager, { type: 'bearer' })
      .expect(200);
    const disabled = JSON.stringify(log.body.items.filter((item: { kind: string }) => item.kind === 'webhook_disabled'));
    expect(disabled).toContain(webhookId);
    expect(disabled).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|refused|private|loopback|HTTP \d/i);
  });
});
