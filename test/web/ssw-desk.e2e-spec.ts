/// <reference lib="dom" />
/**
 * A support organisation's month at the desk, as a caseworker: the 特定技能 screen lists the
 * interviews owed for a worker whose support started two months ago (本人 and 監督者 apart);
 * 対応する opens the interview form filled in; 記録する marks the row met there and on the
 * resident's screen, whose history says it in Japanese words; an employer is registered from
 * the screen and is then chosen from a list on the fact form. With SCREENSHOTS_DIR set, screenshots at 1280 and 390 px.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { corporateNumberCheckDigit } from '../../libs/domain/src/ssw/corporate-number.js';
import { startWebHarness, type WebHarness } from './browser.js';
import { photograph } from './photograph.js';
import { choose, deadlineRow, openAsOf } from './desk.js';
import { today } from './seed.js';

jest.setTimeout(240_000);

let web: WebHarness;
let context: BrowserContext;
let page: Page;
let workerId: string;

/** The day two months before today (the last day of that month when it is shorter). */
function twoMonthsAgo(): string {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(year, month - 2, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 3, Math.min(day, last))).toISOString().slice(0, 10);
}

beforeAll(async () => {
  web = await startWebHarness('Nagoya SSW Support');
  const as = { type: 'bearer' as const };
  const employer = await web.api.http.post('/v1/employers').auth(web.org.caseworker, as).send({ name: '東海フーズ株式会社' }).expect(201);
  workerId = await web.api.register(web.org.caseworker, { fullName: 'PHAM VAN MINH', dateOfBirth: '2000-05-05', nationality: 'VNM' });
  const started = twoMonthsAgo();
  const addYear = `${Number(started.slice(0, 4)) + 1}${started.slice(4)}`;
  for (const [type, data] of [
    [
      'Landed',
      {
        status: 'specified_skilled_worker_1',
        periodExpiresOn: addYear,
        card: { number: 'SW40000001AA' },
        designation: { field: 'food_service', employer: employer.body.id },
      },
    ],
    ['SupportStarted', { employer: employer.body.id }],
    ['OrientationHeld', { hours: 8 }],
  ] as const)
    await web.api.record(web.org.caseworker, workerId, type, started, data).expect(201);
  ({ context, page } = await web.signedIn('caseworker'));
}, 240_000);
afterAll(async () => {
  await context?.close();
  await web?.close();
});

const row = (category: string) => page.locator(`[data-testid="ssw-row"][data-category="${category}"]`);

describe('the 特定技能 screen (a caseworker)', () => {
  test('lists the interviews owed this month and next, 本人 and 監督者 apart, with the basis and who owes them', async () => {
    await page.getByRole('link', { name: '特定技能' }).first().click();
    await page.getByRole('heading', { name: '特定技能', level: 2 }).waitFor();
    await row('interviewWorker').first().waitFor();
    await expect(row('interviewWorker').count()).resolves.toBe(1);
    await expect(row('interviewSupervisor').count()).resolves.toBe(1);
    const worker = row('interviewWorker').first();
    await expect(worker.textContent()).resolves.toMatch(/PHAM VAN MINH.*登録支援機関/);
    await expect(worker.textContent()).resolves.toContain('根拠: 特定技能基準省令3条1項1号');
    await expect(page.getByTestId('glance-interviewWorker').textContent()).resolves.toContain('1件');
    await photograph(page, 'ssw-1280.png', { fullPage: true });
    // By field (分野), from the server: the worker's 外食業 keeps the rows, 建設 has none.
    await choose(page, '分野', '建設');
    await page.getByText('今月・来月の義務はありません。').waitFor();
    await choose(page, '分野', '外食業');
    await row('interviewWorker').first().waitFor();
    await page.getByRole('button', { name: '条件を解除' }).click();
  });

  test('対応する opens the interview form filled in; 記録する marks the row met here and on the resident’s screen', async () => {
    await page.getByRole('button', { name: /対応する: PHAM VAN MINH .*本人と/ }).click();
    const dialog = page.getByRole('dialog');
    const form = dialog.getByRole('form', { name: '事実を記録する' });
    await form.waitFor();
    await expect(form.getByRole('combobox', { name: '事実の種類', exact: false }).inputValue()).resolves.toBe('定期面談');
    await expect(form.getByRole('combobox', { name: '面談の相手', exact: false }).inputValue()).resolves.toBe('本人');
    await expect(form.getByRole('combobox', { name: '面談の方法', exact: false }).inputValue()).resolves.toBe('対面');
    await form.getByLabel('発生日').fill(today);
    await form.getByLabel('通訳者', { exact: false }).fill('ベトナム語 通訳 山本');
    await form.getByLabel('把握した状況', { exact: false }).fill('残業が月20時間ほど。体調は良好。');
    await form.getByLabel('対応した内容', { exact: false }).fill('監督者に休日の確保を依頼した。');
    await photograph(page, 'ssw-act-interview.png');
    await form.getByRole('button', { name: '記録する' }).click();
    await page.getByText('記録しました。この義務は完了です。').waitFor();
    await page.locator('[data-testid="ssw-row"][data-category="interviewWorker"][data-state="met"]').waitFor();
    await expect(row('interviewSupervisor').first().getAttribute('data-state')).resolves.not.toBe('met');

    await openAsOf(page, workerId, today);
    const interviews = page.locator('[data-testid="deadlines-table"] tr[data-kind="support_interview"]');
    await expect(interviews.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')))).resolves.toContain('met');
    await expect(deadlineRow(page, 'support_interview').isVisible()).resolves.toBe(true);
    const history = page.getByTestId('history-table');
    const recorded = history.locator('tr[data-type="SupportInterviewHeld"]');
    await expect(recorded.textContent()).resolves.toContain('面談の相手: 本人 / 面談の方法: 対面 / 通訳者: ベトナム語 通訳 山本');
    const words = (await history.textContent()) ?? '';
    expect(words).not.toMatch(/in_person|food_service|[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(words).toContain('所属機関: 東海フーズ株式会社');
  });

  test('the board’s 対応する is no dead end either: the supervisor’s interview opens filled in on the resident’s screen', async () => {
    await page.goto('/');
    await page.getByRole('link', { name: /対応する: PHAM VAN MINH .*監督者と/ }).click();
    const form = page.getByRole('form', { name: '事実を記録する' });
    // The form is filled once the resident's deadlines are read (it names the one to meet).
    await form.getByRole('combobox', { name: '面談の相手', exact: false }).waitFor();
    await expect(form.getByRole('combobox', { name: '事実の種類', exact: false }).inputValue()).resolves.toBe('定期面談');
    await expect(form.getByRole('combobox', { name: '面談の相手', exact: false }).inputValue()).resolves.toBe('監督者');
  });

  test('an employer is registered from the screen (法人番号 checked) and chosen from a list on the next form', async () => {
    await page.goto('/ssw');
    await page.getByRole('button', { name: '所属機関を登録' }).click();
    const dialog = page.getByRole('dialog', { name: '所属機関の登録' });
    await dialog.getByLabel('名称', { exact: false }).fill('中部ケア株式会社');
    const base = '123456789012';
    const wrong = `${(corporateNumberCheckDigit(base) % 9) + 1}${base}`;
    await dialog.getByLabel('法人番号', { exact: false }).fill(wrong);
    await dialog.getByText('法人番号のチェックデジットが合いません。').waitFor();
    await dialog.getByLabel('法人番号', { exact: false }).fill(`${corporateNumberCheckDigit(base)}${base}`);
    await dialog.getByLabel('所在地').fill('愛知県名古屋市中区栄1-1-1');
    await dialog.getByLabel('担当者名').fill('小林 直子');
    await dialog.getByLabel('電話番号').fill('052-000-0000');
    await dialog.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('employers-table').getByRole('cell', { name: '中部ケア株式会社', exact: true }).waitFor();
    // A phone: its own context at 390 px, the screen as it first draws there.
    const phone = await web.signedIn('caseworker', { width: 390, height: 844 });
    try {
      await phone.page.goto('/ssw');
      // One card per duty, its 対応する within the screen's width.
      const act = phone.page
        .locator('[data-testid="ssw-card"]')
        .first()
        .getByRole('button', { name: /対応する/ });
      await act.waitFor();
      const box = await act.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      await phone.page.getByTestId('employers-table').getByRole('cell', { name: '中部ケア株式会社', exact: true }).waitFor();
      await photograph(phone.page, 'ssw-390.png', { fullPage: true });
    } finally {
      await phone.context.close();
    }

    await openAsOf(page, workerId, today);
    await choose(page, '事実の種類', '所属機関の変更');
    await page.getByRole('form', { name: '事実を記録する' }).getByRole('combobox', { name: '所属機関(任意)' }).click();
    await page.getByRole('option', { name: '中部ケア株式会社' }).waitFor();
    await expect(page.getByRole('option', { name: '東海フーズ株式会社' }).isVisible()).resolves.toBe(true);
  });
});
