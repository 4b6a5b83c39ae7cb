import { describe, expect, test } from '@jest/globals';
import { DEFAULT_PEOPLE_CONFIG } from './people-config.js';
import { Passwords } from './passwords.js';

describe('password hashes', () => {
  test('by default with argon2id at the OWASP parameters (19 MiB, 2 passes, 1 lane), and they verify', async () => {
    const passwords = new Passwords(DEFAULT_PEOPLE_CONFIG);
    const hash = await passwords.hash('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await passwords.verify(hash, 'correct horse battery staple')).toBe(true);
    expect(await passwords.verify(hash, 'correct horse battery stapler')).toBe(false);
  });

  test('a hash made at a cheaper configured cost still verifies at the default one (a hash carries its parameters)', async () => {
    const cheap = await new Passwords({ ...DEFAULT_PEOPLE_CONFIG, passwordCost: { memoryCost: 1024, timeCost: 1 } }).hash('pw-123456789');
    expect(cheap).toMatch(/\$m=1024,p=1,t=1\$/);
    expect(await new Passwords(DEFAULT_PEOPLE_CONFIG).verify(cheap, 'pw-123456789')).toBe(true);
  });

  test('a malformed stored hash is a refusal, not an error', async () => {
    expect(await new Passwords(DEFAULT_PEOPLE_CONFIG).verify('not a hash', 'anything')).toBe(false);
  });
});
