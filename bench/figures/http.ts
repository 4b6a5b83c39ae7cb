/**
 * Figure 4 and the API half of figure 5: the real API process (`node apps/api/dist/main.js`,
 * projector in process) at 50 connections, and its peak RSS (VmHWM): as fast as it answers
 * (autocannon), and at the goal's rate sent at an even pace (paced-load.ts). Per phase also what
 * the load moves little: CPU ms per request of the API process, of this process (the load) and of
 * PostgreSQL, and (BENCH_SQL_STATS=1) the statements each request sends.
 */
import autocannon from 'autocannon';
import type { ChildProcess } from 'node:child_process';
import type pg from 'pg';
import { BENCH_ADMIN as ADMIN, call, startApi } from '../api-process.js';
import { cpuTimes, processCpuMs, rssMb } from '../cpu-usage.js';
import { progress, report } from '../report.js';
import { resetSqlStats, writeSqlStats } from '../sql-statements.js';
import { pacedLoad, type PacedRequest } from '../paced-load.js';

/** Runs `load` and reports its CPU per request (API process, PostgreSQL) and statements per request. */
async function measured<Result>(
  pool: pg.Pool,
  api: ChildProcess,
  name: string,
  figure: string,
  load: () => Promise<Result>,
  requestsOf: (result: Result) => number,
): Promise<Result> {
  await resetSqlStats(pool);
  const [apiBefore, before] = [await processCpuMs(api.pid!), await cpuTimes(pool)];
  const result = await load();
  const [apiAfter, after] = [await processCpuMs(api.pid!), await cpuTimes(pool)];
  const requests = requestsOf(result);
  if (apiBefore !== null && apiAfter !== null)
    report(`${name}: CPU of the API process`, (apiAfter - apiBefore) / requests, 'ms/req', requests);
  report(`${name}: CPU of the load (this process)`, (after.benchMs - before.benchMs) / requests, 'ms/req', requests);
  if (before.postgresMs !== null && after.postgresMs !== null)
    report(`${name}: CPU of PostgreSQL`, (after.postgresMs - before.postgresMs) / requests, 'ms/req', requests);
  const sql = await writeSqlStats(pool, figure, requests, { unit: 'request', orderBy: 'calls' });
  if (sql) report(`${name}: SQL statements`, sql.calls / requests, 'per req', requests);
  return result;
}

export async function httpFigure(pool: pg.Pool, databaseUrl: string, seconds: number, residentsCount: number): Promise<void> {
  // One key drives the whole load here: its per-key budget would be the figure otherwise.
  const { base, process: api, stop } = await startApi(databaseUrl, { RATE_LIMIT_PER_MINUTE: '0' });
  try {
    // What the process holds before any load: its modules and what start-up made.
    report('API RSS after start (VmRSS)', await rssMb(api.pid!, 'VmRSS'), 'MB', 1);
    const org = await call(base, ADMIN, 'POST', '/v1/organisations', { name: 'Bench', kind: 'support_organisation' });
    const { key } = await call(base, ADMIN, 'POST', `/v1/organisations/${org.id}/api-keys`, { label: 'bench', role: 'caseworker' });
    const ids: string[] = [];
    for (let i = 0; i < residentsCount; i++) {
      const { id } = await call(base, key, 'POST', '/v1/residents', {
        fullName: `BENCH ${i}`,
        dateOfBirth: '1995-01-01',
        nationality: 'VNM',
      });
      await call(base, key, 'POST', `/v1/residents/${id}/events`, {
        type: 'Landed',
        occurredOn: '2026-04-01',
        data: {
          status: 'specified_skilled_worker_1',
          periodExpiresOn: '2027-03-31',
          card: { number: `HB${String(i).padStart(8, '0')}ZZ` },
        },
      });
      ids.push(id);
    }
    progress(`HTTP: ${residentsCount} residents ready; GET status for ${seconds} s`);
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
    let n = 0;
    const getStatus = (): PacedRequest => ({
      method: 'GET',
      headers,
      path: `/v1/residents/${ids[n++ % ids.length]}/status?asOf=2026-06-01`,
    });
    let m = 0;
    const postEvent = (): PacedRequest => {
      const i = m++;
      return {
        method: 'POST',
        headers,
        path: `/v1/residents/${ids[i % ids.length]}/events`,
        body: JSON.stringify({ type: 'Moved', occurredOn: '2026-10-01', data: { address: `Block ${i}` } }),
      };
    };
    /**
     * 50 connections, each sending its next request when the last is answered: the most the
     * process answers, and (Little's law) a mean latency of 50 ÷ that rate, whatever it is.
     */
    const saturated = async (name: string, figure: string, next: () => PacedRequest) => {
      const request: autocannon.Request = { setupRequest: (request) => ({ ...request, ...next() }) };
      const result = await measured(
        pool,
        api,
        name,
        figure,
        () => autocannon({ url: base, connections: 50, duration: seconds, requests: [request] }),
        (result) => result.requests.total,
      );
      report(name, result.requests.average, 'req/s', result.requests.total);
      report(`${name} p50`, result.latency.p50, 'ms', result.requests.total);
      report(`${name} p99`, result.latency.p99, 'ms', result.requests.total);
      report(`${name} non-2xx`, result.non2xx + result.errors + result.timeouts, 'responses', result.requests.total);
    };
    /** The goal's rate, sent at an even pace (paced-load.ts): the latency "≥ rate, p99 < 50 ms" asks of a desk. */
    const atRate = async (name: string, figure: string, next: () => PacedRequest, rate: number) => {
      const result = await measured(
        pool,
        api,
        name,
        figure,
        () => pacedLoad({ base, rate, seconds, connections: 50, request: next }),
        (result) => result.total,
      );
      report(name, result.rate, 'req/s', result.total);
      report(`${name} p50`, result.p50, 'ms', result.total);
      report(`${name} p99`, result.p99, 'ms', result.total);
      report(`${name} max`, result.max, 'ms', result.total);
      report(`${name}: the sender's longest pause`, result.senderPause, 'ms', result.total);
      report(`${name} non-2xx`, result.failed, 'responses', result.total);
    };
    await saturated('HTTP GET status', 'http-get-status', getStatus);
    progress(`HTTP: GET status at 1,500 requests/s for ${seconds} s`);
    await atRate('HTTP GET status at 1,500/s', 'http-get-status-at-rate', getStatus, 1500);
    progress(`HTTP: POST events for ${seconds} s`);
    await saturated('HTTP POST events', 'http-post-events', postEvent);
    progress(`HTTP: POST events at 500 requests/s for ${seconds} s`);
    await atRate('HTTP POST events at 500/s', 'http-post-events-at-rate', postEvent, 500);
    report('API peak RSS (VmHWM)', await rssMb(api.pid!), 'MB', 1);
  } finally {
    await stop();
  }
}
