/**
 * The API's role rules, as the screens follow them: a viewer reads (and exports), a caseworker
 * also records, registers, imports and reassigns, a manager also runs the organisation. A control
 * the caller's role may not use is not shown, rather than shown and refused with a 403.
 */
import type { Me } from './api';

export type Role = Me['role'];

const RANK: Record<Role, number> = { viewer: 0, caseworker: 1, manager: 2 };

/** Whether the role may do what needs `needed`. Without a known role (a development API key) the server alone decides. */
export function allows(role: Role | null | undefined, needed: Role): boolean {
  return role == null || RANK[role] >= RANK[needed];
}
