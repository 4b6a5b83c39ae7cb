/**
 * The caseload's deadlines that the board can show as of a date: everything not yet met and
 * due within 90 days (and every overdue one), read page by page (200 a page) from
 * GET /v1/deadlines. Who owes it (`owedBy=`) and the employer (`employer=`) are filtered by the
 * server, so a support organisation with many employers reads only one employer's filings;
 * each choice is its own cached query (TanStack Query keyed on the filters), and the rows
 * shown stay in place while the next ones load. Kind, state and caseworker narrow the loaded
 * rows in the browser.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Deadline, OwedBy, Paged } from '../api/views';
import { addDays } from '../dates/format-date';

const PAGE = 200;

/** The filters GET /v1/deadlines applies: null is any. */
export interface ServerFilter {
  owedBy: OwedBy | null;
  /** The employer as deadlines name it: a record id, or the name recorded before there was a record. */
  employer: string | null;
}

async function page(asOf: string, filter: ServerFilter, number: number): Promise<Paged<Deadline>> {
  const query = {
    asOf,
    to: addDays(asOf, 120),
    state: 'open,overdue,upcoming',
    page: number,
    pageSize: PAGE,
    ...(filter.owedBy ? { owedBy: filter.owedBy } : {}),
    ...(filter.employer ? { employer: filter.employer } : {}),
  };
  return unwrap<Paged<Deadline>>(api.GET('/v1/deadlines', { params: { query } }));
}

export function useCaseload(asOf: string, filter: ServerFilter) {
  return useQuery({
    queryKey: ['caseload', asOf, filter.owedBy, filter.employer],
    queryFn: async () => {
      const first = await page(asOf, filter, 1);
      const pages = Math.ceil(first.total / PAGE);
      const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => page(asOf, filter, i + 2)));
      return [first, ...rest].flatMap((p) => p.items);
    },
    placeholderData: keepPreviousData,
  });
}

export interface EmployerChoice {
  value: string;
  label: string;
}

/**
 * The employers the board can filter by: the organisation's employer records (GET
 * /v1/employers, by name) and any employer the loaded deadlines name that has no record
 * (a name typed before the record existed).
 */
export function useEmployerChoices(deadlines: readonly Deadline[]): EmployerChoice[] {
  const records = useQuery({
    queryKey: ['employers', 'all'],
    queryFn: async () => {
      const all: Array<{ id: string; name: string }> = [];
      for (let number = 1; ; number++) {
        const got = await unwrap<Paged<{ id: string; name: string }>>(
          api.GET('/v1/employers', { params: { query: { page: number, pageSize: PAGE } } }),
        );
        all.push(...got.items);
        if (got.items.length < PAGE) return all;
      }
    },
    staleTime: 60_000,
  });
  const choices = new Map<string, string>((records.data ?? []).map((employer) => [employer.id, employer.name]));
  for (const deadline of deadlines)
    if (deadline.employer && !choices.has(deadline.employer)) choices.set(deadline.employer, deadline.employerName ?? deadline.employer);
  return [...choices].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'ja'));
}
