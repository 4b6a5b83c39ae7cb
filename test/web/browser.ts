/**
 * Browser tests against the real server: the whole API (with the built web UI at `/`) on a
 * fresh database of the run's PostgreSQL, listening on a free port, and a headless Chromium
 * from npm (@sparticuz/chromium) driven by playwright-core — no browser download, no apt.
 */
import sparticuz from '@sparticuz/chromium';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { Api, type Keys } from '../support/api-harness.js';

export interface WebHarness {
  api: Api;
  org: Keys;
  baseUrl: string;
  browser: Browser;
  /** A new browser context (its own storage) signed in with the organisation's key of that role. */
  signedIn(
    role?: 'caseworker' | 'manager' | 'viewer',
    viewport?: { width: number; height: number },
  ): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export async function startWebHarness(orgName = 'Tokai Support Center'): Promise<WebHarness> {
  if (!existsSync('apps/web/dist/index.html')) throw new Error('apps/web/dist is missing: npm test builds it (npm run build:web)');
  const api = await Api.start();
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const address = api.app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const org = await api.organisation(orgName, 'support_organisation');
  // sparticuz's args are made for AWS Lambda; `--single-process` there makes closing one browser
  // context end the whole browser, and the tests open several (two editors, a tablet).
  const args = sparticuz.args.filter((arg) => arg !== '--single-process');
  const browser = await chromium.launch({ executablePath: await sparticuz.executablePath(), args, headless: true });
  const harness: WebHarness = {
    api,
    org,
    baseUrl,
    browser,
    async signedIn(role = 'caseworker', viewport = { width: 1280, height: 900 }) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
      context.setDefaultTimeout(30_000);
      const page = await context.newPage();
      await signInWithKey(page, org[role]);
      return { context, page };
    },
    async close() {
      await browser.close();
      await api.close();
    },
  };
  return harness;
}

/** The development sign-in with an API key (until sessions land in the API). */
export async function signInWithKey(page: Page, key: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'APIキーで入る(開発用)' }).click();
  await page.getByLabel('APIキー').fill(key);
  await page.getByRole('button', { name: 'キーで入る', exact: true }).click();
  await page.getByRole('heading', { name: 'ケース一覧', level: 2 }).waitFor();
}
