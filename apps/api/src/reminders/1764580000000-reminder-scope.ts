import type { MigrationInterface, QueryRunner } from 'typeorm';

/** "Only mine" or the whole caseload: which residents a person's digest covers. */
export class ReminderScope1764580000000 implements MigrationInterface {
  name = 'ReminderScope1764580000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE reminder.preference ADD COLUMN scope text NOT NULL DEFAULT 'caseload' CHECK (scope IN ('caseload', 'mine'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE reminder.preference DROP COLUMN scope');
  }
}
