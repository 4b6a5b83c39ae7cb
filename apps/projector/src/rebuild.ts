/**
 * `npm run projections:rebuild`: replays the whole log into fresh read-model tables, with a
 * progress bar, and swaps them in. Uses DATABASE_URL, or the embedded PostgreSQL in ./.data/
 * (DATA_DIR): the one a running API started there, which is left running, or its own.
 *
 * On PostgreSQL with two or more cores, a worker thread loads half of the resident streams
 * (rebuild-range-thread.ts) while this thread loads the other half: REBUILD_THREADS=1 keeps it to one.
 */
import 'reflect-metadata';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createPgPool, embeddedAppUrl, openEventStore, startEmbeddedPostgres, type RunningPostgres } from '@zairyu/event-store';
import { masterKeyFrom, ResidentKeys, sealedEventStore } from '@zairyu/resident-streams';
import { openReadModel, partitionCountFrom, progressBar, rebuildReadModel, type RangeLoader } from '@zairyu/read-model';
import type { RangeMessage, RangeWork } from './rebuild-range.js';

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
      eventStore === 'postgres' && threadsFrom(process.env['REBUILD_THREADS']) === 2 ? inWorkerThread(databaseUrl, key) : undefined,
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

/** REBUILD_THREADS: 1 or 2; by default 2 where there are two cores to run them. */
function threadsFrom(given: string | undefined): 1 | 2 {
  if (given === undefined || given === '') return availableParallelism() >= 2 ? 2 : 1;
  if (given === '1' || given === '2') return Number(given) as 1 | 2;
  throw new Error(`REBUILD_THREADS is 1 or 2, not ${JSON.stringify(given)}`);
}

/** The other range, loaded in a worker thread with its own connections and keys. */
function inWorkerThread(databaseUrl: string, masterKey: Buffer): RangeLoader {
  return (range, pageEvents, onPage) =>
    new Promise((resolve, reject) => {
      const work: RangeWork = { databaseUrl, masterKey, range, pageEvents };
      const worker = new Worker(new URL('./rebuild-range-thread.js', import.meta.url), { workerData: work });
      worker.on('message', (message: RangeMessage) => ('done' in message ? resolve(message.done) : onPage(message.events)));
      worker.once('error', reject);
      // After `done` this changes nothing; before it, the thread stopped without finishing its range.
      worker.once('exit', (code) =>
        reject(new Error(`The rebuild's second thread stopped (exit code ${code}) before its range was loaded`)),
      );
    });
}

main().catch((error: unknown) => {
  process.stderr.write(`\nRebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
