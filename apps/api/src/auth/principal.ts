import type { Role } from '../platform/api-key.entity.js';

/** Who is calling: the platform admin, or a key of one organisation with one role. */
export type Principal = { kind: 'admin' } | { kind: 'key'; keyId: string; organisationId: string; role: Role };

const RANK: Record<Role, number> = { viewer: 0, caseworker: 1, manager: 2 };

export function hasRole(principal: Principal, needed: Role): boolean {
  return principal.kind === 'key' && RANK[principal.role] >= RANK[needed];
}

export function recordedBy(principal: Principal): string {
  return principal.kind === 'admin' ? 'admin' : `key:${principal.keyId}`;
}
