import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LIVE_SCHEMA, projectionQuarantineSql } from '../read-model-tables.js';

/** The quarantine of residents the projection cannot project (a fresh database has it from readModelTablesSql). */
export class ProjectionQuarantine1764823000000 implements MigrationInterface {
  name = 'ProjectionQuarantine1764823000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(projectionQuarantineSql(LIVE_SCHEMA));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS ${LIVE_SCHEMA}.projection_quarantine`);
  }
}
