/**
 * Signing in with e-mail, password and (when on) a TOTP or recovery code. Every failure is the
 * same 401 — unknown e-mail, wrong password, disabled user, wrong code, throttled — and an
 * unknown e-mail still costs an argon2 verification, so neither the answer nor its time tells
 * whether an account exists. Only after a correct password does a missing code get its own
 * 401 (`TOTP_REQUIRED`), so that the client can ask for it.
 */
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../bootstrap/tokens.js';
import { Failure, invalidInput } from '../failures/failure.js';
import { checkBody } from '../http/check-body.js';
import { Passwords } from './passwords.js';
import { SignInDto } from './people.dto.js';
import { SecondFactor } from './second-factor.js';
import { SecurityLog } from './security-log.js';
import { csrfTokenOf } from '../auth/session-cookie.js';
import { SessionStore } from './session-store.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { normaliseEmail, USER_COLUMNS, type UserRow } from './user-accounts.js';

export interface Client {
  address: string;
  userAgent: string | null;
}

export class SignInRefused extends Failure {
  constructor(retryAfterMs: number) {
    super('NOT_SIGNED_IN', 'The e-mail address, password or code is not right.', {
      code: 'SIGN_IN_FAILED',
      ...(retryAfterMs > 0 ? { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) } : {}),
    });
  }
}

@Injectable()
export class SignInService {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    private readonly throttle: SignInThrottle,
    private readonly sessions: SessionStore,
    private readonly secondFactor: SecondFactor,
    private readonly log: SecurityLog,
    private readonly passwords: Passwords,
  ) {}

  async signIn(body: unknown, client: Client): Promise<{ secret: string; csrfToken: string }> {
    const checked = checkBody(SignInDto, body);
    if (checked.errors.length > 0) throw invalidInput('The sign-in request is not valid.', checked.errors);
    const email = normaliseEmail(checked.value.email);
    // Counted before anything is checked: of a burst of tries, only the free ones are checked.
    const wait = await this.throttle.trySignIn(email, client.address);
    if (wait > 0) throw new SignInRefused(wait);

    const { rows } = await this.pool.query<UserRow>(`SELECT ${USER_COLUMNS} FROM platform.app_user WHERE lower(email) = $1`, [email]);
    const user = rows[0];
    const passwordRight =
      user?.password_hash && !user.disabled_at
        ? await this.passwords.verify(user.password_hash, checked.value.password)
        : (await this.passwords.spendVerificationTime(checked.value.password), false);
    if (!user || !passwordRight) return this.refuse(email, client, user, 'password');

    if (user.totp_secret) {
      const { totp, recoveryCode } = checked.value;
      if (recoveryCode !== undefined) {
        if (!(await this.secondFactor.useRecoveryCode(user.id, recoveryCode))) return this.refuse(email, client, user, 'recovery_code');
        await this.log.record({
          organisationId: user.organisation_id,
          kind: 'recovery_code_used',
          actor: { kind: 'person', userId: user.id, name: user.name },
          address: client.address,
          subject: `user:${user.id}`,
        });
      } else if (totp !== undefined) {
        if (!(await this.secondFactor.acceptCode(user.id, user.totp_secret, totp))) return this.refuse(email, client, user, 'totp');
      } else {
        await this.throttle.passwordRight(email, client.address);
        throw new Failure('NOT_SIGNED_IN', 'Enter the code from your authenticator app (or a recovery code).', { code: 'TOTP_REQUIRED' });
      }
    }

    await this.throttle.signedIn(email, client.address);
    const session = await this.sessions.start({ id: user.id, organisationId: user.organisation_id }, client.address, client.userAgent);
    await this.pool.query('UPDATE platform.app_user SET last_sign_in_at = now() WHERE id = $1', [user.id]);
    await this.log.record({
      organisationId: user.organisation_id,
      kind: 'signed_in',
      actor: { kind: 'person', userId: user.id, name: user.name },
      address: client.address,
      subject: `user:${user.id}`,
      detail: { secondFactor: user.totp_secret ? (checked.value.recoveryCode !== undefined ? 'recovery_code' : 'totp') : 'none' },
    });
    return { secret: session.secret, csrfToken: csrfTokenOf(session.secret) };
  }

  private async refuse(email: string, client: Client, user: UserRow | undefined, step: string): Promise<never> {
    // A failure against no account is logged outside every organisation: no manager reads it.
    await this.log.record({
      organisationId: user?.organisation_id ?? null,
      kind: 'sign_in_failed',
      actor: { kind: 'anonymous' },
      address: client.address,
      subject: user ? `user:${user.id}` : null,
      detail: { step },
    });
    throw new SignInRefused(0);
  }
}
