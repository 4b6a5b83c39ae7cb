/**
 * The signed-in person's second factor (POST /v1/me/totp, /totp/confirm, /recovery-codes,
 * DELETE /v1/me/totp) and the organisation's security log (GET …/security-log, managers).
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';

export type TotpEnrolment = Schemas['TotpEnrolment'];
export type SecurityEvent = Schemas['SecurityEvent'];

export function beginTotp() {
  return unwrap(api.POST('/v1/me/totp'));
}

export async function confirmTotp(code: string): Promise<string[]> {
  return (await unwrap(api.POST('/v1/me/totp/confirm', { body: { code } }))).recoveryCodes;
}

export async function newRecoveryCodes(code: string): Promise<string[]> {
  return (await unwrap(api.POST('/v1/me/recovery-codes', { body: { code } }))).recoveryCodes;
}

export function turnOffTotp(code: string) {
  return unwrap(api.DELETE('/v1/me/totp', { body: { code } }));
}

export const SECURITY_LOG_PAGE_SIZE = 50;

export const securityLogQuery = (orgId: string, page: number) =>
  queryOptions({
    queryKey: ['security-log', orgId, page],
    queryFn: () =>
      unwrap(
        api.GET('/v1/organisations/{orgId}/security-log', {
          params: { path: { orgId }, query: { page, pageSize: SECURITY_LOG_PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
    retry: false,
  });
