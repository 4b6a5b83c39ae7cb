import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders: each person's digest settings, one row per person and day a digest was composed
 * (the row is the once-only guarantee: its primary key is claimed in the transaction that sends),
 * escalations made, and the organisation's webhooks with their delivery log.
 */
export class CreateReminders1763856300000 implements MigrationInterface {
  name = 'CreateReminders1763856300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE SCHEMA IF NOT EXISTS reminder;
      CREATE TABLE reminder.preference (
        user_id uuid PRIMARY KEY REFERENCES platform.app_user (id),
        enabled boolean NOT NULL DEFAULT true,
        language text NOT NULL DEFAULT 'ja',
        send_at text NOT NULL DEFAULT '08:00',
        skip_closed_days boolean NOT NULL DEFAULT true,
        lead_days jsonb NOT NULL DEFAULT '{}'
      );
      CREATE TABLE reminder.digest (
        user_id uuid NOT NULL REFERENCES platform.app_user (id),
        day date NOT NULL,
        organisation_id uuid NOT NULL,
        item_count integer NOT NULL,
        delivered_by text NOT NULL,
        subject text,
        body text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, day)
      );
      -- Each manager is told once of each escalated deadline.
      CREATE TABLE reminder.escalation (
        user_id uuid NOT NULL REFERENCES platform.app_user (id),
        deadline_key text NOT NULL,
        escalated_on date NOT NULL,
        PRIMARY KEY (user_id, deadline_key)
      );
      CREATE TABLE reminder.organisation_run (
        organisation_id uuid NOT NULL,
        day date NOT NULL,
        PRIMARY KEY (organisation_id, day)
      );
      CREATE TABLE reminder.webhook (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES platform.organisation (id),
        url text NOT NULL,
        -- The HMAC key must be usable to sign, so it cannot be kept only as a hash.
        secret text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        failing_since timestamptz,
        disabled_at timestamptz,
        deleted_at timestamptz
      );
      CREATE INDEX webhook_organisation ON reminder.webhook (organisation_id) WHERE deleted_at IS NULL;
      CREATE TABLE reminder.webhook_delivery (
        webhook_id uuid NOT NULL REFERENCES reminder.webhook (id),
        event_key text NOT NULL,
        payload jsonb NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        last_status integer,
        last_error text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (webhook_id, event_key)
      );
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SCHEMA reminder CASCADE`);
  }
}
