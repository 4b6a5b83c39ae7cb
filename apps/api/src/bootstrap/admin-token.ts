/**
 * The platform admin token of the embedded default: generated at first start, kept in
 * `<dataDir>/admin-token` (mode 600) and printed once, when it is made.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function embeddedAdminToken(dataDir: string): Promise<{ token: string; created: boolean }> {
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) return { token: (await readFile(file, 'utf8')).trim(), created: false };
  await mkdir(dataDir, { recursive: true });
  const token = `za_${randomBytes(32).toString('base64url')}`;
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  return { token, created: true };
}
