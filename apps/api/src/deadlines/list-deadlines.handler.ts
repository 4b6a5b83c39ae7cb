/** The caseload's deadlines, from the read model, in due order (api-v1.md "Deadlines"). */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import type { DeadlineKind, DeadlineState, LocalDate } from '@zairyu/domain';
import { DATA_SOURCE, PROJECTION } from '../bootstrap/tokens.js';
import type { ProjectionHandle } from '../bootstrap/projection-handle.js';
import type { AssigneeFilter } from '../people/assignment.js';
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
}

export class ListDeadlines extends Query<{ items: Array<ReturnType<typeof deadlineRowView>>; total: number }> {
  constructor(
    readonly organisationId: string,
    readonly filter: DeadlineFilter,
  ) {
    super();
  }
}

@QueryHandler(ListDeadlines)
export class ListDeadlinesHandler implements IQueryHandler<ListDeadlines> {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
  ) {}

  async execute({ organisationId, filter }: ListDeadlines) {
    await this.projection.caughtUp();
    const params: unknown[] = [organisationId, filter.from ?? '0001-01-01', filter.asOf, filter.to ?? '9999-12-31'];
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
    const n = params.length;
    const rows: Array<DeadlineRow & { total: string }> = await this.dataSource.query(
      `SELECT d.id, d.resident_id, d.resident_name, d.kind, d.created_on::text AS created_on, d.opens_on::text AS opens_on,
              d.due_on::text AS due_on, d.statutory_due_on::text AS statutory_due_on, d.met_on::text AS met_on,
              d.void_on::text AS void_on, d.source_event_id, count(*) OVER () AS total
       FROM read_model.deadline d WHERE ${where}
       ORDER BY d.due_on, d.id LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
    );
    const total =
      rows.length > 0
        ? Number(rows[0]!.total)
        : Number((await this.dataSource.query(`SELECT count(*) AS n FROM read_model.deadline d WHERE ${where}`, params))[0].n);
    return { items: rows.map((row) => deadlineRowView(row, filter.asOf)), total };
  }
}
