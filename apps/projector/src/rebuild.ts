/**
 * `npm run projections:rebuild`: replays the whole log into fresh read-model tables, with a
 * progress bar, and swaps them in. Uses DATABASE_URL, or the embedded PostgreSQL in ./.data/
 * (DATA_DIR): the one a running API started there, which is left running, or its own.
 */
import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { createPgPool, embeddedAppUrl, openEventStore, startEmbeddedPostgres, type RunningPostgres } from '@zairyu/event-store';
import { masterKeyFrom, ResidentKeys, sealedEventStore } from '@zairyu/resident-streams';
import { openReadModel, partitionCountFrom, progressBar, rebuildReadModel } from '@zairyu/read-model';

async function main(): Promise<void> {
  let embedded: RunningPostgres | null = null;
  let databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: join(resolve(process.env['DATA_DIR'] ?? '.data'), 'postgres'), persistent: true });
    databaseUrl = await embeddedAppUrl(embedded);
  }
  const eventStore = process.env['EVENT_STORE'] === 'kurrentdb' ? 'kurrentdb' : 'postgres';
  const pool = createPgPool(databaseUrl, { applicationName: 'zairyu-rebuild' });
  try {
    const { key } = await masterKeyFrom(process.env, resolve(process.env['DATA_DIR'] ?? '.data'));
    const raw = await openEventStore({ eventStore, kurrentDbUrl: process.env['KURRENTDB_URL'] }, pool);
    const store = await sealedEventStore(raw, new ResidentKeys(pool, key));
    const dataSource = await openReadModel(databaseUrl);
    const tty = process.stderr.isTTY;
    let last = 0;
    const partitions = partitionCountFrom(process.env['PROJECTOR_PARTITIONS']);
    const result = await rebuildReadModel(
      pool,
      store,
      (progress) => {
        if (!tty && Date.now() - last < 1000) return;
        last = Date.now();
        process.stderr.write(tty ? `\r${progressBar(progress)}` : `${progressBar(progress)}\n`);
      },
      undefined,
      undefined,
      partitions,
    );
    process.stderr.write(
      `\nRebuilt the read models from ${result.events.toLocaleString('en')} events in ${result.seconds.toFixed(1)} s and swapped them in.\n`,
    );
    await store.close();
    await dataSource.destroy();
  } finally {
    await pool.end();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`\nRebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
