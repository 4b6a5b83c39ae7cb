/** People in end-to-end tests: invite through the API, set the password from the link, sign in with a cookie jar. */
import request from 'supertest';
import type { Api } from './api-harness.js';

export const PASSWORD = 'kiri-no-naka 2026 shirokuma';

export interface SignedIn {
  userId: string;
  email: string;
  /** A cookie jar: every request sends the session cookie. */
  agent: ReturnType<typeof request.agent>;
  csrf: string;
}

let counter = 0;

export function tokenOf(inviteUrl: string): string {
  return inviteUrl.slice(inviteUrl.lastIndexOf('/') + 1);
}

/** Invites a person with the manager key (or admin token) and returns the link's token. */
export async function invite(api: Api, organisationId: string, managerToken: string, role: string, email?: string) {
  const address = email ?? `person${++counter}.${Date.now()}@example.org`;
  const response = await api.http
    .post(`/v1/organisations/${organisationId}/users`)
    .auth(managerToken, { type: 'bearer' })
    .send({ name: `Person ${counter} ${role}`, email: address, role })
    .expect(201);
  return { userId: response.body.id as string, email: address, token: tokenOf(response.body.inviteUrl) };
}

export async function signIn(api: Api, email: string, password = PASSWORD, extra: Record<string, string> = {}, address?: string) {
  const agent = request.agent(api.app.getHttpServer());
  const call = agent.post('/v1/session').send({ email, password, ...extra });
  if (address) void call.set('x-forwarded-for', address);
  const response = await call;
  return { agent, response, csrf: response.body.csrfToken as string };
}

/** A person of the organisation with the role, signed in. */
export async function person(api: Api, organisationId: string, managerToken: string, role: string): Promise<SignedIn> {
  const invited = await invite(api, organisationId, managerToken, role);
  await api.http.post(`/v1/invitations/${invited.token}`).send({ password: PASSWORD }).expect(204);
  const { agent, response, csrf } = await signIn(api, invited.email);
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { userId: invited.userId, email: invited.email, agent, csrf };
}
