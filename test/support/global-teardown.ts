import pg from 'pg';

/** Stops the run's PostgreSQL servers once, though the db and web projects each call this. */
export default async function globalTeardown(): Promise<void> {
  const run = process.env['ZAIRYU_TEST_RUN'];
  if (!run) return;
  delete process.env['ZAIRYU_TEST_RUN'];
  const servers = globalThis.__ZAIRYU_POSTGRES__;
  globalThis.__ZAIRYU_POSTGRES__ = undefined;
  if (servers) return void (await Promise.all(servers.map((server) => server.stop())));
  // A server of the caller's own (DATABASE_URL) outlives the run: drop the run's template there.
  const client = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS test_template_${run} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
