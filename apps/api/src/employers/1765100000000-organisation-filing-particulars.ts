import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the SSW filing drafts print about the 登録支援機関 itself (docs/ssw-duties.md §9): its
 * registration number (登録番号, e.g. 19登-000123), the address of its head office or main office,
 * and its telephone number. Checked by the API (organisation-particulars.ts); the column checks
 * only keep what is stored short.
 */
export class OrganisationFilingParticulars1765100000000 implements MigrationInterface {
  name = 'OrganisationFilingParticulars1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE platform.organisation
        ADD COLUMN support_registration_number text CHECK (char_length(support_registration_number) <= 20),
        ADD COLUMN address text CHECK (char_length(address) <= 200),
        ADD COLUMN phone text CHECK (char_length(phone) <= 20);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE platform.organisation DROP COLUMN support_registration_number, DROP COLUMN address, DROP COLUMN phone;`,
    );
  }
}
