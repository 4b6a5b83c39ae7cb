/** A resident's personal data: the disclosure document (GET …/export) and erasure (POST …/erasure). */
import { queryOptions } from '@tanstack/react-query';
import { api, ApiProblem, unwrap, type Schemas } from '../api/client';

export type Disclosure = Schemas['Disclosure'];
export type ErasureReason = Schemas['EraseResidentDto']['reason'];
export const ERASURE_REASONS = ['data_subject_request', 'retention_ended', 'recorded_in_error'] as const satisfies readonly ErasureReason[];

/** Each read is a disclosure in the security log: not refetched behind the reader's back. */
export const disclosureQuery = (id: string) =>
  queryOptions({
    queryKey: ['disclosure', id],
    queryFn: () => unwrap(api.GET('/v1/residents/{id}/export', { params: { path: { id } } })),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });

export function eraseResident(id: string, reason: ErasureReason) {
  return unwrap(api.POST('/v1/residents/{id}/erasure', { params: { path: { id } }, body: { reason } }));
}

/** Why and until when the records must still be kept, from a 409 RETENTION_HOLDS. */
export interface RetentionHold {
  rule: string | null;
  keepThrough: string | null;
}

export function retentionHoldOf(error: unknown): RetentionHold | null {
  if (!(error instanceof ApiProblem) || error.problem.code !== 'RETENTION_HOLDS') return null;
  const facts = error.problem as { retentionRule?: unknown; keepThrough?: unknown };
  return {
    rule: typeof facts.retentionRule === 'string' ? facts.retentionRule : null,
    keepThrough: typeof facts.keepThrough === 'string' ? facts.keepThrough : null,
  };
}
