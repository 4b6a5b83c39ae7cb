/**
 * What a caseworker does at the desk, as browser steps on the Japanese UI: register a
 * resident, record a fact through its form, read the status and deadlines as of a date.
 */
import type { Locator, Page } from 'playwright-core';

export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: false }).first().click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

export async function registerResident(
  page: Page,
  person: { fullName: string; dateOfBirth: string; nationality: string; externalRef?: string },
): Promise<string> {
  await page.getByRole('link', { name: '在留者を登録' }).first().click();
  await page.getByLabel('氏名(旅券のとおり)').fill(person.fullName);
  await page.getByLabel('生年月日').fill(person.dateOfBirth);
  await page.getByTestId('nationality').fill(person.nationality);
  if (person.externalRef) await page.getByLabel('管理番号').fill(person.externalRef);
  await page.getByRole('button', { name: '登録する' }).click();
  await page.getByTestId('resident-name').filter({ hasText: person.fullName }).waitFor();
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

export type FieldValue = string | { choose: string } | { check: true };

/** Fills the record form for one fact (labels as the caseworker sees them) and saves it. */
export async function recordFact(page: Page, type: string, occurredOn: string, fields: Record<string, FieldValue> = {}): Promise<void> {
  const form = page.getByRole('form', { name: '事実を記録する' });
  await choose(page, '事実の種類', type);
  await form.getByLabel('発生日').fill(occurredOn);
  for (const [label, value] of Object.entries(fields)) {
    if (typeof value === 'string') await form.getByLabel(label, { exact: false }).first().fill(value);
    else if ('choose' in value) await choose(page, label, value.choose);
    else await form.getByLabel(label).check();
  }
  await form.getByRole('button', { name: '記録する' }).click();
  await form.getByText('記録しました。').waitFor();
}

/** Moves the loaded app to `path` as its links do: its router, no new document. */
async function moveInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, path);
}

/**
 * A screen the app shows without a write before it (the lists, settings, a resident as it is),
 * moved to in the app: a fresh load of the app costs the browser ~0.7 s of CPU here against
 * ~0.1 s for this, and the browser tests are CPU-bound on two cores. Done when the screen's own
 * heading has replaced the last one, nothing is loading and nothing is being read.
 */
export async function openScreen(page: Page, path: string): Promise<void> {
  const at = new URL(page.url());
  if (at.pathname + at.search !== path) {
    await page.evaluate(() => document.querySelectorAll('h2').forEach((heading) => heading.setAttribute('data-left', '')));
    await moveInApp(page, path);
  }
  await page.locator('h2:not([data-left])').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main .mantine-Loader-root'));
  await page.locator('main[aria-busy="false"]').waitFor();
}

/** The resident pages (resident and date) each browser page has shown: a second visit is loaded afresh. */
const shown = new WeakMap<Page, Set<string>>();

/**
 * The resident's page as of a date. On that resident's page already, the date is moved in the
 * app (as the date picker does), which reads the new date's status and deadlines. A date shown
 * before in this page, whose answers the app may hold from before a write, and any other page,
 * are loaded afresh. Done when the deadlines of that date are on screen and nothing is being
 * read (main's aria-busy).
 */
export async function openAsOf(page: Page, residentId: string, asOf: string): Promise<void> {
  const path = `/residents/${residentId}?asOf=${asOf}`;
  const seen = shown.get(page) ?? new Set<string>();
  shown.set(page, seen);
  if (new URL(page.url()).pathname === `/residents/${residentId}` && !seen.has(path)) await moveInApp(page, path);
  else await page.goto(path);
  seen.add(path);
  await page.locator(`[data-as-of="${asOf}"]`).first().waitFor();
  await page.locator('main[aria-busy="false"]').waitFor();
}

/** The deadlines table's row of one kind (the n-th, in due order). */
export function deadlineRow(page: Page, kind: string, nth = 0): Locator {
  return page.locator(`[data-testid="deadlines-table"] tr[data-kind="${kind}"]`).nth(nth);
}
