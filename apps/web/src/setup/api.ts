/**
 * First start: whether the server still waits for its first organisation (GET /v1/setup, no
 * credentials), and creating an organisation with its first manager with the platform admin
 * token (POST /v1/organisations). The token is sent with that one request and kept nowhere.
 */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';

export type NewOrganisation = Schemas['CreateOrganisationDto'] & { firstManager: Schemas['FirstManagerDto'] };
export type CreatedOrganisation = Schemas['Organisation'];

export const setupQuery = () =>
  queryOptions({
    queryKey: ['setup'],
    queryFn: () => unwrap(api.GET('/v1/setup')),
    retry: false,
    staleTime: Infinity,
  });

export function createOrganisation(adminToken: string, body: NewOrganisation): Promise<CreatedOrganisation> {
  return unwrap(api.POST('/v1/organisations', { body, headers: { Authorization: `Bearer ${adminToken.trim()}` } }));
}
