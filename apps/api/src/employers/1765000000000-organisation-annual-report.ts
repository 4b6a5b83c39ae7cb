import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The latest yearly report a 登録支援機関 filed on the support it carried out (支援実施状況に係る届出,
 * docs/ssw-duties.md §7): the fiscal year it covers and the day it was filed.
 */
export class OrganisationAnnualReport1765000000000 implements MigrationInterface {
  name = 'OrganisationAnnualReport1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE platform.organisation
        ADD COLUMN annual_report_fiscal_year integer CHECK (annual_report_fiscal_year BETWEEN 2019 AND 2100),
        ADD COLUMN annual_report_filed_on date;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE platform.organisation DROP COLUMN annual_report_fiscal_year, DROP COLUMN annual_report_filed_on;`);
  }
}
