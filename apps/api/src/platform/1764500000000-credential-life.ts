import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys and calendar tokens are listed with their last use and can be revoked (docs/api-v1.md, 2026-11-23). */
export class CredentialLife1764500000000 implements MigrationInterface {
  name = 'CredentialLife1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE platform.api_key ADD COLUMN last_used_at timestamptz, ADD COLUMN revoked_at timestamptz;
      ALTER TABLE platform.calendar_token ADD COLUMN last_used_at timestamptz, ADD COLUMN revoked_at timestamptz;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE platform.api_key DROP COLUMN last_used_at, DROP COLUMN revoked_at;
      ALTER TABLE platform.calendar_token DROP COLUMN last_used_at, DROP COLUMN revoked_at;
    `);
  }
}
