/**
 * Requests at an even pace: the i-th is due `i / rate` seconds after the start, whether or not
 * the earlier ones have been answered (an open load, as a desk's users are), over at most
 * `connections` kept-alive connections. A request's latency counts from when it was due, so
 * time spent waiting for a free connection, or for the sender's own event loop, is in it.
 *
 * Sent from a worker thread of its own: its heap is not the bench's, which after the earlier
 * figures is large enough that one of its collections would stop the sender and count as the
 * API's latency. The sender's own longest pause is reported beside the latencies.
 *
 * Not autocannon's `overallRate`: that lets each connection send its share of a second back to
 * back and then wait for the next second, so 500 a second arrive as one burst of 500 in the
 * first ~100 ms of each second, 50 at a time (measured; bench/README.md "POST at 500/s, paced").
 */
import http from 'node:http';
import { once } from 'node:events';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export interface PacedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface PacedResult {
  /** Requests answered a second over the run, from the first due to the last answer. */
  rate: number;
  total: number;
  p50: number;
  p99: number;
  max: number;
  /** Answers outside 2xx and requests that failed. */
  failed: number;
  /** The sender's longest event-loop pause (ms): a latency above it is not the sender's. */
  senderPause: number;
}

interface Load {
  base: string;
  rate: number;
  connections: number;
  requests: PacedRequest[];
}

export async function pacedLoad(options: {
  base: string;
  rate: number;
  seconds: number;
  connections: number;
  request: (index: number) => PacedRequest;
}): Promise<PacedResult> {
  const { base, rate, seconds, connections, request } = options;
  const requests = Array.from({ length: Math.round(rate * seconds) }, (_, index) => request(index));
  const load: Load = { base, rate, connections, requests };
  const worker = new Worker(new URL(import.meta.url), { workerData: { pacedLoad: load } });
  const [result] = (await once(worker, 'message')) as [PacedResult];
  await worker.terminate();
  return result;
}

async function send({ base, rate, connections, requests }: Load): Promise<PacedResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(base);
  const total = requests.length;
  const latencies: number[] = [];
  let failed = 0;
  const sendOne = (index: number, due: number) =>
    new Promise<void>((resolve) => {
      const { method, path, headers, body } = requests[index]!;
      const done = (ok: boolean) => {
        latencies.push(performance.now() - due);
        if (!ok) failed++;
        resolve();
      };
      const outgoing = http.request({ agent, host: url.hostname, port: url.port, method, path, headers }, (response) => {
        response.resume();
        response.on('end', () => done(response.statusCode! >= 200 && response.statusCode! < 300));
        response.on('error', () => done(false));
      });
      outgoing.on('error', () => done(false));
      outgoing.end(body);
    });
  const pauses = monitorEventLoopDelay({ resolution: 5 });
  pauses.enable();
  const started = performance.now();
  const sent: Promise<void>[] = [];
  while (sent.length < total) {
    const now = performance.now();
    for (let due = started + (sent.length * 1000) / rate; sent.length < total && due <= now; due = started + (sent.length * 1000) / rate)
      sent.push(sendOne(sent.length, due));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(sent);
  const elapsed = (performance.now() - started) / 1000;
  pauses.disable();
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!;
  return { rate: total / elapsed, total, p50: at(0.5), p99: at(0.99), max: latencies.at(-1)!, failed, senderPause: pauses.max / 1e6 };
}

if (!isMainThread && (workerData as { pacedLoad?: Load } | null)?.pacedLoad)
  parentPort!.postMessage(await send((workerData as { pacedLoad: Load }).pacedLoad));
