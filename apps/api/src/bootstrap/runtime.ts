/**
 * What the app runs on, opened before Nest starts: the PostgreSQL pool, the event store
 * (PostgreSQL or KurrentDB), the TypeORM data source with every migration applied, and the
 * projection (in this process, or kept by apps/projector).
 */
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { createPgPool, openEventStore } from '@zairyu/event-store';
import { openReadModel, partitionsOf, Projector, ProjectorLeader, ReadModelSeal } from '@zairyu/read-model';
import { KeptFolds, ResidentKeys, sealedEventStore, type SealedEventStore } from '@zairyu/resident-streams';
import { FEATURES } from '../features.js';
import { entitiesOf, migrationsOf } from './feature-module.js';
import { ProjectionHandle } from '../projection/read-your-writes.js';

export interface RuntimeOptions {
  databaseUrl: string;
  /** `postgres` (default) or `kurrentdb` with `kurrentDbUrl`. */
  eventStore: 'postgres' | 'kurrentdb';
  kurrentDbUrl?: string;
  /** Run the projector in this process (it still leads only when it holds the lock). */
  inlineProjector: boolean;
  /** PROJECTOR_PARTITIONS (default 1): this process projects the partitions whose leases it holds, and waits on the caller's. */
  projectorPartitions?: number;
  /** How long a read of the read models waits for them to include every earlier write. */
  readYourWritesMs?: number;
  poolSize?: number;
  /** Wraps each resident's data key (personal data sealed in the log; master-key.ts). */
  masterKey: Buffer;
  /** Events of residents' streams kept folded in memory (FOLD_CACHE_EVENTS; 0: none; kept-folds.ts). */
  foldCacheEvents?: number;
  onProjectorError?: (error: unknown) => void;
}

export interface Runtime {
  pool: pg.Pool;
  /** The log, residents' personal values sealed in it (what EVENT_STORE provides). */
  store: SealedEventStore;
  /** Residents' data keys: erasure destroys one. */
  residentKeys: ResidentKeys;
  /** Residents' folds kept between requests, shared by the requests and the projector in this process. */
  keptFolds: KeptFolds;
  /** The read models' personal columns are sealed with the residents' keys, their search words hashed. */
  readModelSeal: ReadModelSeal;
  dataSource: DataSource;
  projection: ProjectionHandle;
  close(): Promise<void>;
}

export async function openRuntime(options: RuntimeOptions): Promise<Runtime> {
  const pool = createPgPool(options.databaseUrl, { max: options.poolSize ?? 20 });
  const residentKeys = new ResidentKeys(pool, options.masterKey);
  const store = await sealedEventStore(await openEventStore(options, pool), residentKeys);
  const dataSource = await openReadModel(options.databaseUrl, {
    // The features' own tables (each declared in its module) share the database and its migration run.
    entities: entitiesOf(FEATURES),
    migrations: migrationsOf(FEATURES),
    poolSize: 10,
  });
  const keptFolds = new KeptFolds(options.foldCacheEvents);
  // Small batches: the projector shares this process's event loop with the requests.
  const projectors = partitionsOf(options.projectorPartitions ?? 1).map(
    (partition) => new Projector(pool, store, { batchSize: 250, keptFolds, partition }),
  );
  const leader = options.inlineProjector
    ? new ProjectorLeader(pool, projectors, { pollIntervalMs: 50, onError: options.onProjectorError })
    : null;
  leader?.start();
  return {
    pool,
    store,
    residentKeys,
    keptFolds,
    readModelSeal: new ReadModelSeal(residentKeys),
    dataSource,
    projection: new ProjectionHandle(store, projectors, leader, options.readYourWritesMs),
    close: async () => {
      await leader?.stop();
      await store.close();
      await dataSource.destroy();
      await pool.end();
    },
  };
}
