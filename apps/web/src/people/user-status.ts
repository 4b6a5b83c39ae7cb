/** What the users table says of a person: 招待中 (no password yet), 有効 or 無効, and 2段階認証オン. */
import type { User } from '../settings/api';

export type UserState = 'invited' | 'active' | 'disabled' | 'totp';

export function userStates(user: Pick<User, 'disabled' | 'invitationPending' | 'totpEnabled'>): UserState[] {
  const states: UserState[] = [user.disabled ? 'disabled' : user.invitationPending ? 'invited' : 'active'];
  if (user.totpEnabled && !user.disabled) states.push('totp');
  return states;
}

export const STATE_COLOURS: Record<UserState, string> = { invited: 'yellow', active: 'teal', disabled: 'gray', totp: 'blue' };
