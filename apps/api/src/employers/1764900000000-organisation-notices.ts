import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a 登録支援機関 records about its own notices to ISA (docs/ssw-duties.md §7): the latest
 * change of its registered matters (入管法19条の27) and the latest suspension, closure or
 * resumption of its support business (19条の29), each with the day it was notified.
 */
export class OrganisationNotices1764900000000 implements MigrationInterface {
  name = 'OrganisationNotices1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE platform.organisation
        ADD COLUMN registered_matters_changed_on date,
        ADD COLUMN registered_matters_notified_on date,
        ADD COLUMN support_business_change text CHECK (support_business_change IN ('suspended', 'closed', 'resumed')),
        ADD COLUMN support_business_change_on date,
        ADD COLUMN support_business_notified_on date;
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE platform.organisation DROP COLUMN registered_matters_changed_on, DROP COLUMN registered_matters_notified_on,
        DROP COLUMN support_business_change, DROP COLUMN support_business_change_on, DROP COLUMN support_business_notified_on;
    `);
  }
}
