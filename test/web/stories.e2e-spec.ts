/**
 * The three caseworker stories of test/e2e/stories.e2e-spec.ts, done through the web UI in
 * Japanese: register, record each fact with its form, and read the status, the deadlines and
 * the life-line change as of the dates the API tests check.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { startWebHarness, type WebHarness } from './browser.js';
import { deadlineRow, openAsOf, recordFact, registerResident } from './desk.js';

// A browser on a 2-core machine shared with other suites: generous per-test time, few tests.
jest.setTimeout(240_000);

let web: WebHarness;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  web = await startWebHarness();
  ({ context, page } = await web.signedIn('caseworker'));
}, 120_000);
afterAll(async () => {
  await context?.close();
  await web?.close();
});

describe('a Specified Skilled Worker supported by a support organisation (登録支援機関)', () => {
  let id: string;

  test('lands, settles and notifies the residence: the 14-day notice moved off a Saturday', async () => {
    id = await registerResident(page, { fullName: 'TRAN VAN BINH', dateOfBirth: '1998/7/21', nationality: 'vnm', externalRef: 'SSW-1' });
    await recordFact(page, '上陸許可', '2025-04-01', {
      在留資格: { choose: '特定技能1号' },
      在留期限: 'R8.3.31',
      '上陸港(任意)': 'Chubu',
      在留カード番号: 'sw 1000-0001 aa',
    });
    await recordFact(page, '住居地を定めた・転居', '令和7年4月5日', { 住居地: 'Nagoya' });
    await openAsOf(page, id, '2025-04-05');
    const notice = deadlineRow(page, 'residence_notification');
    await expect(notice.textContent()).resolves.toContain('2025年4月19日(土)');
    await expect(notice.textContent()).resolves.toContain('2025年4月21日(月)');
    await expect(notice.textContent()).resolves.toContain('対応期間中');
    await expect(page.getByTestId('card-number').textContent()).resolves.toBe('SW10000001AA');
    await recordFact(page, '住居地の届出', '2025-04-10', { 住居地: 'Nagoya' });
    await openAsOf(page, id, '2025-04-10');
    await expect(deadlineRow(page, 'residence_notification').getAttribute('data-state')).resolves.toBe('met');
  });

  test('loses the job: the warning and the 14-day notification; a new contract ends the risk', async () => {
    await recordFact(page, '所属機関の変更', '2025-10-31', {
      届出の区分: { choose: '契約機関' },
      変更の内容: { choose: '契約の終了' },
      '機関の名称(任意)': 'Tokai Foods',
    });
    await openAsOf(page, id, '2025-11-01');
    await expect(page.getByTestId('warning').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('契約が終了し')]),
    );
    await expect(deadlineRow(page, 'affiliation_notification').textContent()).resolves.toContain('2025年11月14日(金)');
    await expect(deadlineRow(page, 'activity_gap_revocation_risk').textContent()).resolves.toContain('2026年1月31日(土)');
    await recordFact(page, '所属機関の届出', '2025-11-07');
    await recordFact(page, '所属機関の変更', '2025-12-15', {
      届出の区分: { choose: '契約機関' },
      変更の内容: { choose: '新たな契約の締結' },
    });
    await openAsOf(page, id, '2025-12-15');
    await expect(deadlineRow(page, 'activity_gap_revocation_risk').getAttribute('data-state')).resolves.toBe('met');
    // 2025-12-29 falls in the New Year closure, then a Sunday: accepted until 2026-01-05.
    const notice = deadlineRow(page, 'affiliation_notification', 1);
    await expect(notice.textContent()).resolves.toContain('2025年12月29日(月)');
    await expect(notice.textContent()).resolves.toContain('2026年1月5日(月)');
    await recordFact(page, '所属機関の届出', '2025-12-20');
  });

  test('extends: the special period appears on the life-line, the grant brings a new card', async () => {
    await openAsOf(page, id, '2025-12-31');
    await expect(deadlineRow(page, 'period_renewal').textContent()).resolves.toContain('2026年1月1日(木)から申請可');
    await expect(page.locator('[data-band="special_period"]').count()).resolves.toBe(0);
    await recordFact(page, '在留期間更新の申請', '2026-02-02');
    await openAsOf(page, id, '2026-04-05');
    await expect(page.getByTestId('basis').textContent()).resolves.toBe('特例期間(審査中)');
    await expect(page.getByTestId('lawful-until').textContent()).resolves.toBe('2026年5月31日(日)');
    await expect(page.getByTestId('card-state').textContent()).resolves.toBe('有効');
    await expect(page.locator('[data-band="special_period"]').count()).resolves.toBe(1);
    await recordFact(page, '在留期間更新の許可', '2026-04-10', { 在留期限: '2027-04-10', 在留カード番号: 'SW10000002AA' });
    await page.goto('/cards');
    await page.getByLabel('在留カード番号').fill('SW1000-0001AA');
    await page.getByRole('button', { name: '照会する' }).click();
    await expect(page.getByTestId('card-reason').textContent()).resolves.toContain('新しいカードの交付');
    await page.getByTestId('card-result').getByText('TRAN VAN BINH').waitFor();
  });

  test('loses the card, gets it reissued, travels on a deemed re-entry and returns', async () => {
    await openAsOf(page, id, '2026-06-01');
    await recordFact(page, '在留カードの紛失', '2026-06-01');
    await openAsOf(page, id, '2026-06-05');
    await expect(page.getByTestId('warning').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringContaining('紛失')]));
    await recordFact(page, '在留カード交付', '2026-06-10', { 在留カード番号: 'SW10000003AA', 理由: { choose: '紛失等による再交付' } });
    await recordFact(page, '出国', '2026-08-01', { 再入国: { choose: 'みなし再入国許可' } });
    await openAsOf(page, id, '2026-08-10');
    await expect(page.getByTestId('basis').textContent()).resolves.toBe('みなし再入国で出国中');
    await expect(page.getByTestId('in-japan').textContent()).resolves.toBe('出国中');
    await expect(page.locator('[data-band="abroad"]').count()).resolves.toBe(1);
    await expect(deadlineRow(page, 'reentry').textContent()).resolves.toContain('2027年4月10日(土)');
    await recordFact(page, '再入国', '2026-08-20');
    await openAsOf(page, id, '2026-08-20');
    await expect(page.getByTestId('in-japan').textContent()).resolves.toBe('日本国内');
    await expect(page.getByTestId('card-number').textContent()).resolves.toBe('SW10000003AA');
    await expect(page.getByTestId('work').textContent()).resolves.toBe('在留資格の範囲内で就労可');
    // The stream's version is an internal word: not on the screen.
    await expect(page.getByText(/版 \d/).count()).resolves.toBe(0);
  });
});

describe('a student who changes to Engineer/Humanities/International after graduating', () => {
  test('28 hours a week as a student, then full time under the new status', async () => {
    const id = await registerResident(page, { fullName: 'LE THI HOA', dateOfBirth: '平成13年2月28日', nationality: 'VNM' });
    await recordFact(page, '上陸許可', '2024-04-01', {
      在留資格: { choose: '留学' },
      在留期限: '2026-04-30',
      在留カード番号: 'ST20000001AA',
    });
    await recordFact(page, '資格外活動許可', '2024-04-01', { 許可の種類: { choose: '包括許可(週28時間)' } });
    await openAsOf(page, id, '2025-01-10');
    await expect(page.getByTestId('work').textContent()).resolves.toBe('就労不可');
    await expect(page.getByTestId('hours').textContent()).resolves.toBe('資格外活動 週28時間まで');
    await recordFact(page, '所属機関の変更', '2026-03-20', {
      届出の区分: { choose: '活動機関' },
      変更の内容: { choose: '離脱(退学・退職など)' },
    });
    await recordFact(page, '在留資格変更の申請', '2026-03-25', { 変更後の在留資格: { choose: '技術・人文知識・国際業務' } });
    await openAsOf(page, id, '2026-05-10');
    await expect(page.getByTestId('basis').textContent()).resolves.toBe('特例期間(審査中)');
    await expect(page.getByTestId('status-name').textContent()).resolves.toBe('留学');
    await expect(page.getByTestId('lawful-until').textContent()).resolves.toBe('2026年6月30日(火)');
    await recordFact(page, '在留資格変更の許可', '2026-05-20', {
      在留資格: { choose: '技術・人文知識・国際業務' },
      '在留期限(任意)': '2029-05-20',
      在留カード番号: 'EH20000002AA',
    });
    await openAsOf(page, id, '2026-05-20');
    await expect(page.getByTestId('status-name').textContent()).resolves.toBe('技術・人文知識・国際業務');
    await expect(page.getByTestId('work').textContent()).resolves.toBe('在留資格の範囲内で就労可');
    await expect(page.getByTestId('hours').count()).resolves.toBe(0);
    await expect(deadlineRow(page, 'period_renewal', 0).getAttribute('data-state')).resolves.toBe('met');
    await expect(deadlineRow(page, 'period_renewal', 1).textContent()).resolves.toContain('2029年5月20日');
  });
});

describe('a permanent resident whose deemed re-entry lapses', () => {
  test('abroad more than a year: status and card lost the next day; the return is refused in Japanese (422)', async () => {
    const id = await registerResident(page, { fullName: 'SANTOS MARIA', dateOfBirth: 'S55.12.31', nationality: 'PHL' });
    await recordFact(page, '上陸許可', '2019-04-01', {
      在留資格: { choose: '日本人の配偶者等' },
      在留期限: '2024-04-01',
      在留カード番号: 'SP30000001AA',
    });
    await recordFact(page, '永住許可の申請', '2022-05-01');
    await recordFact(page, '永住許可', '2023-02-28', { 在留カード番号: 'PR30000002AA' });
    await recordFact(page, '出国', '2025-06-30', { 再入国: { choose: 'みなし再入国許可' } });
    await openAsOf(page, id, '2026-06-30');
    await expect(page.getByTestId('lawful').textContent()).resolves.toBe('適法な在留');
    await openAsOf(page, id, '2026-07-01');
    await expect(page.getByTestId('lawful').textContent()).resolves.toBe('在留の根拠がありません');
    await expect(page.getByTestId('card-state').textContent()).resolves.toBe('失効');
    await expect(deadlineRow(page, 'card_surrender').textContent()).resolves.toContain('2026年7月15日(水)');
    await expect(deadlineRow(page, 'reentry').getAttribute('data-state')).resolves.toBe('overdue');

    const form = page.getByRole('form', { name: '事実を記録する' });
    await page.getByRole('combobox', { name: '事実の種類' }).click();
    await page.getByRole('option', { name: '再入国', exact: true }).click();
    await form.getByLabel('発生日').fill('2026-07-02');
    await form.getByRole('button', { name: '記録する' }).click();
    await expect(form.getByTestId('record-error').textContent()).resolves.toBe(
      '再入国の期限を過ぎているため、再入国として記録できません。',
    );
  });
});
