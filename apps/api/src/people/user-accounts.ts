/** The rows of platform.app_user, and the view of a user a manager sees (never a secret). */
import type { Role } from '../auth/principal.js';

export interface UserRow {
  id: string;
  organisation_id: string;
  name: string;
  email: string;
  role: Role;
  password_hash: string | null;
  disabled_at: Date | null;
  totp_secret: string | null;
  created_at: Date;
  last_sign_in_at: Date | null;
}

export interface UserView {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  /** The person has not yet set a password from their invitation (or reset) link. */
  invitationPending: boolean;
  totpEnabled: boolean;
  createdAt: string;
  lastSignInAt: string | null;
}

export const USER_COLUMNS = 'id, organisation_id, name, email, role, password_hash, disabled_at, totp_secret, created_at, last_sign_in_at';

export function userView(row: UserRow): UserView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    disabled: row.disabled_at !== null,
    invitationPending: row.password_hash === null,
    totpEnabled: row.totp_secret !== null,
    createdAt: row.created_at.toISOString(),
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
  };
}

/** E-mail addresses are compared without case and surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
