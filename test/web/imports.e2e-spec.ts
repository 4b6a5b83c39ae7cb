/// <reference lib="dom" />
/**
 * The 取込・出力 screen in Chromium, as an office switching from its Excel ledger would use it:
 * a Shift_JIS CSV saved from Excel, with a title row above the headers, a name whose letters
 * Shift_JIS lost (Nguyễn → Nguy?n) and a date of birth that is no date. The dry run says why in
 * Japanese, row by row and column by column; 取り込む creates the people, linked from the
 * result; the exports download; a viewer has no import control. With SCREENSHOTS_DIR set, the
 * screen is photographed at 1280 and 390 px.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import iconv from 'iconv-lite';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { addDays } from '../../apps/web/src/dates/format-date.js';
import { seriousViolations } from './axe.js';
import { startWebHarness, type WebHarness } from './browser.js';
import { today } from './seed.js';

jest.setTimeout(240_000);

let web: WebHarness;
let context: BrowserContext;
let page: Page;
const screenshots = process.env['SCREENSHOTS_DIR'];

const TITLE = ['特定技能外国人 管理台帳(令和8年12月1日現在)'];
const HEADER = ['No.', '氏名', 'フリガナ', '国籍', '性別', '生年月日', '在留資格', '在留期限', '在留カード番号', '所属機関', '備考'];
const ROWS = [
  [
    '1',
    'TRAN THI MAI',
    'トラン ティ マイ',
    'ベトナム',
    '女',
    '1999/3/14',
    '特定技能1号',
    addDays(today, 100),
    'IM10000001AA',
    '株式会社さくら食品',
    '',
  ],
  [
    '2',
    'Nguyễn Van Hung',
    'グエン ヴァン フン',
    'ベトナム',
    '男',
    '平成9年7月2日',
    '特定技能1号',
    addDays(today, 150),
    'IM10000002AA',
    '株式会社さくら食品',
    '',
  ],
  [
    '3',
    'LE VAN NAM',
    'レ ヴァン ナム',
    'ベトナム',
    '男',
    '1990-13-45',
    '特定技能1号',
    addDays(today, 120),
    'IM10000003AA',
    '東海フーズ',
    '寮あり',
  ],
];

/** The bytes Excel writes when it saves "CSV (コンマ区切り)" on a Japanese PC: Shift_JIS, `?` for what it lacks. */
const shiftJisCsv = (rows: string[][]) => iconv.encode(rows.map((row) => row.join(',')).join('\r\n') + '\r\n', 'Shift_JIS');

async function chooseFile(name: string, bytes: Buffer) {
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
}

const reasons = (row: number) => page.locator(`[data-testid="import-rows"] tr[data-row="${row}"]`);

async function shot(name: string) {
  if (!screenshots) return;
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

beforeAll(async () => {
  web = await startWebHarness('Import Support');
  ({ context, page } = await web.signedIn('caseworker'));
}, 240_000);
afterAll(async () => {
  await context?.close();
  await web?.close();
});

describe('the import (a caseworker)', () => {
  test('the template downloads with Japanese headers and one example row', async () => {
    await page.goto('/imports');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'テンプレート(CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('import-template.csv');
    const text = (await readFile((await download.path())!)).toString('utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^管理番号,氏名,フリガナ,/);
  });

  test('the dry run of the Shift_JIS ledger with a title row: the header row found, the lost letters warned, the invalid date refused, in Japanese; nothing written', async () => {
    await page.goto('/imports');
    await chooseFile('管理台帳.csv', shiftJisCsv([TITLE, HEADER, ...ROWS]));
    const report = page.getByRole('region', { name: '取込結果' });
    await report.getByText('試し取込の結果です。まだ何も登録していません。').waitFor();
    await expect(page.getByTestId('import-counts').textContent()).resolves.toBe('全3行新規 2更新 0変更なし 0エラー 1注意 1');
    const said = (await report.textContent())!;
    expect(said).toContain('文字コード: Shift_JIS');
    expect(said).toContain('見出しの行: 2行目(上のタイトル行は読み飛ばしました)');

    // Rows as the spreadsheet numbers them: the title is row 1, the headers row 2.
    await expect(reasons(3).textContent()).resolves.toBe('3行目新規(予定)所属機関: 株式会社さくら食品(新規の所属機関)');
    // Nguyễn as Excel's Shift_JIS wrote it: imported, with a warning on the name.
    await expect(reasons(4).textContent()).resolves.toContain('4行目新規(予定)');
    await expect(reasons(4).textContent()).resolves.toContain('注意氏名: 文字が失われています: UTF-8 の CSV か Excel で保存してください');
    await expect(reasons(5).textContent()).resolves.toContain(
      'エラー生年月日: 「1990-13-45」は日付ではありません: 2026-04-01、2026/4/1、令和8年4月1日のように書いてください',
    );
    await shot('imports-dry-run');
    expect(await seriousViolations(page, '[data-testid="import-report"]')).toEqual([]);

    await page.getByLabel('エラー・注意のある行のみ表示').check();
    await expect(page.locator('[data-testid="import-rows"] tbody tr').count()).resolves.toBe(2);

    const residents = await web.api.http.get('/v1/residents').auth(web.org.viewer, { type: 'bearer' }).expect(200);
    expect(residents.body.total).toBe(0);
  });

  test('取り込む creates the people, and the result links to each of them', async () => {
    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    const report = page.getByRole('region', { name: '取込結果' });
    await report.getByText('取り込みました。').waitFor();
    await expect(page.getByTestId('import-counts').textContent()).resolves.toBe('全3行新規 2更新 0変更なし 0エラー 1注意 1');
    await expect(reasons(3).textContent()).resolves.toBe('3行目新規登録在留者を開く所属機関: 株式会社さくら食品(新規の所属機関)');
    await shot('imports-result');

    const residents = await web.api.http.get('/v1/residents').auth(web.org.viewer, { type: 'bearer' }).expect(200);
    expect(residents.body.items.map((item: { fullName: string }) => item.fullName).sort()).toEqual(['Nguy?n Van Hung', 'TRAN THI MAI']);

    await page.getByRole('link', { name: '3行目の在留者を開く' }).click();
    await page.getByRole('heading', { name: 'TRAN THI MAI' }).waitFor();
  });

  test('the residents export downloads the people just imported, as CSV and as Excel', async () => {
    await page.goto('/imports');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '在留者一覧(CSV)' }).click()]);
    expect(csv.suggestedFilename()).toBe(`residents-${today}.csv`);
    const text = (await readFile((await csv.path())!)).toString('utf8');
    expect(text).toContain('TRAN THI MAI');
    expect(text).toContain('株式会社さくら食品');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '期限一覧(Excel)' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^deadlines-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect((await readFile((await xlsx.path())!)).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test('the board exports its deadlines with its filters', async () => {
    await page.goto('/');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '期限一覧(CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`deadlines-${today}.csv`);
    expect((await readFile((await download.path())!)).toString('utf8')).toContain('TRAN THI MAI');
  });

  test('at phone width (390 px) the dry run is readable and the page does not scroll sideways', async () => {
    const phone = await web.browser.newContext({ baseURL: web.baseUrl, viewport: { width: 390, height: 844 }, locale: 'ja-JP' });
    try {
      const cookies = await context.cookies();
      await phone.addCookies(cookies);
      const small = await phone.newPage();
      await small.goto('/imports');
      await small
        .locator('#import-file')
        .setInputFiles({ name: 'b.csv', mimeType: 'text/csv', buffer: shiftJisCsv([TITLE, HEADER, ...ROWS]) });
      await small.getByText('試し取込の結果です。まだ何も登録していません。').waitFor();
      await small.getByText('「1990-13-45」は日付ではありません', { exact: false }).waitFor();
      const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      if (screenshots) {
        await small.waitForLoadState('networkidle');
        await small.screenshot({ path: join(screenshots, 'imports-dry-run-phone.png'), fullPage: true });
      }
    } finally {
      await phone.close();
    }
  });
});

describe('a viewer', () => {
  test('sees the exports and no import control', async () => {
    const viewer = await web.signedIn('viewer');
    try {
      await viewer.page.goto('/imports');
      await viewer.page.getByText('閲覧のみの権限では取込はできません(出力は使えます)。').waitFor();
      await expect(viewer.page.getByRole('button', { name: 'ファイルを選ぶ' }).count()).resolves.toBe(0);
      await expect(viewer.page.getByRole('button', { name: '取り込む', exact: true }).count()).resolves.toBe(0);
      await viewer.page.getByRole('button', { name: '在留者一覧(Excel)' }).waitFor();
    } finally {
      await viewer.context.close();
    }
  });
});
