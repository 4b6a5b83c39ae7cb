/// <reference lib="dom" />
/**
 * The support organisation's own duties at the desk, as a manager: its yearly report
 * (支援実施状況に係る届出, FY2025 overdue since 2026-05-31) sits with its registration renewal on the
 * board and on the 特定技能 screen; 対応する asks the fiscal year filed and the day, and the row is
 * met at once on both; the board's renewal row records the day applied for. In 設定 the manager
 * records the 登録番号, address and phone the filing drafts print, a malformed number marked in
 * Japanese. A caseworker sees no 対応する on the organisation's rows (the API is a manager's).
 * With SCREENSHOTS_DIR set, screenshots at 1280 and 390 px.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { startWebHarness, type WebHarness } from './browser.js';
import { photograph } from './photograph.js';
import { registerSupportOrganisation, today } from './seed.js';

jest.setTimeout(240_000);

let web: WebHarness;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  web = await startWebHarness('Mie Support');
  // Expiring five months from now: the renewal is open, and the report of FY2025 is owed (overdue).
  await registerSupportOrganisation(web.api, web.org);
  ({ context, page } = await web.signedIn('manager'));
}, 240_000);
afterAll(async () => {
  await context?.close();
  await web?.close();
});

const boardRow = (p: Page, kind: string) => p.locator(`[data-testid="deadline-row"][data-kind="${kind}"]`);
const sswRow = (p: Page, kind: string) => p.locator(`[data-testid="ssw-row"][data-kind="${kind}"]`);

describe('a caseworker', () => {
  test('sees the organisation’s open rows without a 対応する (only a manager may change the organisation)', async () => {
    const caseworker = await web.signedIn('caseworker');
    try {
      await caseworker.page.goto('/ssw');
      await caseworker.page.locator('[data-testid="ssw-row"][data-kind="support_annual_report"]').first().waitFor();
      await expect(
        caseworker.page
          .locator('[data-testid="ssw-row"][data-kind="support_annual_report"]')
          .getByRole('button', { name: /対応する/ })
          .count(),
      ).resolves.toBe(0);
    } finally {
      await caseworker.context.close();
    }
  });
});

describe("the organisation's yearly report and renewal (a manager)", () => {
  test('on the 特定技能 screen the yearly report is with the renewal under 当機関; 対応する → fiscal year and day → met', async () => {
    await page.goto('/ssw');
    await sswRow(page, 'support_annual_report').waitFor();
    await expect(sswRow(page, 'support_annual_report').getAttribute('data-category')).resolves.toBe('registration');
    await expect(sswRow(page, 'support_registration_renewal').getAttribute('data-category')).resolves.toBe('registration');
    await expect(page.getByTestId('glance-registration').textContent()).resolves.toMatch(/当機関\(更新・届出\)2件.*超過1件/);
    await photograph(page, 'organisation-duties-ssw-1280.png', { fullPage: true });

    await sswRow(page, 'support_annual_report')
      .getByRole('button', { name: /対応する/ })
      .click();
    const dialog = page.getByRole('dialog');
    const year = dialog.getByLabel('提出した年度', { exact: false });
    // The year the row owes, filled in.
    await expect(year.inputValue()).resolves.toBe('2025');
    await dialog.getByLabel('提出した日', { exact: false }).fill(today);
    await dialog.getByText('→ ').first().waitFor();
    await photograph(page, 'organisation-annual-report-form-1280.png');
    await dialog.getByRole('button', { name: '記録する' }).click();
    await page.getByText('記録しました。この義務は完了です。').waitFor();
    await page.locator('[data-testid="ssw-row"][data-kind="support_annual_report"][data-state="met_late"]').waitFor();
    const saved = await web.api.http
      .get(`/v1/organisations/${web.org.organisationId}`)
      .auth(web.org.manager, { type: 'bearer' })
      .expect(200);
    expect(saved.body).toMatchObject({ annualReportFiscalYear: 2025, annualReportFiledOn: today });
  });

  test('on the board both are the organisation’s rows with a 対応する; the renewal is recorded there and leaves the list', async () => {
    // The report just filed is no longer owed: the board lists only what is.
    await page.goto('/');
    await boardRow(page, 'support_registration_renewal').waitFor();
    await expect(boardRow(page, 'support_annual_report').count()).resolves.toBe(0);
    const renewal = boardRow(page, 'support_registration_renewal');
    await expect(renewal.getAttribute('data-owed-by')).resolves.toBe('organisation');
    await renewal.getByRole('button', { name: /対応する: 登録支援機関の登録更新申請/ }).click();
    const dialog = page.getByRole('dialog', { name: /登録支援機関の登録更新申請/ });
    await dialog.getByLabel('更新を申請した日', { exact: false }).fill(today);
    await photograph(page, 'organisation-renewal-board-1280.png');
    await dialog.getByRole('button', { name: '記録する' }).click();
    await dialog.waitFor({ state: 'detached' });
    await boardRow(page, 'support_registration_renewal').waitFor({ state: 'detached' });
    await page.goto('/ssw');
    await page.locator('[data-testid="ssw-row"][data-kind="support_registration_renewal"][data-state="met"]').waitFor();
  });

  test('a phone (390 px): the yearly report row of the board and of the 特定技能 screen, and its form, fit', async () => {
    const phone = await web.signedIn('manager', { width: 390, height: 844 });
    try {
      await phone.page.goto('/ssw');
      await phone.page.locator('[data-testid="ssw-card"][data-kind="support_annual_report"]').waitFor();
      await photograph(phone.page, 'organisation-duties-ssw-390.png', { fullPage: true });
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
    } finally {
      await phone.context.close();
    }
  });
});

describe('設定: the particulars the filing drafts print (a manager)', () => {
  test('a malformed 登録番号 is marked in Japanese; full-width typing is kept as ISA writes it; reloaded, it is there', async () => {
    await page.goto('/settings');
    const section = page.getByRole('region', { name: '当機関の情報(届出書に記載)' });
    await section.getByLabel('登録番号', { exact: false }).fill('19-000123');
    await section.getByLabel('住所(本店又は主たる事務所)').fill('三重県津市広明町13番地');
    await section.getByLabel('電話番号', { exact: false }).fill('059-224-0000');
    await section.getByRole('button', { name: '保存する' }).click();
    await section.getByText('登録番号は「19登-000123」の形(西暦の下2桁・登・ハイフン・6桁)で入力してください。').waitFor();
    await section.getByLabel('登録番号', { exact: false }).fill('１９登－０００１２３');
    await section.getByRole('button', { name: '保存する' }).click();
    await section.getByText('保存しました。').waitFor();
    await expect(section.getByLabel('登録番号', { exact: false }).inputValue()).resolves.toBe('19登-000123');
    await photograph(page, 'settings-particulars-1280.png', { fullPage: true });
    await page.reload();
    const again = page.getByRole('region', { name: '当機関の情報(届出書に記載)' });
    // Filled once the organisation is read.
    await again.locator('input[value="19登-000123"]').waitFor();
    await expect(again.getByLabel('住所(本店又は主たる事務所)').inputValue()).resolves.toBe('三重県津市広明町13番地');
    await expect(again.getByLabel('電話番号', { exact: false }).inputValue()).resolves.toBe('059-224-0000');

    const phone = await web.signedIn('manager', { width: 390, height: 844 });
    try {
      await phone.page.goto('/settings');
      const small = phone.page.getByRole('region', { name: '当機関の情報(届出書に記載)' });
      await small.locator('input[value="19登-000123"]').waitFor();
      await expect(small.getByLabel('登録番号', { exact: false }).inputValue()).resolves.toBe('19登-000123');
      await small.scrollIntoViewIfNeeded();
      await photograph(phone.page, 'settings-particulars-390.png');
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await phone.context.close();
    }
  });
});
