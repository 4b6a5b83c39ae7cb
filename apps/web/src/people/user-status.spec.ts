import { describe, expect, test } from '@jest/globals';
import { userStates } from './user-status';

describe('a user’s states in the users table', () => {
  test('invited until the password is set; active after; 2FA shown beside', () => {
    expect(userStates({ disabled: false, invitationPending: true, totpEnabled: false })).toEqual(['invited']);
    expect(userStates({ disabled: false, invitationPending: false, totpEnabled: false })).toEqual(['active']);
    expect(userStates({ disabled: false, invitationPending: false, totpEnabled: true })).toEqual(['active', 'totp']);
  });

  test('disabled wins over invited, and a disabled user’s 2FA is not shown as on', () => {
    expect(userStates({ disabled: true, invitationPending: true, totpEnabled: false })).toEqual(['disabled']);
    expect(userStates({ disabled: true, invitationPending: false, totpEnabled: true })).toEqual(['disabled']);
  });
});
