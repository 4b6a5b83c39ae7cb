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
    PRIMARY KEY (organisation_id, resident_id)
  );
  CREATE INDEX ON ${schema}.resident_summary (organisation_id, assigned_to);
  -- Search by name prefix (case-insensitive), external ref and current card number.
  CREATE INDEX ON ${schema}.resident_summary (organisation_id, lower(full_name) text_pattern_ops);
  CREATE INDEX ON ${schema}.resident_summary (organisation_id, external_ref);
  CREATE INDEX ON ${schema}.resident_summary (organisation_id, registered_at, resident_id);

  CREATE TABLE ${schema}.card_registry (
    organisation_id     uuid NOT NULL,
    card_number         text NOT NULL,
    resident_id         uuid NOT NULL,
    kind                text NOT NULL,
    issued_on           date NOT NULL,
    expires_on          date NOT NULL,
    invalidated_on      date,
    invalidation_reason text,
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
    PRIMARY KEY (organisation_id, resident_id, id)
  );
  -- The caseload list: one organisation's deadlines in due order.
  CREATE INDEX ON ${schema}.deadline (organisation_id, due_on, id);
  CREATE INDEX ON ${schema}.deadline (organisation_id, resident_id);

  CREATE TABLE ${schema}.projection_checkpoint (
    name       text PRIMARY KEY,
    position   text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  );
  `;
}
