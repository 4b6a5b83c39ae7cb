/**
 * The read-model tables, in one schema so that a rebuild can fill a fresh schema and swap it
 * in whole. The live schema is `read_model`; a rebuild fills `read_model_next`.
 */
export const LIVE_SCHEMA = 'read_model';
export const REBUILD_SCHEMA = 'read_model_next';
export type ReadModelSchema = typeof LIVE_SCHEMA | typeof REBUILD_SCHEMA;

export function readModelTablesSql(schema: ReadModelSchema): string {
  return `
  CREATE SCHEMA IF NOT EXISTS ${schema};
  CREATE TABLE ${schema}.resident_summary (
    organisation_id uuid NOT NULL,
    resident_id     uuid NOT NULL,
    full_name       text NOT NULL,
    date_of_birth   date NOT NULL,
    nationality     text NOT NULL,
    gender          text,
    external_ref    text,
    notes           text,
    version         integer NOT NULL,
    card_number     text,
    -- Status from each day it changes (libs/domain status-timeline.ts): answers "as of" any date.
    status_timeline jsonb STORAGE EXTERNAL NOT NULL,
    registered_at   timestamptz NOT NULL,
    -- The user in charge of the file (CaseAssigned, or the registration's assignedTo).
    assigned_to     text,
    -- Specified Skilled Worker: the current employer (a record id or a name) and the panel's input.
    employer        text,
    ssw_panel       jsonb,
    PRIMARY KEY (organisation_id, resident_id)
  );
  CREATE INDEX ON ${schema}.resident_summary (organisation_id, assigned_to);
  ${residentProfileSql(schema)}
  -- Search by name prefix (case-insensitive), external ref and current card number.
  CREATE INDEX ON ${schema}.resident_summary (organisation_id, lower(full_name) text_pattern_ops);
  CREATE INDEX ON ${schema}.resident_summary (organisation_id, external_ref);
  CREATE INDEX ON ${schema}.resident_summary (organisation_id, registered_at, resident_id);

  -- Whose card a number is: every number a resident has held. A card's state as of a date is
  -- read from the resident's stream (apps/api/src/cards/get-card.handler.ts): no dates here.
  CREATE TABLE ${schema}.card_registry (
    organisation_id uuid NOT NULL,
    card_number     text NOT NULL,
    resident_id     uuid NOT NULL,
    PRIMARY KEY (organisation_id, card_number)
  );
  CREATE INDEX ON ${schema}.card_registry (organisation_id, resident_id);

  CREATE TABLE ${schema}.deadline (
    organisation_id  uuid NOT NULL,
    id               text NOT NULL,
    resident_id      uuid NOT NULL,
    resident_name    text NOT NULL,
    kind             text NOT NULL,
    created_on       date NOT NULL,
    opens_on         date,
    statutory_due_on date NOT NULL,
    due_on           date NOT NULL,
    met_on           date,
    void_on          date,
    source_event_id  text NOT NULL,
    -- resident | employer | organisation (docs/ssw-duties.md §1), and the employer a filing is owed by.
    owed_by          text NOT NULL DEFAULT 'resident',
    employer         text,
    PRIMARY KEY (organisation_id, resident_id, id)
  );
  ${deadlineDueIndexStatements(schema).join(';\n  ')};
  CREATE INDEX ON ${schema}.deadline (organisation_id, resident_id);

  CREATE TABLE ${schema}.projection_checkpoint (
    name       text PRIMARY KEY,
    position   text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  );
  ${projectionQuarantineSql(schema)}
  ${sealedColumnsSql(schema)}
  `;
}

/**
 * The read models with the person's data sealed (sealing/read-model-seal.ts): the personal
 * columns of a summary become one sealed value, search words, card numbers and the duplicate
 * key become keyed hashes, and a deadline no longer repeats the name. Idempotent, so the same
 * text turns a database made before it (migration 1764900000000, which projects again from the
 * start) and makes fresh tables.
 */
export function sealedColumnsSql(schema: ReadModelSchema): string {
  return `
  ALTER TABLE ${schema}.resident_summary
    DROP COLUMN IF EXISTS full_name, DROP COLUMN IF EXISTS date_of_birth, DROP COLUMN IF EXISTS gender,
    DROP COLUMN IF EXISTS external_ref, DROP COLUMN IF EXISTS notes, DROP COLUMN IF EXISTS card_number,
    DROP COLUMN IF EXISTS profile, DROP COLUMN IF EXISTS name_key,
    -- Name, date of birth, gender, external ref, notes, card number and profile, sealed as one.
    ADD COLUMN IF NOT EXISTS sealed bytea NOT NULL DEFAULT '\\x',
    -- The first characters of the lower-cased name: the list's order in SQL (read-model-seal.ts).
    ADD COLUMN IF NOT EXISTS name_sort text COLLATE "C" NOT NULL DEFAULT '',
    -- Keyed hashes: name words, date of birth and nationality (the duplicate check); the profile's employer.
    ADD COLUMN IF NOT EXISTS person_key text NOT NULL DEFAULT '',
    ADD COLUMN IF NOT EXISTS employer_key text;
  CREATE INDEX IF NOT EXISTS resident_summary_name_sort ON ${schema}.resident_summary (organisation_id, name_sort, resident_id);
  CREATE INDEX IF NOT EXISTS resident_summary_person_key ON ${schema}.resident_summary (organisation_id, person_key);
  CREATE INDEX IF NOT EXISTS resident_summary_employer_key ON ${schema}.resident_summary (organisation_id, employer_key);
  ALTER TABLE ${schema}.deadline DROP COLUMN IF EXISTS resident_name;
  `;
}

/**
 * The caseload list's index: one organisation's deadlines in due order. `created_on` rides along
 * so that the list's count (a 30-day window holds 10,000 rows at 100,000 residents) is read from
 * the index alone, not from as many heap pages; it never changes once a deadline exists, so a
 * deadline met or voided can still be updated in place (HOT). `concurrently` for a live table
 * (migration 1765200000000), one statement at a time; idempotent, so the same statements turn a
 * database made before it.
 */
export function deadlineDueIndexStatements(schema: ReadModelSchema, concurrently = false): string[] {
  const how = concurrently ? 'CONCURRENTLY ' : '';
  return [
    `CREATE INDEX ${how}IF NOT EXISTS deadline_due ON ${schema}.deadline (organisation_id, due_on, id) INCLUDE (created_on)`,
    `DROP INDEX ${how}IF EXISTS ${schema}.deadline_organisation_id_due_on_id_idx`,
  ];
}

/**
 * Residents whose events the projection could not turn into rows (projection/quarantine.ts):
 * their last good rows stay, everyone else's go on being projected. Idempotent, so the same
 * text adds it to a database made before it (migration 1764823000000). The id is text: a stream
 * name that holds no UUID must be recordable too.
 */
export function projectionQuarantineSql(schema: ReadModelSchema): string {
  return `
  CREATE TABLE IF NOT EXISTS ${schema}.projection_quarantine (
    resident_id     text PRIMARY KEY,
    organisation_id text,
    -- The stream's last version when it failed (null: the stream could not be read).
    version         integer,
    error           text NOT NULL,
    quarantined_at  timestamptz NOT NULL DEFAULT now()
  );
  `;
}

/**
 * The profile, case and search columns (docs/api-v1.md additions of 2026-11-23). Idempotent, so
 * the same text adds them to a database made before them (migration 1764600000000).
 */
export function residentProfileSql(schema: ReadModelSchema): string {
  return `
  ALTER TABLE ${schema}.resident_summary
    ADD COLUMN IF NOT EXISTS profile jsonb NOT NULL DEFAULT '{}',
    ADD COLUMN IF NOT EXISTS name_key text NOT NULL DEFAULT '',
    ADD COLUMN IF NOT EXISTS closed boolean NOT NULL DEFAULT false,
    ADD COLUMN IF NOT EXISTS pending_application jsonb;
  -- The duplicate check at registration: same name words, date of birth and nationality.
  CREATE INDEX IF NOT EXISTS resident_summary_duplicate ON ${schema}.resident_summary (organisation_id, date_of_birth, name_key);

  -- Search: one row per word a resident is found by (search-text.ts); "C" collation so that
  -- a prefix LIKE is an index range scan.
  CREATE TABLE IF NOT EXISTS ${schema}.resident_search_token (
    organisation_id uuid NOT NULL,
    token           text COLLATE "C" NOT NULL,
    resident_id     uuid NOT NULL,
    PRIMARY KEY (organisation_id, token, resident_id)
  );
  CREATE INDEX IF NOT EXISTS resident_search_token_resident ON ${schema}.resident_search_token (resident_id);
  `;
}
