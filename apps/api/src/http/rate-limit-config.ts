/** How many requests one credential may make, and how many failed authentications one address. */
export interface RateLimitConfig {
  /** Requests per minute per credential (API key, session, else client address) on /v1; 0 turns the limit off. */
  requestsPerMinute: number;
  /** Failed authentications (401) per address within `failureWindowMs` before that address gets 429. */
  failedAuthentications: number;
  failureWindowMs: number;
  /** How long a refusal (429) is held back before it is sent (rate-limits.ts says why). */
  refusalDelayMs: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  // 20 a second: far above what a person at the web UI makes, low enough that one client alone
  // cannot take the server's CPU from the others (each request may fold a resident's history).
  requestsPerMinute: 1200,
  failedAuthentications: 100,
  failureWindowMs: 15 * 60_000,
  // A second: a closed-loop client past its budget makes one request a second per connection.
  refusalDelayMs: 1000,
};

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number (0 or more), not ${raw}.`);
  return value;
}

export function rateLimitConfigFrom(env: NodeJS.ProcessEnv): RateLimitConfig {
  return {
    requestsPerMinute: wholeNumber(env, 'RATE_LIMIT_PER_MINUTE', DEFAULT_RATE_LIMITS.requestsPerMinute),
    failedAuthentications: wholeNumber(env, 'AUTH_FAILURES_PER_ADDRESS', DEFAULT_RATE_LIMITS.failedAuthentications),
    failureWindowMs: DEFAULT_RATE_LIMITS.failureWindowMs,
    refusalDelayMs: wholeNumber(env, 'RATE_LIMIT_REFUSAL_DELAY_MS', DEFAULT_RATE_LIMITS.refusalDelayMs),
  };
}
