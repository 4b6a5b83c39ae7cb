/**
 * The caseload list's filters and search as SQL over `read_model.resident_summary s`
 * (docs/api-v1.md additions of 2026-11-23). Status, period and presence are read off the status
 * timeline as of the date asked, so the list agrees with each resident's own status.
 */
import { cardNumberForm, type LocalDate } from '@zairyu/domain';
import { searchPrefix, searchWords } from '../search/search-text.js';

export const PENDING_FILTERS = ['extension', 'status_change', 'permanent', 'acquisition', 'any'] as const;
export const CLOSED_FILTERS = ['false', 'true', 'any'] as const;

export interface ResidentFilters {
  query?: string;
  status?: string;
  periodExpiresFrom?: LocalDate;
  periodExpiresTo?: LocalDate;
  inJapan?: boolean;
  pending?: (typeof PENDING_FILTERS)[number];
  /** A user id, or null for nobody in charge (apps/api people/assignment.ts reads `me` and `none`). */
  assignedTo?: string | null;
  closed?: (typeof CLOSED_FILTERS)[number];
}

export interface FilterSql {
  /** Joins after `FROM read_model.resident_summary s`. */
  from: string;
  where: string;
  params: unknown[];
}

/** The status segment in force on the date: the last one that began by then. */
const CURRENT_STATUS = `CROSS JOIN LATERAL (
    SELECT seg->'status'->'residence' AS residence FROM jsonb_array_elements(s.status_timeline) seg
    WHERE seg->>'from' IS NULL OR seg->>'from' <= $ASOF ORDER BY seg->>'from' DESC NULLS LAST LIMIT 1) cur`;

/**
 * `params` starts with the organisation id ($1); filters add theirs after it. Each word of the
 * search must begin some word of a name or the external reference (resident_search_token keeps
 * the keyed hash of every beginning of every word: an index look-up per word); a card number
 * finds its holder through the card registry, by its keyed hash. `hash` is the organisation's.
 */
export function residentFilterSql(
  organisationId: string,
  filters: ResidentFilters,
  asOf: LocalDate,
  hash: (text: string) => string,
): FilterSql {
  const params: unknown[] = [organisationId];
  const add = (value: unknown) => `$${params.push(value)}`;
  const where = ['s.organisation_id = $1'];
  const joins: string[] = [];
  const query = (filters.query ?? '').trim();
  const card = query === '' ? null : cardNumberForm(query);
  if (card !== null) {
    where.push(
      `s.resident_id IN (SELECT resident_id FROM read_model.card_registry WHERE organisation_id = $1 AND card_number = ${add(hash(card))})`,
    );
  } else if (query !== '') {
    const words = searchWords(query).slice(0, 8);
    if (words.length === 0) where.push('false');
    // The residents every word finds, intersected once (an InitPlan of index-only scans),
    // then read by primary key. One IN filter per word made PostgreSQL read and hash the whole
    // caseload instead (365 ms p50 at 100,000 residents; bench/README.md).
    else {
      const found = words.map(
        (word) =>
          `SELECT resident_id FROM read_model.resident_search_token WHERE organisation_id = $1 AND token = ${add(hash(searchPrefix(word)))}`,
      );
      where.push(`s.resident_id = ANY (ARRAY(${found.join(' INTERSECT ')}))`);
    }
  }
  const closed = filters.closed ?? 'false';
  if (closed !== 'any') where.push(`s.closed = ${closed === 'true'}`);
  if (filters.assignedTo === null) where.push('s.assigned_to IS NULL');
  else if (filters.assignedTo !== undefined) where.push(`s.assigned_to = ${add(filters.assignedTo)}`);
  if (filters.pending === 'any') where.push('s.pending_application IS NOT NULL');
  else if (filters.pending !== undefined) where.push(`s.pending_application->>'type' = ${add(filters.pending)}`);

  const needsStatus =
    filters.status !== undefined ||
    filters.periodExpiresFrom !== undefined ||
    filters.periodExpiresTo !== undefined ||
    filters.inJapan !== undefined;
  if (needsStatus) {
    joins.push(CURRENT_STATUS.replace('$ASOF', add(asOf)));
    if (filters.status !== undefined) where.push(`cur.residence->>'status' = ${add(filters.status)}`);
    if (filters.periodExpiresFrom !== undefined)
      where.push(`(cur.residence->>'periodExpiresOn')::date >= ${add(filters.periodExpiresFrom)}::date`);
    if (filters.periodExpiresTo !== undefined)
      where.push(`(cur.residence->>'periodExpiresOn')::date <= ${add(filters.periodExpiresTo)}::date`);
    if (filters.inJapan !== undefined) where.push(`(cur.residence->>'inJapan')::boolean = ${add(filters.inJapan)}`);
  }
  return { from: joins.join(' '), where: where.join(' AND '), params };
}
