import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People who sign in: users, their one-time access links, server-side sessions, TOTP recovery
 * codes, the sign-in throttle and the security log. Every secret is kept only as a hash (the
 * TOTP secret excepted: the server needs it to check codes, and never shows it again).
 */
export class CreatePeople1763856200000 implements MigrationInterface {
  name = 'CreatePeople1763856200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE platform.organisation ADD COLUMN require_totp boolean NOT NULL DEFAULT false;

      CREATE TABLE platform.app_user (
        id uuid PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES platform.organisation (id),
        name text NOT NULL,
        email text NOT NULL,
        role text NOT NULL,
        password_hash text,
        disabled_at timestamptz,
        totp_secret text,
        totp_pending_secret text,
        totp_last_step bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_sign_in_at timestamptz
      );
      CREATE UNIQUE INDEX app_user_email ON platform.app_user (lower(email));
      CREATE INDEX app_user_organisation ON platform.app_user (organisation_id);

      CREATE TABLE platform.access_link (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES platform.app_user (id),
        purpose text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        withdrawn_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX access_link_user ON platform.access_link (user_id);

      CREATE TABLE platform.user_session (
        id uuid PRIMARY KEY,
        secret_hash text NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES platform.app_user (id),
        organisation_id uuid NOT NULL REFERENCES platform.organisation (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz,
        address text,
        user_agent text
      );
      CREATE INDEX user_session_user ON platform.user_session (user_id) WHERE ended_at IS NULL;

      CREATE TABLE platform.recovery_code (
        user_id uuid NOT NULL REFERENCES platform.app_user (id),
        code_hash text NOT NULL,
        used_at timestamptz,
        PRIMARY KEY (user_id, code_hash)
      );

      CREATE TABLE platform.sign_in_throttle (
        subject text PRIMARY KEY,
        failures integer NOT NULL,
        last_failure_at timestamptz NOT NULL,
        blocked_until timestamptz NOT NULL
      );

      CREATE TABLE platform.security_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organisation_id uuid REFERENCES platform.organisation (id),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        kind text NOT NULL,
        actor text NOT NULL,
        actor_name text,
        address text,
        subject text,
        detail jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX security_event_organisation ON platform.security_event (organisation_id, id DESC);

      -- Append-only, whoever connects: a row once written is never changed or removed.
      CREATE FUNCTION platform.security_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the security log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER security_event_append_only BEFORE UPDATE OR DELETE ON platform.security_event
        FOR EACH ROW EXECUTE FUNCTION platform.security_event_is_append_only();
      CREATE TRIGGER security_event_no_truncate BEFORE TRUNCATE ON platform.security_event
        FOR EACH STATEMENT EXECUTE FUNCTION platform.security_event_is_append_only();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE platform.security_event, platform.sign_in_throttle, platform.recovery_code, platform.user_session,
        platform.access_link, platform.app_user;
      DROP FUNCTION platform.security_event_is_append_only();
      ALTER TABLE platform.organisation DROP COLUMN require_totp;
    `);
  }
}
