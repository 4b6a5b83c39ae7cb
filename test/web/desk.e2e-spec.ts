/// <reference lib="dom" />
/**
 * The desk through the browser: the board's groups and filters over a caseload (who owes it
 * and the employer asked of the server; the organisation's own registration on it), a field
 * error and a 422 in Japanese, a conflict when two people edit one resident.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { startWebHarness, type WebHarness } from './browser.js';
import { choose, openAsOf } from './desk.js';
import { registerSupportOrganisation, seedCaseload, seedSupportedWorkers, type Seeded, type SupportedWorkers } from './seed.js';

jest.setTimeout(240_000);

let web: WebHarness;
let context: BrowserContext;
let page: Page;
let caseload: Seeded;
let workers: SupportedWorkers;

beforeAll(async () => {
  web = await startWebHarness('Chubu Support');
  caseload = await seedCaseload(web.api, web.org, 40);
  workers = await seedSupportedWorkers(web.api, web.org, 4);
  await registerSupportOrganisation(web.api, web.org);
  ({ context, page } = await web.signedIn('manager'));
}, 240_000);
afterAll(async () => {
  await context?.close();
  await web?.close();
});

const count = async (group: string) => Number(((await page.getByTestId(`count-${group}`).textContent()) ?? '').split(':').at(-1));

describe('the caseload board', () => {
  test('groups the caseload with counts and colours, and filters in place', async () => {
    await page.goto('/');
    await page.getByTestId('deadline-row').first().waitFor();
    const overdue = await count('overdue');
    const week = await count('thisWeek');
    expect(overdue).toBeGreaterThan(0);
    expect(week).toBeGreaterThan(0);
    await expect(page.locator('[data-testid="deadline-row"][data-tone="red"]').count()).resolves.toBeGreaterThan(0);

    // A filter answers at once, without a reload: the page keeps its state.
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await choose(page, '手続の種類', '所属機関等に関する届出');
    await expect(page.locator('[data-testid="deadline-row"]:not([data-kind="affiliation_notification"])').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="deadline-row"]').count()).resolves.toBeGreaterThan(0);
    expect(await count('overdue')).toBeLessThan(overdue + week);
    await choose(page, '状態', '期限超過');
    await expect(page.locator('[data-testid="deadline-row"]:not([data-tone="red"])').count()).resolves.toBe(0);
    // Open and due within 14 days: amber.
    await page.getByRole('button', { name: '条件を解除' }).click();
    await choose(page, '状態', '対応期間中');
    await expect(page.locator('[data-testid="deadline-row"][data-tone="amber"]').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('[data-testid="deadline-row"][data-tone="red"]').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '条件を解除' }).click();
    expect(await count('overdue')).toBe(overdue);
    await expect(page.evaluate(() => (window as unknown as { marker?: number }).marker)).resolves.toBe(42);
  });

  test('the list is virtualised: far fewer rows in the page than in the caseload', async () => {
    await page.goto('/');
    await page.getByTestId('deadline-row').first().waitFor();
    const total =
      (await count('overdue')) +
      (await count('thisWeek')) +
      (await count('within30')) +
      (await count('within90')) +
      (await count('windowsOpening'));
    const inDom = await page.getByTestId('deadline-row').count();
    expect(total).toBeGreaterThan(60);
    expect(inDom).toBeLessThan(total / 2);
  });
});

describe("the board asks the server who owes what; the organisation's own registration is on it", () => {
  /** Waits for GET /v1/deadlines with these query parameters, and for the board to show its answer. */
  const asked = async (change: () => Promise<void>, expected: Record<string, string>) => {
    const request = page.waitForRequest((r) => {
      const url = new URL(r.url());
      return url.pathname === '/v1/deadlines' && Object.entries(expected).every(([name, value]) => url.searchParams.get(name) === value);
    });
    await change();
    await (await request).response();
    await page.locator('[data-testid="board-counts"][aria-busy="false"]').waitFor();
  };

  test('owedBy=employer: only the employers’ filings; employer=: only that employer’s, by record id', async () => {
    await page.goto('/');
    await page.getByTestId('deadline-row').first().waitFor();
    await asked(() => choose(page, '義務者', '所属機関'), { owedBy: 'employer' });
    const rows = page.getByTestId('deadline-row');
    await expect(rows.count()).resolves.toBeGreaterThanOrEqual(workers.ids.length);
    await expect(page.locator('[data-testid="deadline-row"]:not([data-owed-by="employer"])').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid="deadline-row"][data-kind="ssw_support_contract_notification"]').count()).resolves.toBe(
      workers.ids.length,
    );

    const tokai = workers.employers[0]!;
    await asked(() => choose(page, '所属機関', tokai.name), { owedBy: 'employer', employer: tokai.id });
    const texts = await rows.allTextContents();
    expect(texts).toHaveLength(workers.ids.length / 2);
    for (const text of texts) expect(text).toContain(`（${tokai.name}）`);
    await page.getByRole('button', { name: '条件を解除' }).click();
    await page.locator('[data-testid="deadline-row"][data-owed-by="resident"]').first().waitFor();
  });

  test('the registration renewal (residentId null): who owes it, its legal basis, and no link to a resident', async () => {
    await page.goto('/');
    await page.getByTestId('deadline-row').first().waitFor();
    await asked(() => choose(page, '義務者', '登録支援機関'), { owedBy: 'organisation' });
    const own = page.locator('[data-testid="deadline-row"][data-kind="support_registration_renewal"]');
    await expect(own.count()).resolves.toBe(1);
    await expect(own.textContent()).resolves.toEqual(
      expect.stringMatching(/当機関（登録支援機関）.*登録支援機関の登録更新申請.*根拠: 入管法19条の23/),
    );
    await expect(own.locator('a').count()).resolves.toBe(0);
    // A manager's 対応する records it on the organisation (organisation-desk.e2e-spec.ts), not on a resident.
    await expect(own.getByRole('button').allTextContents()).resolves.toEqual(['対応する']);
    // The organisation's interviews and orientations are the other rows it owes.
    await expect(page.locator('[data-testid="deadline-row"]:not([data-owed-by="organisation"])').count()).resolves.toBe(0);
  });
});

describe('recording a fact', () => {
  test('the API’s field error on its field, a 422 as a Japanese sentence', async () => {
    const id = caseload.ids[2]!;
    await openAsOf(page, id, '2026-11-01');
    const form = page.getByRole('form', { name: '事実を記録する' });
    await choose(page, '事実の種類', '在留カード交付');
    await form.getByLabel('発生日').fill('2026/11/1');
    await form.getByLabel('在留カード番号').fill('ab12-34');
    await choose(page, '理由', '交換希望');
    await form.getByRole('button', { name: '記録する' }).click();
    await form.getByText('この項目の値が正しくありません', { exact: false }).first().waitFor();

    await choose(page, '事実の種類', '在留期間更新の許可');
    await form.getByLabel('発生日').fill('令和8年11月1日');
    await form.getByLabel('在留期限').fill('2027-11-01');
    await form.getByLabel('在留カード番号').fill('ZZ99999999ZZ');
    await form.getByRole('button', { name: '記録する' }).click();
    await expect(form.getByTestId('record-error').textContent()).resolves.toBe(
      '対応する申請の記録がありません。先に申請を記録してください。',
    );
  });

  test('two people edit one resident: the second sees a clear conflict, reloads and records', async () => {
    const id = caseload.ids[3]!;
    const other = await web.signedIn('caseworker');
    try {
      await openAsOf(page, id, '2026-11-20');
      await openAsOf(other.page, id, '2026-11-20');
      const moved = async (p: Page, address: string) => {
        const form = p.getByRole('form', { name: '事実を記録する' });
        await choose(p, '事実の種類', '住居地を定めた・転居');
        await form.getByLabel('発生日').fill('2026-11-15');
        await form.getByLabel('住居地').fill(address);
        await form.getByRole('button', { name: '記録する' }).click();
        return form;
      };
      await (await moved(other.page, 'Gifu')).getByText('記録しました。').waitFor();
      const form = await moved(page, 'Tsu');
      await form.getByText('他の人が先に記録しました').waitFor();
      await form.getByRole('button', { name: '最新の内容を読み込む' }).click();
      await page.getByRole('row').filter({ hasText: 'Gifu' }).first().waitFor();
      await form.getByRole('button', { name: '記録する' }).click();
      await form.getByText('記録しました。').waitFor();
      await page.getByRole('row').filter({ hasText: 'Tsu' }).first().waitFor();
    } finally {
      await other.context.close();
    }
  });
});
