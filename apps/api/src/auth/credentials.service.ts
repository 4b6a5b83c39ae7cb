/**
 * Turns a bearer token into a Principal. Verified keys are remembered for a short while so
 * that a busy client does not cost a database read per request.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ApiKeyEntity } from '../platform/api-key.entity.js';
import { CalendarTokenEntity } from '../platform/calendar-token.entity.js';
import { APP_CONFIG, DATA_SOURCE, type AppConfig } from '../bootstrap/tokens.js';
import type { Principal } from './principal.js';
import { parseSecret, sameHash, sha256 } from './secret-tokens.js';

const CACHE_MS = 30_000;
const CACHE_MAX = 10_000;

@Injectable()
export class CredentialsService {
  private readonly adminHash: string | null;
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.adminHash = config.adminToken ? sha256(config.adminToken) : null;
  }

  async principalOf(token: string): Promise<Principal | null> {
    if (this.adminHash && sameHash(token, this.adminHash)) return { kind: 'admin' };
    const cacheKey = sha256(token);
    const cached = this.verified.get(cacheKey);
    if (cached && cached.until > Date.now()) return cached.principal;
    const parsed = parseSecret('zk', token);
    if (!parsed) return null;
    const key = await this.dataSource.getRepository(ApiKeyEntity).findOneBy({ id: parsed.id });
    if (!key || !sameHash(parsed.secret, key.secretHash)) return null;
    const principal: Principal = { kind: 'key', keyId: key.id, organisationId: key.organisationId, role: key.role, user: null };
    if (this.verified.size >= CACHE_MAX) this.verified.clear();
    this.verified.set(cacheKey, { principal, until: Date.now() + CACHE_MS });
    return principal;
  }

  /** The organisation whose calendar feed a feed token opens. */
  async organisationOfFeedToken(token: string): Promise<string | null> {
    const parsed = parseSecret('zc', token);
    if (!parsed) return null;
    const row = await this.dataSource.getRepository(CalendarTokenEntity).findOneBy({ id: parsed.id });
    return row && sameHash(parsed.secret, row.secretHash) ? row.organisationId : null;
  }
}
