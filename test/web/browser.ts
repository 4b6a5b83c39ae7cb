/**
 * Browser tests against the real server: the whole API (with the built web UI at `/`) on a
 * fresh database of the run's PostgreSQL, listening on a free port, and a headless Chromium
 * from npm (@sparticuz/chromium) driven by playwright-core — no browser download, no apt.
 * One person per role, invited through the API and their password set from the link; a test's
 * browser signs them in with that password at `POST /v1/session` (the sign-in screen has its own
 * tests: signInWithPassword). The organisation's API keys only seed data through the API.
 */
import sparticuz from '@sparticuz/chromium';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { Api, type Keys } from '../support/api-harness.js';
import { PASSWORD, tokenOf } from '../support/people.js';
import { reportPageTrouble } from './browser-trouble.js';

export type Role = 'caseworker' | 'manager' | 'viewer';

export interface Person {
  userId: string;
  email: string;
  name: string;
}

export interface WebHarness {
  api: Api;
  org: Keys;
  baseUrl: string;
  browser: Browser;
  /** The organisation's person of that role (invited and with a password), made on first use. */
  person(role: Role): Promise<Person>;
  /** A new browser context (its own cookies) where that person signed in, on the caseload board. */
  signedIn(role?: Role, viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; person: Person }>;
  close(): Promise<void>;
}

const NAMES: Record<Role, string> = { manager: '佐藤 花子', caseworker: '田中 ゆき', viewer: '鈴木 一郎' };

export async function startWebHarness(
  orgName = 'Tokai Support Center',
  kind: 'support_organisation' | 'scrivener_office' | 'employer' = 'support_organisation',
): Promise<WebHarness> {
  const { api, baseUrl, port, browser } = await startServer();
  const org = await api.organisation(orgName, kind);
  const people = new Map<Role, Promise<Person>>();
  const harness: WebHarness = {
    api,
    org,
    baseUrl,
    browser,
    person(role) {
      if (!people.has(role))
        people.set(
          role,
          (async () => {
            const email = `${role}.${port}@${orgName.toLowerCase().replace(/[^a-z]+/g, '-')}.example`;
            const invited = await api.http
              .post(`/v1/organisations/${org.organisationId}/users`)
              .auth(org.manager, { type: 'bearer' })
              .send({ name: NAMES[role], email, role })
              .expect(201);
            await api.http
              .post(`/v1/invitations/${tokenOf(invited.body.inviteUrl)}`)
              .send({ password: PASSWORD })
              .expect(204);
            return { userId: invited.body.id as string, email, name: NAMES[role] };
          })(),
        );
      return people.get(role)!;
    },
    async signedIn(role = 'caseworker', viewport = { width: 1280, height: 900 }) {
      const person = await harness.person(role);
      const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
      context.setDefaultTimeout(30_000);
      // The session cookie from the API, as the sign-in screen would get it: the screen itself took
      // a second more per context, and its own tests sign in through it.
      const signedIn = await context.request.post('/v1/session', { data: { email: person.email, password: PASSWORD } });
      if (signedIn.status() !== 200) throw new Error(`sign-in of ${person.email}: ${signedIn.status()} ${await signedIn.text()}`);
      const page = await context.newPage();
      await page.goto('/');
      await page.getByRole('heading', { name: 'ケース一覧', level: 2 }).waitFor();
      return { context, page, person };
    },
    async close() {
      await browser.close();
      await api.close();
    },
  };
  return harness;
}

export interface Server {
  api: Api;
  baseUrl: string;
  port: number;
  browser: Browser;
  close(): Promise<void>;
}

/** The server on a fresh database with no organisation yet (a first start), and the browser. */
export async function startServer(): Promise<Server> {
  if (!existsSync('apps/web/dist/index.html')) throw new Error('apps/web/dist is missing: npm test builds it (npm run build:web)');
  const api = await Api.start();
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const address = api.app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = reportPageTrouble(
    await chromium.launch({ executablePath: await sparticuz.executablePath(), args: chromiumArgs(), headless: true }),
  );
  return {
    api,
    baseUrl,
    port,
    browser,
    async close() {
      await browser.close();
      await api.close();
    },
  };
}

/**
 * sparticuz's arguments, made for AWS Lambda, less two of their choices:
 * - `--single-process` there makes closing one browser context end the whole browser, and the
 *   tests open several (two editors, a tablet);
 * - GL emulated on the CPU (SwiftShader, in the browser process): Skia's own software drawing
 *   took 15 % less CPU over the Japanese desk's tests (user time 59 -> 50 s), and these tests
 *   are CPU-bound on two cores.
 */
function chromiumArgs(): string[] {
  const gl = ['--in-process-gpu', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];
  const dropped = new Set(['--single-process', ...gl]);
  return [...sparticuz.args.filter((arg) => !dropped.has(arg)), '--disable-gpu'];
}

/** The sign-in screen: e-mail and password, then the caseload board. */
export async function signInWithPassword(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  await page.getByRole('heading', { name: 'ケース一覧', level: 2 }).waitFor();
}
