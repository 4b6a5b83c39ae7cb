/**
 * The organisation's own record (GET/PATCH /v1/organisations/{orgId}, managers): here what the
 * SSW filing drafts print about it — its 登録番号 as a 登録支援機関, address and phone.
 */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';

export type OrganisationRecord = Schemas['OrganisationRegistration'];
export interface Particulars {
  supportRegistrationNumber: string | null;
  address: string | null;
  phone: string | null;
}

export const organisationKey = (orgId: string) => ['settings', orgId, 'organisation'] as const;

export const organisationQuery = (orgId: string) =>
  queryOptions({
    queryKey: organisationKey(orgId),
    queryFn: () => unwrap(api.GET('/v1/organisations/{orgId}', { params: { path: { orgId } } })),
    retry: false,
  });

export function saveParticulars(orgId: string, body: Particulars) {
  return unwrap(
    api.PATCH('/v1/organisations/{orgId}', {
      params: { path: { orgId } },
      // The document types the nullable fields loosely; the server checks each.
      body: body as unknown as Schemas['UpdateOrganisationDto'],
    }),
  );
}
