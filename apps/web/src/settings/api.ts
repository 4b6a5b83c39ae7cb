/**
 * A manager's settings: the organisation's users (list, invite), API keys and calendar feed
 * tokens (list, issue, revoke), each list under ['settings', orgId, …].
 */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';

export type CredentialKind = 'api-keys' | 'calendar-tokens';
/** An API key or a calendar token as listed: a token has no label or role of its own. */
export type Credential = Schemas['ListedApiKey'] | (Schemas['ListedCalendarToken'] & { label?: undefined; role?: undefined });
export type User = Schemas['User'];
export type NewUser = Schemas['InviteUserDto'];
export type Role = NewUser['role'];

export const settingsKeys = {
  credentials: (orgId: string, kind: CredentialKind) => ['settings', orgId, kind] as const,
  users: (orgId: string) => ['settings', orgId, 'users'] as const,
};

export const credentialsQuery = (orgId: string, kind: CredentialKind) =>
  queryOptions({
    queryKey: settingsKeys.credentials(orgId, kind),
    queryFn: (): Promise<Credential[]> =>
      kind === 'api-keys'
        ? unwrap(api.GET('/v1/organisations/{orgId}/api-keys', { params: { path: { orgId } } }))
        : unwrap(api.GET('/v1/organisations/{orgId}/calendar-tokens', { params: { path: { orgId } } })),
    retry: false,
  });

/** A new API key, or the calendar feed URL of a new token: the secret, shown once. */
export async function issueCredential(orgId: string, kind: CredentialKind, label: string, role: Role): Promise<string> {
  const path = { orgId };
  if (kind === 'api-keys')
    return (await unwrap(api.POST('/v1/organisations/{orgId}/api-keys', { params: { path }, body: { label, role } }))).key;
  const { url } = await unwrap(api.POST('/v1/organisations/{orgId}/calendar-tokens', { params: { path } }));
  return new URL(url, location.origin).href;
}

export function revokeCredential(orgId: string, kind: CredentialKind, id: string) {
  return kind === 'api-keys'
    ? unwrap(api.DELETE('/v1/organisations/{orgId}/api-keys/{keyId}', { params: { path: { orgId, keyId: id } } }))
    : unwrap(api.DELETE('/v1/organisations/{orgId}/calendar-tokens/{tokenId}', { params: { path: { orgId, tokenId: id } } }));
}

export const usersQuery = (orgId: string) =>
  queryOptions({
    queryKey: settingsKeys.users(orgId),
    queryFn: () => unwrap(api.GET('/v1/organisations/{orgId}/users', { params: { path: { orgId } } })),
    retry: false,
  });

/**
 * Invites a person: the link that sets their password (absolute, to hand over when no mail was
 * sent), or null when the API mailed it to the person alone.
 */
export async function inviteUser(orgId: string, body: NewUser): Promise<string | null> {
  const { inviteUrl } = await unwrap(api.POST('/v1/organisations/{orgId}/users', { params: { path: { orgId } }, body }));
  if (inviteUrl === null) return null;
  return inviteUrl.startsWith('http') ? inviteUrl : `${location.origin}${inviteUrl}`;
}
