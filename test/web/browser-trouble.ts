/**
 * What a browser test's page ran into that its assertions do not see: an uncaught script error,
 * a crashed renderer, an API answer of 401 (the app then covers the screen with its
 * sign-in-again dialog), 429 or 5xx, a request that never got an answer. Each is written to
 * standard error when it happens, with the test's name, so that a test timing out on a click
 * says why (a CI log keeps no screenshot). Tests that provoke one of these on purpose show it
 * too: it is a record, not a failure.
 */
import { expect } from '@jest/globals';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';

/** One line on standard error (Jest's console would add a stack and a code frame to each), under the test it happened in. */
function note(what: string): void {
  process.stderr.write(`browser, in "${expect.getState().currentTestName ?? 'before the tests'}": ${what}\n`);
}

/**
 * The answers worth a line. A signed-out page asks GET /v1/me and is answered 401, and signing in
 * or out answers 401 for a wrong password or an ended session: the app reads those as they are,
 * so they are left out. Any other 401 opens the app's sign-in-again dialog over the screen.
 */
function noted(response: Response): boolean {
  const status = response.status();
  const path = new URL(response.url()).pathname;
  if (status === 401) return path !== '/v1/session' && !(path === '/v1/me' && response.request().method() === 'GET');
  return status === 429 || status >= 500;
}

function watchPage(page: Page): void {
  page.on('pageerror', (error) => note(`script error on ${new URL(page.url()).pathname}: ${error.message}`));
  page.on('crash', () => note(`the page crashed on ${new URL(page.url()).pathname}`));
}

function watchContext(context: BrowserContext): void {
  context.on('page', watchPage);
  context.on('response', (response) => {
    if (noted(response)) note(`${response.status()} to ${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  context.on('requestfailed', (request) => {
    // A request cut off by leaving its page is no trouble.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      note(`${request.method()} ${new URL(request.url()).pathname} failed: ${request.failure()?.errorText}`);
  });
}

/** Every context the browser opens from now on is watched. */
export function reportPageTrouble(browser: Browser): Browser {
  const open = browser.newContext.bind(browser);
  browser.newContext = async (...options) => {
    const context = await open(...options);
    watchContext(context);
    return context;
  };
  return browser;
}
