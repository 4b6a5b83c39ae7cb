/**
 * One-time links that let a person set a password: the invitation, and the reset a manager
 * gives. The token is 256 random bits shown once (in the link and the mail); only its SHA-256
 * is kept. A link lives `linkValidHours` (72 h), works once, and a newer link for the same
 * person withdraws the older ones. The token travels in the URL fragment (`#/invitations/…`),
 * which browsers never send to a server, so it reaches no access log or Referer header.
 */
import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { PG_POOL } from '../bootstrap/tokens.js';
import { sha256 } from '../auth/secret-tokens.js';
import { Failure } from '../failures/failure.js';
import { PEOPLE_SETTINGS } from './people-settings.js';
import type { PeopleConfig } from './people-config.js';

export type LinkPurpose = 'invitation' | 'reset';

export interface IssuedLink {
  url: string;
  expiresAt: string;
}

export interface OpenLink {
  userId: string;
  organisationId: string;
  name: string;
  email: string;
  organisationName: string;
  purpose: LinkPurpose;
  expiresAt: string;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

@Injectable()
export class AccessLinks {
  constructor(
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(PEOPLE_SETTINGS) private readonly config: PeopleConfig,
  ) {}

  /** A new link for the person; `base` is where the web UI is reached (public-url.ts), so that the link works where it is pasted. */
  async issue(userId: string, purpose: LinkPurpose, base: string, client: pg.PoolClient | pg.Pool = this.pool): Promise<IssuedLink> {
    const token = randomBytes(32).toString('base64url');
    await client.query(
      'UPDATE platform.access_link SET withdrawn_at = now() WHERE user_id = $1 AND used_at IS NULL AND withdrawn_at IS NULL',
      [userId],
    );
    const { rows } = await client.query<{ expires_at: Date }>(
      `INSERT INTO platform.access_link (token_hash, user_id, purpose, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING expires_at`,
      [sha256(token), userId, purpose, this.config.linkValidHours],
    );
    return { url: `${base}/#/invitations/${token}`, expiresAt: rows[0]!.expires_at.toISOString() };
  }

  /** Who the link is for, while it can still be used (404 unknown, 410 used, expired or withdrawn). */
  async open(token: string, client: pg.PoolClient | pg.Pool = this.pool, lock = false): Promise<OpenLink> {
    if (!TOKEN.test(token)) throw new Failure('NOT_FOUND', 'This link is not known.');
    const { rows } = await client.query<{
      user_id: string;
      organisation_id: string;
      name: string;
      email: string;
      organisation_name: string;
      purpose: LinkPurpose;
      expires_at: Date;
      used_at: Date | null;
      withdrawn_at: Date | null;
      expired: boolean;
      disabled: boolean;
    }>(
      `SELECT l.user_id, u.organisation_id, u.name, u.email, o.name AS organisation_name, l.purpose, l.expires_at, l.used_at,
              l.withdrawn_at, l.expires_at <= now() AS expired, u.disabled_at IS NOT NULL AS disabled
         FROM platform.access_link l JOIN platform.app_user u ON u.id = l.user_id JOIN platform.organisation o ON o.id = u.organisation_id
        WHERE l.token_hash = $1 ${lock ? 'FOR UPDATE OF l, u' : ''}`,
      [sha256(token)],
    );
    const link = rows[0];
    if (!link || link.disabled) throw new Failure('NOT_FOUND', 'This link is not known.');
    if (link.used_at) throw new Failure('GONE', 'This link was already used. Ask a manager for a new one.', { code: 'LINK_USED' });
    if (link.withdrawn_at) throw new Failure('GONE', 'A newer link replaced this one. Use the newest link.', { code: 'LINK_REPLACED' });
    if (link.expired) throw new Failure('GONE', 'This link has expired. Ask a manager for a new one.', { code: 'LINK_EXPIRED' });
    return {
      userId: link.user_id,
      organisationId: link.organisation_id,
      name: link.name,
      email: link.email,
      organisationName: link.organisation_name,
      purpose: link.purpose,
      expiresAt: link.expires_at.toISOString(),
    };
  }

  async markUsed(token: string, client: pg.PoolClient): Promise<void> {
    await client.query('UPDATE platform.access_link SET used_at = now() WHERE token_hash = $1', [sha256(token)]);
  }
}
