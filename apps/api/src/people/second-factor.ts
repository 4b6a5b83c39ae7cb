/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, one step of clock drift either way) with
 * the maintained `otpauth` library, and single-use recovery codes. A code's time step is
 * remembered, so a code seen once is not taken again (RFC 6238 §5.2). The secret has to be
 * kept readable to check codes; it is shown once, at enrolment, and never returned or logged.
 * Recovery codes have 80 random bits, so their SHA-256 is enough to store them.
 */
import { Inject, Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import * as OTPAuth from 'otpauth';
import type pg from 'pg';
import { PG_POOL } from '../bootstrap/tokens.js';
import { sha256 } from '../auth/secret-tokens.js';

const ISSUER = 'Zairyu Ledger';
const PERIOD_SECONDS = 30;
const RECOVERY_CODES = 10;
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function totpOf(secret: string, label = 'user'): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

/** The time step a code belongs to, or null when it is not a current code of the secret. */
export function stepOfCode(secret: string, code: string, now = Date.now()): number | null {
  const delta = totpOf(secret).validate({ token: code.replace(/\s/g, ''), timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

function newRecoveryCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

@Injectable()
export class SecondFactor {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** A new secret waiting for its first code; the previous pending one is replaced. */
  async beginEnrolment(userId: string, email: string): Promise<{ secret: string; otpauthUrl: string }> {
    const secret = new OTPAuth.Secret({ size: 20 }).base32;
    await this.pool.query('UPDATE platform.app_user SET totp_pending_secret = $2 WHERE id = $1', [userId, secret]);
    return { secret, otpauthUrl: totpOf(secret, email).toString() };
  }

  /** Turns TOTP on when the code matches the pending secret; returns the recovery codes (shown once). */
  async confirmEnrolment(userId: string, code: string): Promise<string[] | null> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ pending: string | null }>(
        'SELECT totp_pending_secret AS pending FROM platform.app_user WHERE id = $1 FOR UPDATE',
        [userId],
      );
      const pending = rows[0]?.pending;
      const step = pending ? stepOfCode(pending, code) : null;
      if (!pending || step === null) {
        await client.query('ROLLBACK');
        return null;
      }
      await client.query(
        'UPDATE platform.app_user SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, totp_last_step = $2 WHERE id = $1',
        [userId, step],
      );
      const codes = await this.replaceRecoveryCodes(userId, client);
      await client.query('COMMIT');
      return codes;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  /** True when the code is current for the user's secret and its step was not used before. */
  async acceptCode(userId: string, secret: string, code: string): Promise<boolean> {
    const step = stepOfCode(secret, code);
    if (step === null) return false;
    const { rowCount } = await this.pool.query(
      'UPDATE platform.app_user SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)',
      [userId, step],
    );
    return (rowCount ?? 0) > 0;
  }

  /** Uses up one recovery code; false if it is unknown or already used. */
  async useRecoveryCode(userId: string, code: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'UPDATE platform.recovery_code SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL',
      [userId, sha256(normaliseRecoveryCode(code))],
    );
    return (rowCount ?? 0) > 0;
  }

  async remainingRecoveryCodes(userId: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM platform.recovery_code WHERE user_id = $1 AND used_at IS NULL',
      [userId],
    );
    return rows[0]!.n;
  }

  async replaceRecoveryCodes(userId: string, client: pg.PoolClient | pg.Pool = this.pool): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
    await client.query('DELETE FROM platform.recovery_code WHERE user_id = $1', [userId]);
    await client.query('INSERT INTO platform.recovery_code (user_id, code_hash) SELECT $1, unnest($2::text[])', [
      userId,
      codes.map((code) => sha256(normaliseRecoveryCode(code))),
    ]);
    return codes;
  }

  async turnOff(userId: string, client: pg.PoolClient | pg.Pool = this.pool): Promise<void> {
    await client.query('UPDATE platform.app_user SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = NULL WHERE id = $1', [
      userId,
    ]);
    await client.query('DELETE FROM platform.recovery_code WHERE user_id = $1', [userId]);
  }
}
