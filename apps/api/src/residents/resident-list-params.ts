/** The list filters of GET /v1/residents (and its .csv / .xlsx exports), checked: 400 names each one at fault. */
import { isStatusCode, type FieldError } from '@zairyu/domain';
import { CLOSED_FILTERS, PENDING_FILTERS, type ResidentFilters } from '@zairyu/read-model';
import type { Principal } from '../auth/principal.js';
import { invalidInput } from '../failures/failure.js';
import { dateParam } from '../http/query-params.js';
import { assigneeParam } from './assignment.js';

export interface ResidentListQuery {
  assignedTo?: string;
  query?: string;
  status?: string;
  periodExpiresFrom?: string;
  periodExpiresTo?: string;
  inJapan?: string;
  pending?: string;
  closed?: string;
}

/** `caller` reads `assignedTo=me`. */
export function residentFilters(raw: ResidentListQuery, caller: Principal): ResidentFilters {
  const errors: FieldError[] = [];
  const filters: ResidentFilters = {};
  if (raw.query !== undefined) {
    if (raw.query.length > 200) errors.push({ field: 'query', message: 'must be at most 200 characters' });
    else filters.query = raw.query;
  }
  if (raw.status !== undefined && raw.status !== '') {
    if (isStatusCode(raw.status)) filters.status = raw.status;
    else errors.push({ field: 'status', message: 'must be a status code (docs/domain-rules.md §3)' });
  }
  for (const name of ['periodExpiresFrom', 'periodExpiresTo'] as const) {
    try {
      const date = dateParam(name, raw[name], null);
      if (date !== null) filters[name] = date;
    } catch {
      errors.push({ field: name, message: 'must be a calendar date YYYY-MM-DD' });
    }
  }
  if (raw.inJapan !== undefined && raw.inJapan !== '') {
    if (raw.inJapan === 'true' || raw.inJapan === 'false') filters.inJapan = raw.inJapan === 'true';
    else errors.push({ field: 'inJapan', message: 'must be true or false' });
  }
  if (raw.pending !== undefined && raw.pending !== '') {
    if ((PENDING_FILTERS as readonly string[]).includes(raw.pending)) filters.pending = raw.pending as ResidentFilters['pending'];
    else errors.push({ field: 'pending', message: `must be one of: ${PENDING_FILTERS.join(', ')}` });
  }
  const assignee = assigneeParam(raw.assignedTo, caller);
  if (assignee !== undefined) filters.assignedTo = assignee;
  if (raw.closed !== undefined && raw.closed !== '') {
    if ((CLOSED_FILTERS as readonly string[]).includes(raw.closed)) filters.closed = raw.closed as ResidentFilters['closed'];
    else errors.push({ field: 'closed', message: `must be one of: ${CLOSED_FILTERS.join(', ')}` });
  }
  if (errors.length > 0) throw invalidInput('The list filters are not valid.', errors);
  return filters;
}
