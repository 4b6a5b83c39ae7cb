import 'reflect-metadata';
import { describe, expect, test } from '@jest/globals';
import { MODULE_METADATA } from '@nestjs/common/constants.js';
import { entitiesOf, FeatureModule, migrationsOf, schemasOf } from './feature-module.js';

class FirstMigration {}
class SecondMigration {}
class SomeEntity {}
class SomeController {}

@FeatureModule({
  controllers: [SomeController],
  schemas: [{ A: { type: 'string' } }],
  migrations: [FirstMigration],
  entities: [SomeEntity],
})
class OneFeature {}

@FeatureModule({ schemas: [{ B: { type: 'number' } }], migrations: [SecondMigration] })
class OtherFeature {}

@FeatureModule({})
class BareFeature {}

describe('a feature module', () => {
  test('is a Nest module with its controllers', () => {
    expect(Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, OneFeature)).toEqual([SomeController]);
  });

  test('its schemas, migrations and entities are gathered from the list of features, in its order', () => {
    const features = [OneFeature, BareFeature, OtherFeature];
    expect(schemasOf(features)).toEqual([{ A: { type: 'string' } }, { B: { type: 'number' } }]);
    expect(migrationsOf(features)).toEqual([FirstMigration, SecondMigration]);
    expect(entitiesOf(features)).toEqual([SomeEntity]);
  });
});
