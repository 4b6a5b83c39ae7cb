/**
 * The caseload board's reads: the deadlines it can show as of a date — everything not yet met
 * and due within 120 days (and every overdue one), read page by page (200 a page) from
 * GET /v1/deadlines — and the employers it can filter by. Who owes it (`owedBy=`) and the
 * employer (`employer=`) are filtered by the server, so a support organisation with many
 * employers reads only one employer's filings; each choice is its own cached query, and the
 * rows shown stay in place while the next ones load. Kind and state narrow the loaded rows in
 * the browser (group-deadlines.ts).
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';
import { addDays } from '../dates/format-date';

/** A deadline of the caseload: a resident's (with their name) or the organisation's own (`residentId` null). */
export type CaseloadDeadline = Schemas['CaseloadDeadline'];
export type OwedBy = CaseloadDeadline['owedBy'];

const PAGE = 200;

/** The filters GET /v1/deadlines applies: null is any. */
export interface ServerFilter {
  owedBy: OwedBy | null;
  /** me, none, or a user id (the person in charge of the resident). */
  assignedTo: string | null;
  /** The employer as deadlines name it: a record id, or the name recorded before there was a record. */
  employer: string | null;
}

/** Every caseload query: a write to any resident refreshes them. */
export const caseloadKey = ['caseload'] as const;
const employersKey = ['employers', 'all'] as const;

function page(asOf: string, filter: ServerFilter, number: number) {
  const query = {
    asOf,
    to: addDays(asOf, 120),
    state: 'open,overdue,upcoming',
    page: number,
    pageSize: PAGE,
    ...(filter.owedBy ? { owedBy: filter.owedBy } : {}),
    ...(filter.employer ? { employer: filter.employer } : {}),
    ...(filter.assignedTo ? { assignedTo: filter.assignedTo } : {}),
  };
  return unwrap(api.GET('/v1/deadlines', { params: { query } }));
}

export const caseloadQuery = (asOf: string, filter: ServerFilter) =>
  queryOptions({
    queryKey: [...caseloadKey, asOf, filter.owedBy, filter.employer, filter.assignedTo],
    queryFn: async () => {
      const first = await page(asOf, filter, 1);
      const pages = Math.ceil(first.total / PAGE);
      const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => page(asOf, filter, i + 2)));
      return [first, ...rest].flatMap((p) => p.items);
    },
    placeholderData: keepPreviousData,
  });

/** The organisation's employer records, every page. */
export const employersQuery = () =>
  queryOptions({
    queryKey: employersKey,
    queryFn: async () => {
      const all: Array<Schemas['Employer']> = [];
      for (let number = 1; ; number++) {
        const got = await unwrap(api.GET('/v1/employers', { params: { query: { page: number, pageSize: PAGE } } }));
        all.push(...got.items);
        if (got.items.length < PAGE) return all;
      }
    },
    staleTime: 60_000,
  });

export function useCaseload(asOf: string, filter: ServerFilter) {
  return useQuery(caseloadQuery(asOf, filter));
}

export interface EmployerChoice {
  value: string;
  label: string;
}

/**
 * The employers the board can filter by: the organisation's employer records (by name) and
 * any employer the loaded deadlines name that has no record (a name typed before the record
 * existed), each name once.
 */
export function useEmployerChoices(deadlines: readonly CaseloadDeadline[]): EmployerChoice[] {
  const records = useQuery(employersQuery());
  const choices = new Map<string, string>((records.data ?? []).map((employer) => [employer.id, employer.name]));
  // A name typed before the record existed is that record (the server finds both spellings): listed once.
  const named = new Set(choices.values());
  for (const deadline of deadlines) {
    const name = deadline.employerName ?? deadline.employer;
    if (deadline.employer && name && !choices.has(deadline.employer) && !named.has(name)) {
      choices.set(deadline.employer, name);
      named.add(name);
    }
  }
  return [...choices].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'ja'));
}

/**
 * Whom the board can filter by: me, nobody, and each person in charge of a resident of the
 * caseload (named by the deadline rows themselves, so a caseworker needs no list of users).
 * Read from the board's unfiltered rows, so that choosing one person keeps the others listed.
 */
export function useAssigneeChoices(asOf: string, server: ServerFilter): EmployerChoice[] {
  const unfiltered = useQuery(caseloadQuery(asOf, { ...server, assignedTo: null }));
  const people = new Map<string, string>();
  for (const deadline of unfiltered.data ?? [])
    if (deadline.assignedTo) people.set(deadline.assignedTo, deadline.assignedToName ?? deadline.assignedTo);
  return [...people].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'ja'));
}
