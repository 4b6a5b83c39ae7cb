/**
 * One resident's events must never stop the projection of everyone's: once a NUL in one
 * imported name made every batch fail, and every organisation's lists, search and deadlines
 * stopped. A resident whose stream cannot be read, folded or written is quarantined instead:
 * recorded with the error, its last good rows left as they were, and the batch goes on without
 * it. The next event of that resident (a correction, a retraction, an erasure) projects it again;
 * when that succeeds it leaves the quarantine. /health and the platform admin read the table.
 */
import type pg from 'pg';
import { preparedStatement } from '@zairyu/event-store';
import type { ReadModelSchema } from '../read-model-tables.js';

/** A resident the projection could not project, and why. */
export interface QuarantinedResident {
  residentId: string;
  organisationId: string | null;
  /** The stream's last version when it failed (null: the stream could not be read). */
  version: number | null;
  error: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
/** Data exceptions, integrity violations, program limits: what a row's own values cause. */
const RESIDENT_SQLSTATE_CLASSES = /^(22|23|54)/;
const MAX_ERROR_LENGTH = 300;

/**
 * Whether `error` is the resident's data's doing (and so quarantines it) rather than the
 * database's or the network's (which stop the batch, to be retried). Anything thrown by the fold
 * or by opening a sealed value is the data's.
 */
export function isResidentFault(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return true;
  if (SQLSTATE.test(code)) return RESIDENT_SQLSTATE_CLASSES.test(code);
  // ECONNRESET, ETIMEDOUT, …: the connection's, not the resident's.
  return !/^E[A-Z]+$/.test(code);
}

/**
 * The error as the admin reads it: its SQLSTATE or name and its message (PostgreSQL's leaves the
 * values out; its DETAIL, which has them, is not kept). Made storable whatever the message holds:
 * the quarantine must not fail the way the resident did.
 */
export function describeFault(error: unknown): string {
  let text: string;
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    text = `${typeof code === 'string' && SQLSTATE.test(code) ? `PostgreSQL ${code}` : error.name}: ${error.message}`;
  } else text = String(error);
  // Cut first: a cut may leave half a surrogate pair, which is replaced with the others.
  return (
    text
      .slice(0, MAX_ERROR_LENGTH)
      // eslint-disable-next-line no-control-regex -- control characters are what is being removed
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
  );
}

/** The quarantine table of one read-model schema, written in the projector's transaction. */
export class Quarantine {
  constructor(private readonly schema: ReadModelSchema) {}

  /** Records `failed` (again: the error and version are the latest) and releases `projected`. */
  async update(client: pg.PoolClient, failed: readonly QuarantinedResident[], projected: readonly string[]): Promise<void> {
    if (projected.length > 0)
      await client.query(
        preparedStatement(`DELETE FROM ${this.schema}.projection_quarantine WHERE resident_id = ANY($1::text[])`, [projected]),
      );
    if (failed.length === 0) return;
    await client.query(
      `INSERT INTO ${this.schema}.projection_quarantine (resident_id, organisation_id, version, error)
       SELECT r."residentId", r."organisationId", r.version, r.error
         FROM jsonb_to_recordset($1::jsonb) AS r("residentId" text, "organisationId" text, version integer, error text)
       ON CONFLICT (resident_id) DO UPDATE
         SET organisation_id = excluded.organisation_id, version = excluded.version, error = excluded.error, quarantined_at = now()`,
      [JSON.stringify(failed)],
    );
  }
}
