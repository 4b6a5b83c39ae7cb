import { allows, type Role } from './roles';
import { useSession } from './session';

/** Whether the signed-in person may do what needs `needed` (the API's role rules, roles.ts). */
export function useAllows(needed: Role): boolean {
  return allows(useSession().me?.role, needed);
}
