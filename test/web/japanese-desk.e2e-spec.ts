/// <reference lib="dom" />
/**
 * The desk in Japanese and by role: no English word on a Japanese screen (outside what the
 * test itself typed and a short allow-list), nationalities and 性別 in words, a lost card that
 * is still valid said so, people with the same name told apart in the list, and a viewer who
 * sees no control to write with while a caseworker does.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { startWebHarness, type WebHarness } from './browser.js';
import { choose, openScreen, registerResident } from './desk.js';
import { englishWords as englishOn } from './english-words.js';
import { nextWorkingDayFrom, type LocalDate } from '@zairyu/domain';
import { addDays } from '../../apps/web/src/dates/format-date.js';
import { daysAgo, today } from './seed.js';

jest.setTimeout(300_000);

const ORGANISATION = 'Setouchi Support';
/** What the test typed (names, references, card numbers, the organisation) and names no translation changes. */
const TYPED = [ORGANISATION, 'NGUYEN VAN NAM', 'LE THI LAN', 'PHAM VAN TAM', 'Okayama', 'Kurashiki', 'SET-1', 'SET-2'];
/** The harness names the organisation's API keys by their roles: in the key table, those are names it typed. */
const KEY_LABELS = ['manager', 'caseworker', 'viewer'];
let web: WebHarness;
let ids: { lost: string; twin: string; other: string };
let employer: { id: string; name: string };

beforeAll(async () => {
  web = await startWebHarness(ORGANISATION);
  const { api, org } = web;
  const caseworker = await web.person('caseworker');
  employer = (
    await api.http.post('/v1/employers').auth(org.caseworker, { type: 'bearer' }).send({ name: '瀬戸内フーズ株式会社' }).expect(201)
  ).body as { id: string; name: string };
  const landed = async (id: string, card: string) =>
    api
      .record(org.caseworker, id, 'Landed', daysAgo(60), {
        status: 'specified_skilled_worker_1',
        periodExpiresOn: addDays(today, 300),
        card: { number: card },
      })
      .expect(201);
  // Two people with the same name: one at the employer (named by its record's id, as an import
  // writes it) and in a caseworker's charge, the other born another day with nobody in charge.
  const twin = await api.register(org.caseworker, {
    fullName: 'NGUYEN VAN NAM',
    dateOfBirth: '1996-04-02',
    nationality: 'VNM',
    gender: 'male',
    externalRef: 'SET-1',
    employer: employer.id,
    assignedTo: caseworker.userId,
  });
  const other = await api.register(org.caseworker, {
    fullName: 'NGUYEN VAN NAM',
    dateOfBirth: '1999-11-30',
    nationality: 'PHL',
    externalRef: 'SET-2',
  });
  const lost = await api.register(org.caseworker, {
    fullName: 'LE THI LAN',
    dateOfBirth: '2000-01-15',
    nationality: 'VNM',
    gender: 'female',
  });
  await landed(twin, 'SE10000001AA');
  await landed(other, 'SE10000002AA');
  await landed(lost, 'SE10000003AA');
  await api.record(org.caseworker, twin, 'Moved', daysAgo(50), { address: 'Okayama' }).expect(201);
  await api.record(org.caseworker, lost, 'Moved', daysAgo(50), { address: 'Kurashiki' }).expect(201);
  await api.record(org.caseworker, lost, 'CardLost', daysAgo(3)).expect(201);
  ids = { lost, twin, other };
}, 240_000);
afterAll(() => web?.close());

const englishWords = (page: Page) => englishOn(page, { typed: TYPED, cells: KEY_LABELS });

describe('a Japanese screen has no English on it', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ({ context, page } = await web.signedIn('manager'));
  });
  afterAll(() => context?.close());

  test('the main screens, a resident with a lost card and the history, in Japanese only', async () => {
    const found: string[] = [];
    for (const path of [
      '/',
      '/residents',
      '/residents/new',
      `/residents/${ids.lost}`,
      `/residents/${ids.twin}`,
      '/cards',
      '/notifications',
      '/imports',
      '/settings',
      '/ssw',
      '/matters',
    ]) {
      await openScreen(page, path);
      for (const word of await englishWords(page)) found.push(`${path}: ${word}`);
    }
    expect(found).toEqual([]);
  });

  test('nationality and 性別 in words; a lost card still valid says 有効・紛失中 with its reissue deadline; no stream version', async () => {
    await openScreen(page, `/residents/${ids.lost}`);
    await expect(
      page
        .getByText('国籍・地域: ベトナム')
        .or(page.getByText(/国籍: ベトナム/))
        .count(),
    ).resolves.toBeGreaterThan(0);
    await expect(page.getByTestId('card-state').textContent()).resolves.toBe('有効・紛失中');
    // Lost 3 days ago: the application for a new card is due 14 days after the loss, moved to the
    // next working day when that is a weekend or holiday (行政機関の休日に関する法律 第2条).
    const reissueBy = nextWorkingDayFrom(addDays(daysAgo(3), 14) as LocalDate);
    await expect(page.getByTestId('reissue-by').textContent()).resolves.toContain(`${Number(reissueBy.slice(8))}日`);
    await expect(page.getByTestId('history-table').textContent()).resolves.toContain('性別: 女性');
    await expect(page.getByText(/版 \d/).count()).resolves.toBe(0);
  });

  test('registration takes ベトナム as the import does, and 性別 from a choice', async () => {
    await page.goto('/residents');
    const id = await registerResident(page, { fullName: 'PHAM VAN TAM', dateOfBirth: '2001/2/3', nationality: 'ベトナム' });
    await page.goto(`/residents/${id}`);
    await page.getByTestId('resident-name').waitFor();
    await expect(page.getByText(/ベトナム/).count()).resolves.toBeGreaterThan(0);
    const registered = await web.api.http.get(`/v1/residents/${id}`).auth(web.org.viewer, { type: 'bearer' }).expect(200);
    expect(registered.body.nationality).toBe('VNM');

    await page.goto('/residents/new');
    await page.getByTestId('nationality').fill('ベトナムン');
    await page.getByRole('button', { name: '登録する' }).click();
    await page.getByText('この国名・地域名が見つかりません。候補から選んでください。').waitFor();
    await page.getByTestId('gender').click();
    await expect(page.getByRole('option').allTextContents()).resolves.toEqual(['女性', '男性']);
  });

  test('people with the same name are told apart: date of birth, employer by name, caseworker', async () => {
    await openScreen(page, '/residents');
    await page.getByTestId('resident-search').fill('NGUYEN VAN NAM');
    const rows = page.getByTestId('residents-table').locator('tbody tr');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="residents-table"] tbody tr').length === 2);
    const cells = async (testId: string) => (await rows.getByTestId(testId).allTextContents()).sort();
    await expect(cells('date-of-birth')).resolves.toEqual(['1996年4月2日(火)生', '1999年11月30日(火)生'].sort());
    await expect(cells('employer')).resolves.toEqual(['—', '瀬戸内フーズ株式会社'].sort());
    await expect(cells('assignee')).resolves.toEqual(['—', '田中 ゆき'].sort());
  });
});

describe('the board and dates as the person reads them', () => {
  test('each row names its caseworker and 担当者 keeps theirs; the state reads 対応期間中, never 受付中', async () => {
    const { context, page } = await web.signedIn('manager');
    try {
      await openScreen(page, '/');
      await page.getByTestId('deadline-assignee').first().waitFor();
      await expect(page.getByTestId('deadline-assignee').first().textContent()).resolves.toBe('担当者: 田中 ゆき');
      await expect(page.getByText('受付中').count()).resolves.toBe(0);
      const names = () => page.locator('[data-testid="deadline-row"] > div:first-child a').allTextContents();
      expect(new Set(await names())).toEqual(new Set(['NGUYEN VAN NAM', 'LE THI LAN']));
      await choose(page, '担当者', '田中 ゆき');
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="deadline-row"] > div:first-child a')].every((a) => a.textContent === 'NGUYEN VAN NAM'),
      );
      const rows = await page.getByTestId('deadline-row').count();
      expect(rows).toBeGreaterThan(0);
      await expect(page.getByTestId('deadline-assignee').count()).resolves.toBe(rows);
    } finally {
      await context.close();
    }
  });

  test('和暦 chosen in the menu: the board and the resident page show 令和; the picker heads its month 令和8年12月 or, in 西暦, 2026年12月', async () => {
    const { context, page } = await web.signedIn('caseworker');
    try {
      const [y, m] = today.split('-').map(Number) as [number, number];
      await openScreen(page, `/residents/${ids.twin}`);
      await page.getByTestId('as-of').click();
      const heading = page.locator('[class*="calendarHeaderLevel"]').first();
      await expect(heading.textContent()).resolves.toBe(`${y}年${m}月`);
      await page.keyboard.press('Escape');

      await page.locator('label', { hasText: /^和暦$/ }).click();
      await page.getByTestId('resident-name').waitFor();
      await expect(page.getByText(/生年月日: 平成8年4月2日\(火\)/).count()).resolves.toBeGreaterThan(0);
      await page.getByTestId('as-of').click();
      await expect(heading.textContent()).resolves.toBe(`令和${y - 2018}年${m}月`);
      await page.keyboard.press('Escape');
      await openScreen(page, '/');
      await expect(page.getByText(new RegExp(`令和${y - 2018}年`)).count()).resolves.toBeGreaterThan(0);
      // The choice stays with the person on this browser.
      await page.reload();
      await page.getByTestId('deadline-row').first().waitFor();
      await expect(page.getByText(new RegExp(`令和${y - 2018}年`)).count()).resolves.toBeGreaterThan(0);
      await page.locator('label', { hasText: /^西暦$/ }).click();
    } finally {
      await context.close();
    }
  });
  test('on a phone in English the life-line names its lanes within the margin left of the bands (no overlap)', async () => {
    const { context, page } = await web.signedIn('caseworker', { width: 390, height: 844 });
    try {
      await page.goto(`/residents/${ids.twin}`);
      await page.getByTestId('lifeline').waitFor();
      await page.getByRole('button', { name: 'メインメニュー' }).click();
      await page.locator('label', { hasText: /^English$/ }).click();
      await page.getByRole('heading', { name: 'Life-line' }).waitFor();
      const overlaps = await page.evaluate(() => {
        const firstBand = Math.min(
          ...[...document.querySelectorAll('[data-testid="lifeline"] rect')].map((r) => (r as SVGRectElement).x.baseVal.value),
        );
        return [...document.querySelectorAll('[data-lane-label]')]
          .map((label) => ({
            text: label.textContent,
            right: (label as SVGTextElement).getBBox().x + (label as SVGTextElement).getBBox().width,
          }))
          .filter((label) => label.right > firstBand - 2);
      });
      expect(overlaps).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the screens follow the API roles', () => {
  const controls = async (page: Page) => ({
    registerLink: await page.getByRole('link', { name: '在留者を登録' }).count(),
    recordForm: await page.getByRole('form', { name: '事実を記録する' }).count(),
    caseActions: await page.getByRole('button', { name: '登録内容を訂正' }).count(),
    retract: await page.getByRole('button', { name: /^取り消す/ }).count(),
  });

  test('a viewer sees no control to write with: no register, record, correct, retract or 対応する; exports stay', async () => {
    const { context, page } = await web.signedIn('viewer');
    try {
      await openScreen(page, `/residents/${ids.twin}`);
      await page.getByTestId('history-table').waitFor();
      await expect(controls(page)).resolves.toEqual({ registerLink: 0, recordForm: 0, caseActions: 0, retract: 0 });
      await openScreen(page, '/residents');
      await expect(page.getByRole('link', { name: '在留者を登録' }).count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: /CSV/ }).count()).resolves.toBeGreaterThan(0);
      await openScreen(page, '/');
      await page
        .getByRole('link', { name: /LE THI LAN/ })
        .first()
        .waitFor();
      await expect(page.getByRole('link', { name: /^対応する/ }).count()).resolves.toBe(0);
      await openScreen(page, '/residents/new');
      await page.getByText('閲覧者は登録できません').waitFor();
      await expect(page.getByRole('button', { name: '登録する' }).count()).resolves.toBe(0);
      await openScreen(page, '/imports');
      await expect(page.getByRole('button', { name: /試し取込/ }).count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });

  test('a caseworker sees them', async () => {
    const { context, page } = await web.signedIn('caseworker');
    try {
      await openScreen(page, `/residents/${ids.twin}`);
      await page.getByTestId('history-table').waitFor();
      const seen = await controls(page);
      expect(seen.registerLink).toBeGreaterThan(0);
      expect(seen.recordForm).toBe(1);
      expect(seen.caseActions).toBe(1);
      expect(seen.retract).toBeGreaterThan(0);
      await openScreen(page, '/');
      await page
        .getByRole('link', { name: /LE THI LAN/ })
        .first()
        .waitFor();
      await expect(page.getByRole('link', { name: /^対応する/ }).count()).resolves.toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
