/** Organisations, their API keys and calendar feed tokens. */
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { issueSecret } from '../auth/secret-tokens.js';
import type { Principal } from '../auth/principal.js';
import { DATA_SOURCE } from '../bootstrap/tokens.js';
import { invalidInput, notPermitted } from '../failures/failure.js';
import { checkBody } from '../http/check-body.js';
import { ApiKeyEntity } from '../auth/api-key.entity.js';
import type { Role } from '../auth/principal.js';
import { CalendarTokenEntity } from '../auth/calendar-token.entity.js';
import { OrganisationEntity, type OrganisationKind } from './organisation.entity.js';
import { CreateApiKeyDto, CreateOrganisationDto } from './platform.dto.js';
import { OrganisationPeople, SecurityLog } from '../people/index.js';
import { managedOrganisation } from './managed-organisation.js';

export class CreateOrganisation extends Command<{
  id: string;
  name: string;
  kind: string;
  firstManager?: { id: string; inviteUrl: string; expiresAt: string; mailed: boolean };
}> {
  constructor(
    readonly caller: Principal,
    readonly body: unknown,
    readonly address: string | null = null,
    /** Where the web UI is reached: the first manager's link starts with it. */
    readonly base = '',
  ) {
    super();
  }
}

export class IssueApiKey extends Command<{ id: string; key: string; role: Role; label: string }> {
  constructor(
    readonly caller: Principal,
    readonly organisationId: string,
    readonly body: unknown,
    readonly address: string | null = null,
  ) {
    super();
  }
}

export class IssueCalendarToken extends Command<{ id: string; token: string; url: string }> {
  constructor(
    readonly caller: Principal,
    readonly organisationId: string,
    readonly address: string | null = null,
    /** Turns the feed's path into the absolute URL a calendar app subscribes to. */
    readonly absolute: (path: string) => string = (path) => path,
  ) {
    super();
  }
}

@CommandHandler(CreateOrganisation)
export class CreateOrganisationHandler implements ICommandHandler<CreateOrganisation> {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly people: OrganisationPeople,
  ) {}

  async execute({ caller, body, address, base }: CreateOrganisation) {
    if (caller.kind !== 'admin') throw notPermitted('Only the platform admin creates organisations.');
    const checked = checkBody(CreateOrganisationDto, body);
    if (checked.errors.length > 0) throw invalidInput('The organisation is not valid.', checked.errors);
    const { name, kind, firstManager } = checked.value;
    const organisation = { id: randomUUID(), name, kind: kind as OrganisationKind };
    if (!firstManager) {
      await this.dataSource.getRepository(OrganisationEntity).insert({ ...organisation });
      return organisation;
    }
    // The organisation and its first manager are made together, or neither is.
    const invitation = await this.people.inTransaction(async (client) => {
      await client.query('INSERT INTO platform.organisation (id, name, kind) VALUES ($1, $2, $3)', [organisation.id, name, kind]);
      return this.people.recordInvitation(caller, organisation, { ...firstManager, role: 'manager' }, { address, base }, client);
    });
    return { ...organisation, firstManager: await this.people.mailInvitation(invitation) };
  }
}

@CommandHandler(IssueApiKey)
export class IssueApiKeyHandler implements ICommandHandler<IssueApiKey> {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly securityLog: SecurityLog,
  ) {}

  async execute({ caller, organisationId, body, address }: IssueApiKey) {
    const organisation = await managedOrganisation(this.dataSource, caller, organisationId);
    const checked = checkBody(CreateApiKeyDto, body);
    if (checked.errors.length > 0) throw invalidInput('The key request is not valid.', checked.errors);
    const secret = issueSecret('zk');
    const role = checked.value.role as Role;
    await this.dataSource
      .getRepository(ApiKeyEntity)
      .insert({ id: secret.id, organisationId: organisation.id, label: checked.value.label, role, secretHash: secret.secretHash });
    await this.securityLog.record({
      organisationId: organisation.id,
      kind: 'key_created',
      actor: caller,
      address,
      subject: `key:${secret.id}`,
      detail: { role },
    });
    return { id: secret.id, key: secret.token, role, label: checked.value.label };
  }
}

@CommandHandler(IssueCalendarToken)
export class IssueCalendarTokenHandler implements ICommandHandler<IssueCalendarToken> {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly securityLog: SecurityLog,
  ) {}

  async execute({ caller, organisationId, address, absolute }: IssueCalendarToken) {
    const organisation = await managedOrganisation(this.dataSource, caller, organisationId);
    const secret = issueSecret('zc');
    await this.dataSource
      .getRepository(CalendarTokenEntity)
      .insert({ id: secret.id, organisationId: organisation.id, secretHash: secret.secretHash });
    await this.securityLog.record({
      organisationId: organisation.id,
      kind: 'calendar_token_created',
      actor: caller,
      address,
      subject: `calendar-token:${secret.id}`,
    });
    return { id: secret.id, token: secret.token, url: absolute(`/v1/deadlines.ics?token=${secret.token}`) };
  }
}
