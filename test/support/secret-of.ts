/**
 * The secret part of a key or feed token (`<prefix>_<id>_<secret>`, apps/api/src/auth/secret-tokens.ts).
 * The secret is base64url and may itself hold `_`: split('_')[2] once gave "" (a secret that began
 * with `_`), and "not.toContain('')" always fails.
 */
export const secretOf = (token: string): string => token.split('_').slice(2).join('_');
