/**
 * Credentials have a life (docs/api-v1.md "Additions of 2026-11-23"): a manager lists the
 * organisation's API keys and calendar tokens (never their secrets) and revokes them. A
 * revoked credential is refused by the next request in this API process, and in every other as
 * soon as it hears of it (a PostgreSQL NOTIFY; API_KEY_RECHECK_MS, 2 s, bounds it should the
 * message be lost: auth/credentials.service.ts); a calendar token is read on every use.
 */
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, Query, QueryHandler, type ICommandHandler, type IQueryHandler } from '@nestjs/cqrs';
import { IsNull, type DataSource } from 'typeorm';
import type { Principal, Role } from '../auth/principal.js';
import { DATA_SOURCE } from '../bootstrap/tokens.js';
import { notFound } from '../failures/failure.js';
import { ApiKeyEntity } from '../auth/api-key.entity.js';
import { CredentialsService } from '../auth/credentials.service.js';
import { CalendarTokenEntity } from '../auth/calendar-token.entity.js';
import { managedOrganisation } from './managed-organisation.js';

export type CredentialKind = 'api-keys' | 'calendar-tokens';

export interface ListedCredential {
  id: string;
  label?: string;
  role?: Role;
  createdAt: string;
  lastUsedAt: string | null;
}

export class ListCredentials extends Query<ListedCredential[]> {
  constructor(
    readonly caller: Principal,
    readonly organisationId: string,
    readonly kind: CredentialKind,
  ) {
    super();
  }
}

export class RevokeCredential extends Command<void> {
  constructor(
    readonly caller: Principal,
    readonly organisationId: string,
    readonly kind: CredentialKind,
    readonly credentialId: string,
  ) {
    super();
  }
}

const entityOf = (kind: CredentialKind) => (kind === 'api-keys' ? ApiKeyEntity : CalendarTokenEntity);

@QueryHandler(ListCredentials)
export class ListCredentialsHandler implements IQueryHandler<ListCredentials> {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async execute({ caller, organisationId, kind }: ListCredentials): Promise<ListedCredential[]> {
    const organisation = await managedOrganisation(this.dataSource, caller, organisationId);
    const rows = await this.dataSource
      .getRepository<ApiKeyEntity | CalendarTokenEntity>(entityOf(kind))
      .find({ where: { organisationId: organisation.id, revokedAt: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((row) => ({
      id: row.id,
      ...('label' in row ? { label: row.label, role: row.role } : {}),
      createdAt: row.createdAt.toISOString(),
      lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    }));
  }
}

@CommandHandler(RevokeCredential)
export class RevokeCredentialHandler implements ICommandHandler<RevokeCredential> {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly credentials: CredentialsService,
  ) {}

  async execute({ caller, organisationId, kind, credentialId }: RevokeCredential): Promise<void> {
    const organisation = await managedOrganisation(this.dataSource, caller, organisationId);
    // Kept (revoked, not deleted): events name the key that recorded them.
    const result = await this.dataSource
      .getRepository<ApiKeyEntity | CalendarTokenEntity>(entityOf(kind))
      .update({ id: credentialId, organisationId: organisation.id, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (result.affected !== 1) throw notFound(kind === 'api-keys' ? 'API key' : 'Calendar token');
    if (kind === 'api-keys') await this.credentials.revokedEverywhere(credentialId);
  }
}
