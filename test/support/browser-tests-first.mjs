/**
 * Jest's order (failed last time, then slowest, else largest file first), with the browser
 * tests ahead of the rest: each takes minutes, so one started last kept a worker busy long after
 * the other had run out of files. Without a cache (a fresh clone, as in CI) Jest guesses by file
 * size, and the browser test files are small.
 */
import Sequencer from '@jest/test-sequencer';

const inBrowser = (test) => test.context.config.displayName?.name === 'web';

export default class BrowserTestsFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    return [...sorted.filter(inBrowser), ...sorted.filter((test) => !inBrowser(test))];
  }
}
