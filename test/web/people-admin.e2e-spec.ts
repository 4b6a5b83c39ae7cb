/// <reference lib="dom" />
/**
 * A manager runs people and caseloads from the browser: the users table's states, a role
 * change, the last manager's refusal in Japanese, disabling and a new invitation link;
 * reassigning 担当者 from a resident's page and for several residents at once from the list;
 * and a session that expired while a form was being filled: signing in again in place keeps
 * what was typed, and signing in from the sign-in page lands on the page that was asked for.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD } from '../support/people.js';
import { seriousViolations } from './axe.js';
import { startWebHarness, type Person, type WebHarness } from './browser.js';
import { choose } from './desk.js';
import { seedCaseload, type Seeded } from './seed.js';

jest.setTimeout(240_000);
const screenshots = process.env['SCREENSHOTS_DIR'];

let web: WebHarness;
let context: BrowserContext;
let page: Page;
let manager: Person;
let yuki: Person;
let caseload: Seeded;

beforeAll(async () => {
  web = await startWebHarness('Kanto Support');
  caseload = await seedCaseload(web.api, web.org, 4, 'Assign');
  yuki = await web.person('caseworker');
  ({ context, page, person: manager } = await web.signedIn('manager'));
}, 240_000);
afterAll(async () => {
  await context?.close();
  await web?.close();
});

/** At 1280 and 390 px; a dialog as the screen shows it (a full-page capture widens the page under its scroll lock). */
async function shot(name: string, fullPage = true) {
  if (!screenshots) return;
  await page.waitForLoadState('networkidle');
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // Let the layout settle at the new width (a dialog's transition, the menu).
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshots, `${name}-${width}.png`), fullPage });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const users = () => web.api.http.get(`/v1/organisations/${web.org.organisationId}/users`).auth(web.org.manager, { type: 'bearer' });
/** The role the API has for the user, once the table shows the change saved. */
async function roleSaved(userId: string, role: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if ((await users()).body.find((u: { id: string }) => u.id === userId).role === role) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the role of ${userId} never became ${role}`);
}
const userRow = (email: string) => page.locator(`[data-testid="user-row"][data-email="${email}"]`);
const assigneeOf = async (id: string) =>
  (await web.api.http.get(`/v1/residents/${id}`).auth(web.org.viewer, { type: 'bearer' }).expect(200)).body.assignedTo;

describe('people (a manager)', () => {
  test('states, a role change, the last manager kept (said in Japanese), disabling, enabling and a new link', async () => {
    await page.goto('/settings');
    const region = page.getByRole('region', { name: '利用者' });
    await region.getByLabel('名前').fill('高橋 健');
    await region.getByLabel('メールアドレス').fill('ken.takahashi@kanto.example');
    await region.getByRole('button', { name: '招待する' }).click();
    const link = (await region.getByTestId('secret').textContent())!.trim();
    expect(link.startsWith(`${web.baseUrl}/#/invitations/`)).toBe(true);
    const ken = userRow('ken.takahashi@kanto.example');
    await expect(ken.getByTestId('user-states').textContent()).resolves.toBe('招待中');
    await expect(userRow(yuki.email).getByTestId('user-states').textContent()).resolves.toBe('有効');
    await shot('people');
    await expect(seriousViolations(page)).resolves.toEqual([]);

    await choose(page, '田中 ゆき の権限', '管理者');
    await roleSaved(yuki.userId, 'manager');
    await choose(page, '田中 ゆき の権限', '担当者');
    await roleSaved(yuki.userId, 'caseworker');

    // The only manager cannot step down: said in Japanese, and the role stays.
    await choose(page, '佐藤 花子 の権限', '閲覧');
    await page.getByTestId('people-error').getByText('有効な管理者がいなくなるため、変更できません。', { exact: false }).waitFor();
    await expect(page.getByRole('combobox', { name: '佐藤 花子 の権限' }).inputValue()).resolves.toBe('管理者');
    expect((await users()).body.find((u: { id: string }) => u.id === manager.userId).role).toBe('manager');

    await ken.getByRole('button', { name: '無効にする' }).click();
    await page.getByRole('dialog').getByText('高橋 健 さんを無効にしますか?', { exact: false }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: '実行する' }).click();
    await ken.getByTestId('user-states').getByText('無効').waitFor();
    await ken.getByRole('button', { name: '有効にする' }).click();
    await ken.getByTestId('user-states').getByText('招待中').waitFor();

    // A new invitation replaces the first link.
    await ken.getByRole('button', { name: '招待リンクを再発行' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '実行する' }).click();
    await region.getByText('高橋 健 さん用のリンク(72時間有効)').waitFor();
    const second = (await region.getByTestId('secret').textContent())!.trim();
    expect(second).not.toBe(link);
    await web.api.http.get(`/v1/invitations/${link.slice(link.lastIndexOf('/') + 1)}`).expect(410);
    await web.api.http.get(`/v1/invitations/${second.slice(second.lastIndexOf('/') + 1)}`).expect(200);
  });
});

describe('担当者', () => {
  test('reassigned from the resident’s page', async () => {
    await page.goto(`/residents/${caseload.ids[3]}`);
    await page.getByTestId('resident-assignee').filter({ hasText: '担当者: 担当なし' }).waitFor();
    await page.getByRole('button', { name: '担当者を変更' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: '担当者' }).click();
    await page.getByRole('option', { name: '田中 ゆき', exact: true }).click();
    await dialog.getByRole('button', { name: '変更する' }).click();
    await page.getByTestId('resident-assignee').filter({ hasText: '担当者: 田中 ゆき' }).waitFor();
    await expect(assigneeOf(caseload.ids[3]!)).resolves.toBe(yuki.userId);
  });

  test('several residents reassigned at once from the list', async () => {
    await page.goto('/residents');
    await page.getByTestId('residents-table').waitFor();
    await page.getByRole('checkbox', { name: 'Assign 000 を選択' }).check();
    await page.getByRole('checkbox', { name: 'Assign 002 を選択' }).check();
    const bar = page.getByTestId('bulk-assign');
    await bar.getByText('2人を選択中').waitFor();
    await bar.getByRole('combobox', { name: '担当者' }).click();
    await page.getByRole('option', { name: '田中 ゆき', exact: true }).click();
    await shot('residents-bulk-assign');
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await bar.getByRole('button', { name: '選択した在留者の担当者を変更' }).click();
    await page.getByText('2人の担当者を変更しました。').waitFor();
    await expect(assigneeOf(caseload.ids[0]!)).resolves.toBe(yuki.userId);
    await expect(assigneeOf(caseload.ids[2]!)).resolves.toBe(yuki.userId);
    await expect(assigneeOf(caseload.ids[1]!)).resolves.toBeNull();
    const row = page.locator('[data-testid="residents-table"] tr', { hasText: 'Assign 002' });
    await row.getByTestId('assignee').filter({ hasText: '田中 ゆき' }).waitFor();
  });
});

describe('the session', () => {
  test('expired while typing: セッションの有効期限が切れました, sign in again in place, and what was typed is still there to send', async () => {
    await page.goto('/residents/new');
    await page.getByLabel('氏名(旅券のとおり)').fill('HOANG VAN KEEP');
    await page.getByLabel('生年月日').fill('1996-03-03');
    await page.getByTestId('nationality').fill('ベトナム');
    // The server ends the session meanwhile (as 30 idle minutes would).
    await web.api.runtime.pool.query('DELETE FROM platform.user_session WHERE user_id = $1', [manager.userId]);

    await page.getByRole('button', { name: '登録する' }).click();
    const dialog = page.getByRole('dialog', { name: 'セッションの有効期限が切れました' });
    await dialog.waitFor();
    await shot('session-expired', false);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    // On a phone the dialog fits the screen.
    await page.setViewportSize({ width: 390, height: 900 });
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(dialog.getByLabel('メールアドレス').inputValue()).resolves.toBe(manager.email);
    await dialog.getByLabel('パスワード').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'サインイン' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await expect(page.getByLabel('氏名(旅券のとおり)').inputValue()).resolves.toBe('HOANG VAN KEEP');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByTestId('resident-name').filter({ hasText: 'HOANG VAN KEEP' }).waitFor();
  });

  test('signing in from the sign-in page returns to the page that was asked for', async () => {
    const other = await web.browser.newContext({ baseURL: web.baseUrl, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
    try {
      const them = await other.newPage();
      await them.goto(`/residents/${caseload.ids[1]}`);
      await them.getByLabel('メールアドレス').fill(yuki.email);
      await them.getByLabel('パスワード').fill(PASSWORD);
      await them.getByRole('button', { name: 'サインイン', exact: true }).click();
      await them.getByTestId('resident-name').filter({ hasText: 'Assign 001' }).waitFor();
      expect(new URL(them.url()).pathname).toBe(`/residents/${caseload.ids[1]}`);
    } finally {
      await other.close();
    }
  });
});
