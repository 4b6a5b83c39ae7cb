/**
 * The master key that wraps every resident's data key: `ZAIRYU_MASTER_KEY` (32 bytes, base64 or
 * hex), or for the no-configuration start a key generated once in `<DATA_DIR>/master-key`
 * (mode 600). Losing it loses every resident's personal data: back it up apart from the database.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KEY_BYTES } from './data-keys.js';

export function parseMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES) throw new Error('ZAIRYU_MASTER_KEY must be 32 bytes, in base64 (44 characters) or hex (64 characters).');
  return key;
}

export async function masterKeyFrom(env: NodeJS.ProcessEnv, dataDir: string): Promise<{ key: Buffer; created: string | null }> {
  const given = env['ZAIRYU_MASTER_KEY'];
  if (given) return { key: parseMasterKey(given), created: null };
  const file = join(dataDir, 'master-key');
  try {
    return { key: parseMasterKey(await readFile(file, 'utf8')), created: null };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(KEY_BYTES);
  // 'wx': two processes starting together do not overwrite each other's key.
  await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return { key: parseMasterKey(await readFile(file, 'utf8')), created: file };
}
