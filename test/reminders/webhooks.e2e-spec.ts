/**
 * Webhooks: a receiver started here checks the HMAC-SHA256 signature of each POST, answers the
 * first one with 500 and sees the retry (pg-boss, with back-off) come; the delivery log shows
 * both attempts. A URL failing for a day is disabled and the managers see it in the security log.
 *
 * Dates: the resident moved on Monday 2026-01-05; the 14-day notice is due Monday 2026-01-19,
 * reminded 7 days before (2026-01-12: webhooks run every day, holidays included).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ReminderJobs } from '../../apps/api/src/reminders/reminder-jobs.js';
import { WebhookDispatcher } from '../../apps/api/src/reminders/webhook-dispatcher.js';
import { verifySignature } from '../../apps/api/src/reminders/webhook-signature.js';
import { Api, type Keys } from '../support/api-harness.js';

interface Received {
  body: string;
  signature: string;
  eventId: string;
  at: number;
}

let api: Api;
let keys: Keys;
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
let answers: number[] = [];
/** The first webhook, registered by the first test. */
let webhook: { id: string; secret: string };

const readBody = (message: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    message.on('data', (chunk: Buffer) => chunks.push(chunk));
    message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });

beforeAll(async () => {
  receiver = createServer(async (request, response) => {
    received.push({
      body: await readBody(request),
      signature: String(request.headers['zairyu-signature'] ?? ''),
      eventId: String(request.headers['zairyu-event-id'] ?? ''),
      at: Date.now(),
    });
    response.statusCode = answers.shift() ?? 200;
    response.end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/zairyu`;
  // The receiver is on 127.0.0.1: allowed here only (webhook-targets.e2e-spec.ts runs without it).
  api = await Api.start({ reminders: { jobs: false, webhookRetryDelaySeconds: 1, webhookAllowPrivate: true } });
  keys = await api.organisation();
  const resident = await api.register(keys.caseworker);
  for (const [type, occurredOn, data] of [
    ['Landed', '2025-11-01', { status: 'engineer_humanities_international', periodExpiresOn: '2026-06-30' }],
    ['Moved', '2025-11-03', { address: '東京都新宿区西新宿2-8-1' }],
    ['ResidenceNotified', '2025-11-05', { address: '東京都新宿区西新宿2-8-1' }],
    ['Moved', '2026-01-05', { address: '東京都渋谷区神南1-1-1' }],
  ] as const) {
    expect((await api.record(keys.caseworker, resident, type, occurredOn, data)).status).toBe(201);
  }
  await api.http.get('/v1/deadlines').auth(keys.viewer, { type: 'bearer' }).expect(200);
});

afterAll(async () => {
  await api.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

test('a manager registers a URL, sees the secret once, and only managers of the organisation see it', async () => {
  const created = await api.http
    .post(`/v1/organisations/${keys.organisationId}/webhooks`)
    .auth(keys.manager, { type: 'bearer' })
    .send({ url: receiverUrl })
    .expect(201);
  expect(created.body.secret).toMatch(/^whsec_/);
  const listed = await api.http.get(`/v1/organisations/${keys.organisationId}/webhooks`).auth(keys.manager, { type: 'bearer' }).expect(200);
  expect(listed.body).toEqual([expect.objectContaining({ id: created.body.id, url: receiverUrl, disabledAt: null })]);
  expect(JSON.stringify(listed.body)).not.toContain(created.body.secret);
  await api.http.get(`/v1/organisations/${keys.organisationId}/webhooks`).auth(keys.caseworker, { type: 'bearer' }).expect(403);
  const other = await api.organisation('Other Office', 'scrivener_office');
  await api.http.get(`/v1/organisations/${keys.organisationId}/webhooks`).auth(other.manager, { type: 'bearer' }).expect(404);
  const bad = await api.http
    .post(`/v1/organisations/${keys.organisationId}/webhooks`)
    .auth(keys.manager, { type: 'bearer' })
    .send({ url: 'ftp://example.org/x' });
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0].field).toBe('url');
  webhook = { id: created.body.id, secret: created.body.secret };
});

test('the reminder of 2026-01-12 is POSTed signed; a 500 is retried with back-off and logged', async () => {
  const { id: webhookId, secret } = webhook;
  answers = [500];
  const jobs = api.app.get(ReminderJobs);
  await jobs.tick(new Date('2026-01-12T08:30:00+09:00'));
  await jobs.workDeliveries();
  const deadline = Date.now() + 20_000;
  while (received.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  expect(received).toHaveLength(2);
  const [first, retry] = received;
  expect(retry!.eventId).toBe(first!.eventId);
  expect(retry!.at - first!.at).toBeGreaterThanOrEqual(900);
  for (const delivery of received) {
    expect(verifySignature(secret, delivery.body, delivery.signature, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifySignature('whsec_wrong', delivery.body, delivery.signature, Math.floor(Date.now() / 1000))).toBe(false);
  }
  expect(JSON.parse(retry!.body)).toMatchObject({
    type: 'deadline.reminder',
    day: '2026-01-12',
    deadline: { kind: 'address_change_notification', dueOn: '2026-01-19', daysLeft: 7, residentName: 'NGUYEN VAN AN' },
  });
  const log = await api.http
    .get(`/v1/organisations/${keys.organisationId}/webhooks/${webhookId}/deliveries`)
    .auth(keys.manager, { type: 'bearer' })
    .expect(200);
  expect(log.body).toEqual([
    {
      eventId: first!.eventId,
      type: 'deadline.reminder',
      attempts: 2,
      outcome: 'delivered',
      deliveredAt: expect.any(String),
      createdAt: expect.any(String),
    },
  ]);
  // The same day's run again queues nothing.
  await jobs.tick(new Date('2026-01-12T09:30:00+09:00'));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(received).toHaveLength(2);
});

test('a URL failing for a day is disabled and the managers are told in the security log', async () => {
  const created = await api.http
    .post(`/v1/organisations/${keys.organisationId}/webhooks`)
    .auth(keys.manager, { type: 'bearer' })
    .send({ url: 'http://127.0.0.1:9/nobody-listens' })
    .expect(201);
  const dispatcher = api.app.get(WebhookDispatcher);
  // Tue 2026-01-20: the notice became overdue.
  const queued = await dispatcher.runDue(new Date('2026-01-20T08:30:00+09:00'));
  const mine = queued.filter((delivery) => delivery.webhookId === created.body.id);
  expect(mine.map((delivery) => delivery.eventKey)).toEqual([expect.stringMatching(/^2026-01-20:overdue:/)]);
  await expect(dispatcher.deliver(mine[0]!, new Date('2026-01-20T08:31:00+09:00'))).rejects.toThrow(/webhook delivery failed/);
  await expect(dispatcher.deliver(mine[0]!, new Date('2026-01-21T08:30:00+09:00'))).rejects.toThrow(/webhook delivery failed/);
  expect(await dispatcher.deliver(mine[0]!, new Date('2026-01-21T08:32:00+09:00'))).toBe('skipped');
  const listed = await api.http.get(`/v1/organisations/${keys.organisationId}/webhooks`).auth(keys.manager, { type: 'bearer' }).expect(200);
  expect(listed.body.find((webhook: { id: string }) => webhook.id === created.body.id).disabledAt).toBe('2026-01-20T23:32:00.000Z');
  const log = await api.http
    .get(`/v1/organisations/${keys.organisationId}/security-log`)
    .auth(keys.manager, { type: 'bearer' })
    .expect(200);
  expect(JSON.stringify(log.body)).toContain('webhook_disabled');
  const deliveries = await api.http
    .get(`/v1/organisations/${keys.organisationId}/webhooks/${created.body.id}/deliveries`)
    .auth(keys.manager, { type: 'bearer' })
    .expect(200);
  expect(deliveries.body).toEqual([expect.objectContaining({ attempts: 3, outcome: 'failed', deliveredAt: null })]);
});
