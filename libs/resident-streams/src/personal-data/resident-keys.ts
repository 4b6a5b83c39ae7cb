/**
 * The table of residents' data keys (schema `vault`), each wrapped by the master key. A row
 * whose key is NULL is an erased resident: what was sealed with it can never be read again.
 * Kept in PostgreSQL whichever event store holds the events (KurrentDB too).
 */
import type pg from 'pg';
import { hkdfSync } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { KEY_BYTES, newDataKey, unwrapDataKey, wrapDataKey } from './data-keys.js';

export class PersonalDataErasedError extends Error {
  constructor(readonly residentId: string) {
    super(`The personal data of resident ${residentId} was erased: nothing personal can be recorded for them.`);
    this.name = 'PersonalDataErasedError';
  }
}

/**
 * A resident whose personal values cannot be opened: a sealed value or the wrapped data key was
 * damaged in the database. Only that resident's reads fail (the projection quarantines it, the
 * API answers RESIDENT_UNREADABLE); the organisation is named so that a read can still tell
 * whose resident it is without showing another organisation's.
 */
export class UnreadableSealError extends Error {
  constructor(
    readonly residentId: string,
    readonly organisationId: string | null,
    what: string,
  ) {
    super(`The personal data of resident ${residentId} cannot be opened: ${what}.`);
    this.name = 'UnreadableSealError';
  }
}

/** A wrapped data key that does not open with the master key (damaged in the database). */
export const DAMAGED_KEY = Symbol('damaged data key');

/** A resident's key: the key, `null` once erased, DAMAGED_KEY, or absent (nothing was ever sealed). */
export type KeyLookup = ReadonlyMap<string, Buffer | null | typeof DAMAGED_KEY>;

const SCHEMA_LOCK = 0x7a76_0001;

/**
 * Unwrapped keys kept, by resident, beside the wrapped bytes they came from. A list of 500
 * residents whose names share their first letters opens all 500 rows to order them, and
 * unwrapping each key again (and making its KeyObject again, data-keys.ts) was half of that
 * list's CPU. Every read still reads the wrapped key from the table: a kept key is used only
 * when the table still holds the same wrapped bytes, so an erased resident (NULL there) is never
 * opened with it, in this process or another.
 */
const KEPT_KEYS = 20_000;

export class ResidentKeys {
  private readonly organisationKeys = new Map<string, Buffer>();
  private readonly unwrapped = new LRUCache<string, { wrapped: Buffer; key: Buffer }>({ max: KEPT_KEYS });

  constructor(
    private readonly pool: pg.Pool,
    private readonly masterKey: Buffer,
  ) {}

  /**
   * The organisation's key for keyed hashes (the read models' search words, card numbers, the
   * duplicate check): derived from the master key, so it needs no table and is the same in
   * every process; one organisation's hashes say nothing of another's.
   */
  organisationKey(organisationId: string): Buffer {
    let key = this.organisationKeys.get(organisationId);
    if (key === undefined) {
      key = Buffer.from(hkdfSync('sha256', this.masterKey, 'zairyu-ledger read models', `organisation:${organisationId}`, KEY_BYTES));
      this.organisationKeys.set(organisationId, key);
    }
    return key;
  }

  /** Creates the table once; several processes starting together wait for each other. */
  async ensureTable(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      await client.query(`
        CREATE SCHEMA IF NOT EXISTS vault;
        CREATE TABLE IF NOT EXISTS vault.resident_key (
          resident_id     uuid PRIMARY KEY,
          organisation_id uuid NOT NULL,
          wrapped_key     bytea,
          created_at      timestamptz NOT NULL DEFAULT now(),
          erased_at       timestamptz,
          CHECK ((wrapped_key IS NULL) = (erased_at IS NOT NULL))
        )`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * The keys to seal with, made on first use, for any number of residents at once (an import
   * seals thousands, a recorded fact one resident whose key exists already); refused if any of
   * them is erased.
   */
  async keysToSeal(residents: ReadonlyMap<string, string>): Promise<KeyLookup> {
    // In one order, so two imports that share residents cannot deadlock on the key rows.
    const residentIds = [...residents.keys()].sort();
    if (residentIds.length === 0) return new Map();
    // Most residents have a key already (every fact after the registration, every rebuild): a
    // key is made, and wrapped, only for those that have none.
    let keys = await this.keysOf(residentIds);
    const missing = residentIds.filter((id) => !keys.has(id));
    if (missing.length > 0) {
      // Another transaction may win the insert of a key: its row is then read again below.
      const { rows } = await this.pool.query<{ resident_id: string; wrapped_key: Buffer | null }>(
        `INSERT INTO vault.resident_key (resident_id, organisation_id, wrapped_key)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bytea[]) ON CONFLICT (resident_id) DO NOTHING
         RETURNING resident_id, wrapped_key`,
        [missing, missing.map((id) => residents.get(id)), missing.map((id) => wrapDataKey(this.masterKey, id, newDataKey()))],
      );
      keys = new Map([...keys, ...this.unwrapRows(rows)]);
      if (missing.some((id) => !keys.has(id))) keys = await this.keysOf(residentIds);
    }
    const erased = residentIds.find((id) => !keys.get(id));
    if (erased !== undefined) throw new PersonalDataErasedError(erased);
    const damaged = residentIds.find((id) => keys.get(id) === DAMAGED_KEY);
    if (damaged !== undefined) throw new UnreadableSealError(damaged, residents.get(damaged) ?? null, 'its data key is damaged');
    return keys;
  }

  /** The keys of these residents; one that does not unwrap is DAMAGED_KEY, so that it fails that resident's reads alone. */
  async keysOf(residentIds: readonly string[]): Promise<KeyLookup> {
    if (residentIds.length === 0) return new Map();
    // One resident (every recorded fact) by its key alone: PostgreSQL keeps one plan for that, where
    // for `= ANY(…)` it planned again on every call (bench/README.md, "Statements planned once").
    const { rows } = await this.pool.query<{ resident_id: string; wrapped_key: Buffer | null }>(
      residentIds.length === 1
        ? {
            name: 'zairyu-resident-key',
            text: `SELECT resident_id, wrapped_key FROM vault.resident_key WHERE resident_id = $1::uuid`,
            values: [residentIds[0]],
          }
        : {
            name: 'zairyu-resident-keys',
            text: `SELECT resident_id, wrapped_key FROM vault.resident_key WHERE resident_id = ANY($1::uuid[])`,
            values: [residentIds],
          },
    );
    return this.unwrapRows(rows);
  }

  private unwrapRows(rows: ReadonlyArray<{ resident_id: string; wrapped_key: Buffer | null }>): KeyLookup {
    const keys = new Map<string, Buffer | null | typeof DAMAGED_KEY>();
    for (const row of rows) keys.set(row.resident_id, row.wrapped_key === null ? null : this.unwrap(row.resident_id, row.wrapped_key));
    return keys;
  }

  private unwrap(residentId: string, wrapped: Buffer): Buffer | typeof DAMAGED_KEY {
    const kept = this.unwrapped.get(residentId);
    if (kept !== undefined && kept.wrapped.equals(wrapped)) return kept.key;
    try {
      const key = unwrapDataKey(this.masterKey, residentId, wrapped);
      this.unwrapped.set(residentId, { wrapped, key });
      return key;
    } catch {
      return DAMAGED_KEY;
    }
  }

  /** Crypto-shredding: the key is gone, in every process, from the next read on. */
  async destroy(residentId: string, organisationId: string): Promise<void> {
    this.unwrapped.delete(residentId);
    await this.pool.query(
      `INSERT INTO vault.resident_key (resident_id, organisation_id, wrapped_key, erased_at) VALUES ($1, $2, NULL, now())
       ON CONFLICT (resident_id) DO UPDATE SET wrapped_key = NULL, erased_at = coalesce(vault.resident_key.erased_at, now())`,
      [residentId, organisationId],
    );
  }
}
