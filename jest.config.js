/**
 * Three Jest projects, so a change is checked by what it touches and the suite fits in CI's
 * ten minutes on two cores:
 * - `unit`: specs beside the code (*.spec.ts), no database, no global set-up; the only project
 *   whose coverage is reported (the domain held at 95 % of lines).
 * - `db`: integration specs against a real PostgreSQL (*.int-spec.ts) and the API's end-to-end
 *   specs in test/ (one database per file, cloned from a migrated template).
 * - `web`: the browser tests in test/web, against the real server and Chromium.
 * TypeScript is stripped by SWC (fast, no type-check): `npm run typecheck` checks types.
 */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

const shared = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@zairyu/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^@zairyu/([a-z-]+)/([a-z-]+)$': '<rootDir>/libs/$1/src/$2.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
};

const withDatabase = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

/** @type {import('jest').Config} */
export default {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...shared,
      ...withDatabase,
      displayName: 'db',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
      testPathIgnorePatterns: [...shared.testPathIgnorePatterns, '<rootDir>/test/web/'],
    },
    {
      ...shared,
      ...withDatabase,
      globalSetup: '<rootDir>/test/web/global-setup.ts',
      displayName: 'web',
      testMatch: ['<rootDir>/test/web/**/*.e2e-spec.ts'],
    },
  ],
  // Three workers on CI's two cores: a browser test waits on its page often enough that two
  // workers left a fifth of the CPU idle (db and web projects: 539-602 s with two workers in CI,
  // 471 s with three, using 1.8 cores). Each worker has its own PostgreSQL, each file its own database.
  maxWorkers: 3,
  testSequencer: '<rootDir>/test/support/browser-tests-first.mjs',
  coverageProvider: 'v8',
  collectCoverageFrom: ['libs/domain/src/**/*.ts', '!**/*.spec.ts', '!**/testing/**', '!**/index.ts'],
  coverageReporters: ['text-summary', 'text'],
  coverageThreshold: { 'libs/domain/src/': { lines: 95 } },
  testTimeout: 30000,
};
