/**
 * Signing in and out (POST/DELETE /v1/session), who is signed in (GET /v1/me), and the one-time
 * links of invitations and password resets (GET/POST /v1/invitations/{token}).
 */
import { queryOptions } from '@tanstack/react-query';
import { api, ApiProblem, csrfToken, unwrap, type Schemas } from '../api/client';

/** The signed-in person: who, their role and organisation, and the CSRF token of their session. */
export type Me = Schemas['Me'];
export type SignIn = Schemas['SignInDto'];

/** GET /v1/me, or null where this credential is no person (an API key) or no longer valid. */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await unwrap(api.GET('/v1/me'));
  } catch (error) {
    if (error instanceof ApiProblem && (error.status === 404 || error.status === 401 || error.status === 403)) return null;
    throw error;
  }
}

export function startSession(body: SignIn) {
  return unwrap(api.POST('/v1/session', { body }));
}

export function endSession() {
  return unwrap(api.DELETE('/v1/session', { params: { header: { 'X-CSRF-Token': csrfToken() } } }));
}

/** Any read of the organisation proves an API key. */
export function proveKey() {
  return unwrap(api.GET('/v1/residents', { params: { query: { pageSize: 1 } } }));
}

export const invitationQuery = (token: string) =>
  queryOptions({
    queryKey: ['invitation', token],
    queryFn: () => unwrap(api.GET('/v1/invitations/{token}', { params: { path: { token } } })),
    retry: false,
  });

export function acceptInvitation(token: string, password: string) {
  return unwrap(api.POST('/v1/invitations/{token}', { params: { path: { token } }, body: { password } }));
}
