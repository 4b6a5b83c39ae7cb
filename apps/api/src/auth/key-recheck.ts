/**
 * How long an API key read from the database is trusted by an API process (API_KEY_RECHECK_MS):
 * the longest a key revoked in another process still works in this one should the revocation's
 * NOTIFY not reach it (revocations-heard.ts). Bounded, so that a revocation always reaches every
 * process within seconds.
 */
export const DEFAULT_KEY_RECHECK_MS = 2_000;
export const MAX_KEY_RECHECK_MS = 5_000;
