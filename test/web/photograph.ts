/**
 * A screenshot for the docs, taken only when SCREENSHOTS_DIR is set (`SCREENSHOTS_DIR=docs/screenshots
 * npm test -- test/web/ssw-desk.e2e-spec.ts`): a plain test run neither spends the time on it
 * nor rewrites the pictures in docs/.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export async function photograph(page: Page, file: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const target = process.env['SCREENSHOTS_DIR'];
  if (!target) return;
  await mkdir(target, { recursive: true });
  await page.screenshot({ path: join(target, file), ...options });
}
