import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LIVE_SCHEMA, readModelTablesSql } from '../read-model-tables.js';

export class CreateReadModel1763856000000 implements MigrationInterface {
  name = 'CreateReadModel1763856000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(readModelTablesSql(LIVE_SCHEMA));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA ${LIVE_SCHEMA} CASCADE`);
  }
}
