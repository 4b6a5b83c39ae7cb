/**
 * Server-side sessions in PostgreSQL. The cookie carries a 256-bit random secret; the table
 * keeps only its SHA-256, so a copy of the database opens no session. A session ends when
 * signed out, after `sessionIdleMinutes` without a request, `sessionAbsoluteHours` after
 * sign-in, or at once when its user is disabled (checked on every request, in the same query).
 */
import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Role } from '../auth/principal.js';
import { SessionLookup, type LiveSession } from '../auth/session-lookup.js';
import { PG_POOL } from '../bootstrap/tokens.js';
import { sha256 } from '../auth/secret-tokens.js';
import { PEOPLE_SETTINGS } from './people-settings.js';
import type { PeopleConfig } from './people-config.js';

export interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  address: string | null;
  userAgent: string | null;
}

@Injectable()
export class SessionStore implements SessionLookup {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PEOPLE_SETTINGS) private readonly config: PeopleConfig,
  ) {}

  async start(
    user: { id: string; organisationId: string },
    address: string,
    userAgent: string | null,
  ): Promise<{ id: string; secret: string }> {
    const secret = randomBytes(32).toString('base64url');
    const id = randomUUID();
    await this.pool.query(
      `INSERT INTO platform.user_session (id, secret_hash, user_id, organisation_id, expires_at, address, user_agent)
       VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5), $6, $7)`,
      [id, sha256(secret), user.id, user.organisationId, this.config.sessionAbsoluteHours, address, userAgent?.slice(0, 300) ?? null],
    );
    return { id, secret };
  }

  /** The live session the secret opens, touched as seen now; null when unknown, ended, idle, expired or its user disabled. */
  async touch(secret: string): Promise<LiveSession | null> {
    const { rows } = await this.pool.query<{
      id: string;
      user_id: string;
      organisation_id: string;
      name: string;
      role: Role;
      must_enrol_totp: boolean;
    }>(
      `UPDATE platform.user_session s SET last_seen_at = now()
         FROM platform.app_user u JOIN platform.organisation o ON o.id = u.organisation_id
        WHERE s.secret_hash = $1 AND u.id = s.user_id AND s.ended_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(mins => $2) AND u.disabled_at IS NULL
       RETURNING s.id, s.user_id, u.organisation_id, u.name, u.role, (o.require_totp AND u.totp_secret IS NULL) AS must_enrol_totp`,
      [sha256(secret), this.config.sessionIdleMinutes],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      sessionId: row.id,
      userId: row.user_id,
      organisationId: row.organisation_id,
      name: row.name,
      role: row.role,
      mustEnrolTotp: row.must_enrol_totp,
    };
  }

  async endBySecret(secret: string): Promise<void> {
    await this.pool.query('UPDATE platform.user_session SET ended_at = now() WHERE secret_hash = $1 AND ended_at IS NULL', [
      sha256(secret),
    ]);
  }

  /** Ends one of the user's own sessions; false if it is not theirs or already ended. */
  async end(userId: string, sessionId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'UPDATE platform.user_session SET ended_at = now() WHERE id = $1 AND user_id = $2 AND ended_at IS NULL',
      [sessionId, userId],
    );
    return (rowCount ?? 0) > 0;
  }

  async endAll(userId: string, client: pg.PoolClient | pg.Pool = this.pool): Promise<void> {
    await client.query('UPDATE platform.user_session SET ended_at = now() WHERE user_id = $1 AND ended_at IS NULL', [userId]);
  }

  /** The user's live sessions, newest first. */
  async list(userId: string): Promise<SessionView[]> {
    const { rows } = await this.pool.query<{
      id: string;
      created_at: Date;
      last_seen_at: Date;
      expires_at: Date;
      address: string | null;
      user_agent: string | null;
    }>(
      `SELECT id, created_at, last_seen_at, expires_at, address, user_agent FROM platform.user_session
        WHERE user_id = $1 AND ended_at IS NULL AND expires_at > now() AND last_seen_at > now() - make_interval(mins => $2)
        ORDER BY created_at DESC`,
      [userId, this.config.sessionIdleMinutes],
    );
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
      expiresAt: new Date(
        Math.min(row.expires_at.getTime(), row.last_seen_at.getTime() + this.config.sessionIdleMinutes * 60_000),
      ).toISOString(),
      address: row.address,
      userAgent: row.user_agent,
    }));
  }
}
