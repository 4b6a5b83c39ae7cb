import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LIVE_SCHEMA } from '../read-model-tables.js';

/**
 * The card registry keeps whose card a number is and nothing more: a card's kind, dates and
 * invalidation were written but never read (the look-up folds the resident's stream as of the
 * date asked). A fresh database never has these columns (readModelTablesSql); an older one
 * loses them here. Nothing needs to be projected again.
 */
export class CardRegistryNumbersOnly1764700000000 implements MigrationInterface {
  name = 'CardRegistryNumbersOnly1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE ${LIVE_SCHEMA}.card_registry
        DROP COLUMN IF EXISTS kind,
        DROP COLUMN IF EXISTS issued_on,
        DROP COLUMN IF EXISTS expires_on,
        DROP COLUMN IF EXISTS invalidated_on,
        DROP COLUMN IF EXISTS invalidation_reason;
    `);
  }

  /** The columns come back empty (nullable): the projector of this version does not fill them. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE ${LIVE_SCHEMA}.card_registry
        ADD COLUMN IF NOT EXISTS kind text,
        ADD COLUMN IF NOT EXISTS issued_on date,
        ADD COLUMN IF NOT EXISTS expires_on date,
        ADD COLUMN IF NOT EXISTS invalidated_on date,
        ADD COLUMN IF NOT EXISTS invalidation_reason text;
    `);
  }
}
