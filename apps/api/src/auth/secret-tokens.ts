/**
 * Keys and feed tokens: `<prefix>_<id>_<secret>`. The id finds the row; the secret is checked
 * against its SHA-256 in constant time. Secrets are 256 random bits, so a plain hash (not a
 * slow password hash) is enough and keeps every request cheap.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface IssuedSecret {
  id: string;
  token: string;
  secretHash: string;
}

export function issueSecret(prefix: 'zk' | 'zc'): IssuedSecret {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  return { id, token: `${prefix}_${id}_${secret}`, secretHash: sha256(secret) };
}

export function parseSecret(prefix: 'zk' | 'zc', token: string): { id: string; secret: string } | null {
  const match = new RegExp(`^${prefix}_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$`).exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : null;
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function sameHash(secret: string, expectedHash: string): boolean {
  const actual = Buffer.from(sha256(secret), 'hex');
  const expected = Buffer.from(expectedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
