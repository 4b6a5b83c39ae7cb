import type { MigrationInterface, QueryRunner } from 'typeorm';
import { deadlineDueIndexStatements, LIVE_SCHEMA } from '../read-model-tables.js';

/**
 * The caseload list's index with `created_on` included (read-model-tables.ts), built without
 * stopping the projector's writes: CONCURRENTLY, so outside a transaction. A build that failed
 * half-way leaves an invalid index of the same name, which is dropped and built again.
 */
export class DeadlineDueIndex1765200000000 implements MigrationInterface {
  name = 'DeadlineDueIndex1765200000000';
  transaction = false;

  async up(queryRunner: QueryRunner): Promise<void> {
    const invalid: unknown[] = await queryRunner.query(
      `SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = '${LIVE_SCHEMA}' AND c.relname = 'deadline_due' AND NOT i.indisvalid`,
    );
    if (invalid.length > 0) await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS ${LIVE_SCHEMA}.deadline_due`);
    for (const statement of deadlineDueIndexStatements(LIVE_SCHEMA, true)) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS deadline_organisation_id_due_on_id_idx ON ${LIVE_SCHEMA}.deadline (organisation_id, due_on, id)`,
    );
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS ${LIVE_SCHEMA}.deadline_due`);
  }
}
