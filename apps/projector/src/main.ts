/**
 * `npm run start:projector`: the projector as its own process against DATABASE_URL (and
 * KurrentDB when EVENT_STORE=kurrentdb). Several may run: with one partition one leads (advisory
 * lock) and the others wait and take over; with PROJECTOR_PARTITIONS=N they share the N partitions'
 * leases and take over those of a process that dies.
 */
import 'reflect-metadata';
import { resolve } from 'node:path';
import { createPgPool, openEventStore } from '@zairyu/event-store';
import { DEFAULT_KEPT_EVENTS, KeptFolds, masterKeyFrom, ResidentKeys, sealedEventStore } from '@zairyu/resident-streams';
import { openReadModel, partitionCountFrom, partitionsOf, Projector, ProjectorLeader } from '@zairyu/read-model';

const say = (message: string) =>
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), service: 'projector', message })}\n`);

async function main(): Promise<void> {
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) throw new Error('Set DATABASE_URL: the projector keeps the read models of that PostgreSQL.');
  const eventStore = process.env['EVENT_STORE'] === 'kurrentdb' ? 'kurrentdb' : 'postgres';
  const pool = createPgPool(databaseUrl, { applicationName: 'zairyu-projector' });
  const { key } = await masterKeyFrom(process.env, resolve(process.env['DATA_DIR'] ?? '.data'));
  const raw = await openEventStore({ eventStore, kurrentDbUrl: process.env['KURRENTDB_URL'] }, pool);
  const store = await sealedEventStore(raw, new ResidentKeys(pool, key));
  const dataSource = await openReadModel(databaseUrl);
  const partitions = partitionsOf(partitionCountFrom(process.env['PROJECTOR_PARTITIONS']));
  // One bound for the partitions' folds together (FOLD_CACHE_EVENTS, as the API's): a touched
  // resident is folded on from its last projected version with the batch's events, not read whole.
  const foldCacheEvents = Number(process.env['FOLD_CACHE_EVENTS'] ?? DEFAULT_KEPT_EVENTS);
  if (!Number.isInteger(foldCacheEvents) || foldCacheEvents < 0)
    throw new Error(`FOLD_CACHE_EVENTS must be a whole number of events (0 keeps none), not ${process.env['FOLD_CACHE_EVENTS']}.`);
  const keptFolds = new KeptFolds(foldCacheEvents);
  const projectors = partitions.map((partition) => new Projector(pool, store, { partition, keptFolds }));
  const leader = new ProjectorLeader(pool, projectors, {
    onLeadership: (leading) => say(leading ? 'leading: projecting' : 'waiting for the lock'),
    onPartitions: (held) => say(`projecting partitions [${held.join(', ')}] of ${partitions.length}`),
    onError: (error) => say(`error: ${error instanceof Error ? error.message : String(error)}`),
  });
  leader.start();
  say('started');
  const stop = async () => {
    await leader.stop();
    await store.close();
    await dataSource.destroy();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  say(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
