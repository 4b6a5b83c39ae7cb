/**
 * The caseload's deadlines, from the read model, in due order (docs/api-v1.md "Deadlines"), with
 * the organisation's own deadlines (`residentId: null`, docs/ssw-duties.md §7) among them, filtered
 * and paged in one query.
 */
import { Inject, Optional } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import { owedByOf, type DeadlineKind, type DeadlineState, type LocalDate, type OwedBy } from '@zairyu/domain';
import { DATA_SOURCE, PROJECTION } from '../bootstrap/tokens.js';
import type { ProjectionHandle } from '../projection/read-your-writes.js';
import type { AssigneeFilter } from '../people/assignment.js';
import { employerNames } from '../employers/employer-names.js';
import { OrganisationRegistrations } from '../employers/organisation-registration.js';
import { deadlineRowView, DEADLINE_STATE_SQL, type DeadlineRow } from './deadline-rows.js';

export interface DeadlineFilter {
  from: LocalDate | null;
  to: LocalDate | null;
  states: DeadlineState[];
  kinds: DeadlineKind[];
  asOf: LocalDate;
  page: number;
  pageSize: number;
  /** Only the deadlines of residents this user is in charge of (null: of nobody's). */
  assignedTo?: AssigneeFilter;
  /** Who must act (docs/ssw-duties.md §1); none: everyone. */
  owedBy?: OwedBy[];
  /** The employer a filing concerns (a record id or a name). */
  employer?: string | null;
}

export class ListDeadlines extends Query<{ items: Array<ReturnType<typeof deadlineRowView> & { employerName?: string }>; total: number }> {
  constructor(
    readonly organisationId: string,
    readonly filter: DeadlineFilter,
  ) {
    super();
  }
}

/** The residents' deadline rows and the organisation's own ones (`$5`), as one relation `d`. */
const DEADLINES_AND_ORGANISATION_DEADLINES = `(
  SELECT organisation_id, id, resident_id, resident_name, kind, created_on, opens_on, due_on, statutory_due_on, met_on, void_on,
         source_event_id, owed_by, employer
  FROM read_model.deadline
  UNION ALL
  SELECT $1::uuid, id, NULL::uuid, NULL::text, kind, created_on, opens_on, due_on, statutory_due_on, met_on, void_on,
         source_event_id, owed_by, NULL::text
  FROM jsonb_to_recordset($5::jsonb) AS o(id text, kind text, created_on date, opens_on date, due_on date, statutory_due_on date,
         met_on date, void_on date, source_event_id text, owed_by text))`;

@QueryHandler(ListDeadlines)
export class ListDeadlinesHandler implements IQueryHandler<ListDeadlines> {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
    @Optional() private readonly registrations?: OrganisationRegistrations,
  ) {}

  async execute({ organisationId, filter }: ListDeadlines) {
    await this.projection.caughtUp(organisationId);
    const own = ((await this.registrations?.deadlinesOf(organisationId)) ?? []).map((deadline) => ({
      id: deadline.id,
      kind: deadline.kind,
      created_on: deadline.createdOn,
      opens_on: deadline.opensOn,
      due_on: deadline.dueOn,
      statutory_due_on: deadline.statutoryDueOn,
      met_on: deadline.metOn,
      void_on: deadline.voidOn,
      source_event_id: deadline.sourceEventId,
      owed_by: owedByOf(deadline.kind),
    }));
    const params: unknown[] = [organisationId, filter.from ?? '0001-01-01', filter.asOf, filter.to ?? '9999-12-31', JSON.stringify(own)];
    let where = `d.organisation_id = $1 AND d.due_on >= $2::date AND d.due_on <= $4::date AND d.created_on <= $3::date`;
    if (filter.states.length > 0) {
      params.push(filter.states);
      where += ` AND ${DEADLINE_STATE_SQL} = ANY($${params.length}::text[])`;
    }
    if (filter.kinds.length > 0) {
      params.push(filter.kinds);
      where += ` AND d.kind = ANY($${params.length}::text[])`;
    }
    if (filter.assignedTo !== undefined) {
      params.push(filter.assignedTo);
      where += ` AND EXISTS (SELECT 1 FROM read_model.resident_summary s WHERE s.organisation_id = d.organisation_id
        AND s.resident_id = d.resident_id AND s.assigned_to IS NOT DISTINCT FROM $${params.length}::text)`;
    }
    if (filter.owedBy !== undefined && filter.owedBy.length > 0) {
      params.push(filter.owedBy);
      where += ` AND d.owed_by = ANY($${params.length}::text[])`;
    }
    if (filter.employer != null) {
      params.push(filter.employer);
      where += ` AND d.employer = $${params.length}`;
    }
    const n = params.length;
    const rows: Array<DeadlineRow & { total: string }> = await this.dataSource.query(
      `SELECT d.id, d.resident_id, d.resident_name, d.kind, d.created_on::text AS created_on, d.opens_on::text AS opens_on,
              d.due_on::text AS due_on, d.statutory_due_on::text AS statutory_due_on, d.met_on::text AS met_on,
              d.void_on::text AS void_on, d.source_event_id, d.employer, count(*) OVER () AS total
       FROM ${DEADLINES_AND_ORGANISATION_DEADLINES} d WHERE ${where}
       ORDER BY d.due_on, d.id LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    const total =
      rows.length > 0
        ? Number(rows[0]!.total)
        : Number(
            (await this.dataSource.query(`SELECT count(*) AS n FROM ${DEADLINES_AND_ORGANISATION_DEADLINES} d WHERE ${where}`, params))[0]
              .n,
          );
    const names = await employerNames(
      this.dataSource,
      organisationId,
      rows.map((row) => row.employer),
    );
    // An employer's filing shows the employer's name beside its record id (the board groups by it).
    const items = rows.map((row) => {
      const view = deadlineRowView(row, filter.asOf);
      return view.employer == null ? view : { ...view, employerName: names.get(view.employer) ?? view.employer };
    });
    return { items, total };
  }
}
