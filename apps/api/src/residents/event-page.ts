/**
 * `GET /v1/residents/{id}/events?after=&limit=`: the history in pages, in version order.
 * Without either parameter the whole history comes back, as before (it is bounded, see
 * history-limit.ts); with them, the events after version `after` (default 0), at most
 * `limit` (1–500, default 100), and a `Link: <…>; rel="next"` header while more remain.
 */
import { invalidInput } from '../failures/failure.js';

export const MAX_EVENT_PAGE = 500;
const DEFAULT_EVENT_PAGE = 100;

export interface EventPage {
  after: number;
  limit: number;
}

export function eventPageParams(after: string | undefined, limit: string | undefined): EventPage | null {
  if (after === undefined && limit === undefined) return null;
  const errors = [];
  const from = after === undefined ? 0 : Number(after);
  const size = limit === undefined ? DEFAULT_EVENT_PAGE : Number(limit);
  if (!/^\d{1,9}$/.test(after ?? '0') || !Number.isInteger(from)) errors.push({ field: 'after', message: 'must be a version, 0 or more' });
  if (!/^\d{1,3}$/.test(limit ?? '1') || size < 1 || size > MAX_EVENT_PAGE)
    errors.push({ field: 'limit', message: `must be an integer from 1 to ${MAX_EVENT_PAGE}` });
  if (errors.length > 0) throw invalidInput('The paging parameters are not valid.', errors);
  return { after: from, limit: size };
}

/** The page of `events` (in version order) and the `after` of the next page, if any. */
export function pageOf<E extends { version: number }>(events: readonly E[], page: EventPage): { events: E[]; next: number | null } {
  const rest = events.filter((event) => event.version > page.after);
  const shown = rest.slice(0, page.limit);
  return { events: shown, next: rest.length > page.limit ? shown.at(-1)!.version : null };
}
