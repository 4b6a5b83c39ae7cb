/// <reference lib="dom" />
/**
 * People at the desk, each signed in with e-mail and password: the manager's Settings (invite a
 * colleague who sets a password from the link and signs in; API keys and calendar tokens
 * created once-shown, used and revoked), Notifications (digest settings saved and read back;
 * the morning digest shown with links into the UI), and a resident's case actions (a
 * correction, closing and reopening) with the history naming who recorded each fact.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { DigestRunner } from '../../apps/api/src/reminders/digest-runner.js';
import { PASSWORD } from '../support/people.js';
import { signInWithPassword, startWebHarness, type WebHarness } from './browser.js';
import { choose } from './desk.js';
import { daysAgo, seedCaseload, today, type Seeded } from './seed.js';

jest.setTimeout(240_000);

let web: WebHarness;
let context: BrowserContext;
let page: Page;
let caseload: Seeded;

beforeAll(async () => {
  web = await startWebHarness('Hokuriku Support');
  caseload = await seedCaseload(web.api, web.org, 6, 'Desk');
  ({ context, page } = await web.signedIn('manager'));
}, 240_000);
afterAll(async () => {
  await context?.close();
  await web?.close();
});

describe('settings (a manager)', () => {
  test('invites a colleague, who sets a password from the one-time link and signs in', async () => {
    await page.goto('/settings');
    const users = page.getByRole('region', { name: '利用者' });
    await users.getByLabel('名前').fill('山田 太郎');
    await users.getByLabel('メールアドレス').fill(`yamada.${Date.now()}@hokuriku.example`);
    const email = await users.getByLabel('メールアドレス').inputValue();
    await users.getByRole('button', { name: '招待する' }).click();
    const link = (await users.getByTestId('secret').textContent())!.trim();
    expect(link).toMatch(/#\/invitations\/[A-Za-z0-9_-]+$/);
    await users.getByRole('cell', { name: '山田 太郎' }).waitFor();

    const theirs = await web.browser.newContext({ baseURL: web.baseUrl, locale: 'ja-JP' });
    try {
      const them = await theirs.newPage();
      await them.goto(link.slice(link.indexOf('/#/')));
      await them.getByLabel('新しいパスワード(12文字以上)').fill(PASSWORD);
      await them.getByLabel('もう一度入力').fill(PASSWORD);
      await them.getByRole('button', { name: 'パスワードを設定する' }).click();
      await them.getByText('パスワードを設定しました。サインインしてください。').waitFor();
      await signInWithPassword(them, email);
      // A caseworker's Settings: for managers only.
      await them.goto('/settings');
      await them.getByText('設定は管理者のみ使えます。').waitFor();
    } finally {
      await theirs.close();
    }
  });

  test('an API key is shown once, works, and stops working when revoked', async () => {
    await page.goto('/settings');
    const keys = page.getByRole('region', { name: 'APIキー' });
    await keys.getByLabel('名称').fill('人事システム');
    await keys.getByRole('button', { name: '作成する' }).click();
    const key = (await keys.getByTestId('secret').textContent())!.trim();
    await web.api.http.get('/v1/residents').auth(key, { type: 'bearer' }).expect(200);
    await keys.getByRole('button', { name: '無効にする: 人事システム' }).click();
    await keys.getByRole('button', { name: '無効にする: 人事システム' }).waitFor({ state: 'detached' });
    await web.api.http.get('/v1/residents').auth(key, { type: 'bearer' }).expect(401);
  });

  test('a calendar subscription URL, with a copy button, serves the deadlines until revoked', async () => {
    await page.goto('/settings');
    const tokens = page.getByRole('region', { name: 'カレンダー購読' });
    await tokens.getByRole('button', { name: '作成する' }).click();
    const url = new URL((await tokens.getByTestId('secret').textContent())!.trim());
    expect(url.pathname).toBe('/v1/deadlines.ics');
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await tokens.getByRole('button', { name: 'コピー' }).click();
    await tokens.getByRole('button', { name: 'コピーしました' }).waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(url.href);
    const feed = await web.api.http.get(`${url.pathname}${url.search}`).expect(200);
    expect(feed.text).toContain('BEGIN:VCALENDAR');
    // The organisation's only token: one row, revoked.
    const revoke = tokens.getByRole('button', { name: /^無効にする: / });
    await expect(revoke.count()).resolves.toBe(1);
    await revoke.click();
    await revoke.waitFor({ state: 'detached' });
    expect((await web.api.http.get(`${url.pathname}${url.search}`)).status).toBe(401);
  });
});

describe('notifications', () => {
  test('digest settings: time, lead times per kind, only mine, closed days; a bad lead time is refused on its field', async () => {
    await page.goto('/notifications');
    const form = page.getByRole('form', { name: 'お知らせの設定' });
    await expect(form.getByLabel('送信時刻(日本時間)').inputValue()).resolves.toBe('08:00');
    const renewal = form.getByLabel('在留期間更新許可申請: 何日前');
    await expect(renewal.getAttribute('placeholder')).resolves.toBe('既定: 90, 30, 14');

    await renewal.fill('400');
    await form.getByRole('button', { name: '設定を保存する' }).click();
    await form.getByText('0〜366の整数をカンマ区切りで10個まで入力してください。').waitFor();

    await renewal.fill('60、３０');
    await form.getByLabel('送信時刻(日本時間)').fill('07:30');
    await form.getByLabel('自分が担当する在留者のみ').check();
    await form.getByLabel('土日・祝日・年末年始(12月29日〜1月3日)は送らない').uncheck();
    await form.getByRole('button', { name: '設定を保存する' }).click();
    await form.getByText('保存しました。').waitFor();
    const saved = await page.request.get('/v1/me/reminders');
    expect(await saved.json()).toMatchObject({
      sendAt: '07:30',
      scope: 'mine',
      skipClosedDays: false,
      leadDays: { period_renewal: [60, 30] },
    });

    await page.reload();
    await expect(form.getByLabel('在留期間更新許可申請: 何日前').inputValue()).resolves.toBe('60, 30');
    // Back to the whole caseload for the digest below.
    await form.getByLabel('機関のすべての在留者').check();
    await form.getByRole('button', { name: '設定を保存する' }).click();
    await form.getByText('保存しました。').waitFor();
  });

  test('the morning digest is shown, as mailed, with links that open the resident here', async () => {
    // Closed days are no longer skipped (above), so the digest comes on any day of the week.
    await web.api.app.get(DigestRunner).runDue(new Date(`${today}T07:45:00+09:00`));
    await page.goto('/notifications');
    const digest = page.getByTestId('digest').first();
    await digest.getByText(/^\d+件$/).waitFor();
    const body = digest.getByTestId('digest-body');
    await expect(body.textContent()).resolves.toContain('Desk 0');
    await body.getByRole('link', { name: '在留者を開く' }).first().click();
    await page.getByTestId('resident-name').filter({ hasText: 'Desk 0' }).waitFor();
  });
});

describe('a resident’s case actions and history', () => {
  test('a correction, closing and reopening the case; the history names who recorded each', async () => {
    await page.goto(`/residents/${caseload.ids[2]}`);
    await page.getByTestId('resident-name').filter({ hasText: 'Desk 002' }).waitFor();
    // Seeded through the API with the caseworker key: named by the key's label.
    await page.getByTestId('recorded-by').filter({ hasText: 'APIキー「caseworker」' }).first().waitFor();

    await page.getByRole('button', { name: '登録内容を訂正' }).click();
    const correction = page.getByRole('form', { name: '登録内容の訂正' });
    await correction.getByRole('button', { name: '訂正を記録する' }).click();
    await correction.getByText('変更された項目がありません。').waitFor();
    await correction.getByText('入力してください。').waitFor();
    await correction.getByLabel('氏名(旅券のとおり)').fill('DESK 002 CORRECTED');
    await correction.getByLabel('フリガナ').fill('デスク');
    await correction.getByLabel('訂正の理由').fill('旅券の綴りの入力誤り');
    await correction.getByRole('button', { name: '訂正を記録する' }).click();
    await page.getByTestId('resident-name').filter({ hasText: 'DESK 002 CORRECTED' }).waitFor();
    const corrected = page.locator('[data-testid="history-table"] tr[data-type="DetailsCorrected"]');
    await expect(corrected.textContent()).resolves.toContain('DESK 002 CORRECTED');
    await expect(corrected.getByTestId('recorded-by').textContent()).resolves.toBe('記録者: 佐藤 花子');

    // Closed yesterday, reopened today (the same day, a reopening would come first: CASE_NOT_CLOSED).
    await page.getByRole('button', { name: 'ケースを終了' }).click();
    const close = page.getByRole('form', { name: 'ケースの終了' });
    await close.getByLabel('発生日').fill(daysAgo(1));
    await choose(page, '理由', '支援の終了');
    await close.getByRole('button', { name: 'ケースを終了する' }).click();
    await page.getByTestId('case-closed').waitFor();
    await page.locator('[data-testid="deadlines-table"] tr[data-state="void"]').first().waitFor();

    await page.getByRole('button', { name: 'ケースを再開' }).click();
    await page.getByRole('form', { name: 'ケースの再開' }).getByRole('button', { name: 'ケースを再開する' }).click();
    await page.getByTestId('case-closed').waitFor({ state: 'detached' });
    await expect(
      page.locator('[data-testid="history-table"] tr[data-type="CaseReopened"]').getByTestId('recorded-by').textContent(),
    ).resolves.toBe('記録者: 佐藤 花子');
  });
});
