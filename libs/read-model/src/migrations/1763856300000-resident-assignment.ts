import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who is in charge of each file, for the "mine" filters. New databases get the column from
 * readModelTablesSql already; an older one gets it here (empty until `npm run
 * projections:rebuild` replays the log, or the resident's next event re-projects it).
 */
export class ResidentAssignment1763856300000 implements MigrationInterface {
  name = 'ResidentAssignment1763856300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE read_model.resident_summary ADD COLUMN IF NOT EXISTS assigned_to text;
      CREATE INDEX IF NOT EXISTS resident_summary_organisation_id_assigned_to_idx ON read_model.resident_summary (organisation_id, assigned_to);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE read_model.resident_summary DROP COLUMN assigned_to');
  }
}
