/**
 * The residents' reads and writes, typed by the API's OpenAPI document: the query keys (every
 * read about one resident under ['resident', id], so a write refreshes them at once) and the
 * queries and calls of the residents screens.
 */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiProblem, toProblem, unwrap, type Schemas } from '../api/client';
import type { paths } from '../api/schema';
import { caseloadKey } from '../board/api';

export type ResidentSummary = Schemas['ResidentSummary'];
export type ResidentStatus = Schemas['ResidentStatus'];
/** One of the resident's deadlines (GET /v1/residents/{id}/deadlines). */
export type Deadline = Schemas['Deadline'];
/** A recorded fact as the history lists it: who recorded it and whether it was retracted. */
export type RecordedEvent = Schemas['EventRecord'];
export type StatusSegment = Schemas['StatusSegment'];
/** The filters of GET /v1/residents. */
export type ResidentFilters = NonNullable<paths['/v1/residents']['get']['parameters']['query']>;
export type NewResident = Schemas['RegisterResident'];

export const residentKeys = {
  /** Every read about one resident. */
  one: (id: string) => ['resident', id] as const,
  summary: (id: string, asOf?: string) => ['resident', id, 'summary', asOf ?? 'today'] as const,
  deadlines: (id: string, asOf: string) => ['resident', id, 'deadlines', asOf] as const,
  events: (id: string) => ['resident', id, 'events'] as const,
  timeline: (id: string) => ['resident', id, 'timeline'] as const,
  /** Every page of the residents list. */
  lists: ['residents'] as const,
  list: (filters: ResidentFilters) => ['residents', filters] as const,
};

/** The resident as of a date, with the version their ETag names (what a write sends in If-Match). */
export const residentQuery = (id: string, asOf?: string) =>
  queryOptions({
    queryKey: residentKeys.summary(id, asOf),
    queryFn: async () => {
      const query = asOf ? { asOf } : {};
      const { data, error, response } = await api.GET('/v1/residents/{id}', { params: { path: { id }, query } });
      if (!data) throw new ApiProblem(toProblem(error, response));
      const etag = response.headers.get('etag');
      return { ...data, version: etag ? Number(etag.replace(/\D/g, '')) : data.version };
    },
  });

export const residentDeadlinesQuery = (id: string, asOf: string) =>
  queryOptions({
    queryKey: residentKeys.deadlines(id, asOf),
    queryFn: () => unwrap(api.GET('/v1/residents/{id}/deadlines', { params: { path: { id }, query: { asOf } } })),
  });

export const residentEventsQuery = (id: string) =>
  queryOptions({
    queryKey: residentKeys.events(id),
    queryFn: () => unwrap(api.GET('/v1/residents/{id}/events', { params: { path: { id } } })),
  });

export const residentTimelineQuery = (id: string) =>
  queryOptions({
    queryKey: residentKeys.timeline(id),
    queryFn: () => unwrap(api.GET('/v1/residents/{id}/timeline', { params: { path: { id } } })),
  });

export const residentsQuery = (filters: ResidentFilters) =>
  queryOptions({
    queryKey: residentKeys.list(filters),
    queryFn: () => unwrap(api.GET('/v1/residents', { params: { query: filters } })),
  });

export function registerResident(body: NewResident) {
  return unwrap(api.POST('/v1/residents', { body }));
}

/** One resident's reads, as of a date: summary, deadlines, events, timeline. */
export function useResident(id: string, asOf: string) {
  return {
    summary: useQuery(residentQuery(id, asOf)),
    deadlines: useQuery(residentDeadlinesQuery(id, asOf)),
    events: useQuery(residentEventsQuery(id)),
    timeline: useQuery(residentTimelineQuery(id)),
  };
}

/** After a write: everything about this resident and every list is read again. */
export function useRefreshResident(id: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: residentKeys.one(id) });
    void client.invalidateQueries({ queryKey: caseloadKey });
    void client.invalidateQueries({ queryKey: residentKeys.lists });
  };
}
