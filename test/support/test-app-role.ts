/**
 * The role the app connects as in the tests, as in production: it owns each test file's database
 * and nothing else (libs/event-store/src/postgres/app-role.ts). The server's superuser only
 * creates and drops those databases.
 */
export const TEST_APP_ROLE = { role: 'zairyu_app', password: 'zairyu-app-in-tests-only', database: 'zairyu_app' };
