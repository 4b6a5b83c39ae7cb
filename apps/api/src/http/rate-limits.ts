/**
 * Rate limits on /v1 with @fastify/rate-limit, before any database work of the request:
 *
 * - Per credential: each API key, each session and (without either) each client address has
 *   its own budget of requests per minute, so one tenant's burst spends its own budget only
 *   and never another's. The bucket is named by a hash of the secret as sent, so a wrong
 *   secret cannot spend a real key's budget (a key id alone names nothing here).
 * - Failed authentications (answers 401 to a request that carried a bearer token, a session
 *   cookie or a feed token) per client address: past the allowance, every /v1
 *   request from that address is refused until the window ends, so guessing tokens or
 *   replaying revoked ones is cheap to stop (password sign-in has its own throttle as well).
 *
 * Both answer 429 application/problem+json with Retry-After (seconds), and only after
 * `refusalDelayMs`: a client that ignores Retry-After and asks again at once would otherwise get
 * thousands of refusals a second, each costing the server what answering costs, and take the CPU
 * from every other tenant (bench: the noisy-neighbour figure). Held back, each of its connections
 * gets one refusal per delay, for the price of a timer. Counts are kept in each
 * API process (the plugin's LRU store): with n processes behind a balancer a client gets at
 * most n times the budget.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { SESSION_COOKIE } from '../auth/session-cookie.js';
import { sendProblem } from './problem-filter.js';
import { problem } from './problem.js';
import type { RateLimitConfig } from './rate-limit-config.js';

const LIMITED = /^\/v1(\/|\?|\.|$)/;
/** The most buckets each limiter keeps (least recently used go first). */
const BUCKETS = 50_000;

const digest = (value: string) => createHash('sha256').update(value).digest('base64url');

/** Whose budget a request spends: its bearer token, else its session, else its address. */
export function credentialOf(request: FastifyRequest): string {
  const token = /^bearer[ \t]+(\S+)/i.exec(request.headers.authorization ?? '')?.[1];
  if (token) return `token:${digest(token)}`;
  const session = (request as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies?.[SESSION_COOKIE];
  if (session) return `session:${digest(session)}`;
  return `address:${request.ip}`;
}

function triedCredential(request: FastifyRequest): boolean {
  return !credentialOf(request).startsWith('address:') || /[?&]token=/.test(request.url);
}

async function tooMany(reply: FastifyReply, delayMs: number, retryAfterSeconds: number, detail: string): Promise<FastifyReply> {
  if (delayMs > 0) await sleep(delayMs);
  void reply.header('retry-after', String(Math.max(1, retryAfterSeconds)));
  sendProblem(reply, problem(429, detail, { code: 'RATE_LIMITED' }));
  return reply;
}

export async function installRateLimits(fastify: FastifyInstance, limits: RateLimitConfig): Promise<void> {
  // global: false — no hook of the plugin's own; the two limiters below are called by ours.
  await fastify.register(rateLimit, { global: false });
  // Each limiter gets a store of its own, of this size (the plugin reads `cache` at run time).
  const store = { cache: BUCKETS };
  const perCredential = fastify.createRateLimit({
    ...store,
    max: limits.requestsPerMinute,
    timeWindow: 60_000,
    keyGenerator: credentialOf,
  });
  const failures = fastify.createRateLimit({
    ...store,
    max: limits.failedAuthentications,
    timeWindow: limits.failureWindowMs,
    keyGenerator: (request) => `failed:${request.ip}`,
  });

  fastify.addHook('onRequest', async (request, reply) => {
    if (!LIMITED.test(request.url)) return;
    const failed = await failures(request, { increment: false });
    if (!failed.isAllowed && failed.remaining === 0)
      return tooMany(
        reply,
        limits.refusalDelayMs,
        failed.ttlInSeconds,
        'Too many failed authentications from this address; try again later.',
      );
    if (limits.requestsPerMinute === 0) return;
    const used = await perCredential(request);
    if (used.isAllowed) return;
    void reply.header('ratelimit-limit', String(used.max)).header('ratelimit-remaining', String(used.remaining));
    if (used.isExceeded)
      return tooMany(reply, limits.refusalDelayMs, used.ttlInSeconds, `More than ${used.max} requests a minute with this credential.`);
  });

  // Counted before the answer leaves (onSend), so the client's next request already sees it.
  // Only a request that tried a credential failed to authenticate: a signed-out browser asking
  // who it is (401, no credential) is no attempt, and must not lock out its office's address.
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode === 401 && LIMITED.test(request.url) && triedCredential(request)) await failures(request);
    return payload;
  });
}
