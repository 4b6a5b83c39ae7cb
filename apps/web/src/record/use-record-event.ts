/**
 * Recording one fact about a resident (POST /v1/residents/{id}/events), sent with If-Match: the
 * version the caseworker is looking at. When someone else recorded in the meantime the answer
 * is 412, which `isConflict` tells apart so that the screen can say so plainly.
 */
import { useMutation } from '@tanstack/react-query';
import { api, ApiProblem, unwrap } from '../api/client';

export interface FactToRecord {
  type: string;
  occurredOn: string;
  data: Record<string, unknown>;
}

export function useRecordEvent(residentId: string, version: number, onRecorded: () => void) {
  return useMutation({
    mutationFn: (fact: FactToRecord) =>
      unwrap<{ eventId: string; version: number }>(
        api.POST('/v1/residents/{id}/events', {
          params: { path: { id: residentId }, header: { 'If-Match': `"${version}"` } as never },
          body: fact as never,
        }),
      ),
    onSuccess: onRecorded,
  });
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 412;
}
