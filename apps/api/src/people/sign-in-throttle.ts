/**
 * Failed sign-ins slow down further tries, per e-mail address typed (whether or not such a
 * user exists, so the throttle tells nothing about accounts) and per client address. After the
 * free failures each further one doubles the wait, up to a ceiling; a failure an hour after the
 * last one starts the count again; a successful sign-in clears the account's count (not the
 * address's, or an attacker could clear it with an account of their own). Kept in PostgreSQL
 * so that every API process sees the same counts.
 */
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../bootstrap/tokens.js';
import { PEOPLE_SETTINGS } from './people-settings.js';
import type { PeopleConfig } from './people-config.js';

const FAILURES = `CASE WHEN t.last_failure_at < now() - interval '1 hour' THEN 1 ELSE t.failures + 1 END`;
const waitAfter = (failures: string) =>
  `now() + make_interval(secs => CASE WHEN ${failures} > $2 THEN least($3 * power(2, ${failures} - $2 - 1), $4) ELSE 0 END / 1000.0)`;

export const accountSubject = (email: string) => `account:${email}`;
export const addressSubject = (address: string) => `address:${address}`;

@Injectable()
export class SignInThrottle {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PEOPLE_SETTINGS) private readonly config: PeopleConfig,
  ) {}

  /** Milliseconds until the next try is taken, 0 when it may be taken now. */
  async waitFor(email: string, address: string): Promise<number> {
    const { rows } = await this.pool.query<{ ms: number | null }>(
      `SELECT ceil(extract(epoch FROM max(blocked_until) - now()) * 1000)::int AS ms FROM platform.sign_in_throttle
        WHERE subject = ANY($1) AND blocked_until > now()`,
      [[accountSubject(email), addressSubject(address)]],
    );
    return rows[0]?.ms ?? 0;
  }

  async failed(email: string, address: string): Promise<void> {
    const { freeFailuresPerAccount, freeFailuresPerAddress, firstDelayMs, maxDelayMs } = this.config;
    await this.count(accountSubject(email), freeFailuresPerAccount, firstDelayMs, maxDelayMs);
    await this.count(addressSubject(address), freeFailuresPerAddress, firstDelayMs, maxDelayMs);
  }

  async succeeded(email: string): Promise<void> {
    await this.pool.query('DELETE FROM platform.sign_in_throttle WHERE subject = $1', [accountSubject(email)]);
  }

  private async count(subject: string, free: number, firstMs: number, maxMs: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO platform.sign_in_throttle AS t (subject, failures, last_failure_at, blocked_until)
       VALUES ($1, 1, now(), ${waitAfter('1')})
       ON CONFLICT (subject) DO UPDATE SET failures = ${FAILURES}, last_failure_at = now(), blocked_until = ${waitAfter(`(${FAILURES})`)}`,
      [subject, free, firstMs, maxMs],
    );
  }
}
