/**
 * Configuration from the environment (README "Configuration"), with the defaults of the
 * embedded, no-configuration start.
 */
import { peopleConfigFrom } from '../people/people-config.js';
import { rateLimitConfigFrom } from '../http/rate-limit-config.js';
import { DEFAULT_MAX_EVENTS_PER_RESIDENT } from '../residents/history-limit.js';
import { remindersConfigFrom } from '../reminders/reminders-config.js';
import { DEFAULT_KEPT_EVENTS } from '@zairyu/resident-streams';
import { DEFAULT_KEY_RECHECK_MS, MAX_KEY_RECHECK_MS } from '../auth/key-recheck.js';
import { partitionCountFrom } from '@zairyu/read-model';
import type { AppConfig } from './tokens.js';

export interface Environment extends AppConfig {
  /** How long a read of the read models waits for them to include every earlier write. */
  readYourWritesMs: number;
  databaseUrl: string | null;
  dataDir: string;
  eventStore: 'postgres' | 'kurrentdb';
  kurrentDbUrl: string | null;
  /** Run the projector inside the API process (the default; `PROJECTOR=off` leaves it to apps/projector). */
  inlineProjector: boolean;
  /** PROJECTOR_PARTITIONS: the projection split by organisation, the same in every API and projector process. */
  projectorPartitions: number;
  /** Events of residents' streams kept folded in memory (FOLD_CACHE_EVENTS; 0: none). */
  foldCacheEvents: number;
}

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const eventStore = env['EVENT_STORE'] ?? 'postgres';
  if (eventStore !== 'postgres' && eventStore !== 'kurrentdb')
    throw new Error(`EVENT_STORE must be postgres or kurrentdb, not ${eventStore}.`);
  checkAdminToken(env['ZAIRYU_ADMIN_TOKEN'] || null);
  const port = Number(env['PORT'] ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not ${env['PORT']}.`);
  const alarms = (env['CALENDAR_ALARM_DAYS'] ?? '7,1').split(',').filter((day) => day.trim() !== '');
  const calendarAlarmDays = alarms.map(Number);
  if (calendarAlarmDays.some((day) => !Number.isInteger(day) || day < 1 || day > 365))
    throw new Error(`CALENDAR_ALARM_DAYS must be whole days from 1 to 365, comma-separated (e.g. 7,1), not ${env['CALENDAR_ALARM_DAYS']}.`);
  const maxEventsPerResident = Number(env['MAX_EVENTS_PER_RESIDENT'] ?? DEFAULT_MAX_EVENTS_PER_RESIDENT);
  if (!Number.isInteger(maxEventsPerResident) || maxEventsPerResident < 2)
    throw new Error(`MAX_EVENTS_PER_RESIDENT must be a whole number of 2 or more, not ${env['MAX_EVENTS_PER_RESIDENT']}.`);
  const foldCacheEvents = Number(env['FOLD_CACHE_EVENTS'] ?? DEFAULT_KEPT_EVENTS);
  if (!Number.isInteger(foldCacheEvents) || foldCacheEvents < 0)
    throw new Error(`FOLD_CACHE_EVENTS must be a whole number of events (0 keeps none), not ${env['FOLD_CACHE_EVENTS']}.`);
  const keyRecheckMs = Number(env['API_KEY_RECHECK_MS'] ?? DEFAULT_KEY_RECHECK_MS);
  if (!Number.isInteger(keyRecheckMs) || keyRecheckMs < 0 || keyRecheckMs > MAX_KEY_RECHECK_MS)
    throw new Error(`API_KEY_RECHECK_MS must be whole milliseconds from 0 to ${MAX_KEY_RECHECK_MS}, not ${env['API_KEY_RECHECK_MS']}.`);
  return {
    port,
    keyRecheckMs,
    foldCacheEvents,
    maxEventsPerResident,
    calendarAlarmDays,
    host: env['HOST'] ?? '0.0.0.0',
    adminToken: env['ZAIRYU_ADMIN_TOKEN'] || null,
    bodyLimit: Number(env['BODY_LIMIT_BYTES'] ?? 64 * 1024),
    importMaxBytes: Number(env['IMPORT_MAX_BYTES'] ?? 10 * 1024 * 1024),
    importWaitsForProjectionMs: Number(env['IMPORT_WAITS_FOR_PROJECTION_MS'] ?? 60_000),
    readYourWritesMs: Number(env['READ_YOUR_WRITES_MS'] ?? 2000),
    databaseUrl: env['DATABASE_URL'] || null,
    dataDir: env['DATA_DIR'] ?? '.data',
    eventStore,
    kurrentDbUrl: env['KURRENTDB_URL'] || null,
    inlineProjector: (env['PROJECTOR'] ?? 'inline') !== 'off',
    projectorPartitions: partitionCountFrom(env['PROJECTOR_PARTITIONS']),
    trustProxy: trustedProxies(env['TRUST_PROXY']),
    people: peopleConfigFrom(env),
    reminders: remindersConfigFrom(env),
    rateLimits: rateLimitConfigFrom(env),
  };
}

/**
 * TRUST_PROXY: the number of our proxies in front of the API. `true` means one (it meant "believe
 * X-Forwarded-For" before, which took its left-most address: one a client can write itself).
 */
export function trustedProxies(value: string | undefined): number {
  if (value === undefined || value === '' || value === 'false') return 0;
  if (value === 'true') return 1;
  if (/^\d{1,2}$/.test(value)) return Number(value);
  throw new Error(`TRUST_PROXY must be the number of proxies in front of the API (0, 1, 2, …; true means 1), not ${value}.`);
}

/** The admin token opens every organisation's keys: a short one could be guessed. */
export const ADMIN_TOKEN_MIN_LENGTH = 32;

export function checkAdminToken(token: string | null): void {
  if (token !== null && token.length < ADMIN_TOKEN_MIN_LENGTH)
    throw new Error(
      `ZAIRYU_ADMIN_TOKEN is ${token.length} characters long; it must be at least ${ADMIN_TOKEN_MIN_LENGTH} ` +
        '(e.g. `openssl rand -base64 32`). The API did not start.',
    );
}
