import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LIVE_SCHEMA, residentProfileSql } from '../read-model-tables.js';

/**
 * Profile, case and search columns; the projection starts over from the beginning of the log
 * so that every resident already projected gets them (rows are replaced per resident).
 */
export class ResidentProfileAndSearch1764600000000 implements MigrationInterface {
  name = 'ResidentProfileAndSearch1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [{ missing }] = await queryRunner.query(`SELECT to_regclass('${LIVE_SCHEMA}.resident_search_token') IS NULL AS missing`);
    // A database made with the search table has these columns, or their sealed successors.
    if (!missing) return;
    await queryRunner.query(residentProfileSql(LIVE_SCHEMA));
    await queryRunner.query(`DELETE FROM ${LIVE_SCHEMA}.projection_checkpoint`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS ${LIVE_SCHEMA}.resident_search_token`);
  }
}
