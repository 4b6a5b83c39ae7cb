/// <reference lib="dom" />
/**
 * The filings at the desk, as a caseworker: the annual report of FY2025 (overdue since 2026-05-31)
 * is a row of the 特定技能 screen and of the board; its Excel draft downloads with the worker and the
 * interview of that year; 対応する → 提出済 with the day filed → the row is met on the 特定技能
 * screen and leaves the board's list of what is owed. The workers' panel hands over a 面談記録 (Excel and PDF).
 * With SCREENSHOTS_DIR set, screenshots at 1280 and 390 px.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { startWebHarness, type WebHarness } from './browser.js';
import { photograph } from './photograph.js';
import { daysAgo, today } from './seed.js';

jest.setTimeout(240_000);

let web: WebHarness;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  web = await startWebHarness('Gifu SSW Support');
  const as = { type: 'bearer' as const };
  const employer = await web.api.http
    .post('/v1/employers')
    .auth(web.org.caseworker, as)
    .send({ name: '美濃フーズ株式会社', address: '岐阜県岐阜市司町40-1', contact: { name: '森', phone: '058-000-0000' } })
    .expect(201);
  const worker = await web.api.register(web.org.caseworker, { fullName: 'LE THI HOA', dateOfBirth: '2001-03-03', nationality: 'VNM' });
  for (const [type, on, data] of [
    [
      'Landed',
      '2026-01-15',
      {
        status: 'specified_skilled_worker_1',
        periodExpiresOn: '2028-01-15',
        card: { number: 'SW50000001AA' },
        designation: { field: 'food_service', employer: employer.body.id },
      },
    ],
    ['SupportStarted', '2026-01-15', { employer: employer.body.id }],
    ['SupportInterviewHeld', '2026-03-10', { with: 'worker', mode: 'in_person', findings: '仕事に慣れてきた' }],
  ] as const)
    await web.api.record(web.org.caseworker, worker, type, on, data).expect(201);
  // A change of the contract's terms two days ago: its 随時届出 (第3-1-1号) is owed within 14 days.
  await web.api.record(web.org.caseworker, worker, 'SswContractChanged', daysAgo(2), { summary: '基本給の変更' }).expect(201);
  ({ context, page } = await web.signedIn('caseworker'));
}, 240_000);
afterAll(async () => {
  await context?.close();
  await web?.close();
});

const annualRow = () => page.locator('[data-testid="ssw-row"][data-kind="ssw_annual_report"]');

async function downloaded(click: () => Promise<void>): Promise<ExcelJS.Workbook> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await download.path())!) as never);
  return book;
}

describe('the annual report at the desk (a caseworker)', () => {
  test('its row on the 特定技能 screen hands over the Excel draft of FY2025 with the worker and the interview of the year', async () => {
    await page.goto('/ssw');
    await annualRow().first().waitFor();
    await expect(annualRow().first().getAttribute('data-state')).resolves.toBe('overdue');
    const book = await downloaded(() =>
      annualRow()
        .first()
        .getByRole('button', { name: /届出書\(Excel\)/ })
        .click(),
    );
    const workers = book.getWorksheet('別紙')!;
    expect(workers.getCell('B2').value).toBe('LE THI HOA');
    expect(workers.getCell('F2').value).toBe('SW50000001AA');
    expect(workers.getCell('M2').value).toBe('2026-03-10');
    expect(book.getWorksheet('届出書')!.getCell('A1').value).toBe('受入れ・活動・支援実施状況に係る届出書(参考様式第3-6号)');
    // The contract change's row hands over 参考様式第3-1-1号, prefilled.
    const notice = page.locator('[data-testid="ssw-row"][data-kind="ssw_contract_notification"]').first();
    const form = (await downloaded(() => notice.getByRole('button', { name: /届出書\(Excel\)/ }).click())).worksheets[0]!;
    expect(form.getCell('A1').value).toBe('特定技能雇用契約の変更に係る届出書(参考様式第3-1-1号)');
    expect(form.getColumn(2).values).toEqual(expect.arrayContaining(['LE THI HOA', 'SW50000001AA', '基本給の変更', '美濃フーズ株式会社']));
    await page.getByTestId('ssw-workers').waitFor();
    await photograph(page, 'ssw-filings-1280.png', { fullPage: true });
  });

  test('the employer’s detail: its worker, the filings it owes with their drafts, the annual report of each year', async () => {
    await page.getByRole('button', { name: '詳細: 美濃フーズ株式会社' }).click();
    const detail = page.getByTestId('employer-detail');
    await detail.waitFor();
    await expect(detail.textContent()).resolves.toMatch(/LE THI HOA.*外食業.*支援開始 2026年1月15日/);
    // FY2025's (overdue) and FY2026's (open from 2027-04-01), one row each.
    const filing = detail.locator('[data-testid="employer-filing"]', { hasText: '2026年5月31日' });
    await expect(filing.textContent()).resolves.toMatch(/定期届出.*LE THI HOA.*期限超過/);
    await detail.locator('[data-testid="employer-filing"]', { hasText: '2027年5月31日' }).waitFor();
    await filing.getByRole('button', { name: /届出書\(Excel\)/ }).waitFor();
    await detail.getByRole('button', { name: /2025年度 定期届出書\(Excel\)/ }).waitFor();
    await photograph(page, 'ssw-employer-detail-1280.png');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
  });

  test('the workers’ panel shows the 5-year count and hands over the 面談記録 of an interview', async () => {
    const line = page.locator('[data-testid="ssw-worker"]').first();
    await expect(line.textContent()).resolves.toMatch(/LE THI HOA.*外食業.*美濃フーズ株式会社/);
    await expect(line.textContent()).resolves.toMatch(/\d+日 \/ 18\d\d日/);
    await line.getByRole('button', { name: /面談記録: LE THI HOA/ }).click();
    const book = await downloaded(() =>
      page
        .getByTestId('ssw-interviews')
        .getByRole('button', { name: /面談記録\(Excel\)/ })
        .click(),
    );
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('面談記録');
    const values = sheet.getColumn(2).values.map((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value));
    expect(values).toEqual(expect.arrayContaining(['2026-03-10', '本人', '対面', '仕事に慣れてきた', '美濃フーズ株式会社']));
    // The same record as PDF (the Japanese font embedded).
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByTestId('ssw-interviews')
        .getByRole('button', { name: /^PDF: LE THI HOA 2026-03-10/ })
        .click(),
    ]);
    expect(pdf.suggestedFilename()).toMatch(/^interview-2026-03-10-.*\.pdf$/);
    const bytes = readFileSync((await pdf.path())!).toString('latin1');
    expect(bytes.startsWith('%PDF-')).toBe(true);
    expect(bytes).toMatch(/BIZUDPGothic/);
  });

  test('対応する → 提出済 with the day filed: met on the 特定技能 screen, no longer owed on the board', async () => {
    await page.goto('/');
    const onBoard = page.getByRole('link', { name: /対応する: LE THI HOA .*定期届出/ });
    await onBoard.first().waitFor();

    await page.goto('/ssw');
    await annualRow()
      .first()
      .getByRole('button', { name: /対応する/ })
      .click();
    const form = page.getByRole('dialog').getByRole('form', { name: '事実を記録する' });
    await form.waitFor();
    await expect(form.getByRole('combobox', { name: '届出の種類', exact: false }).inputValue()).resolves.toContain('定期届出');
    await expect(form.getByLabel('対象年度', { exact: false }).inputValue()).resolves.toBe('2025');
    await form.getByLabel('発生日').fill(today);
    await form.getByRole('button', { name: '記録する' }).click();
    await page.getByText('記録しました。この義務は完了です。').waitFor();
    await page.locator('[data-testid="ssw-row"][data-kind="ssw_annual_report"][data-state="met_late"]').waitFor();
    await expect(annualRow().first().textContent()).resolves.toContain('に完了');

    await page.goto('/');
    // The board has drawn her rows (the interview still owed) without the annual report.
    await page
      .getByRole('link', { name: /対応する: LE THI HOA .*定期面談/ })
      .first()
      .waitFor();
    await expect(onBoard.count()).resolves.toBe(0);
  });

  test('on a phone (390 px) the row and its draft stay within the screen', async () => {
    const phone = await web.signedIn('caseworker', { width: 390, height: 844 });
    try {
      await phone.page.goto('/ssw');
      const card = phone.page.locator('[data-testid="ssw-card"][data-kind="ssw_annual_report"]').first();
      await card.waitFor();
      const button = card.getByRole('button', { name: /届出書\(Excel\)/ });
      const box = await button.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      // The contract change's row: its draft in Excel and PDF, and 対応する, all within the width.
      const notice = phone.page.locator('[data-testid="ssw-card"][data-kind="ssw_contract_notification"]').first();
      for (const name of [/届出書\(Excel\)/, /^PDF/, /対応する/]) {
        const edge = await notice.getByRole('button', { name }).boundingBox();
        expect(edge!.x + edge!.width).toBeLessThanOrEqual(390);
      }
      await phone.page.locator('[data-testid="ssw-worker-card"]').first().waitFor();
      await photograph(phone.page, 'ssw-filings-390.png', { fullPage: true });
    } finally {
      await phone.context.close();
    }
  });
});
