import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePlatform1763856100000 implements MigrationInterface {
  name = 'CreatePlatform1763856100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE SCHEMA IF NOT EXISTS platform;
      CREATE TABLE platform.organisation (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE platform.api_key (
        id text PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES platform.organisation (id),
        label text NOT NULL,
        role text NOT NULL,
        secret_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE platform.calendar_token (
        id text PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES platform.organisation (id),
        secret_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP SCHEMA platform CASCADE');
  }
}
