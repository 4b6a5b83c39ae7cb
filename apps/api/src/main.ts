/**
 * `npm start`: with no DATABASE_URL, an embedded PostgreSQL in ./.data/, migrations, the API
 * on PORT (3000) and the projector in this process; the admin token printed once.
 */
import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { embeddedAppUrl, startEmbeddedPostgres, type RunningPostgres } from '@zairyu/event-store';
import { embeddedAdminToken } from './bootstrap/admin-token.js';
import { createApp } from './bootstrap/create-app.js';
import { readEnvironment } from './bootstrap/environment.js';
import { openRuntime } from './bootstrap/runtime.js';
import { logError } from './http/request-log.js';
import { masterKeyFrom } from '@zairyu/resident-streams';

const say = (message: string) => process.stderr.write(`zairyu: ${message}\n`);

async function main(): Promise<void> {
  const env = readEnvironment();
  let embedded: RunningPostgres | null = null;
  let databaseUrl = env.databaseUrl;
  if (!databaseUrl) {
    const dataDir = resolve(env.dataDir);
    say(`no DATABASE_URL: starting the embedded PostgreSQL in ${join(dataDir, 'postgres')}`);
    embedded = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), persistent: true });
    databaseUrl = await embeddedAppUrl(embedded);
    if (!env.adminToken) {
      const admin = await embeddedAdminToken(dataDir);
      env.adminToken = admin.token;
      if (admin.created) say(`admin token (shown once; kept in ${join(dataDir, 'admin-token')}):\n\n  ${admin.token}\n`);
      else say(`admin token: in ${join(dataDir, 'admin-token')}`);
    }
  }
  if (!env.adminToken) say('ZAIRYU_ADMIN_TOKEN is not set: organisations cannot be created.');
  else say(`organisations are created in the web UI at /setup with the admin token (it opens by itself on first start)`);
  const master = await masterKeyFrom(process.env, resolve(env.dataDir));
  if (master.created) say(`master key for personal data made in ${master.created}: back it up apart from the database`);

  const runtime = await openRuntime({
    databaseUrl,
    eventStore: env.eventStore,
    kurrentDbUrl: env.kurrentDbUrl ?? undefined,
    inlineProjector: env.inlineProjector,
    projectorPartitions: env.projectorPartitions,
    readYourWritesMs: env.readYourWritesMs,
    masterKey: master.key,
    foldCacheEvents: env.foldCacheEvents,
    onProjectorError: (error) => logError(error),
  });
  const app = await createApp(runtime, env);
  await app.listen({ port: env.port, host: env.host });
  say(
    `API on http://localhost:${env.port} (docs at /docs); projector ${env.inlineProjector ? 'in this process' : 'off (run apps/projector)'}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping`);
    await app.close();
    await runtime.close();
    await embedded?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  logError(error);
  process.exit(1);
});
