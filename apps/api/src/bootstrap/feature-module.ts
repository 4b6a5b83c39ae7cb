/**
 * A feature folder as one Nest module: its controllers and providers as Nest has them, and beside
 * them what the app gathers before Nest starts (its tables' migrations and entities) or after (its
 * OpenAPI schemas). app.module.ts lists the features once; the runtime and the document read
 * their parts from that list, so a feature's parts are declared in its own module only.
 */
import { Module, type ModuleMetadata } from '@nestjs/common';
import type { SchemaObject } from '@nestjs/swagger';
import type { DataSourceOptions } from 'typeorm';

export interface FeatureParts {
  /** Named schemas the feature's operations refer to (a `<feature>-schemas.ts`). */
  schemas?: ReadonlyArray<Record<string, SchemaObject>>;
  /** Migrations of the feature's own tables, run with the read model's before Nest starts. */
  migrations?: NonNullable<DataSourceOptions['migrations']>;
  entities?: NonNullable<DataSourceOptions['entities']>;
}

const PARTS = new WeakMap<object, FeatureParts>();

/** `@Module` with the feature's schemas, migrations and entities. */
export function FeatureModule(metadata: ModuleMetadata & FeatureParts): ClassDecorator {
  const { schemas, migrations, entities, ...module } = metadata;
  return (target) => {
    Module(module)(target);
    PARTS.set(target, { schemas, migrations, entities } as FeatureParts);
  };
}

const partsOf = (features: readonly object[]) => features.map((feature) => PARTS.get(feature) ?? {});

export const schemasOf = (features: readonly object[]) => partsOf(features).flatMap((parts) => parts.schemas ?? []);
export const migrationsOf = (features: readonly object[]) => partsOf(features).flatMap((parts) => [...((parts.migrations ?? []) as [])]);
export const entitiesOf = (features: readonly object[]) => partsOf(features).flatMap((parts) => [...((parts.entities ?? []) as [])]);
