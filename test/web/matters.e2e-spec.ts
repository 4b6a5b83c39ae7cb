/// <reference lib="dom" />
/**
 * The 申請 screen in Chromium, as a scrivener office (行政書士事務所) works an extension: 受任 from
 * the screen, the documents marked received, the filing with its 受付番号, a 資料提出通知 due in 14
 * days (on the board, owed by the resident), its submission, the grant; the matter moves through
 * the stages and the register (帳簿) downloads with it. The board also shows a certificate of
 * eligibility's landing deadline in Japanese. Around it: the application form prefilled as Excel,
 * a 出頭通知 and the attendance, the revenue stamp the grant costs, the missing documents across
 * the caseload, and a certificate of eligibility's issue recorded from its matter. With SCREENSHOTS_DIR set, the screens are
 * photographed at 1280 and 390 px.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { addDays, formatDate } from '../../apps/web/src/dates/format-date.js';
import { seriousViolations } from './axe.js';
import { startWebHarness, type WebHarness } from './browser.js';
import { choose } from './desk.js';
import { today } from './seed.js';

jest.setTimeout(300_000);

let web: WebHarness;
let context: BrowserContext;
let page: Page;
let matterPath = '';
const matterId = () => matterPath.split('/').at(-1)!;
const screenshots = process.env['SCREENSHOTS_DIR'];
const CLIENT = 'NGUYEN VAN AN';
const ABROAD = 'PHAM THI LAN';
const RECEIPT = '名古屋-2026-004512';
const INVITED = 'DELA CRUZ ANA';
let coeMatterId = '';

async function shot(target: Page, name: string) {
  if (!screenshots) return;
  await target.waitForLoadState('networkidle');
  // The page as tall as its content, so the fixed header and menu are drawn once (a full-page capture repeats them).
  const viewport = target.viewportSize()!;
  const height = await target.evaluate(() => document.documentElement.scrollHeight);
  await target.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  // The fixed menu takes the new height a little later: wait for it to reach the bottom.
  await target.waitForFunction(
    (bottom) => (document.querySelector('nav')?.getBoundingClientRect().bottom ?? bottom) >= bottom - 1,
    Math.max(height, viewport.height),
  );
  await target.screenshot({ path: join(screenshots, `${name}.png`) });
  await target.setViewportSize(viewport);
}

const stage = () => page.getByTestId('matter-stage');

/** The office's other work, through the API: a change of status still collecting documents (one due soon), an extension filed 10 days ago. */
async function otherMatters() {
  const { api, org } = web;
  const as = (call: ReturnType<typeof api.http.post>) => call.auth(org.caseworker, { type: 'bearer' });
  const person = (fullName: string) => api.register(org.caseworker, { fullName, dateOfBirth: '1992-11-30', nationality: 'PHL' });
  const change = await as(api.http.post('/v1/matters')).send({
    residentId: await person('SANTOS MARIA'),
    kind: 'status_change',
    toStatus: 'specified_skilled_worker_1',
    feeYen: 110000,
    caseworker: '山田 太郎',
    acceptedOn: addDays(today, -20),
  });
  expect(change.status).toBe(201);
  const [firstItem] = change.body.checklist as { code: string }[];
  await api.http
    .patch(`/v1/matters/${change.body.matterId}/checklist/${firstItem!.code}`)
    .auth(org.caseworker, { type: 'bearer' })
    .send({ state: 'requested', dueOn: addDays(today, 5) })
    .expect(200);
  const extension = await as(api.http.post('/v1/matters')).send({
    residentId: await person('REYES JOSE'),
    kind: 'extension',
    feeYen: 77000,
    acceptedOn: addDays(today, -30),
  });
  expect(extension.status).toBe(201);
  await as(api.http.post(`/v1/matters/${extension.body.matterId}/filing`))
    .send({ filedOn: addDays(today, -10), bureau: '東京出入国在留管理局', receiptNumber: '東京-2026-118830', channel: 'online' })
    .expect(200);
  // A certificate of eligibility applied for by the inviting company 20 days ago, for someone still abroad.
  const coe = await as(api.http.post('/v1/matters')).send({
    residentId: await person(INVITED),
    kind: 'coe',
    toStatus: 'engineer_humanities_international',
    feeYen: 99000,
    acceptedOn: addDays(today, -30),
  });
  expect(coe.status).toBe(201);
  await as(api.http.post(`/v1/matters/${coe.body.matterId}/filing`))
    .send({ filedOn: addDays(today, -20), channel: 'agent' })
    .expect(200);
  coeMatterId = coe.body.matterId;
}

beforeAll(async () => {
  web = await startWebHarness('Yamada Gyosei Office', 'scrivener_office');
  const { api, org } = web;
  const client = await api.register(org.caseworker, { fullName: CLIENT, dateOfBirth: '1995-05-12', nationality: 'VNM' });
  await api
    .record(org.caseworker, client, 'Landed', addDays(today, -700), {
      status: 'engineer_humanities_international',
      periodExpiresOn: addDays(today, 45),
      card: { number: 'AB12345678CD' },
    })
    .expect(201);
  // Someone still abroad whose certificate of eligibility was issued 80 days ago: about 10 days left to land.
  const abroad = await api.register(org.caseworker, { fullName: ABROAD, dateOfBirth: '2000-02-29', nationality: 'VNM' });
  await api
    .record(org.caseworker, abroad, 'CoeIssued', addDays(today, -80), {
      issuedOn: addDays(today, -80),
      status: 'engineer_humanities_international',
    })
    .expect(201);
  await otherMatters();
  ({ context, page } = await web.signedIn('caseworker'));
}, 240_000);
afterAll(async () => {
  await context?.close();
  await web?.close();
});

describe('an extension from 受任 to the grant', () => {
  test('受任: the resident from the list, the kind, the fee, the caseworker; the matter opens collecting documents', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: '申請', exact: true }).click();
    await page.getByRole('heading', { name: '申請', level: 2 }).waitFor();
    await page.getByRole('button', { name: '受任する' }).click();
    const dialog = page.getByRole('dialog', { name: '申請を受任' });
    await choose(page, '在留者', CLIENT);
    await expect(dialog.getByLabel('申請の種類', { exact: false }).inputValue()).resolves.toBe('在留期間更新許可申請');
    await dialog.getByLabel('報酬額(円)', { exact: false }).fill('88000');
    await dialog.getByLabel('担当者', { exact: false }).fill('山田 太郎');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/matters\/[0-9a-f-]{36}$/);
    matterPath = new URL(page.url()).pathname;
    await expect(stage().textContent()).resolves.toBe('書類収集中');
    await page.getByText('88,000円').waitFor();
    await page.getByText('山田 太郎').waitFor();
    const rows = page.locator('[data-testid="checklist"] tbody tr');
    expect(await rows.count()).toBeGreaterThan(2);
    await expect(rows.first().getAttribute('data-state')).resolves.toBe('requested');
  });

  test('the documents are marked received (one not applicable); nothing is missing', async () => {
    const rows = page.locator('[data-testid="checklist"] tbody tr');
    const count = await rows.count();
    // The office sets a due day on the first document, typed the way a caseworker writes it.
    const due = addDays(today, 7);
    const first = (await rows.first().getAttribute('data-code'))!;
    await rows.first().getByRole('textbox', { name: '期限' }).fill(due.replaceAll('-', '/'));
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === 'PATCH' && response.ok()),
      rows.first().getByRole('textbox', { name: '期限' }).blur(),
    ]);
    const matter = await web.api.http.get(`/v1/matters/${matterId()}`).auth(web.org.viewer, { type: 'bearer' }).expect(200);
    expect((matter.body.checklist as { code: string; dueOn: string | null }[]).find((item) => item.code === first)?.dueOn).toBe(due);
    for (let index = 0; index < count; index++) {
      const row = rows.nth(index);
      const state = index === count - 1 ? '不要' : '受領済';
      await row.getByText(state, { exact: true }).click();
      await page
        .locator(
          `[data-testid="checklist"] tbody tr:nth-child(${index + 1})[data-state="${index === count - 1 ? 'not_applicable' : 'received'}"]`,
        )
        .waitFor();
    }
    await page.goto('/matters');
    const row = page.locator(`[data-testid="matters-table"] tr[data-matter="${matterId()}"]`);
    await expect(row.getAttribute('data-stage')).resolves.toBe('collecting');
    await expect(row.getByRole('cell').nth(4).textContent()).resolves.toBe('なし');
    await shot(page, 'matters-list');
    expect(await seriousViolations(page, '#main')).toEqual([]);
  });

  test('the filing with its 受付番号: the matter is under review and the resident has the extension pending', async () => {
    await page.goto(matterPath);
    await page.getByRole('textbox', { name: '申請先' }).fill('名古屋出入国在留管理局');
    await page.getByRole('textbox', { name: '受付番号' }).fill(RECEIPT);
    await page.getByRole('button', { name: '申請を記録' }).click();
    await page.getByTestId('filing').getByText(RECEIPT, { exact: false }).waitFor();
    await expect(page.getByTestId('filing').textContent()).resolves.toContain('窓口');
    await expect(stage().textContent()).resolves.toBe('申請済・審査中');
    const matter = await web.api.http.get(`/v1/matters/${matterId()}`).auth(web.org.viewer, { type: 'bearer' }).expect(200);
    expect(matter.body.filing).toMatchObject({ receiptNumber: RECEIPT, channel: 'counter', bureau: '名古屋出入国在留管理局' });
    expect(matter.body.filing.applicationEventId).toEqual(expect.any(String));
    const resident = await web.api.http.get(`/v1/residents/${matter.body.residentId}`).auth(web.org.viewer, { type: 'bearer' }).expect(200);
    expect(resident.body.pendingApplication).toMatchObject({ type: 'extension', appliedOn: today, receiptNumber: RECEIPT });
  });

  test('the application form downloads as Excel, prefilled from the ledger and blank where it knows nothing', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '申請書(Excel)' }).click()]);
    expect(download.suggestedFilename()).toBe(`application-form-extension-${today}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('在留期間更新許可申請書');
    const items = new Map<string, unknown[]>();
    sheet.eachRow((row) => {
      const values = row.values as unknown[];
      items.set(String(values[2]), values.slice(3, 5));
    });
    expect(items.get('氏名')).toEqual([CLIENT, '台帳より']);
    expect(items.get('国籍・地域')).toEqual(['ベトナム', '台帳より']);
    expect(items.get('在留カード番号')).toEqual(['AB12345678CD', '台帳より']);
    expect(items.get('在留期間の満了日')).toEqual([addDays(today, 45), '台帳より']);
    expect(items.get('性別')).toEqual([undefined, '台帳になし・要記入']);
  });

  test('a 資料提出通知 due in 14 days: the matter waits for documents and the board shows it owed by the resident', async () => {
    const due = addDays(today, 14);
    await page.getByRole('textbox', { name: '提出期限' }).fill(due);
    await page.getByRole('textbox', { name: '求められた資料' }).fill('住民税の課税証明書\n納税証明書');
    await page.getByRole('button', { name: '資料提出通知を記録' }).click();
    await page.getByTestId('open-request').waitFor();
    await expect(stage().textContent()).resolves.toBe('資料提出待ち');
    await expect(page.getByTestId('open-request').textContent()).resolves.toBe(`${formatDate(due, 'ja')}までに提出`);
    await shot(page, 'matters-matter');
    expect(await seriousViolations(page, '#main')).toEqual([]);

    await page.goto('/');
    const row = page.locator('[data-testid="deadline-row"][data-kind="additional_documents"]');
    await row.getByText(CLIENT).waitFor();
    await expect(row.getAttribute('data-owed-by')).resolves.toBe('resident');
    await expect(row.textContent()).resolves.toContain('資料提出通知の提出期限');
  });

  test('a 出頭通知 in 7 days is recorded and attended; the 資料提出通知 stays open', async () => {
    const appear = addDays(today, 7);
    await page.goto(matterPath);
    await page.getByRole('textbox', { name: '出頭日' }).fill(appear);
    await page.getByRole('textbox', { name: '出頭場所' }).fill('名古屋出入国在留管理局');
    await page.getByRole('button', { name: '出頭通知を記録' }).click();
    await page.getByTestId('open-summons').waitFor();
    await expect(page.getByTestId('open-summons').textContent()).resolves.toBe(`${formatDate(appear, 'ja')}に出頭`);
    const matter = await web.api.http.get(`/v1/matters/${matterId()}`).auth(web.org.viewer, { type: 'bearer' }).expect(200);
    expect(matter.body.openRequests).toEqual([
      { kind: 'summons_appearance', dueOn: appear },
      { kind: 'additional_documents', dueOn: addDays(today, 14) },
    ]);
    await page.getByRole('button', { name: '出頭を記録' }).click();
    await page.getByTestId('open-summons').waitFor({ state: 'detached' });
    await page.getByTestId('open-request').waitFor();
    await expect(stage().textContent()).resolves.toBe('資料提出待ち');
  });

  test('the submission, then the grant: the matter waits for the result, then it is done', async () => {
    await page.goto(matterPath);
    await page.getByRole('button', { name: '提出を記録' }).click();
    await page.getByTestId('open-request').waitFor({ state: 'detached' });
    await expect(stage().textContent()).resolves.toBe('結果待ち');
    await page.getByRole('button', { name: '結果を記録' }).click();
    await page.getByTestId('result').waitFor();
    await expect(page.getByTestId('result').textContent()).resolves.toBe(`許可(${formatDate(today, 'ja')})`);
    await expect(stage().textContent()).resolves.toBe('完了');
    // Filed on paper today: the counter's amount since 2025-04-01 (施行令9条).
    await expect(page.getByTestId('stamp-fee').textContent()).resolves.toBe('収入印紙 6,000円を購入');
    await shot(page, 'matters-granted');

    await page.goto('/matters');
    await page.locator('[data-testid="matters-table"] tr[data-matter]').first().waitFor();
    await expect(page.locator(`tr[data-matter="${matterId()}"]`).count()).resolves.toBe(0);
    await page.getByText('完了 (1)').click();
    await expect(page.locator(`tr[data-matter="${matterId()}"]`).getAttribute('data-stage')).resolves.toBe('done');
  });

  test('the register (帳簿) downloads as Excel and lists the matter with its name, day, fee and client', async () => {
    await page.goto('/matters');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '帳簿(Excel)' }).click()]);
    expect(download.suggestedFilename()).toBe(`register-${today}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await readFile((await download.path())!)) as never);
    const cells = book.worksheets.flatMap((sheet) =>
      sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map((cell) => String(cell ?? '')) : [])),
    );
    expect(cells).toEqual(expect.arrayContaining(['在留期間更新許可申請', CLIENT]));
    expect(cells.some((cell) => cell.includes('88000'))).toBe(true);
  });
});

describe('across the caseload and a certificate of eligibility', () => {
  test('未提出の書類: the requested documents of the open matters, who provides each, earliest due first', async () => {
    await page.goto('/matters');
    await page.getByRole('tab', { name: '未提出の書類' }).click();
    const rows = page.locator('[data-testid="missing-table"] tbody tr');
    await rows.first().waitFor();
    const first = rows.first();
    await expect(first.getAttribute('data-source')).resolves.toBe('checklist');
    await expect(first.textContent()).resolves.toContain('SANTOS MARIA');
    await expect(first.textContent()).resolves.toContain(formatDate(addDays(today, 5), 'ja'));
    await expect(first.textContent()).resolves.toContain('山田 太郎');
    await expect(page.locator('[data-testid="missing-table"]').textContent()).resolves.not.toContain(CLIENT);
    await shot(page, 'matters-missing');
    expect(await seriousViolations(page, '#main')).toEqual([]);
  });

  test('在留資格認定証明書の交付 recorded from its matter: granted, and the landing deadline opens on the board', async () => {
    await page.goto(`/matters/${coeMatterId}`);
    await expect(page.getByRole('button', { name: '申請書(Excel)' }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: '交付を記録' }).click();
    await page.getByTestId('result').waitFor();
    await expect(page.getByTestId('result').textContent()).resolves.toBe(`許可(${formatDate(today, 'ja')})`);
    await expect(stage().textContent()).resolves.toBe('完了');
    await expect(page.getByTestId('stamp-fee').count()).resolves.toBe(0);
    await page.goto('/');
    await page.locator('[data-testid="deadline-row"][data-kind="coe_entry"]').getByText(INVITED).waitFor();
  });
});

describe('the board', () => {
  test('a certificate of eligibility’s landing deadline shows in Japanese', async () => {
    await page.goto('/');
    const row = page.locator('[data-testid="deadline-row"][data-kind="coe_entry"]').filter({ hasText: ABROAD });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('在留資格認定証明書の有効期限(上陸期限)');
  });
});

describe('on a phone (390 px)', () => {
  test('the list and the matter fit the screen', async () => {
    const small = await web.browser.newContext({
      baseURL: web.baseUrl,
      viewport: { width: 390, height: 844 },
      locale: 'ja-JP',
      timezoneId: 'Asia/Tokyo',
      storageState: await context.storageState(),
    });
    const phone = await small.newPage();
    try {
      await phone.goto('/matters');
      await phone.locator('[data-testid="matters-cards"] [data-matter]').first().waitFor();
      await expect(phone.locator('[data-testid="matters-cards"] [data-matter]').count()).resolves.toBe(2);
      const overflow = () => phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await expect(overflow()).resolves.toBeLessThanOrEqual(0);
      await shot(phone, 'matters-list-phone');
      await phone.getByRole('tab', { name: '未提出の書類' }).click();
      await phone.locator('[data-testid="missing-cards"] [data-matter]').first().waitFor();
      await expect(overflow()).resolves.toBeLessThanOrEqual(0);
      await shot(phone, 'matters-missing-phone');
      await phone.goto(matterPath);
      await phone.getByTestId('matter-stage').waitFor();
      await expect(overflow()).resolves.toBeLessThanOrEqual(0);
      await shot(phone, 'matters-matter-phone');
    } finally {
      await small.close();
    }
  });
});
