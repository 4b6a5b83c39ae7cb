/**
 * The security log of each organisation: who signed in or failed to, who was invited, whose
 * role changed, who was disabled, which keys were made or revoked, which exports were made and
 * which residents were erased — with time, actor and client address. Append-only: the table
 * refuses UPDATE, DELETE and TRUNCATE (a trigger), so this service can only add.
 *
 * Other modules call `record` (e.g. an export or an erasure). It holds no personal data of
 * residents: subjects are ids, so crypto-shredding a resident leaves nothing here to erase.
 */
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../bootstrap/tokens.js';
import type { OrganisationCaller, Principal } from '../auth/principal.js';

export const SECURITY_EVENT_KINDS = [
  'signed_in',
  'sign_in_failed',
  'signed_out',
  'user_invited',
  'access_reset',
  'password_set',
  'role_changed',
  'user_disabled',
  'user_enabled',
  'totp_enabled',
  'totp_disabled',
  'recovery_code_used',
  'totp_requirement_changed',
  'key_created',
  'key_revoked',
  'calendar_token_created',
  'calendar_token_revoked',
  'export_made',
  'erasure',
  'resident_reassigned',
  'webhook_created',
  'webhook_deleted',
  'webhook_disabled',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

/** Who acted: a principal, or a person known only by id and name (e.g. while signing in). */
export type SecurityActor = Principal | { kind: 'person'; userId: string; name: string } | { kind: 'anonymous' };

export interface SecurityEntry {
  organisationId: string | null;
  kind: SecurityEventKind;
  actor: SecurityActor;
  address: string | null;
  /** What it was done to: `user:<id>`, `key:<id>`, `resident:<id>`, … */
  subject?: string | null;
  /** Small, non-secret facts (a new role, a reason code); never a password, token or name of a resident. */
  detail?: Record<string, string | number | boolean | null>;
}

export interface SecurityEventView {
  id: string;
  at: string;
  kind: SecurityEventKind;
  actor: string;
  actorName: string | null;
  address: string | null;
  subject: string | null;
  detail: Record<string, unknown>;
}

function actorOf(actor: SecurityActor): { id: string; name: string | null } {
  switch (actor.kind) {
    case 'admin':
      return { id: 'admin', name: 'platform admin' };
    case 'anonymous':
      return { id: 'anonymous', name: null };
    case 'person':
      return { id: `user:${actor.userId}`, name: actor.name };
    case 'key':
      return actor.user ? { id: `user:${actor.user.id}`, name: actor.user.name } : { id: `key:${actor.keyId}`, name: null };
  }
}

@Injectable()
export class SecurityLog {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  async record(entry: SecurityEntry, client: pg.PoolClient | pg.Pool = this.pool): Promise<void> {
    const actor = actorOf(entry.actor);
    await client.query(
      `INSERT INTO platform.security_event (organisation_id, kind, actor, actor_name, address, subject, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [entry.organisationId, entry.kind, actor.id, actor.name, entry.address, entry.subject ?? null, JSON.stringify(entry.detail ?? {})],
    );
  }

  /** An export made for an organisation: what it holds (`list:…`, `filing:…`, `resident:…`), its format and rows. */
  exportMade(
    caller: OrganisationCaller,
    address: string | null,
    subject: string,
    detail: { format: string; rows?: number },
  ): Promise<void> {
    return this.record({ organisationId: caller.organisationId, kind: 'export_made', actor: caller, address, subject, detail });
  }

  /** Newest first. */
  async list(organisationId: string, page: number, pageSize: number): Promise<{ items: SecurityEventView[]; total: number }> {
    const [items, total] = await Promise.all([
      this.pool.query<{
        id: string;
        occurred_at: Date;
        kind: SecurityEventKind;
        actor: string;
        actor_name: string | null;
        address: string | null;
        subject: string | null;
        detail: Record<string, unknown>;
      }>(
        `SELECT id::text, occurred_at, kind, actor, actor_name, address, subject, detail FROM platform.security_event
          WHERE organisation_id = $1 ORDER BY security_event.id DESC LIMIT $2 OFFSET $3`,
        [organisationId, pageSize, (page - 1) * pageSize],
      ),
      this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM platform.security_event WHERE organisation_id = $1', [organisationId]),
    ]);
    return {
      items: items.rows.map((row) => ({
        id: row.id,
        at: row.occurred_at.toISOString(),
        kind: row.kind,
        actor: row.actor,
        actorName: row.actor_name,
        address: row.address,
        subject: row.subject,
        detail: row.detail,
      })),
      total: total.rows[0]!.n,
    };
  }
}
