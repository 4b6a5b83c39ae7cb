/**
 * One import at a time per organisation, across every API process on the database: a session
 * advisory lock on the organisation, taken without waiting (a second import is answered 409
 * at once, not queued behind a long one) and held on its own connection for the whole import.
 * A process that dies closes the connection, and PostgreSQL lets the lock go with it.
 */
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { PG_POOL } from '../bootstrap/tokens.js';
import { Failure } from '../failures/failure.js';

/** The advisory locks' first key for imports (the stream locks and the migrations use others). */
const IMPORT_LOCK_SPACE = 0x1d90a7;

export function importRunning(): Failure {
  return new Failure('CONFLICT', 'An import of this organisation is running; send the file again when it has finished.', {
    detailJa: 'この組織の取込みを実行中です。終わってからもう一度送ってください。',
  });
}

@Injectable()
export class ImportLock {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** Runs `work` holding the organisation's import lock, or answers 409 while another import holds it. */
  async holding<T>(organisationId: string, work: () => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [
        IMPORT_LOCK_SPACE,
        organisationId,
      ]);
      if (rows[0]?.locked !== true) throw importRunning();
      try {
        return await work();
      } finally {
        await client
          .query('SELECT pg_advisory_unlock($1, hashtext($2))', [IMPORT_LOCK_SPACE, organisationId])
          .catch((failed: Error) => (broken = failed));
      }
    } finally {
      // A connection whose unlock failed is closed: closing it releases the lock.
      client.release(broken);
    }
  }
}
