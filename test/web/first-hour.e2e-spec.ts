/// <reference lib="dom" />
/**
 * An office's first hour, in the browser alone, on a fresh server with no organisation: the
 * setup page with the admin token, the first manager's invitation link, a password, signing in,
 * two-factor sign-in set up (QR code, a code, the recovery codes saved), a caseworker and a viewer
 * invited from 設定 → 利用者 (each sets a password from their link and signs in, in their own
 * browser), the office's own Excel ledger (a title row, its own headers, 和暦 dates) imported after
 * a dry run, the residents exported to Excel and read back, and signing out and in again with the
 * authenticator's code. Every screen passes axe and shows no English word; with SCREENSHOTS_DIR set,
 * each is photographed at 1280 and 390 px (first-hour-*.png).
 */
import { afterAll, beforeAll, expect, jest, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { addDays } from '../../apps/web/src/dates/format-date.js';
import { ADMIN_TOKEN } from '../support/api-harness.js';
import { PASSWORD } from '../support/people.js';
import { Authenticator } from './authenticator.js';
import { seriousViolations } from './axe.js';
import { startServer, type Server } from './browser.js';
import { englishWords } from './english-words.js';
import { today } from './seed.js';

jest.setTimeout(480_000);
const screenshots = process.env['SCREENSHOTS_DIR'];

const OFFICE = 'ひかり登録支援センター';
const MANAGER = { name: '青木 真理', email: 'mari.aoki@hikari.example' };
const CASEWORKER = { name: '井上 翔', email: 'sho.inoue@hikari.example' };
const VIEWER = { name: '上田 恵', email: 'megumi.ueda@hikari.example' };
const PEOPLE = ['PHAM VAN DUC', 'NGUYEN THI HUONG', 'SANTOS MARIA CLARA'];
const LEDGER = '支援対象者名簿.xlsx';
/** What the test typed or chose (the ledger's file), and the file the setup page names (where the admin token is kept). */
const TYPED: string[] = [...PEOPLE, 'TRAN VAN KEEP', 'HK-001', 'HK-002', 'HK-003', LEDGER, '.data/admin-token'];
/** The authenticator apps the enrolment names. */
const BRANDS = ['Google', 'Microsoft', 'Authenticator'];

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
    acceptDownloads: true,
  });
  context.setDefaultTimeout(30_000);
  page = await context.newPage();
}, 240_000);
afterAll(async () => {
  await context?.close();
  await server?.close();
});

/**
 * The screen as the person sees it: no serious axe violation, no English word; photographed at
 * 1280 and 390 px when asked for. A dialog is shot as the viewport shows it.
 */
async function screen(on: Page, name: string, fullPage = true): Promise<void> {
  await on.waitForLoadState('networkidle');
  await expect(seriousViolations(on)).resolves.toEqual([]);
  await expect(englishWords(on, { typed: TYPED, allowed: BRANDS })).resolves.toEqual([]);
  if (!screenshots) return;
  const before = on.viewportSize()!;
  for (const width of [1280, 390]) {
    await on.setViewportSize({ width, height: width > 500 ? 900 : 844 });
    // Let the layout settle at the new width (the menu slides away): a phone's page never scrolls sideways.
    await on.waitForTimeout(300);
    await on.waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth, undefined, { timeout: 5000 });
    await on.screenshot({ path: join(screenshots, `first-hour-${name}-${width}.png`), fullPage });
  }
  await on.setViewportSize(before);
  // Back at the width the story goes on at, settled before the next click.
  await on.waitForTimeout(300);
}

/** 令和 as an office writes it in its ledger (令和元年 is 2019). */
const reiwa = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `令和${y - 2018}年${m}月${d}日`;
};

/** The office's own ledger: a title row, its own column names, 和暦 dates typed as text and one a real date cell. */
async function officeLedger(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('在籍者');
  sheet.addRow(['ひかり登録支援センター 支援対象者名簿(令和8年12月現在)']);
  sheet.mergeCells('A1:I1');
  sheet.addRow(['社員番号', '名前', 'ふりがな', '国籍', '性別', '生年月日', '在留資格', '在留期限', 'カード番号', '勤務先']);
  const expires = (days: number) => reiwa(addDays(today, days));
  sheet.addRow([
    'HK-001',
    PEOPLE[0],
    'ファム ヴァン ドゥック',
    'ベトナム',
    '男',
    '平成10年4月5日',
    '特定技能1号',
    expires(140),
    'HK10000001AA',
    '株式会社ひかり製菓',
  ]);
  sheet.addRow([
    'HK-002',
    PEOPLE[1],
    'グエン ティ フオン',
    'ベトナム',
    '女',
    'H12.11.3',
    '特定技能1号',
    expires(200),
    'HK10000002AA',
    '株式会社ひかり製菓',
  ]);
  // An Excel date cell (as the office typed it in the date format), read as the day it shows.
  const [y, m, d] = addDays(today, 250).split('-').map(Number) as [number, number, number];
  sheet.addRow([
    'HK-003',
    PEOPLE[2],
    'サントス マリア クララ',
    'フィリピン',
    '女',
    '平成7年1月20日',
    '特定技能1号',
    new Date(Date.UTC(y, m - 1, d)),
    'HK10000003AA',
    'みなと介護',
  ]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** An invited person opens their link in their own browser, sets a password and signs in. */
async function accept(link: string, person: { name: string; email: string }, shot: string | null): Promise<void> {
  const own = await server.browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 1280, height: 900 },
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  try {
    const them = await own.newPage();
    await them.goto(link);
    await them.getByText(`${OFFICE} の ${person.name} さん`, { exact: false }).waitFor();
    await them.getByLabel('新しいパスワード(12文字以上)').fill(PASSWORD);
    await them.getByLabel('もう一度入力').fill(PASSWORD);
    if (shot) await screen(them, shot);
    await them.getByRole('button', { name: 'パスワードを設定する' }).click();
    await them.getByText('パスワードを設定しました。サインインしてください。').waitFor();
    await expect(them.getByLabel('メールアドレス').inputValue()).resolves.toBe(person.email);
    await them.getByLabel('パスワード').fill(PASSWORD);
    await them.getByRole('button', { name: 'サインイン', exact: true }).click();
    await them.getByRole('heading', { name: 'ケース一覧', level: 2 }).waitFor();
    await expect(them.getByText(person.name, { exact: false }).first().isVisible()).resolves.toBe(true);
  } finally {
    await own.close();
  }
}

test('the first hour: setup, the manager signed in with 2FA, two people invited, the ledger imported and exported, signed in again with the code', async () => {
  // 1. The setup page, with the admin token from the log.
  await page.goto('/');
  const form = page.getByRole('form', { name: '初期設定' });
  await form.getByText('この在留台帳にはまだ機関がありません。').waitFor();
  await form.getByLabel('機関名').fill(OFFICE);
  await form.getByText('登録支援機関', { exact: true }).click();
  await form.getByLabel('最初の管理者の氏名').fill(MANAGER.name);
  await form.getByLabel('最初の管理者のメールアドレス').fill(MANAGER.email);
  await form.getByLabel('管理トークン').fill(ADMIN_TOKEN);
  await screen(page, 'setup');
  await form.getByRole('button', { name: '機関を作成する' }).click();
  const done = page.getByTestId('setup-done');
  await done.getByText(`「${OFFICE}」を作成しました。`).waitFor();
  await screen(page, 'setup-done');

  // 2. The first manager's link: a password, then signing in.
  await done.getByRole('link', { name: '招待リンクを開く' }).click();
  await page.getByText(`${OFFICE} の ${MANAGER.name} さん`, { exact: false }).waitFor();
  await page.getByLabel('新しいパスワード(12文字以上)').fill(PASSWORD);
  await page.getByLabel('もう一度入力').fill(PASSWORD);
  await screen(page, 'invitation');
  await page.getByRole('button', { name: 'パスワードを設定する' }).click();
  await page.getByText('パスワードを設定しました。サインインしてください。').waitFor();
  await page.getByLabel('パスワード').fill(PASSWORD);
  await screen(page, 'sign-in');
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await page.getByRole('heading', { name: 'ケース一覧', level: 2 }).waitFor();
  await screen(page, 'board-empty');

  // 3. Two-factor sign-in from the menu: the QR code, a code, the recovery codes saved.
  await page.getByRole('link', { name: '2段階認証' }).click();
  await expect(page.getByTestId('two-factor-state').textContent()).resolves.toBe('無効');
  await page.getByRole('button', { name: '2段階認証を設定する' }).click();
  const qr = page.getByRole('img', { name: '認証アプリに登録するQRコード' });
  await qr.waitFor();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
  // The secret and the recovery codes are the server's letters, not words of the screen.
  TYPED.push(secret);
  await screen(page, 'two-factor-qr');
  const authenticator = new Authenticator(secret);
  await page.getByLabel('確認コード(6桁)').fill(await authenticator.code());
  await page.getByRole('button', { name: '有効にする' }).click();
  await page.getByTestId('recovery-codes').waitFor();
  const codes = (await page.getByTestId('recovery-code').allTextContents()).map((code) => code.trim());
  expect(codes).toHaveLength(10);
  TYPED.push(...codes);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'テキストファイルで保存' }).click(),
  ]);
  const saved = await readFile((await download.path())!, 'utf8');
  for (const code of codes) expect(saved).toContain(code);
  await screen(page, 'two-factor-recovery-codes');
  await page.getByLabel('リカバリーコードを保存しました').check();
  await page.getByRole('button', { name: '完了' }).click();
  await page
    .getByTestId('two-factor-state')
    .filter({ hasText: /^有効$/ })
    .waitFor();
  await screen(page, 'two-factor-on');

  // 4. 設定 → 利用者: a caseworker and a viewer invited, each link shown to hand over.
  await page.getByRole('link', { name: '設定' }).click();
  const people = page.getByRole('region', { name: '利用者' });
  const invite = people.getByRole('form', { name: '利用者を招待' });
  const invited = async (person: { name: string; email: string }, role: string) => {
    await invite.getByLabel('名前').fill(person.name);
    await invite.getByLabel('メールアドレス').fill(person.email);
    await invite.getByRole('combobox', { name: '権限' }).click();
    await page.getByRole('option', { name: role, exact: true }).click();
    await invite.getByRole('button', { name: '招待する' }).click();
    await people.getByTestId('secret').filter({ hasText: '/#/invitations/' }).waitFor();
    await page.locator(`[data-testid="user-row"][data-email="${person.email}"]`).waitFor();
    const link = (await people.getByTestId('secret').textContent())!.trim();
    expect(link.startsWith(`${server.baseUrl}/#/invitations/`)).toBe(true);
    return link;
  };
  const caseworkerLink = await invited(CASEWORKER, '担当者');
  const viewerLink = await invited(VIEWER, '閲覧');
  expect(viewerLink).not.toBe(caseworkerLink);
  await screen(page, 'people-invited');

  // Each sets a password from their link and signs in, in their own browser.
  await accept(caseworkerLink, CASEWORKER, 'invitation-caseworker');
  await accept(viewerLink, VIEWER, null);
  await page.reload();
  const states = (email: string) => page.locator(`[data-testid="user-row"][data-email="${email}"]`).getByTestId('user-states');
  await states(CASEWORKER.email)
    .filter({ hasText: /^有効$/ })
    .waitFor();
  await states(VIEWER.email)
    .filter({ hasText: /^有効$/ })
    .waitFor();
  await expect(states(MANAGER.email).textContent()).resolves.toBe('有効2段階認証オン');
  await screen(page, 'people-active');

  // 5. 取込・出力: the office's own Excel ledger, a dry run that writes nothing, then the import.
  await page.getByRole('link', { name: '取込・出力' }).click();
  await page.locator('#import-file').setInputFiles({
    name: LEDGER,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await officeLedger(),
  });
  const report = page.getByRole('region', { name: '取込結果' });
  await report.getByText('試し取込の結果です。まだ何も登録していません。').waitFor();
  await expect(page.getByTestId('import-counts').textContent()).resolves.toBe('全3行新規 3更新 0変更なし 0エラー 0');
  await expect(report.textContent()).resolves.toContain('見出しの行: 2行目(上のタイトル行は読み飛ばしました)');
  await screen(page, 'import-dry-run');
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  await report.getByText('取り込みました。').waitFor();
  await expect(page.getByTestId('import-counts').textContent()).resolves.toBe('全3行新規 3更新 0変更なし 0エラー 0');
  await screen(page, 'import-done');

  // 6. The residents to Excel, read back: the people imported, with their dates as the ledger had them.
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '在留者一覧(Excel)' }).click()]);
  expect(xlsx.suggestedFilename()).toBe(`residents-${today}.xlsx`);
  const exported = new ExcelJS.Workbook();
  await exported.xlsx.load((await readFile((await xlsx.path())!)) as unknown as ArrayBuffer);
  const rows: string[] = [];
  exported.worksheets[0]!.eachRow((row) =>
    rows.push(
      (row.values as unknown[]).map((cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell ?? ''))).join('|'),
    ),
  );
  for (const name of PEOPLE) expect(rows.some((row) => row.includes(name))).toBe(true);
  const duc = rows.find((row) => row.includes(PEOPLE[0]!))!;
  expect(duc).toMatch(/1998-04-05|1998\/04\/05|平成10年4月5日/);
  expect(duc).toContain('株式会社ひかり製菓');

  await page.getByRole('link', { name: '在留者', exact: true }).click();
  await page.getByTestId('residents-table').getByText(PEOPLE[2]!).waitFor();
  await screen(page, 'residents');

  // 7. Signed out and in again: the password, then the authenticator's code (a later one than enrolment's).
  await page.getByRole('button', { name: 'サインアウト' }).click();
  await page.getByLabel('メールアドレス').fill(MANAGER.email);
  await page.getByLabel('パスワード').fill(PASSWORD);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await page.getByRole('heading', { name: '確認コードの入力' }).waitFor();
  await page.getByText(`${MANAGER.email} は2段階認証が有効です。`, { exact: false }).waitFor();
  await screen(page, 'sign-in-code');
  await page.getByLabel('確認コード(6桁)').fill(await authenticator.code());
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  // Back on the page signed out from.
  await page.getByTestId('residents-table').getByText(PEOPLE[0]!).waitFor();
  await page.getByRole('link', { name: 'ケース一覧' }).click();
  await page.getByRole('heading', { name: 'ケース一覧', level: 2 }).waitFor();
  await screen(page, 'board');

  // 8. The session ends meanwhile (as 30 idle minutes would): the dialog in place asks the password, then the code.
  await server.api.runtime.pool.query(
    'DELETE FROM platform.user_session WHERE user_id IN (SELECT id FROM platform.app_user WHERE email = $1)',
    [MANAGER.email],
  );
  await page.getByRole('link', { name: '在留者を登録' }).first().click();
  await page.getByLabel('氏名(旅券のとおり)').fill('TRAN VAN KEEP');
  await page.getByLabel('生年月日').fill('平成9年3月3日');
  await page.getByTestId('nationality').fill('ベトナム');
  await page.getByRole('button', { name: '登録する' }).click();
  const dialog = page.getByRole('dialog', { name: 'セッションの有効期限が切れました' });
  await expect(dialog.getByLabel('メールアドレス').inputValue()).resolves.toBe(MANAGER.email);
  await dialog.getByLabel('パスワード').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'サインイン', exact: true }).click();
  await dialog.getByRole('heading', { name: '確認コードの入力' }).waitFor();
  await screen(page, 'session-expired-code', false);
  await dialog.getByLabel('確認コード(6桁)').fill(await authenticator.code());
  await dialog.getByRole('button', { name: 'サインイン', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  // What was typed is still there to send.
  await expect(page.getByLabel('氏名(旅券のとおり)').inputValue()).resolves.toBe('TRAN VAN KEEP');
});
