import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Employers (所属機関) kept by an organisation, with every version of each record
 * (docs/architecture.md: reference data with its own history, not a resident stream), and what the
 * organisation records about its own registration as a 登録支援機関 (docs/ssw-duties.md §7).
 */
export class CreateEmployers1763856350000 implements MigrationInterface {
  name = 'CreateEmployers1763856350000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE platform.employer (
        id                uuid PRIMARY KEY,
        organisation_id   uuid NOT NULL REFERENCES platform.organisation (id),
        name              text NOT NULL,
        -- NFKC, lower-cased: what a search matches.
        search_text       text NOT NULL,
        corporate_number  text,
        address           text,
        contact           jsonb,
        files_hello_work  boolean NOT NULL DEFAULT false,
        version           integer NOT NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX employer_by_name ON platform.employer (organisation_id, search_text);
      CREATE UNIQUE INDEX employer_corporate_number ON platform.employer (organisation_id, corporate_number)
        WHERE corporate_number IS NOT NULL;

      CREATE TABLE platform.employer_history (
        employer_id     uuid NOT NULL REFERENCES platform.employer (id),
        version         integer NOT NULL,
        organisation_id uuid NOT NULL,
        record          jsonb NOT NULL,
        changed_by      text NOT NULL,
        changed_at      timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (employer_id, version)
      );

      ALTER TABLE platform.organisation
        ADD COLUMN registration_expires_on date,
        ADD COLUMN registration_renewal_applied_on date,
        ADD COLUMN registration_recorded_on date;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE platform.employer_history;
      DROP TABLE platform.employer;
      ALTER TABLE platform.organisation DROP COLUMN registration_expires_on, DROP COLUMN registration_renewal_applied_on,
        DROP COLUMN registration_recorded_on;
    `);
  }
}
