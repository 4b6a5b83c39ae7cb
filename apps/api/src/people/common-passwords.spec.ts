import { describe, expect, test } from '@jest/globals';
import { passwordWeakness } from './common-passwords.js';

describe('a password holding the e-mail address it signs in with is refused', () => {
  const email = 'yuki.tanaka@sakura.example';
  test('the whole address, in any case, alone or within more', () => {
    expect(passwordWeakness('yuki.tanaka@sakura.example', email)).toMatch(/e-mail address/);
    expect(passwordWeakness('YUKI.TANAKA@SAKURA.EXAMPLE!', email)).toMatch(/e-mail address/);
  });

  test('its name part before the @, also in full-width letters', () => {
    expect(passwordWeakness('my yuki.tanaka 2026', email)).toMatch(/name part/);
    expect(passwordWeakness('ｙｕｋｉ．ｔａｎａｋａ 2026!!', email)).toMatch(/name part/);
  });

  test('a name part of under three characters is not held against a password; an unrelated one passes', () => {
    expect(passwordWeakness('kiri-no-naka 2026 shirokuma', 'ai@example.org')).toBeNull();
    expect(passwordWeakness('kiri-no-naka 2026 shirokuma', email)).toBeNull();
  });
});
