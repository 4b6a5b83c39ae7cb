/**
 * With jobs on (the default of `npm start`), pg-boss starts on the app's own pool, schedules the
 * minute tick once for all processes (Japan time), and stops with the app.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { Api } from '../support/api-harness.js';

let api: Api;
let replica: Api;

beforeAll(async () => {
  api = await Api.start({ reminders: { jobs: true } });
  replica = await api.replica({ reminders: { jobs: true } });
});
afterAll(async () => {
  await replica.close();
  await api.close();
});

test('two processes with jobs on share one schedule of the tick, in Asia/Tokyo', async () => {
  const { rows } = await api.runtime.pool.query(`SELECT name, cron, options->>'tz' AS tz FROM jobs.schedule`);
  expect(rows).toEqual([{ name: 'reminders-tick', cron: '* * * * *', tz: 'Asia/Tokyo' }]);
  const queues = await api.runtime.pool.query(`SELECT retry_limit, retry_backoff FROM jobs.queue WHERE name = 'webhook-delivery'`);
  expect(queues.rows).toEqual([{ retry_limit: 12, retry_backoff: true }]);
});
