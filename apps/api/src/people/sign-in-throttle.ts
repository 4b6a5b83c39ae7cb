/**
 * Tries at a secret (a password, a TOTP or recovery code) are counted per subject — the e-mail
 * address typed (whether or not such a user exists, so the throttle tells nothing about
 * accounts), the client address, the signed-in user checking a code — and each try is counted
 * **before** the secret is checked, by one statement that increments and decides: a burst of
 * parallel tries gets at most the free ones checked, the rest are refused unchecked. After the
 * free tries each further one doubles the wait, up to a ceiling; a try an hour after the last
 * one starts the count again. A try that turns out right is given back: a sign-in clears the
 * account's count and returns its one try to the address (not more, or an attacker could clear
 * the address's count with an account of their own). Kept in PostgreSQL so that every API
 * process sees the same counts.
 */
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../bootstrap/tokens.js';
import { PEOPLE_SETTINGS } from './people-settings.js';
import type { PeopleConfig } from './people-config.js';

export const accountSubject = (email: string) => `account:${email}`;
export const addressSubject = (address: string) => `address:${address}`;
/** A signed-in person typing a code (turning TOTP off, new recovery codes, confirming enrolment). */
export const codeSubject = (userId: string) => `code:${userId}`;

/**
 * The time as the row lock is obtained, not `now()`: that is when the transaction began, and a
 * try that waited for the lock behind a later-begun one would find that one's "may try again at
 * once" still in its future, and be refused for nothing.
 */
const CLOCK = 'clock_timestamp()';
/** The tries counted so far in this hour, after this one. */
const TRIES = `CASE WHEN t.last_failure_at < ${CLOCK} - interval '1 hour' THEN 1 ELSE t.failures + 1 END`;
/** When the try after `tries` tries may be taken: at once while they are fewer than the free ones, then 1×, 2×, 4×… the first delay. */
const nextTryAt = (from: string, tries: string) =>
  `${from} + make_interval(secs => CASE WHEN ${tries} >= $2 THEN least($3 * power(2, ${tries} - $2), $4) ELSE 0 END / 1000.0)`;

interface Limit {
  free: number;
  firstMs: number;
  maxMs: number;
}

@Injectable()
export class SignInThrottle {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PEOPLE_SETTINGS) private readonly config: PeopleConfig,
  ) {}

  private get perAccount(): Limit {
    return { free: this.config.freeFailuresPerAccount, firstMs: this.config.firstDelayMs, maxMs: this.config.maxDelayMs };
  }

  private get perAddress(): Limit {
    return { free: this.config.freeFailuresPerAddress, firstMs: this.config.firstDelayMs, maxMs: this.config.maxDelayMs };
  }

  /**
   * Takes one sign-in try for the address and the e-mail typed: 0 when it may be checked now,
   * else the milliseconds to wait (and it is not checked). The address first, so that a blocked
   * address spends no try of the account it is guessing at.
   */
  async trySignIn(email: string, address: string): Promise<number> {
    const byAddress = await this.take(addressSubject(address), this.perAddress);
    if (byAddress > 0) return byAddress;
    return this.take(accountSubject(email), this.perAccount);
  }

  /** The password was right: the account's count starts again, the address gets its try back. */
  async signedIn(email: string, address: string): Promise<void> {
    await this.pool.query('DELETE FROM platform.sign_in_throttle WHERE subject = $1', [accountSubject(email)]);
    await this.giveBack(addressSubject(address), this.perAddress);
  }

  /** The password was right and the code was not given yet: a step of a sign-in, not a guess. */
  async passwordRight(email: string, address: string): Promise<void> {
    await this.giveBack(accountSubject(email), this.perAccount);
    await this.giveBack(addressSubject(address), this.perAddress);
  }

  /** Takes one try at a code of a signed-in person: 0 when it may be checked now, else the milliseconds to wait. */
  tryCode(userId: string): Promise<number> {
    return this.take(codeSubject(userId), this.perAccount);
  }

  async codeRight(userId: string): Promise<void> {
    await this.pool.query('DELETE FROM platform.sign_in_throttle WHERE subject = $1', [codeSubject(userId)]);
  }

  /**
   * One statement counts the try and decides: the row lock of ON CONFLICT puts parallel tries of
   * one subject in a line, each seeing the count the one before left, and the WHERE leaves a
   * subject that must wait as it is (no row returned: refused).
   */
  private async take(subject: string, { free, firstMs, maxMs }: Limit): Promise<number> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO platform.sign_in_throttle AS t (subject, failures, last_failure_at, blocked_until)
       VALUES ($1, 1, ${CLOCK}, ${nextTryAt(CLOCK, '1')})
       ON CONFLICT (subject) DO UPDATE SET failures = ${TRIES}, last_failure_at = ${CLOCK}, blocked_until = ${nextTryAt(CLOCK, `(${TRIES})`)}
        WHERE t.blocked_until <= ${CLOCK} OR t.last_failure_at < ${CLOCK} - interval '1 hour'
       RETURNING 1`,
      [subject, free, firstMs, maxMs],
    );
    if ((rowCount ?? 0) > 0) return 0;
    const { rows } = await this.pool.query<{ ms: number | null }>(
      `SELECT ceil(extract(epoch FROM blocked_until - ${CLOCK}) * 1000)::int AS ms FROM platform.sign_in_throttle WHERE subject = $1`,
      [subject],
    );
    return Math.max(1, rows[0]?.ms ?? 1);
  }

  private async giveBack(subject: string, { free, firstMs, maxMs }: Limit): Promise<void> {
    await this.pool.query(
      `UPDATE platform.sign_in_throttle SET failures = greatest(failures - 1, 0),
              blocked_until = ${nextTryAt('last_failure_at', 'greatest(failures - 1, 0)')}
        WHERE subject = $1`,
      [subject, free, firstMs, maxMs],
    );
  }
}
