/**
 * The TypeORM data source of the read models. Migrations run at start-up, under TypeORM's own
 * migrations table, once per database. The read models have no entities: their rows are written
 * by the projector and read by the queries beside them (queries/), in SQL.
 */
import { DataSource, type DataSourceOptions } from 'typeorm';
import { CreateReadModel1763856000000 } from './migrations/1763856000000-create-read-model.js';
import { ResidentAssignment1763856300000 } from './migrations/1763856300000-resident-assignment.js';
import { SswReadModel1763856350000 } from './migrations/1763856350000-ssw-read-model.js';
import { ResidentProfileAndSearch1764600000000 } from './migrations/1764600000000-resident-profile-and-search.js';
import { CardRegistryNumbersOnly1764700000000 } from './migrations/1764700000000-card-registry-numbers-only.js';
import { ProjectionQuarantine1764823000000 } from './migrations/1764823000000-projection-quarantine.js';
import { SealedReadModel1764900000000 } from './migrations/1764900000000-sealed-read-model.js';
import { DeadlineDueIndex1765200000000 } from './migrations/1765200000000-deadline-due-index.js';

export const READ_MODEL_MIGRATIONS = [
  CreateReadModel1763856000000,
  ResidentAssignment1763856300000,
  SswReadModel1763856350000,
  ResidentProfileAndSearch1764600000000,
  CardRegistryNumbersOnly1764700000000,
  ProjectionQuarantine1764823000000,
  SealedReadModel1764900000000,
  DeadlineDueIndex1765200000000,
];

export interface DataSourceExtras {
  poolSize?: number;
  /** The API's own tables (organisations, keys) share the database and its migration run. */
  entities?: NonNullable<DataSourceOptions['entities']>;
  migrations?: NonNullable<DataSourceOptions['migrations']>;
}

export function readModelDataSource(url: string, extras: DataSourceExtras = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: [...((extras.entities ?? []) as [])],
    migrations: [...READ_MODEL_MIGRATIONS, ...((extras.migrations ?? []) as [])],
    migrationsTableName: 'read_model_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    extra: { max: extras.poolSize ?? 10 },
  });
}

const MIGRATION_LOCK = 0x7a61_6973; // "zais"

/** Opens the data source and brings the schema up to date; replicas starting together take turns. */
export async function openReadModel(url: string, extras: DataSourceExtras = {}): Promise<DataSource> {
  const dataSource = await readModelDataSource(url, extras).initialize();
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
  return dataSource;
}
