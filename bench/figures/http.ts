/**
 * Figure 4 and the API half of figure 5: the real API process (`node apps/api/dist/main.js`,
 * projector in process) under autocannon at 50 connections, and its peak RSS (VmHWM).
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '@zairyu/event-store';
import { progress, report } from '../report.js';

const ADMIN = 'bench-admin-token-0123456789abcdef';

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

async function call(base: string, token: string, method: string, path: string, body?: unknown): Promise<{ id: string; key: string }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; key: string };
}

export async function httpFigure(databaseUrl: string, seconds: number, residentsCount: number): Promise<void> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // BENCH_API_CPU_PROF=<dir> profiles the API process (node --cpu-prof) for finding where time goes.
  const profile = process.env['BENCH_API_CPU_PROF'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_API_CPU_PROF']}`] : [];
  const api = spawn(process.execPath, [...profile, 'apps/api/dist/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ZAIRYU_ADMIN_TOKEN: ADMIN,
      PROJECTOR: 'inline',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (let i = 0; ; i++) {
      if ((await fetch(`${base}/health`).catch(() => null))?.ok) break;
      if (i > 300) throw new Error('the API did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
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
    const get = await autocannon({
      url: base,
      connections: 50,
      duration: seconds,
      requests: [
        {
          method: 'GET',
          headers,
          setupRequest: (request) => ({ ...request, path: `/v1/residents/${ids[n++ % ids.length]}/status?asOf=2026-06-01` }),
        },
      ],
    });
    report('HTTP GET status', get.requests.average, 'req/s', get.requests.total);
    report('HTTP GET status p50', get.latency.p50, 'ms', get.requests.total);
    report('HTTP GET status p99', get.latency.p99, 'ms', get.requests.total);
    report('HTTP GET status non-2xx', get.non2xx + get.errors + get.timeouts, 'responses', get.requests.total);

    progress(`HTTP: POST events for ${seconds} s`);
    let m = 0;
    const post = await autocannon({
      url: base,
      connections: 50,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          headers,
          setupRequest: (request) => {
            const i = m++;
            return {
              ...request,
              path: `/v1/residents/${ids[i % ids.length]}/events`,
              body: JSON.stringify({ type: 'Moved', occurredOn: '2026-10-01', data: { address: `Block ${i}` } }),
            };
          },
        },
      ],
    });
    report('HTTP POST events', post.requests.average, 'req/s', post.requests.total);
    report('HTTP POST events p50', post.latency.p50, 'ms', post.requests.total);
    report('HTTP POST events p99', post.latency.p99, 'ms', post.requests.total);
    report('HTTP POST events non-2xx', post.non2xx + post.errors + post.timeouts, 'responses', post.requests.total);
    report('API peak RSS (VmHWM)', peakRssMb(api.pid!), 'MB', 1);
  } finally {
    api.kill('SIGTERM');
    await new Promise((resolve) => api.once('exit', resolve));
  }
}
