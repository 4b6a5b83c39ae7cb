/// <reference lib="dom" />
/**
 * Accessibility and fit: axe on every screen (no serious or critical violation) at 1280 and
 * 390 px and, for the rules that depend on layout, at 768 px; no sideways scrolling on a tablet or a phone (wide tables scroll inside their own
 * frame), the title on one line and no badge cut short on a phone, the keyboard and its
 * visible focus ring.
 */
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { axe } from './axe.js';
import { startWebHarness, type WebHarness } from './browser.js';
import { openScreen } from './desk.js';
import { seedCaseload, type Seeded } from './seed.js';

jest.setTimeout(300_000);

let web: WebHarness;
let context: BrowserContext;
let page: Page;
let caseload: Seeded;

beforeAll(async () => {
  web = await startWebHarness('Kinki Support');
  caseload = await seedCaseload(web.api, web.org, 8);
  ({ context, page } = await web.signedIn('manager'));
}, 240_000);
afterAll(async () => {
  await context?.close();
  await web?.close();
});

/**
 * At 768 px the screens show what they show at 1280 (the menu and every `visibleFrom`/`hiddenFrom`
 * switch at 'sm', 768 px, or above it, at 'md', only hiding more), with the same styles: only the
 * geometry differs, so only the rules that depend on it are run again there.
 */
const GEOMETRY_RULES = ['scrollable-region-focusable', 'target-size'];

/** Serious and critical violations, each with where and (for contrast) the colours axe measured. */
async function violations(page: Page, name: string, rules?: string[]): Promise<string[]> {
  const builder = axe(page);
  const result = await (rules ? builder.withRules(rules) : builder).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.slice(0, 4).map((node) => {
        const data = node.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
        const colours = data?.contrastRatio ? ` ${data.fgColor} on ${data.bgColor} = ${data.contrastRatio}` : '';
        return `${name} @${page.viewportSize()?.width}: ${v.id} ${node.target.join(' ')}${colours}`;
      }),
    );
}

/** On a phone: no sideways scroll of the page, the product name on one line, no badge whose text is cut. */
async function phoneFit(page: Page, name: string): Promise<string[]> {
  const fit = await page.evaluate(() => {
    const title = document.querySelector('header h1') as HTMLElement | null;
    const lineHeight = title ? parseFloat(getComputedStyle(title).lineHeight) : 0;
    const cut = [...document.querySelectorAll('.mantine-Badge-label')]
      .filter((label) => (label as HTMLElement).scrollWidth > (label as HTMLElement).clientWidth + 1)
      .map((label) => label.textContent ?? '');
    return {
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      titleLines: title && lineHeight > 0 ? Math.round(title.getBoundingClientRect().height / lineHeight) : 1,
      cut,
    };
  });
  return [
    ...(fit.overflow > 0 ? [`${name} @390: ${fit.overflow}px sideways scroll`] : []),
    ...(fit.titleLines > 1 ? [`${name} @390: the title takes ${fit.titleLines} lines`] : []),
    ...fit.cut.map((text) => `${name} @390: badge cut: ${text}`),
  ];
}

describe('accessibility and fit', () => {
  let tablet: { context: BrowserContext; page: Page };
  let phone: { context: BrowserContext; page: Page };
  beforeAll(async () => {
    tablet = await web.signedIn('manager', { width: 768, height: 1024 });
    phone = await web.signedIn('manager', { width: 390, height: 844 });
  });
  afterAll(async () => {
    await tablet?.context.close();
    await phone?.context.close();
  });

  const screens: [string, () => string][] = [
    ['board', () => '/'],
    ['residents', () => '/residents'],
    ['register', () => '/residents/new'],
    ['resident', () => `/residents/${caseload.ids[1]}`],
    ['cards', () => '/cards'],
    ['notifications', () => '/notifications'],
    ['settings', () => '/settings'],
    ['imports', () => '/imports'],
    ['ssw', () => '/ssw'],
    ['two-factor', () => '/two-factor'],
    ['security-log', () => '/security-log'],
    ['disclosure', () => `/residents/${caseload.ids[1]}/disclosure`],
    ['matters', () => '/matters'],
  ];

  test.each(screens)(
    '%s: axe finds no serious or critical violation at 1280 and 390 px (at 768, of the rules that depend on layout); no sideways scrolling, one-line title, whole badges on a phone',
    async (name, path) => {
      // The widths in parallel: axe's run dominates the time of this file.
      const found = (
        await Promise.all(
          [page, tablet.page, phone.page].map(async (p) => {
            await openScreen(p, path());
            return violations(p, name, p === tablet.page ? GEOMETRY_RULES : undefined);
          }),
        )
      ).flat();
      const overflow = await tablet.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) found.push(`${name} @768: ${overflow}px sideways scroll`);
      found.push(...(await phoneFit(phone.page, name)));
      expect(found).toEqual([]);
    },
  );

  test('sign-in (signed out): axe finds no serious or critical violation', async () => {
    const signedOut = await web.browser.newContext({ baseURL: web.baseUrl, locale: 'ja-JP' });
    try {
      const p = await signedOut.newPage();
      await p.goto('/');
      await p.getByRole('heading', { name: 'サインイン' }).waitFor();
      expect(await violations(p, 'sign-in')).toEqual([]);
    } finally {
      await signedOut.close();
    }
  });

  test('keyboard: the skip link comes first with a visible focus ring; a resident opens with Enter', async () => {
    await page.goto('/residents');
    await page.getByTestId('residents-table').waitFor();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      return { text: element.textContent, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(focused).toMatchObject({ text: '本文へ移動', outline: 'solid' });
    expect(focused.width).toBeGreaterThanOrEqual(2);
    await page.getByTestId('resident-search').focus();
    await page.keyboard.type('Resident 005');
    await page.getByRole('link', { name: 'Resident 005' }).waitFor();
    await page.getByRole('link', { name: 'Resident 005' }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('resident-name').filter({ hasText: 'Resident 005' }).waitFor();
  });
});
