import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LIVE_SCHEMA, sealedColumnsSql } from '../read-model-tables.js';

/**
 * The read models' personal columns sealed and their search words hashed: the old rows are
 * removed whole (TRUNCATE gives their files back, where a DELETE would leave the text in them)
 * and the projection starts over from the beginning of the log.
 */
export class SealedReadModel1764900000000 implements MigrationInterface {
  name = 'SealedReadModel1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [{ before }] = await queryRunner.query(
      `SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = '${LIVE_SCHEMA}' AND table_name = 'resident_summary' AND column_name = 'full_name') AS before`,
    );
    await queryRunner.query(sealedColumnsSql(LIVE_SCHEMA));
    if (before) {
      await queryRunner.query(
        `TRUNCATE ${LIVE_SCHEMA}.resident_summary, ${LIVE_SCHEMA}.resident_search_token, ${LIVE_SCHEMA}.card_registry, ${LIVE_SCHEMA}.deadline`,
      );
      await queryRunner.query(`DELETE FROM ${LIVE_SCHEMA}.projection_checkpoint`);
    }
  }

  async down(): Promise<void> {
    throw new Error('The read model cannot be unsealed: rebuild it with the earlier version instead.');
  }
}
