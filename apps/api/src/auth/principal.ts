/** What a credential may do: read; also record facts; also run the organisation's people and keys. */
export const ROLES = ['viewer', 'caseworker', 'manager'] as const;
export type Role = (typeof ROLES)[number];

/** A person signed in with a session cookie. */
export interface SignedInUser {
  id: string;
  name: string;
  /** The public id of the session (never its secret). */
  sessionId: string;
  /** The organisation requires a second factor and this person has not set one up yet. */
  mustEnrolTotp: boolean;
}

/**
 * Who is calling: the platform admin, or someone acting for one organisation with one role:
 * an API key (`keyId`) or a signed-in person (`user`). Both are `kind: 'key'` — an
 * organisation credential — so that every organisation-scoped check treats them alike.
 */
export type Principal =
  { kind: 'admin' } | { kind: 'key'; organisationId: string; role: Role; keyId: string | null; user: SignedInUser | null };

export type OrganisationCaller = Principal & { kind: 'key' };

const RANK: Record<Role, number> = { viewer: 0, caseworker: 1, manager: 2 };

export function hasRole(principal: Principal, needed: Role): boolean {
  return principal.kind === 'key' && RANK[principal.role] >= RANK[needed];
}

/** `recordedBy` of an event: `user:<id>` for a person, `key:<id>` for an API key. */
export function recordedBy(principal: Principal): string {
  if (principal.kind === 'admin') return 'admin';
  return principal.user ? `user:${principal.user.id}` : `key:${principal.keyId}`;
}
