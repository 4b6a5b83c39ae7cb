/// <reference lib="dom" />
/**
 * The first start, in the browser alone: a fresh server with no organisation opens on the setup
 * page; the admin token from the log creates the organisation and its first manager, whose
 * invitation link (absolute, to this host) opens the password page, and the manager signs in.
 */
import { afterAll, beforeAll, expect, jest, test } from '@jest/globals';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ADMIN_TOKEN } from '../support/api-harness.js';
import { PASSWORD } from '../support/people.js';
import { seriousViolations } from './axe.js';
import { startServer, type Server } from './browser.js';

jest.setTimeout(240_000);
const screenshots = process.env['SCREENSHOTS_DIR'];

let server: Server;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  server = await startServer();
  context = await server.browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 1280, height: 900 },
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  context.setDefaultTimeout(30_000);
  page = await context.newPage();
}, 240_000);
afterAll(async () => {
  await context?.close();
  await server?.close();
});

async function shot(name: string) {
  if (!screenshots) return;
  await page.waitForLoadState('networkidle');
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // Let the layout settle at the new width (a dialog's transition, the menu).
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshots, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('first start: the setup page creates the organisation and its first manager, whose link leads to signing in', async () => {
  await page.goto('/');
  const form = page.getByRole('form', { name: '初期設定' });
  await form.getByText('この在留台帳にはまだ機関がありません。').waitFor();
  await form.getByLabel('機関名').fill('みどり行政書士事務所');
  await form.getByText('行政書士事務所', { exact: true }).click();
  await form.getByLabel('最初の管理者の氏名').fill('緑川 葵');
  await form.getByLabel('最初の管理者のメールアドレス').fill('aoi@midori.example');
  await shot('setup');
  await expect(seriousViolations(page)).resolves.toEqual([]);

  // A token that is not the admin's is refused in words, and nothing is created.
  await form.getByLabel('管理トークン').fill('not-the-admin-token-0123456789-abcdef');
  await form.getByRole('button', { name: '機関を作成する' }).click();
  await form.getByText('管理トークンが正しくありません。', { exact: false }).waitFor();
  expect((await server.api.http.get('/v1/setup').expect(200)).body).toEqual({ needed: true });

  await form.getByLabel('管理トークン').fill(ADMIN_TOKEN);
  await form.getByRole('button', { name: '機関を作成する' }).click();
  const done = page.getByTestId('setup-done');
  await done.getByText('「みどり行政書士事務所」を作成しました。').waitFor();
  const link = (await done.getByTestId('invite-link').textContent())!.trim();
  expect(link).toMatch(new RegExp(`^${server.baseUrl.replace(/\./g, '\\.')}/#/invitations/[A-Za-z0-9_-]{43}$`));
  expect(new URL(page.url()).pathname).toBe('/setup');
  await shot('setup-done');
  await expect(seriousViolations(page)).resolves.toEqual([]);

  await done.getByRole('link', { name: '招待リンクを開く' }).click();
  await page.getByText('みどり行政書士事務所 の 緑川 葵 さん', { exact: false }).waitFor();
  await page.getByLabel('新しいパスワード(12文字以上)').fill(PASSWORD);
  await page.getByLabel('もう一度入力').fill(PASSWORD);
  await page.getByRole('button', { name: 'パスワードを設定する' }).click();
  await page.getByText('パスワードを設定しました。サインインしてください。').waitFor();
  await expect(page.getByLabel('メールアドレス').inputValue()).resolves.toBe('aoi@midori.example');
  await page.getByLabel('パスワード').fill(PASSWORD);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await page.getByRole('heading', { name: 'ケース一覧', level: 2 }).waitFor();

  // The manager runs the organisation's people; its kind is the one chosen.
  const me = await page.request.get('/v1/me');
  expect(await me.json()).toMatchObject({ name: '緑川 葵', role: 'manager' });
  const organisation = await page.request.get(`/v1/organisations/${(await me.json()).organisationId}`);
  expect(await organisation.json()).toMatchObject({ name: 'みどり行政書士事務所', kind: 'scrivener_office' });
  expect((await server.api.http.get('/v1/setup').expect(200)).body).toEqual({ needed: false });
});

test('after the first start the sign-in page opens, and /setup still lets the admin add an organisation', async () => {
  const other = await server.browser.newContext({ baseURL: server.baseUrl, locale: 'ja-JP' });
  try {
    const fresh = await other.newPage();
    await fresh.goto('/');
    await fresh.getByRole('heading', { name: 'サインイン' }).waitFor();
    await fresh.goto('/setup');
    await fresh.getByText('機関を追加します(プラットフォーム管理者用)。').waitFor();
  } finally {
    await other.close();
  }
});
