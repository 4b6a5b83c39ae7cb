/**
 * One page of the caseload list (GET /v1/residents and its exports): the summary rows that pass
 * the filters and search of resident-filters.ts, by name, their sealed columns opened.
 */
import type { DataSource } from 'typeorm';
import type { LocalDate, PendingApplication, SswPanelInput, StatusSegment } from '@zairyu/domain';
import type { ResidentProfile } from '../projection/resident-profile.js';
import { byName, type PersonalColumns, type ReadModelSeal } from '../sealing/read-model-seal.js';
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

/** The columns a page shows beside the sealed value. */
const COLUMNS = 's.resident_id, s.nationality, s.assigned_to, s.version, s.status_timeline, s.closed, s.pending_application, s.ssw_panel';

/** A summary row as it is stored: the person's columns sealed. */
type StoredListRow = Omit<ResidentListRow, 'full_name' | 'date_of_birth' | 'gender' | 'external_ref' | 'notes' | 'profile'> & {
  sealed: Buffer;
};

export async function residentPage(
  dataSource: DataSource,
  seal: ReadModelSeal,
  organisationId: string,
  filters: ResidentFilters,
  asOf: LocalDate,
  page: number,
  pageSize: number,
): Promise<{ rows: ResidentListRow[]; total: number }> {
  const { from, where, params } = residentFilterSql(organisationId, filters, asOf, (text) => seal.hash(organisationId, text));
  // The names are sealed: SQL orders the rows by their first characters only (name_sort), and
  // the rows of the buckets the page falls in are opened and ordered by the whole name here.
  const buckets: Array<{ name_sort: string; n: string }> = await dataSource.query(
    `SELECT s.name_sort, count(*) AS n FROM read_model.resident_summary s ${from} WHERE ${where} GROUP BY s.name_sort ORDER BY s.name_sort`,
    params,
  );
  const total = buckets.reduce((sum, bucket) => sum + Number(bucket.n), 0);
  const offset = (page - 1) * pageSize;
  const wanted: string[] = [];
  let before = 0;
  let seen = 0;
  for (const bucket of buckets) {
    const n = Number(bucket.n);
    if (seen >= offset + pageSize) break;
    if (seen + n <= offset) before = seen + n;
    else wanted.push(bucket.name_sort);
    seen += n;
  }
  if (wanted.length === 0) return { rows: [], total };
  const bucketRows = seen - before;
  const inBuckets = `FROM read_model.resident_summary s ${from} WHERE ${where} AND s.name_sort = ANY($${params.length + 1}::text[])`;
  let skip = offset - before;
  let stored: Array<Omit<StoredListRow, 'sealed'>>;
  let opened: Map<string, PersonalColumns>;
  if (bucketRows <= pageSize) {
    const whole: StoredListRow[] = await dataSource.query(`SELECT ${COLUMNS}, s.sealed ${inBuckets}`, [...params, wanted]);
    opened = await seal.open(whole);
    stored = whole.map(({ sealed: _sealed, ...row }) => row);
  } else {
    // Buckets larger than the page (a common surname: every NGUYEN is "ng") are ordered from
    // their sealed values alone, and only the page's rows are then read whole: the status
    // timelines of the rows left off the page would be read (and detoasted) for nothing.
    const sealed: Array<{ resident_id: string; sealed: Buffer }> = await dataSource.query(`SELECT s.resident_id, s.sealed ${inBuckets}`, [
      ...params,
      wanted,
    ]);
    opened = await seal.open(sealed);
    const ids = sealed
      .map((row) => ({ residentId: row.resident_id, fullName: opened.get(row.resident_id)!.fullName }))
      .sort(byName)
      .slice(skip, skip + pageSize)
      .map((row) => row.residentId);
    stored = await dataSource.query(
      `SELECT ${COLUMNS} FROM read_model.resident_summary s WHERE s.organisation_id = $1 AND s.resident_id = ANY($2::uuid[])`,
      [organisationId, ids],
    );
    skip = 0;
  }
  const rows = stored
    .map((row) => {
      const personal = opened.get(row.resident_id)!;
      return {
        ...row,
        full_name: personal.fullName,
        date_of_birth: personal.dateOfBirth,
        gender: personal.gender,
        external_ref: personal.externalRef,
        notes: personal.notes,
        profile: personal.profile,
      };
    })
    .sort((a, b) => byName({ fullName: a.full_name, residentId: a.resident_id }, { fullName: b.full_name, residentId: b.resident_id }));
  return { rows: rows.slice(skip, skip + pageSize), total };
}
