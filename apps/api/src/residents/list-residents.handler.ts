/**
 * The caseload list and search, from the read model: any word of a name (normalised, see
 * libs/read-model search-text.ts), the katakana reading, an external reference or a card
 * number (current or past), with the list filters of docs/api-v1.md.
 */
import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { DataSource } from 'typeorm';
import {
  sswPanelAsOf,
  statusFromTimeline,
  type LocalDate,
  type PendingApplication,
  type SswPanelInput,
  type StatusSegment,
} from '@zairyu/domain';
import { residentFilterSql, type ResidentFilters, type ResidentProfile } from '@zairyu/read-model';
import { DATA_SOURCE, PROJECTION } from '../bootstrap/tokens.js';
import type { ProjectionHandle } from '../projection/read-your-writes.js';
import { deadlineRowView, DEADLINE_STATE_SQL, type DeadlineRow } from '../deadlines/deadline-rows.js';
import { pendingAsOf, summaryOf, type ResidentSummary } from './resident-views.js';

export class ListResidents extends Query<{ items: Array<ResidentSummary & ResidentProfile>; total: number }> {
  constructor(
    readonly organisationId: string,
    readonly filters: ResidentFilters,
    readonly page: number,
    readonly pageSize: number,
    readonly asOf: LocalDate,
  ) {
    super();
  }
}

interface SummaryRow {
  resident_id: string;
  full_name: string;
  date_of_birth: string;
  nationality: string;
  gender: string | null;
  external_ref: string | null;
  notes: string | null;
  assigned_to: string | null;
  version: number;
  status_timeline: StatusSegment[];
  profile: Partial<ResidentProfile>;
  closed: boolean;
  pending_application: { type: PendingApplication['type']; appliedOn: LocalDate; receiptNumber: string | null } | null;
  ssw_panel: SswPanelInput | null;
  total: string;
}

const EMPTY_PROFILE: ResidentProfile = {
  nameKana: null,
  nameNative: null,
  passportNumber: null,
  passportExpiresOn: null,
  phone: null,
  email: null,
  employer: null,
};

@QueryHandler(ListResidents)
export class ListResidentsHandler implements IQueryHandler<ListResidents> {
  constructor(
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(PROJECTION) private readonly projection: ProjectionHandle,
  ) {}

  async execute({ organisationId, filters, page, pageSize, asOf }: ListResidents) {
    await this.projection.caughtUp(organisationId);
    const { from, where, params } = residentFilterSql(organisationId, filters, asOf);
    const n = params.length;
    const rows: SummaryRow[] = await this.dataSource.query(
      `SELECT s.resident_id, s.full_name, s.date_of_birth::text AS date_of_birth, s.nationality, s.gender, s.external_ref, s.notes, s.assigned_to,
              s.version, s.status_timeline, s.profile, s.closed, s.pending_application, s.ssw_panel, count(*) OVER () AS total
       FROM read_model.resident_summary s ${from} WHERE ${where}
       ORDER BY lower(s.full_name), s.resident_id LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    const next = await this.nextDeadlines(
      organisationId,
      rows.map((row) => row.resident_id),
      asOf,
    );
    const items = rows.map((row) => ({
      ...summaryOf(
        {
          residentId: row.resident_id,
          fullName: row.full_name,
          dateOfBirth: row.date_of_birth,
          nationality: row.nationality,
          gender: row.gender,
          externalRef: row.external_ref,
          notes: row.notes,
          assignedTo: row.assigned_to,
        },
        row.version,
        { ...statusFromTimeline(row.status_timeline, asOf), residentId: row.resident_id },
        next.get(row.resident_id) ?? null,
        {
          profile: { ...EMPTY_PROFILE, ...row.profile },
          closed: row.closed,
          pendingApplication: pendingAsOf(row.pending_application, asOf),
        },
      ),
      ssw: row.ssw_panel === null ? null : sswPanelAsOf(row.ssw_panel, asOf),
    }));
    // Past the last page the window count is missing: count apart.
    const total =
      rows.length > 0
        ? Number(rows[0]!.total)
        : Number(
            (await this.dataSource.query(`SELECT count(*) AS n FROM read_model.resident_summary s ${from} WHERE ${where}`, params))[0].n,
          );
    return { items, total };
  }

  private async nextDeadlines(organisationId: string, residentIds: string[], asOf: LocalDate) {
    if (residentIds.length === 0) return new Map();
    const rows: DeadlineRow[] = await this.dataSource.query(
      `SELECT DISTINCT ON (d.resident_id) d.id, d.resident_id, d.resident_name, d.kind, d.created_on::text AS created_on,
              d.opens_on::text AS opens_on, d.due_on::text AS due_on, d.statutory_due_on::text AS statutory_due_on,
              d.met_on::text AS met_on, d.void_on::text AS void_on, d.source_event_id
       FROM read_model.deadline d
       WHERE d.organisation_id = $1 AND d.resident_id = ANY($2::uuid[]) AND d.created_on <= $3::date
         AND ${DEADLINE_STATE_SQL} IN ('open', 'overdue')
       ORDER BY d.resident_id, d.due_on, d.kind`,
      [organisationId, residentIds, asOf],
    );
    return new Map(
      rows.map((row) => {
        const { residentName: _name, ...deadline } = deadlineRowView(row, asOf);
        return [row.resident_id, deadline];
      }),
    );
  }
}
