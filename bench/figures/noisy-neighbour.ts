/**
 * The noisy-neighbour figure: another tenant's list p50/p95 while one tenant
 * hammers a resident with a long stream (reads of its status and appends, 32 connections),
 * first quiet, then under that load with the per-key rate limit on (the default), then with it
 * off, and last with it off and no folds kept between requests (FOLD_CACHE_EVENTS=0: each request
 * folds the whole stream). Goal: the other tenant's list p50 under 20 ms. Also counts what the hammering tenant got
 * back: 2xx, 422 (the bound on a resident's events) and 429 (its budget spent).
 */
import autocannon from 'autocannon';
import { call, organisationKey, organisationKeys, startApi } from '../api-process.js';
import { percentile, progress, report } from '../report.js';

interface Sizes {
  seconds: number;
  longStream: number;
  neighbourResidents: number;
}

/** The other tenant lists its residents ten times a second (within its own budget) until `until()`. */
async function listLatencies(base: string, key: string, until: () => boolean, minimum = 0): Promise<number[]> {
  const times: number[] = [];
  while (!until() || times.length < minimum) {
    const started = performance.now();
    const response = await fetch(`${base}/v1/residents?pageSize=50`, { headers: { authorization: `Bearer ${key}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`the neighbour's list answered ${response.status}`);
    const took = performance.now() - started;
    times.push(took);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 100 - took)));
  }
  return times.sort((a, b) => a - b);
}

async function phase(databaseUrl: string, sizes: Sizes, label: string, env: Record<string, string>): Promise<void> {
  const api = await startApi(databaseUrl, env);
  try {
    const base = api.base;
    // The noisy tenant: one key writes the long stream, another hammers it.
    const [setup, hammer] = (await organisationKeys(base, `Noisy ${label}`, 2)) as [string, string];
    const neighbour = await organisationKey(base, `Quiet ${label}`);
    for (let i = 0; i < sizes.neighbourResidents; i++)
      await call(base, neighbour, 'POST', '/v1/residents', { fullName: `QUIET ${i}`, dateOfBirth: '1990-01-01', nationality: 'PHL' });
    const long = (
      await call(base, setup, 'POST', '/v1/residents', { fullName: 'LONG STREAM', dateOfBirth: '1990-01-01', nationality: 'VNM' })
    ).id;
    await call(base, setup, 'POST', `/v1/residents/${long}/events`, {
      type: 'Landed',
      occurredOn: '2026-04-01',
      data: { status: 'student', periodExpiresOn: '2028-03-31' },
    });
    progress(`noisy neighbour (${label}): writing ${sizes.longStream} events to one resident`);
    for (let i = 3; i <= sizes.longStream; i += 8)
      await Promise.all(
        Array.from({ length: Math.min(8, sizes.longStream - i + 1) }, (_, j) =>
          call(base, setup, 'POST', `/v1/residents/${long}/events`, {
            type: 'Moved',
            occurredOn: '2026-05-01',
            data: { address: `Room ${i + j}` },
          }),
        ),
      );
    const quiet = await listLatencies(base, neighbour, () => true, 100);
    report(`noisy neighbour (${label}): other tenant's list p50, quiet`, percentile(quiet, 50), 'ms', quiet.length);

    progress(`noisy neighbour (${label}): one tenant hammers the ${sizes.longStream}-event resident for ${sizes.seconds} s`);
    const headers = { authorization: `Bearer ${hammer}`, 'content-type': 'application/json' };
    let done = false;
    const loud = autocannon({
      url: base,
      connections: 32,
      duration: sizes.seconds,
      requests: [
        { method: 'GET', path: `/v1/residents/${long}/status`, headers },
        {
          method: 'POST',
          path: `/v1/residents/${long}/events`,
          headers,
          body: JSON.stringify({ type: 'Moved', occurredOn: '2026-06-01', data: { address: 'Again' } }),
        },
      ],
    });
    const [result, busy] = await Promise.all([
      loud.then((value) => {
        done = true;
        return value;
      }),
      listLatencies(base, neighbour, () => done),
    ]);
    report(`noisy neighbour (${label}): other tenant's list p50, under load`, percentile(busy, 50), 'ms', busy.length);
    report(`noisy neighbour (${label}): other tenant's list p95, under load`, percentile(busy, 95), 'ms', busy.length);
    const codes = result.statusCodeStats as Record<string, { count: number } | undefined>;
    report(`noisy neighbour (${label}): hammering tenant 2xx`, result['2xx'], 'responses', result.requests.total);
    report(`noisy neighbour (${label}): hammering tenant 422`, codes['422']?.count ?? 0, 'responses', result.requests.total);
    report(`noisy neighbour (${label}): hammering tenant 429`, codes['429']?.count ?? 0, 'responses', result.requests.total);
    report(`noisy neighbour (${label}): hammering tenant timeouts`, result.timeouts + result.errors, 'requests', result.requests.total);
    progress(`noisy neighbour (${label}): hammering tenant's answers ${JSON.stringify(codes)}`);
  } finally {
    await api.stop();
  }
}

export async function noisyNeighbourFigure(databaseUrl: string, sizes: Sizes): Promise<void> {
  await phase(databaseUrl, sizes, 'rate limit on', {});
  await phase(databaseUrl, sizes, 'rate limit off', { RATE_LIMIT_PER_MINUTE: '0' });
  // The same with nothing kept between requests: every read and write folds the whole stream.
  await phase(databaseUrl, sizes, 'rate limit off, no kept folds', { RATE_LIMIT_PER_MINUTE: '0', FOLD_CACHE_EVENTS: '0' });
}
