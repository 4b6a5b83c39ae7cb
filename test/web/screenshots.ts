/**
 * `npm run screenshots`: the main screens, in Japanese, over a small seeded caseload and the
 * three caseworker stories' first resident, written to docs/screenshots/ (README and docs/web-ui.md show them).
 * Not part of `npm test` (its name does not end in .e2e-spec.ts).
 */
import { afterAll, beforeAll, jest, test } from '@jest/globals';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DigestRunner } from '../../apps/api/src/reminders/digest-runner.js';
import { startWebHarness, type WebHarness } from './browser.js';
import { choose } from './desk.js';
import { addDays } from '../../apps/web/src/dates/format-date.js';
import { registerSupportOrganisation, seedCaseload, seedSupportedWorkers, today } from './seed.js';

jest.setTimeout(600_000);
const target = process.env['SCREENSHOTS_DIR'] ?? 'docs/screenshots';
let web: WebHarness;

beforeAll(async () => {
  web = await startWebHarness('Sakura Support');
  await mkdir(target, { recursive: true });
}, 300_000);
afterAll(() => web?.close());

async function storyResident(): Promise<string> {
  const { api, org } = web;
  const id = await api.register(org.caseworker, {
    fullName: 'TRAN VAN BINH',
    dateOfBirth: '1998-07-21',
    nationality: 'VNM',
    externalRef: 'SSW-1',
  });
  const record = (type: string, occurredOn: string, data: Record<string, unknown> = {}) =>
    api.record(org.caseworker, id, type, occurredOn, data).expect(201);
  await record('Landed', '2025-04-01', {
    status: 'specified_skilled_worker_1',
    periodExpiresOn: '2026-03-31',
    port: 'Chubu',
    card: { number: 'SW10000001AA' },
  });
  await record('Moved', '2025-04-05', { address: 'Nagoya' });
  await record('ResidenceNotified', '2025-04-10', { address: 'Nagoya' });
  await record('AffiliationChanged', '2025-10-31', { kind: 'contract', change: 'contract_ended', organisation: 'Tokai Foods' });
  await record('AffiliationNotified', '2025-11-07');
  await record('AffiliationChanged', '2025-12-15', { kind: 'contract', change: 'new_contract', organisation: 'Chubu Care' });
  await record('AffiliationNotified', '2025-12-20');
  await record('ExtensionApplied', '2026-02-02');
  await record('ExtensionGranted', '2026-04-10', { periodExpiresOn: '2027-04-10', card: { number: 'SW10000002AA' } });
  await record('Departed', '2026-08-01', { reentry: 'deemed' });
  await record('Reentered', '2026-08-20');
  return id;
}

test('screenshots of the main screens', async () => {
  await seedCaseload(web.api, web.org, 30, 'Nguyen');
  await seedSupportedWorkers(web.api, web.org, 6);
  await registerSupportOrganisation(web.api, web.org);
  const id = await storyResident();
  const { context, page } = await web.signedIn('manager', { width: 1280, height: 900 });
  const shot = async (name: string, path: string, ready: () => Promise<unknown>, fullPage = true) => {
    await page.goto(path);
    await ready();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(target, `${name}.png`), fullPage });
  };
  await shot('board', '/', () => page.getByTestId('deadline-row').first().waitFor(), false);
  // The employers' filings, one block per employer; then what the organisation itself owes.
  await choose(page, '義務者', '所属機関');
  await page.getByText('所属機関ごと').click();
  await page.locator('[data-testid="board-counts"][aria-busy="false"]').waitFor();
  await page.locator('[data-testid="deadline-row"]:not([data-owed-by="employer"])').waitFor({ state: 'detached' });
  await page.screenshot({ path: join(target, 'board-employer-filings.png') });
  await page.goto('/');
  await choose(page, '義務者', '登録支援機関');
  await page.locator('[data-testid="board-counts"][aria-busy="false"]').waitFor();
  // The list is virtualised: scroll until the registration renewal is drawn, and show it at the top.
  const renewal = page.locator('[data-testid="deadline-row"][data-kind="support_registration_renewal"]');
  for (let step = 0; step < 40 && (await renewal.count()) === 0; step++)
    await page.getByRole('region', { name: 'ケース一覧' }).evaluate((list) => list.scrollBy(0, 300));
  await renewal.evaluate((row) => {
    row.closest('[role="listitem"]')!.scrollIntoView({ block: 'center' });
    window.scrollTo(0, 0);
  });
  await page.screenshot({ path: join(target, 'board-organisation.png') });
  await shot('resident', `/residents/${id}?asOf=${today}`, () => page.getByTestId('lifeline').waitFor());
  await shot('resident-special-period', `/residents/${id}?asOf=2026-04-05`, () => page.getByTestId('lifeline').waitFor(), false);
  await shot('residents', '/residents', () => page.getByTestId('residents-table').waitFor(), false);
  await page.goto(`/residents/${id}`);
  await page.getByRole('combobox', { name: '事実の種類' }).click();
  await page.getByRole('option', { name: '在留期間更新の許可', exact: true }).click();
  await page.getByRole('form', { name: '事実を記録する' }).getByLabel('発生日').fill('令和8年4月1日');
  await page.locator('#record').scrollIntoViewIfNeeded();
  await page.locator('#record').screenshot({ path: join(target, 'record-fact.png') });
  await page.goto('/cards');
  await page.getByLabel('在留カード番号').fill('sw1000-0001aa');
  await page.getByRole('button', { name: '照会する' }).click();
  await page.getByTestId('card-result').waitFor();
  await page.screenshot({ path: join(target, 'card-lookup.png') });
  // Notifications: this morning's digest (closed days not skipped, so any day of the week has one).
  await page.request.put('/v1/me/reminders', {
    data: { skipClosedDays: false, sendAt: '07:30' },
    headers: { 'X-CSRF-Token': ((await (await page.request.get('/v1/me')).json()) as { csrfToken: string }).csrfToken },
  });
  await web.api.app.get(DigestRunner).runDue(new Date(`${today}T07:45:00+09:00`));
  await shot('notifications', '/notifications', () => page.getByTestId('digest-body').waitFor(), false);
  await context.close();
  const signedOut = await web.browser.newContext({ baseURL: web.baseUrl, viewport: { width: 1280, height: 800 } });
  const signIn = await signedOut.newPage();
  await signIn.goto('/');
  await signIn.getByRole('heading', { name: 'サインイン' }).waitFor();
  await signIn.screenshot({ path: join(target, 'sign-in.png') });
  await signedOut.close();
  const tablet = await web.signedIn('manager', { width: 768, height: 1024 });
  await tablet.page.goto(`/residents/${id}`);
  await tablet.page.getByTestId('lifeline').waitFor();
  await tablet.page.screenshot({ path: join(target, 'resident-768.png') });
  await tablet.context.close();
});

/** The desk in Japanese at 1280 and 390 px: same-name residents told apart, a lost card, registration, a viewer's page. */
test('screenshots of the Japanese desk and the viewer', async () => {
  const { api, org } = web;
  const caseworker = await web.person('caseworker');
  const employer = (
    await api.http.post('/v1/employers').auth(org.caseworker, { type: 'bearer' }).send({ name: '瀬戸内フーズ株式会社' }).expect(201)
  ).body as { id: string };
  const landed = (id: string, card: string) =>
    api
      .record(org.caseworker, id, 'Landed', addDays(today, -60), {
        status: 'specified_skilled_worker_1',
        periodExpiresOn: addDays(today, 300),
        card: { number: card },
      })
      .expect(201);
  const twin = await api.register(org.caseworker, {
    fullName: 'DO VAN HUNG',
    dateOfBirth: '1996-04-02',
    nationality: 'VNM',
    gender: 'male',
    employer: employer.id,
    assignedTo: caseworker.userId,
  });
  const other = await api.register(org.caseworker, { fullName: 'DO VAN HUNG', dateOfBirth: '1999-11-30', nationality: 'PHL' });
  const lost = await api.register(org.caseworker, {
    fullName: 'LE THI LAN',
    dateOfBirth: '2000-01-15',
    nationality: 'VNM',
    gender: 'female',
  });
  await landed(twin, 'SE10000001AA');
  await landed(other, 'SE10000002AA');
  await landed(lost, 'SE10000003AA');
  await api.record(org.caseworker, lost, 'CardLost', addDays(today, -3)).expect(201);

  for (const width of [1280, 390]) {
    const { context, page } = await web.signedIn('manager', { width, height: width > 500 ? 900 : 844 });
    await page.goto('/residents');
    await page.getByTestId('resident-search').fill('DO VAN HUNG');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="residents-table"] tbody tr').length === 2);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(target, `residents-same-name-${width}.png`) });
    await page.goto(`/residents/${lost}`);
    await page.getByTestId('reissue-by').waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(target, `resident-lost-card-${width}.png`) });
    await page.goto('/residents/new');
    await page.getByTestId('nationality').fill('ベトナム');
    await page.getByTestId('gender').click();
    await page.getByRole('option', { name: '女性' }).waitFor();
    await page.screenshot({ path: join(target, `register-${width}.png`) });
    await context.close();
  }
  const viewer = await web.signedIn('viewer', { width: 1280, height: 900 });
  await viewer.page.goto(`/residents/${twin}`);
  await viewer.page.getByTestId('history-table').waitFor();
  await viewer.page.waitForLoadState('networkidle');
  await viewer.page.screenshot({ path: join(target, 'resident-viewer-1280.png'), fullPage: true });
  await viewer.context.close();
});

/**
 * Every screen at 1280 and 390 px (`desk-<screen>-<width>.png`), to look at: on a phone the
 * title keeps its line, tables scroll in their own frame or become cards, badges are whole.
 * Then the board in 和暦 and the life-line in English on a phone.
 */
test('screenshots of every screen at 1280 and 390 px', async () => {
  const story = (await web.api.http.get('/v1/residents?query=TRAN%20VAN%20BINH').auth(web.org.viewer, { type: 'bearer' }).expect(200)).body
    .items[0].id as string;
  const screens: Array<[string, string, string]> = [
    ['board', '/', '[data-testid="deadline-row"]'],
    ['residents', '/residents', '[data-testid="residents-table"]'],
    ['resident', `/residents/${story}`, '[data-testid="lifeline"]'],
    ['ssw', '/ssw', 'main h2'],
    ['matters', '/matters', 'main h2'],
    ['imports', '/imports', 'main h2'],
    ['settings', '/settings', 'main h2'],
    ['cards', '/cards', 'main h2'],
    ['notifications', '/notifications', 'main h2'],
  ];
  for (const width of [1280, 390]) {
    const { context, page } = await web.signedIn('manager', { width, height: width > 500 ? 900 : 844 });
    for (const [name, path, ready] of screens) {
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(target, `desk-${name}-${width}.png`) });
    }
    // 和暦 chosen in the menu (behind the burger on a phone).
    if (width < 500) await page.getByRole('button', { name: 'メインメニュー' }).click();
    await page.locator('label', { hasText: /^和暦$/ }).click();
    await page.goto('/');
    await page.getByTestId('deadline-row').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(target, `desk-board-wareki-${width}.png`) });
    await page.goto(`/residents/${story}`);
    await page.getByTestId('as-of').click();
    await page.locator('[class*="calendarHeaderLevel"]').first().waitFor();
    await page.screenshot({ path: join(target, `desk-resident-picker-${width}.png`) });
    await page.keyboard.press('Escape');
    if (width < 500) await page.getByRole('button', { name: 'メインメニュー' }).click();
    await page.locator('label', { hasText: /^西暦$/ }).click();
    if (width < 500) {
      await page.locator('label', { hasText: /^English$/ }).click();
      await page.goto(`/residents/${story}`);
      await page.getByTestId('lifeline').waitFor();
      await page.getByTestId('lifeline').scrollIntoViewIfNeeded();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: join(target, `desk-lifeline-en-${width}.png`) });
    }
    await context.close();
  }
});
