/// <reference lib="dom" />
/**
 * Two-factor sign-in and personal data at the desk, in Japanese: a caseworker sets up 2FA (QR
 * code, a code, the recovery codes shown once and downloaded), signs out, is asked for the code
 * on signing in, signs in with a recovery code, and turns 2FA off; a manager prints a resident's
 * disclosure document (every field in Japanese), is refused an erasure while the SSW records
 * must be kept (the date and the rule said in words) and reads the security log, which a viewer
 * cannot. With SCREENSHOTS_DIR set, each screen is also shot at 1280 and 390 px.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { addYears } from '@zairyu/domain';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { formatDate } from '../../apps/web/src/dates/format-date.js';
import { PASSWORD } from '../support/people.js';
import { Authenticator } from './authenticator.js';
import { startWebHarness, type WebHarness } from './browser.js';
import { choose } from './desk.js';
import { daysAgo, seedSupportedWorkers } from './seed.js';

jest.setTimeout(240_000);

let web: WebHarness;
let held: string;
let plain: string;
let endedOn: string;

/** The screen at 1280 px and at 390 px (a phone), when screenshots are asked for (SCREENSHOTS_DIR). */
async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  const target = process.env['SCREENSHOTS_DIR'];
  if (!target) return;
  const before = page.viewportSize()!;
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(target, `${name}-${width}.png`), fullPage });
  }
  await page.setViewportSize(before);
}

async function signInAsksForCode(page: Page, email: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(PASSWORD);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await page.getByRole('heading', { name: '確認コードの入力' }).waitFor();
}

const board = (page: Page) => page.getByRole('heading', { name: 'ケース一覧', level: 2 }).waitFor();

beforeAll(async () => {
  web = await startWebHarness('Kyoto Support');
  const { api, org } = web;
  // An SSW worker whose support ended 5 days ago: the records are kept a year from then.
  held = (await seedSupportedWorkers(api, org, 1)).ids[0]!;
  endedOn = daysAgo(5);
  await api.record(org.caseworker, held, 'SupportEnded', endedOn, { reason: '契約の終了' }).expect(201);
  plain = await api.register(org.caseworker, {
    fullName: 'PHAM THI HOA',
    dateOfBirth: '1997-05-06',
    nationality: 'VNM',
    gender: 'female',
    nameKana: 'ファム ティ ホア',
  });
  await api
    .record(org.caseworker, plain, 'Landed', daysAgo(100), {
      status: 'engineer_humanities_international',
      periodExpiresOn: daysAgo(-265),
      card: { number: 'PH12345678AB' },
    })
    .expect(201);
}, 240_000);
afterAll(() => web?.close());

describe('two-factor sign-in', () => {
  test('set up with a QR code and a code; recovery codes shown once and downloaded; sign-in asks for the code; a recovery code signs in once; turned off', async () => {
    const { context, page, person } = await web.signedIn('caseworker');
    try {
      // Not a manager: no security log in the menu.
      await expect(page.getByRole('link', { name: 'セキュリティログ' }).count()).resolves.toBe(0);
      await page.getByRole('link', { name: '2段階認証' }).click();
      await expect(page.getByTestId('two-factor-state').textContent()).resolves.toBe('無効');
      await page.getByRole('button', { name: '2段階認証を設定する' }).click();
      const qr = page.getByRole('img', { name: '認証アプリに登録するQRコード' });
      await qr.waitFor();
      expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
      const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
      await shoot(page, 'two-factor-enrol');

      const authenticator = new Authenticator(secret);
      await page.getByLabel('確認コード(6桁)').fill(await authenticator.code());
      await page.getByRole('button', { name: '有効にする' }).click();
      await page.getByTestId('recovery-codes').waitFor();
      const codes = (await page.getByTestId('recovery-code').allTextContents()).map((code) => code.trim());
      expect(codes).toHaveLength(10);
      const done = page.getByRole('button', { name: '完了' });
      await expect(done.isDisabled()).resolves.toBe(true);
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'テキストファイルで保存' }).click();
      const file = await (await download).path();
      const text = await readFile(file, 'utf8');
      expect(text).toContain('在留台帳 リカバリーコード');
      for (const code of codes) expect(text).toContain(code);
      await shoot(page, 'two-factor-recovery-codes');
      await page.getByLabel('リカバリーコードを保存しました').check();
      await done.click();
      await page.getByTestId('recovery-codes').waitFor({ state: 'detached' });
      await page
        .getByTestId('two-factor-state')
        .filter({ hasText: /^有効$/ })
        .waitFor();
      await page.getByText('残りのリカバリーコード: 10個').waitFor();

      // Signed out, the right password alone is not enough: the code is asked for, not "wrong password".
      await page.getByRole('button', { name: 'サインアウト' }).click();
      await signInAsksForCode(page, person.email);
      await page.getByText(`${person.email} は2段階認証が有効です。`, { exact: false }).waitFor();
      await expect(page.getByText('メールアドレスまたはパスワードが違います。').count()).resolves.toBe(0);
      await shoot(page, 'sign-in-code');
      await page.getByLabel('確認コード(6桁)').fill(await authenticator.code());
      await page.getByRole('button', { name: 'サインイン', exact: true }).click();
      await board(page);

      await page.getByRole('button', { name: 'サインアウト' }).click();
      await signInAsksForCode(page, person.email);
      await page.getByRole('button', { name: 'リカバリーコードでサインイン' }).click();
      await page.getByLabel('リカバリーコード').fill(codes[0]!.toLowerCase());
      await shoot(page, 'sign-in-recovery-code');
      await page.getByRole('button', { name: 'サインイン', exact: true }).click();
      await board(page);

      // A recovery code works once.
      await page.getByRole('button', { name: 'サインアウト' }).click();
      await signInAsksForCode(page, person.email);
      await page.getByRole('button', { name: 'リカバリーコードでサインイン' }).click();
      await page.getByLabel('リカバリーコード').fill(codes[0]!);
      await page.getByRole('button', { name: 'サインイン', exact: true }).click();
      await page.getByText('コードが正しくないか、すでに使われています。').waitFor();
      await page.getByLabel('リカバリーコード').fill(codes[1]!);
      await page.getByRole('button', { name: 'サインイン', exact: true }).click();
      await board(page);

      // Off with a code of a later step than the one signed in with (a code is taken once).
      await page.goto('/two-factor');
      await page.getByText('残りのリカバリーコード: 8個').waitFor();
      const off = page.getByRole('form', { name: '2段階認証を無効にする' });
      await off.getByLabel('確認コード(6桁)').fill(await authenticator.code());
      await off.getByRole('button', { name: '無効にする' }).click();
      await page.getByText('2段階認証を無効にしました。').waitFor();
      await page
        .getByTestId('two-factor-state')
        .filter({ hasText: /^無効$/ })
        .waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('personal data', () => {
  test('the disclosure document is Japanese throughout: labels, country, gender, facts in words; printed without the menu', async () => {
    const { context, page } = await web.signedIn('manager');
    try {
      await page.goto(`/residents/${plain}`);
      await page.getByRole('link', { name: '開示用の書面' }).click();
      const document = page.getByTestId('disclosure');
      await document.waitFor();
      const text = (await document.textContent())!;
      for (const words of [
        '保有個人データの開示',
        'PHAM THI HOA 様',
        '氏名(旅券のとおり)',
        'ファム ティ ホア',
        '国籍・地域',
        'ベトナム',
        '女性',
        '在留カード番号',
        'PH12345678AB',
        '上陸許可',
        '台帳に登録',
      ])
        expect(text).toContain(words);
      // No JSON, no English keys or codes.
      for (const raw of ['{', 'VNM', 'female', 'fullName', 'dateOfBirth', 'nationality', 'Landed', 'engineer_humanities'])
        expect(text).not.toContain(raw);
      await shoot(page, 'disclosure');
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('navigation', { name: 'メインメニュー' }).isVisible()).resolves.toBe(false);
      await expect(page.getByRole('button', { name: '印刷・PDFで保存' }).isVisible()).resolves.toBe(false);
      await expect(document.isVisible()).resolves.toBe(true);
      await page.emulateMedia({ media: 'screen' });
    } finally {
      await context.close();
    }
  });

  test('erasure is refused while the SSW support records must be kept: until when (a year after support ended) and why, in Japanese', async () => {
    const { context, page } = await web.signedIn('manager');
    try {
      await page.goto(`/residents/${held}`);
      await page.getByRole('button', { name: '個人データを消去' }).click();
      const form = page.getByRole('form', { name: '個人データの消去' });
      await choose(page, '消去の理由', '本人からの請求');
      await form.getByLabel('元に戻せないことを確認しました').check();
      await form.getByRole('button', { name: '消去する' }).click();
      const hold = form.getByTestId('retention-hold');
      await hold.waitFor();
      const keepThrough = addYears(endedOn as Parameters<typeof addYears>[0], 1);
      await expect(form.getByTestId('keep-through').textContent()).resolves.toContain(`${formatDate(keepThrough, 'ja')}まで`);
      await expect(hold.textContent()).resolves.toContain('特定技能基準省令第2条');
      // The dialog over the page: the viewport, not the whole page behind it.
      await shoot(page, 'erasure-refused', false);
      await page.getByRole('button', { name: 'キャンセル' }).click();
      // Still there.
      await page.getByTestId('resident-name').waitFor();

      // Nothing holds the other resident's records: erased, with its reason.
      await page.goto(`/residents/${plain}`);
      await page.getByRole('button', { name: '個人データを消去' }).click();
      await choose(page, '消去の理由', '誤って登録した人');
      await form.getByLabel('元に戻せないことを確認しました').check();
      await form.getByRole('button', { name: '消去する' }).click();
      await page.getByText(/に個人データを消去しました。$/).waitFor();
      await page.getByRole('button', { name: '在留者の一覧へ' }).click();
      await page.waitForURL(/\/residents$/);
      await web.api.http.get(`/v1/residents/${plain}`).auth(web.org.viewer, { type: 'bearer' }).expect(410);
    } finally {
      await context.close();
    }
  });
});

describe('the security log', () => {
  test('a manager reads it in Japanese (when, who, what, from where); a viewer has no menu entry and is refused', async () => {
    const { context, page } = await web.signedIn('manager');
    try {
      await page.getByRole('link', { name: 'セキュリティログ' }).click();
      const log = page.getByTestId('security-log');
      await log.waitFor();
      await log.locator('tr[data-kind="totp_enabled"]').filter({ hasText: '田中 ゆき' }).first().waitFor();
      await log.locator('tr[data-kind="recovery_code_used"]').first().waitFor();
      const failed = log.locator('tr[data-kind="sign_in_failed"]').first();
      await expect(failed.textContent()).resolves.toContain('サインインの失敗(リカバリーコードの誤り)');
      await expect(log.locator('tr[data-kind="export_made"]').first().textContent()).resolves.toContain('データの出力(本人への開示)');
      await expect(log.locator('thead').textContent()).resolves.toBe('日時誰が内容接続元');
      await expect(log.locator('tr[data-kind="signed_in"]').first().textContent()).resolves.toMatch(/127\.0\.0\.1|::1/);
      await expect(log.locator('tr[data-kind="erasure"]').first().textContent()).resolves.toContain(
        '個人データの消去(理由: 誤って登録した人)',
      );
      await shoot(page, 'security-log');
      // Enough entries for a second page (50 a page): keys made through the API.
      for (let i = 0; i < 40; i++)
        await web.api.http
          .post(`/v1/organisations/${web.org.organisationId}/api-keys`)
          .auth(web.org.manager, { type: 'bearer' })
          .send({ label: `連携${i}`, role: 'viewer' })
          .expect(201);
      await page.reload();
      await log.waitFor();
      // The oldest entries (the platform admin made the organisation's keys) are on the second page.
      await expect(log.getByText('プラットフォーム管理者').count()).resolves.toBe(0);
      await page.getByRole('button', { name: 'ページ 2' }).click();
      await log.locator('tr[data-kind="key_created"]').filter({ hasText: 'プラットフォーム管理者' }).first().waitFor();
    } finally {
      await context.close();
    }
    const viewer = await web.signedIn('viewer');
    try {
      await expect(viewer.page.getByRole('link', { name: 'セキュリティログ' }).count()).resolves.toBe(0);
      await viewer.page.goto('/security-log');
      await viewer.page.getByText('セキュリティログは管理者のみ見られます。').waitFor();
      const refused = await viewer.page.request.get(`/v1/organisations/${web.org.organisationId}/security-log`);
      expect([403, 404]).toContain(refused.status());
    } finally {
      await viewer.context.close();
    }
  });
});

describe('an organisation that requires two-factor sign-in', () => {
  test('a person without it sees only the set-up until it is on, then the whole desk', async () => {
    const policy = (requireTotp: boolean) =>
      web.api.http
        .patch(`/v1/organisations/${web.org.organisationId}/sign-in-policy`)
        .auth(web.org.manager, { type: 'bearer' })
        .send({ requireTotp })
        .expect(200);
    await policy(true);
    const viewer = await web.person('viewer');
    const context = await web.browser.newContext({ baseURL: web.baseUrl, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    try {
      const page = await context.newPage();
      await page.goto('/residents');
      await page.getByLabel('メールアドレス').fill(viewer.email);
      await page.getByLabel('パスワード').fill(PASSWORD);
      await page.getByRole('button', { name: 'サインイン', exact: true }).click();
      await page.getByTestId('two-factor-required').filter({ hasText: '続けるには、まず設定してください。' }).waitFor();
      await page.getByRole('button', { name: '2段階認証を設定する' }).click();
      const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
      await page.getByLabel('確認コード(6桁)').fill(await new Authenticator(secret).code());
      await page.getByRole('button', { name: '有効にする' }).click();
      await page.getByTestId('recovery-codes').waitFor();
      await page.getByLabel('リカバリーコードを保存しました').check();
      await page.getByRole('button', { name: '完了' }).click();
      await page.getByRole('heading', { name: '在留者', level: 2 }).waitFor();
    } finally {
      await context.close();
      await policy(false);
    }
  });
});
