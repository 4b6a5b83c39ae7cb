/**
 * Recording one fact about a resident (POST /v1/residents/{id}/events), sent with If-Match: the
 * version the caseworker is looking at. When someone else recorded in the meantime the answer
 * is 412, which `isConflict` tells apart so that the screen can say so plainly.
 */
import { useMutation } from '@tanstack/react-query';
import { api, ApiProblem, unwrap, type Schemas } from '../api/client';

/**
 * A fact as the forms build it from their fields (event-forms.ts): any event type with its
 * data. The server checks it against that type's rules and answers 422 with field errors.
 */
export interface FactToRecord {
  type: string;
  occurredOn: string;
  data: Record<string, unknown>;
}

export function recordEvent(residentId: string, version: number, fact: FactToRecord) {
  return unwrap(
    api.POST('/v1/residents/{id}/events', {
      params: { path: { id: residentId }, header: { 'If-Match': `"${version}"` } },
      // The forms are generic over the event types, the document's body is their union: the server is the check.
      body: fact as Schemas['RecordEvent'],
    }),
  );
}

export function useRecordEvent(residentId: string, version: number, onRecorded: () => void) {
  return useMutation({
    mutationFn: (fact: FactToRecord) => recordEvent(residentId, version, fact),
    onSuccess: onRecorded,
  });
}

export function isConflict(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 412;
}
