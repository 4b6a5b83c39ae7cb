/**
 * Turns a bearer token into a Principal. An API key read from the database is trusted by this
 * process for `keyRecheckMs` (API_KEY_RECHECK_MS, default 2 s, at most 5 s; 0: read on every
 * request), so a busy key costs one primary-key read every two seconds, not one per request.
 * A revoked key is refused at once by the process that revoked it (revoke() forgets it here)
 * and by every other API process as soon as it hears of it (revocations-heard.ts: PostgreSQL
 * NOTIFY, a few milliseconds); a process that is not listening trusts nothing it read, and what
 * a process trusts is never older than `keyRecheckMs` either way. The secret is compared with the row's hash on every request, and an unknown or
 * revoked key is never trusted: each try reads the row (and the failed authentications of an
 * address are limited, http/rate-limits.ts). `lastUsedAt` is written at most once a minute per
 * credential and process, off the request's path.
 */
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity.js';
import { CalendarTokenEntity } from './calendar-token.entity.js';
import { APP_CONFIG, DATA_SOURCE, PG_POOL, type AppConfig } from '../bootstrap/tokens.js';
import { RevocationsHeard } from './revocations-heard.js';
import { checkAdminToken } from '../bootstrap/environment.js';
import type { Principal, Role } from './principal.js';
import { DEFAULT_KEY_RECHECK_MS, MAX_KEY_RECHECK_MS } from './key-recheck.js';
import { parseSecret, sameHash, sha256 } from './secret-tokens.js';

const LAST_USED_EVERY_MS = 60_000;
const NOTED_MAX = 10_000;
const TRUSTED_MAX = 10_000;

interface TrustedKey {
  organisationId: string;
  role: Role;
  secretHash: string;
  /** When it was read from the database (Date.now()). */
  readAt: number;
  /** The listener's generation when it was read: trusted only while the listener has not lost a revocation since. */
  generation: number;
}

@Injectable()
export class CredentialsService implements OnModuleInit, OnModuleDestroy {
  private readonly adminHash: string | null;
  /** When this process last wrote `last_used_at`, per credential. */
  private readonly noted = new Map<string, number>();
  /** Live keys as last read, by id. */
  private readonly trusted = new Map<string, TrustedKey>();
  /** Reads of keys under way, by id. */
  private readonly reading = new Map<string, Promise<TrustedKey | null>>();
  /** Counts the revocations made here: a read that started before one is not trusted after it. */
  private revocations = 0;
  private readonly keyRecheckMs: number;
  private readonly heard: RevocationsHeard;

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {
    checkAdminToken(config.adminToken);
    this.adminHash = config.adminToken ? sha256(config.adminToken) : null;
    this.keyRecheckMs = Math.min(config.keyRecheckMs ?? DEFAULT_KEY_RECHECK_MS, MAX_KEY_RECHECK_MS);
    this.heard = new RevocationsHeard(pool, (keyId) => this.revoked(keyId));
  }

  async onModuleInit(): Promise<void> {
    if (this.keyRecheckMs > 0) await this.heard.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.heard.stop();
  }

  async principalOf(token: string): Promise<Principal | null> {
    if (this.adminHash && sameHash(token, this.adminHash)) return { kind: 'admin' };
    const parsed = parseSecret('zk', token);
    if (!parsed) return null;
    const key = await this.liveKey(parsed.id);
    if (!key || !sameHash(parsed.secret, key.secretHash)) return null;
    this.noteUse('api_key', parsed.id);
    return { kind: 'key', keyId: parsed.id, organisationId: key.organisationId, role: key.role, user: null };
  }

  /**
   * Refused from now on by this process and, once they hear it, by every other. Call once the
   * revocation is committed. Should the message not go out, the others still stop trusting
   * the key within keyRecheckMs.
   */
  async revokedEverywhere(keyId: string): Promise<void> {
    this.revoked(keyId);
    await RevocationsHeard.tell(this.pool, keyId).catch(() => undefined);
  }

  /** Refused from now on by this process. */
  private revoked(keyId: string): void {
    this.revocations++;
    this.trusted.delete(keyId);
    // A read under way may have read the row before the revocation: later requests read again.
    this.reading.delete(keyId);
  }

  /** The key unless it is unknown or revoked: as read within keyRecheckMs, else read now. */
  private async liveKey(id: string): Promise<TrustedKey | null> {
    const now = Date.now();
    const trusted = this.trusted.get(id);
    if (
      trusted !== undefined &&
      now - trusted.readAt < this.keyRecheckMs &&
      this.heard.listening &&
      trusted.generation === this.heard.generation
    )
      return trusted;
    if (this.keyRecheckMs === 0) return this.readKey(id, now);
    // Requests that find the key's time run out together share one read.
    const shared = this.reading.get(id);
    if (shared !== undefined) return shared;
    const reading: Promise<TrustedKey | null> = this.readKey(id, now).finally(() => {
      if (this.reading.get(id) === reading) this.reading.delete(id);
    });
    this.reading.set(id, reading);
    return reading;
  }

  private async readKey(id: string, now: number): Promise<TrustedKey | null> {
    const revocations = this.revocations;
    const generation = this.heard.generation;
    const row = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ id });
    if (!row || row.revokedAt !== null) {
      this.trusted.delete(id);
      return null;
    }
    const key = { organisationId: row.organisationId, role: row.role, secretHash: row.secretHash, readAt: now, generation };
    // A revocation heard while the row was being read may have come after the read: not kept.
    if (this.keyRecheckMs > 0 && revocations === this.revocations && this.heard.listening && generation === this.heard.generation) {
      if (this.trusted.size >= TRUSTED_MAX) this.trusted.clear();
      this.trusted.set(id, key);
    }
    return key;
  }

  /** The organisation whose calendar feed a feed token opens. */
  async organisationOfFeedToken(token: string): Promise<string | null> {
    const parsed = parseSecret('zc', token);
    if (!parsed) return null;
    const row = await this.dataSource.getRepository(CalendarTokenEntity).findOneBy({ id: parsed.id });
    if (!row || row.revokedAt !== null || !sameHash(parsed.secret, row.secretHash)) return null;
    this.noteUse('calendar_token', row.id);
    return row.organisationId;
  }

  private noteUse(table: 'api_key' | 'calendar_token', id: string): void {
    const now = Date.now();
    const last = this.noted.get(`${table}:${id}`);
    if (last !== undefined && now - last < LAST_USED_EVERY_MS) return;
    if (this.noted.size >= NOTED_MAX) this.noted.clear();
    this.noted.set(`${table}:${id}`, now);
    // Not awaited: a request never waits for its own bookkeeping.
    void this.dataSource.query(`UPDATE platform.${table} SET last_used_at = now() WHERE id = $1`, [id]).catch(() => undefined);
  }
}
