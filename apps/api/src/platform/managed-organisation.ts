/** The organisation a management call is about, if the caller may manage it. */
import type { DataSource } from 'typeorm';
import { hasRole, type Principal } from '../auth/principal.js';
import { notFound, notPermitted } from '../failures/failure.js';
import { isUuid } from '../http/query-params.js';
import { OrganisationEntity } from './organisation.entity.js';

/** The admin manages every organisation; a manager only its own (others are 404, as if missing). */
export async function managedOrganisation(dataSource: DataSource, caller: Principal, organisationId: string): Promise<OrganisationEntity> {
  if (caller.kind === 'key' && caller.organisationId !== organisationId) throw notFound('Organisation');
  if (caller.kind === 'key' && !hasRole(caller, 'manager')) throw notPermitted('This needs the manager role.');
  const organisation = isUuid(organisationId) ? await dataSource.getRepository(OrganisationEntity).findOneBy({ id: organisationId }) : null;
  if (!organisation) throw notFound('Organisation');
  return organisation;
}
