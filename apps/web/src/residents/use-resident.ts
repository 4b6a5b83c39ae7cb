/** One resident's reads, as of a date: summary (with its version from the ETag), deadlines, events, timeline. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiProblem, unwrap } from '../api/client';
import type { Deadline, RecordedEventView, ResidentSummary, StatusSegment } from '../api/views';

export function useResident(id: string, asOf: string) {
  const summary = useQuery({
    queryKey: ['resident', id, 'summary', asOf],
    queryFn: async () => {
      const { data, error, response } = await api.GET('/v1/residents/{id}', { params: { path: { id }, query: { asOf } } });
      if (!response.ok) throw new ApiProblem(error as never);
      const etag = response.headers.get('etag');
      const body = data as unknown as ResidentSummary;
      return { ...body, version: etag ? Number(etag.replace(/\D/g, '')) : body.version };
    },
  });
  const deadlines = useQuery({
    queryKey: ['resident', id, 'deadlines', asOf],
    queryFn: () => unwrap<Deadline[]>(api.GET('/v1/residents/{id}/deadlines', { params: { path: { id }, query: { asOf } } })),
  });
  const events = useQuery({
    queryKey: ['resident', id, 'events'],
    queryFn: () => unwrap<RecordedEventView[]>(api.GET('/v1/residents/{id}/events', { params: { path: { id } } })),
  });
  const timeline = useQuery({
    queryKey: ['resident', id, 'timeline'],
    queryFn: () => unwrap<{ segments: StatusSegment[] }>(api.GET('/v1/residents/{id}/timeline', { params: { path: { id } } })),
  });
  return { summary, deadlines, events, timeline };
}

/** After a write: everything about this resident and every list is read again. */
export function useRefreshResident(id: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['resident', id] });
    void client.invalidateQueries({ queryKey: ['caseload'] });
    void client.invalidateQueries({ queryKey: ['residents'] });
  };
}
