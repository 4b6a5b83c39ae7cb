/**
 * AES-256-GCM from node:crypto: each resident's personal values are sealed with that
 * resident's data key, and each data key is kept wrapped (sealed) by the master key. Destroying
 * a wrapped data key makes everything sealed with it unreadable, for good.
 */
import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

/**
 * Each key as a KeyObject, made once per key: Node 24.21 makes one from a Buffer key on every
 * createHmac and createCipheriv, which made each call 5–6 times as slow (21–25 µs against 4 µs
 * here; Node 20 did not), and a rebuild hashes ~36 search words and seals a row per resident
 * (bench/README.md, "Keys as KeyObjects"). A key's bytes never change once made.
 */
const keyObjects = new WeakMap<Buffer, KeyObject>();

function keyObject(key: Buffer): KeyObject {
  let made = keyObjects.get(key);
  if (made === undefined) keyObjects.set(key, (made = createSecretKey(key)));
  return made;
}

export function newDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function seal(key: Buffer, plain: Buffer, associated?: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyObject(key), iv);
  if (associated) cipher.setAAD(Buffer.from(associated, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Throws when the key is wrong or the bytes were altered (GCM authenticates them). */
export function open(key: Buffer, sealed: Buffer, associated?: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', keyObject(key), sealed.subarray(0, IV_BYTES));
  if (associated) decipher.setAAD(Buffer.from(associated, 'utf8'));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/** The data key of a resident, wrapped by the master key and bound to that resident's id. */
export function wrapDataKey(masterKey: Buffer, residentId: string, dataKey: Buffer): Buffer {
  return seal(masterKey, dataKey, `resident-key:${residentId}`);
}

export function unwrapDataKey(masterKey: Buffer, residentId: string, wrapped: Buffer): Buffer {
  return open(masterKey, wrapped, `resident-key:${residentId}`);
}

/**
 * Sealed so that the same value under the same key seals to the same bytes (the IV is a MAC of
 * the value, as in SIV): a read-model row re-derived from the same history is byte-identical,
 * so a rebuild compares equal and an unchanged row is not rewritten. It shows only that two
 * sealed values of one resident are equal.
 */
export function sealSameEachTime(key: Buffer, plain: Buffer, associated: string): Buffer {
  const iv = createHmac('sha256', keyObject(key))
    .update('iv\0')
    .update(associated)
    .update('\0')
    .update(plain)
    .digest()
    .subarray(0, IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keyObject(key), iv);
  cipher.setAAD(Buffer.from(associated, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** A keyed hash (HMAC-SHA256, 128 bits in base64url) of a text: equal texts match, and nothing of the text can be read back. */
export function keyedHash(key: Buffer, text: string): string {
  return createHmac('sha256', keyObject(key)).update(text, 'utf8').digest().subarray(0, 16).toString('base64url');
}
