/**
 * Turns a bearer token into a Principal. Every request reads its key by primary key: no
 * cache, so a revoked key is refused at once by every API process on the database (a cache
 * would need an invalidation that reaches every process before the revoke answers).
 * `lastUsedAt` is written at most once a minute per credential and process, off the
 * request's path.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity.js';
import { CalendarTokenEntity } from './calendar-token.entity.js';
import { APP_CONFIG, DATA_SOURCE, type AppConfig } from '../bootstrap/tokens.js';
import { checkAdminToken } from '../bootstrap/environment.js';
import type { Principal } from './principal.js';
import { parseSecret, sameHash, sha256 } from './secret-tokens.js';

const LAST_USED_EVERY_MS = 60_000;
const NOTED_MAX = 10_000;

@Injectable()
export class CredentialsService {
  private readonly adminHash: string | null;
  /** When this process last wrote `last_used_at`, per credential. */
  private readonly noted = new Map<string, number>();

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    checkAdminToken(config.adminToken);
    this.adminHash = config.adminToken ? sha256(config.adminToken) : null;
  }

  async principalOf(token: string): Promise<Principal | null> {
    if (this.adminHash && sameHash(token, this.adminHash)) return { kind: 'admin' };
    const parsed = parseSecret('zk', token);
    if (!parsed) return null;
    const key = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ id: parsed.id });
    if (!key || key.revokedAt !== null || !sameHash(parsed.secret, key.secretHash)) return null;
    this.noteUse('api_key', key.id);
    return { kind: 'key', keyId: key.id, organisationId: key.organisationId, role: key.role, user: null };
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
