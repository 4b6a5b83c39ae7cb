/**
 * What a browser test's page ran into that its assertions do not see: an uncaught script error,
 * a crashed renderer, an API answer of 401 (the app then covers the screen with its sign-in-again
 * dialog), 429 or 5xx, a request that never got an answer. Each is written to standard error when it
 * happens, with the test's name, so that a test timing out on a click says why (a CI log keeps no screenshot).
 * Tests that provoke one of these on purpose show it too: it is a record, not a failure.
 */
import { expect } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** One line on standard error (Jest's console would add a stack and a code frame to each), under the test it happened in. */
function note(what: string): void {
  process.stderr.write(`browser, in "${expect.getState().currentTestName ?? 'before the tests'}": ${what}\n`);
}

const NOTED = (status: number) => status === 401 || status === 429 || status >= 500;

function watchPage(page: Page): void {
  page.on('pageerror', (error) => note(`script error on ${new URL(page.url()).pathname}: ${error.message}`));
  page.on('crash', () => note(`the page crashed on ${new URL(page.url()).pathname}`));
}

function watchContext(context: BrowserContext): void {
  context.on('page', watchPage);
  context.on('response', (response) => {
    if (NOTED(response.status())) note(`${response.status()} to ${response.request().method()} ${new URL(response.url()).pathname}`);
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
