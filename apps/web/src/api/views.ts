/**
 * The response shapes of docs/api-v1.md that the OpenAPI document does not describe yet (its
 * responses carry no schema today). Requests are typed from schema.d.ts (`npm run api:types`).
 */
export type DeadlineState = 'upcoming' | 'open' | 'overdue' | 'met' | 'met_late' | 'void';
export type OwedBy = 'resident' | 'employer' | 'organisation';

export interface Deadline {
  id: string;
  residentId: string | null;
  residentName?: string;
  kind: string;
  opensOn: string | null;
  dueOn: string;
  statutoryDueOn: string;
  state: DeadlineState;
  metOn: string | null;
  sourceEventId: string | null;
  legalBasis: string;
  label: { ja: string; en: string };
  owedBy?: OwedBy;
  employer?: string | null;
  employerName?: string | null;
  assignedTo?: string | null;
}

export interface ResidentStatus {
  residentId?: string;
  asOf: string;
  residence: {
    lawful: boolean;
    basis: string;
    status: string | null;
    periodExpiresOn: string | null;
    lawfulUntil: string | null;
    inJapan: boolean;
  };
  card: {
    number: string | null;
    kind: string | null;
    state: 'valid' | 'expired' | 'invalidated' | 'none';
    issuedOn: string | null;
    expiresOn: string | null;
    invalidatedOn: string | null;
    invalidationReason: string | null;
    reportedLost?: boolean;
  };
  work: { permission: string; extraActivityHoursPerWeek: number | null };
  [extra: string]: unknown;
}

export interface ResidentSummary {
  id: string;
  fullName: string;
  nameKana?: string | null;
  nameNative?: string | null;
  dateOfBirth: string;
  nationality: string;
  gender: string | null;
  externalRef: string | null;
  notes: string | null;
  version: number;
  status: ResidentStatus;
  nextDeadline: Deadline | null;
  pendingApplication?: { type: string; appliedOn: string; receiptNumber?: string | null } | null;
  closed?: boolean;
  assignedTo?: string | null;
  employer?: string | null;
}

export interface RecordedEventView {
  eventId: string;
  version: number;
  type: string;
  occurredOn: string;
  data: Record<string, unknown>;
  recordedAt: string;
  recordedBy: string;
  /** The person's name (`user:`), the key's label (`key:`); null when not of the organisation. */
  recordedByName?: string | null;
  retracted: boolean;
}

export interface StatusSegment {
  from: string | null;
  status: Pick<ResidentStatus, 'residence' | 'card' | 'work'>;
}

export interface CardLookup {
  number: string;
  residentId: string;
  state: string;
  kind: string;
  issuedOn: string | null;
  expiresOn: string | null;
  invalidatedOn: string | null;
  invalidationReason: string | null;
}

export interface Paged<T> {
  items: T[];
  total: number;
}

/** RFC 9457 problem details, as every error of the API is sent. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: Array<{ field: string; message: string }>;
}
