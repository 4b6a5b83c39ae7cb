/** Injection tokens of what the bootstrap opens before Nest starts. */
import type { RateLimitConfig } from '../http/rate-limit-config.js';
import type { PeopleConfig } from '../people/people-config.js';
import type { RemindersConfig } from '../reminders/reminders-config.js';

export const APP_CONFIG = Symbol('AppConfig');
export const PG_POOL = Symbol('PgPool');
export const DATA_SOURCE = Symbol('DataSource');
export const PROJECTION = Symbol('Projection');
export const CLOCK = Symbol('Clock');
export const KEPT_FOLDS = Symbol('KeptFolds');

export interface AppConfig {
  port: number;
  host: string;
  adminToken: string | null;
  /** Largest request body, in bytes. */
  bodyLimit: number;
  /**
   * How many proxies of ours stand in front (TRUST_PROXY; 0: none). The client's address is the
   * one that many hops from the right of X-Forwarded-For, so nothing a client writes to the left
   * is believed; X-Forwarded-Proto / -Host are believed from the nearest one (secure cookies, HSTS).
   */
  trustProxy?: number;
  /** Sessions, sign-in throttle and invitation links (defaults in people-config.ts). */
  people?: Partial<PeopleConfig>;
  /** Digests, escalation and webhooks (defaults in reminders-config.ts). */
  reminders?: Partial<RemindersConfig>;
  /** Largest file POST /v1/imports takes, in bytes (IMPORT_MAX_BYTES; default 10 MiB). */
  importMaxBytes?: number;
  /**
   * How long an import waits for the read models to take in earlier writes before it plans its
   * rows against them (IMPORT_WAITS_FOR_PROJECTION_MS; default 60 s). Past it the file is refused
   * (409, try again), rather than rows being judged against a caseload that is not yet up to date.
   */
  importWaitsForProjectionMs?: number;
  /** Requests per minute per credential, failed authentications per address (defaults in http/rate-limit-config.ts). */
  rateLimits?: Partial<RateLimitConfig>;
  /** The most events one resident's history may hold (MAX_EVENTS_PER_RESIDENT; residents/history-limit.ts). */
  maxEventsPerResident?: number;
  /**
   * How long an API key read from the database is trusted by this process (API_KEY_RECHECK_MS;
   * default 2,000 ms, at most 5,000; 0: read on every request): the longest a key revoked in
   * another process still works here (auth/credentials.service.ts).
   */
  keyRecheckMs?: number;
  /** Days before each deadline at which the calendar feed's reminders fire (CALENDAR_ALARM_DAYS; default 7 and 1). */
  calendarAlarmDays?: readonly number[];
}

export type Clock = () => Date;
