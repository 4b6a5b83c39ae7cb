/**
 * Name-based UUIDs (RFC 9562 version 5): the same idempotency key always names the same
 * event or resident, so a retried request finds what the first one wrote.
 */
import { createHash } from 'node:crypto';

const NAMESPACE = Buffer.from('6f1c1c36-5d7e-4b63-9c59-2f0f5d0b8a11'.replaceAll('-', ''), 'hex');

export function uuidFromName(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
