/**
 * Passwords are stored with argon2id only, with the OWASP Password Storage Cheat Sheet's
 * parameters (19 MiB of memory, 2 passes, 1 lane).
 */
import argon2 from 'argon2';

const OWASP = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OWASP);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | null = null;

/**
 * An unknown e-mail still costs one argon2 verification, so the answer takes as long as for
 * a known one with a wrong password.
 */
export async function spendVerificationTime(password: string): Promise<void> {
  decoy ??= hashPassword('decoy password that nobody has');
  await verifyPassword(await decoy, password);
}
