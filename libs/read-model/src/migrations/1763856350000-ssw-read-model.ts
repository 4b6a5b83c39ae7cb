import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LIVE_SCHEMA } from '../read-model-tables.js';

/**
 * Who owes each deadline and the employer it concerns; the resident's employer and SSW panel.
 * A database created before these columns gets them here (a fresh one has them from
 * readModelTablesSql); run `npm run projections:rebuild` afterwards to fill them.
 */
export class SswReadModel1763856350000 implements MigrationInterface {
  name = 'SswReadModel1763856350000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE ${LIVE_SCHEMA}.deadline ADD COLUMN IF NOT EXISTS owed_by text NOT NULL DEFAULT 'resident';
      ALTER TABLE ${LIVE_SCHEMA}.deadline ADD COLUMN IF NOT EXISTS employer text;
      ALTER TABLE ${LIVE_SCHEMA}.resident_summary ADD COLUMN IF NOT EXISTS employer text;
      ALTER TABLE ${LIVE_SCHEMA}.resident_summary ADD COLUMN IF NOT EXISTS ssw_panel jsonb;
      CREATE INDEX IF NOT EXISTS resident_summary_employer ON ${LIVE_SCHEMA}.resident_summary (organisation_id, employer);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE ${LIVE_SCHEMA}.deadline DROP COLUMN owed_by, DROP COLUMN employer;
      ALTER TABLE ${LIVE_SCHEMA}.resident_summary DROP COLUMN employer, DROP COLUMN ssw_panel;
    `);
  }
}
