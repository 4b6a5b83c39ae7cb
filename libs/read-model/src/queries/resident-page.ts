/**
 * One page of the caseload list (GET /v1/residents and its exports): the summary rows that pass
 * the filters and search of resident-filters.ts, by name.
 */
import type { DataSource } from 'typeorm';
import type { LocalDate, PendingApplication, SswPanelInput, StatusSegment } from '@zairyu/domain';
import type { ResidentProfile } from '../projection/resident-profile.js';
import { residentFilterSql, type ResidentFilters } from './resident-filters.js';

export interface ResidentListRow {
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
}

export async function residentPage(
  dataSource: DataSource,
  organisationId: string,
  filters: ResidentFilters,
  asOf: LocalDate,
  page: number,
  pageSize: number,
): Promise<{ rows: ResidentListRow[]; total: number }> {
  const { from, where, params } = residentFilterSql(organisationId, filters, asOf);
  const n = params.length;
  const rows: Array<ResidentListRow & { total: string }> = await dataSource.query(
    `SELECT s.resident_id, s.full_name, s.date_of_birth::text AS date_of_birth, s.nationality, s.gender, s.external_ref, s.notes, s.assigned_to,
            s.version, s.status_timeline, s.profile, s.closed, s.pending_application, s.ssw_panel, count(*) OVER () AS total
     FROM read_model.resident_summary s ${from} WHERE ${where}
     ORDER BY lower(s.full_name), s.resident_id LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...params, pageSize, (page - 1) * pageSize],
  );
  // Past the last page the window count is missing: count apart.
  const total =
    rows.length > 0
      ? Number(rows[0]!.total)
      : Number((await dataSource.query(`SELECT count(*) AS n FROM read_model.resident_summary s ${from} WHERE ${where}`, params))[0].n);
  return { rows: rows.map(({ total: _total, ...row }) => row), total };
}
