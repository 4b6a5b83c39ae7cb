/**
 * A manager's people (role, disable and enable, a new link: PATCH …/users/{id} and
 * …/reset-access), and who a resident can be put in charge of, for everyone (GET /v1/assignees),
 * one resident at a time or many at once (POST /v1/residents/assignments).
 */
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';
import { settingsKeys, type Role, type User } from '../settings/api';

export type { Role, User };
export type Assignee = Schemas['Assignees'][number];

export const assigneesQuery = () =>
  queryOptions({
    queryKey: ['assignees'],
    queryFn: () => unwrap(api.GET('/v1/assignees')),
  });

export function updateUser(orgId: string, userId: string, change: Schemas['UpdateUserDto']) {
  return unwrap(api.PATCH('/v1/organisations/{orgId}/users/{userId}', { params: { path: { orgId, userId } }, body: change }));
}

/** A new one-time link (null: mailed to that manager alone). */
export async function resetAccess(orgId: string, userId: string): Promise<string | null> {
  const { inviteUrl } = await unwrap(
    api.POST('/v1/organisations/{orgId}/users/{userId}/reset-access', { params: { path: { orgId, userId } } }),
  );
  return inviteUrl;
}

export function assignResidents(residentIds: string[], assignedTo: string | null) {
  return unwrap(api.POST('/v1/residents/assignments', { body: { residentIds, assignedTo } }));
}

export { settingsKeys };
