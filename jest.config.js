/**
 * One Jest run for the whole suite: unit specs beside the code (*.spec.ts), integration
 * specs against a real PostgreSQL (*.int-spec.ts) and end-to-end specs in test/.
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

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
  testMatch: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@zairyu/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // CI (CI=true, as .ci/run sets) reports domain coverage and holds it at 95 % of lines.
  collectCoverage: process.env.CI === 'true',
  coverageProvider: 'v8',
  collectCoverageFrom: ['libs/domain/src/**/*.ts', '!**/*.spec.ts', '!**/testing/**', '!**/index.ts'],
  coverageReporters: ['text-summary', 'text'],
  coverageThreshold: { 'libs/domain/src/': { lines: 95 } },
  testTimeout: 30000,
};
