/**
 * The facts of a resident's life, one type per fact (docs/api-v1.md "Event types"). The `type`
 * strings are the contract: they are stored, so never rename one.
 */
import type { LocalDate } from '../calendar/local-date.js';
import type { Designation, StatusCode } from '../status-catalogue.js';
import type { CardData } from './card-data.js';
import { REVIEW_EVENT_TYPES, type ReviewEventDataByType } from '../review/review-events.js';
import { SKILL_DEVELOPMENT_EVENT_TYPES, type SkillDevelopmentEventDataByType } from '../skill-development/skill-development-events.js';
import { SSW_EVENT_TYPES, type HelloWorkInsurance, type SswDesignation, type SswEventDataByType } from '../ssw/ssw-events.js';

export const CARD_ISSUE_REASONS = ['landing', 'detail_change', 'validity_renewal', 'loss_reissue', 'damage_reissue', 'exchange'] as const;
export type CardIssueReason = (typeof CARD_ISSUE_REASONS)[number];

export const DETAIL_FIELDS = ['name', 'nationality', 'dateOfBirth', 'gender'] as const;
export type DetailField = (typeof DETAIL_FIELDS)[number];

export const REENTRY_KINDS = ['none', 'deemed', 'permit'] as const;
export type ReentryKind = (typeof REENTRY_KINDS)[number];

export const AFFILIATION_KINDS = ['activity', 'contract'] as const;
export const AFFILIATION_CHANGES = [
  'name_changed',
  'address_changed',
  'dissolved',
  'left',
  'transferred',
  'contract_ended',
  'new_contract',
] as const;
export type AffiliationChange = (typeof AFFILIATION_CHANGES)[number];

export const SPOUSE_END_CAUSES = ['divorce', 'death'] as const;
export const EXTRA_ACTIVITY_SCOPES = ['comprehensive', 'individual'] as const;
export const VERIFICATION_RESULTS = ['valid', 'invalid'] as const;

/** How an application was filed and by whom (docs/api-v1.md additions of 2026-11-23). */
export const APPLICATION_CHANNELS = ['counter', 'online', 'agent'] as const;
export const APPLICATION_FILERS = ['self', 'scrivener', 'organisation'] as const;
export interface ApplicationFiling {
  /** 受付番号. */
  receiptNumber?: string;
  channel?: (typeof APPLICATION_CHANNELS)[number];
  filedBy?: (typeof APPLICATION_FILERS)[number];
}

/** Why an organisation stops following a resident (the person's status goes on). */
export const CASE_CLOSE_REASONS = ['left_caseload', 'duplicate', 'contract_ended', 'transferred', 'other'] as const;
export type CaseCloseReason = (typeof CASE_CLOSE_REASONS)[number];

/** The applications a resident taken over may already have pending. */
export const PENDING_APPLICATION_KINDS = ['extension', 'status_change', 'permanent'] as const;
export type PendingApplicationKind = (typeof PENDING_APPLICATION_KINDS)[number];

/** Who the resident is, as registered (and as corrected by DetailsCorrected). */
export interface ResidentIdentity {
  fullName: string;
  dateOfBirth: LocalDate;
  nationality: string;
  gender?: string;
  externalRef?: string;
  notes?: string;
  /** Katakana reading (フリガナ). */
  nameKana?: string;
  /** The name in its own script (e.g. 阮文安, Nguyễn Văn An). */
  nameNative?: string;
  passportNumber?: string;
  passportExpiresOn?: LocalDate;
  phone?: string;
  email?: string;
  /** A user id of the organisation: the caseworker in charge. */
  assignedTo?: string;
  /** Free text or an employer record id (所属機関). */
  employer?: string;
}

/** The identity fields a correction may fix (every registration field but the id). */
export const IDENTITY_FIELDS = [
  'fullName',
  'dateOfBirth',
  'nationality',
  'gender',
  'externalRef',
  'notes',
  'nameKana',
  'nameNative',
  'passportNumber',
  'passportExpiresOn',
  'phone',
  'email',
  'assignedTo',
  'employer',
] as const satisfies readonly (keyof ResidentIdentity)[];

/** The `data` of each event type. */
export interface EventDataByType extends SswEventDataByType, SkillDevelopmentEventDataByType, ReviewEventDataByType {
  /** Opens the stream: who the resident is. Not a legal fact; always folded first. */
  ResidentRegistered: ResidentIdentity & { residentId: string };
  /**
   * The ledger starts following someone already in Japan: what the card and passport show on
   * `occurredOn`. The facts hold from the day they began (`grantedOn`, else the card's
   * `issuedOn`, else `occurredOn`); only the duties still running on `occurredOn` follow from it.
   */
  ExistingStatusRecorded: {
    status: StatusCode;
    periodExpiresOn?: LocalDate;
    /** The day the current period began (許可年月日), when known. */
    grantedOn?: LocalDate;
    card?: CardData;
    address?: string;
    residenceNotified?: boolean;
    /** The 特定活動 case (a code) or, for 特定技能, the 指定書's field, employer and job category. */
    designation?: Designation | SswDesignation;
    /** false: abroad on a (deemed) re-entry on `occurredOn`. */
    inJapan?: boolean;
    /** An application filed before `occurredOn` and not yet decided. */
    pendingApplication?: ApplicationFiling & { kind: PendingApplicationKind; appliedOn: LocalDate; toStatus?: StatusCode };
    /** The first day in 特定技能1号 (docs/ssw-duties.md §3): the 5-year count runs from it, when the status is SSW 1. */
    ssw1CountFrom?: LocalDate;
    /** Or: whole months of the 5-year total already used on `occurredOn` (exclusions already left out). */
    ssw1MonthsUsed?: number;
    /** The first day in 育成就労 (docs/domain-rules.md §11): its 3-year total runs from it, when the status is 育成就労. */
    skillDevelopmentCountFrom?: LocalDate;
  };
  /** A data-entry mistake in the registration fixed: not a legal change, so it opens no deadline. */
  DetailsCorrected: { fields: Partial<ResidentIdentity>; reason: string };
  /** The organisation stops following the resident: their deadlines stop counting (void). */
  CaseClosed: { reason: CaseCloseReason; note?: string };
  CaseReopened: { note?: string };
  /** The caseworker in charge changes (a user id of the organisation); no `assignedTo`: nobody is. */
  CaseAssigned: { assignedTo?: string; note?: string };
  /** 上陸許可. */
  Landed: {
    status: StatusCode;
    periodExpiresOn: LocalDate;
    port?: string;
    card?: CardData;
    designation?: Designation | SswDesignation;
  };
  BornInJapan: Record<string, never>;
  CardIssued: { card: CardData; reason: CardIssueReason };
  /** 住居地を定めた. */
  Moved: { address: string };
  /** 住居地届出 / 住居地変更届出. */
  ResidenceNotified: { address: string };
  DetailsChanged: { fields: DetailField[] };
  /** 在留期間更新許可申請. */
  ExtensionApplied: ApplicationFiling;
  ExtensionGranted: { periodExpiresOn: LocalDate; card: CardData };
  ExtensionDenied: Record<string, never>;
  /** 在留資格変更許可申請. */
  StatusChangeApplied: ApplicationFiling & { toStatus: StatusCode };
  StatusChangeGranted: {
    status: StatusCode;
    periodExpiresOn?: LocalDate;
    card: CardData;
    designation?: Designation | SswDesignation;
  };
  StatusChangeDenied: Record<string, never>;
  /** 永住許可申請: gives no special period. */
  PermanentResidenceApplied: ApplicationFiling;
  PermanentResidenceGranted: { card: CardData };
  PermanentResidenceDenied: Record<string, never>;
  /** 在留資格取得許可申請 (newborns and others, 22条の2). */
  StatusAcquisitionApplied: ApplicationFiling & { status: StatusCode };
  StatusAcquisitionGranted: {
    status: StatusCode;
    periodExpiresOn?: LocalDate;
    card: CardData;
    designation?: Designation | SswDesignation;
  };
  CardLost: { discoveredAbroad?: boolean };
  /** 返納. */
  CardSurrendered: { reason?: string };
  /** 単純出国 / みなし再入国 / 再入国許可. */
  Departed: { reentry: ReentryKind; permitExpiresOn?: LocalDate };
  Reentered: Record<string, never>;
  /** 在留資格取消; `departureBy`: the 出国期間 the minister fixed (22条の4⑦, at most 30 days). */
  StatusRevoked: { ground?: string; departureBy?: LocalDate };
  Naturalised: Record<string, never>;
  Died: Record<string, never>;
  /** A change about the 所属機関 (19条の16①②). */
  AffiliationChanged: {
    kind: (typeof AFFILIATION_KINDS)[number];
    change: AffiliationChange;
    organisation?: string;
    /** The employer record (docs/ssw-duties.md §2), when the organisation keeps one. */
    employer?: string;
    /** The employer files 外国人雇用状況の届出 for this worker (insured under 雇用保険 or not). */
    helloWork?: HelloWorkInsurance;
  };
  AffiliationNotified: Record<string, never>;
  SpouseRelationshipEnded: { cause: (typeof SPOUSE_END_CAUSES)[number] };
  SpouseNotified: Record<string, never>;
  /** 資格外活動許可. */
  ExtraActivityPermitted: { scope: (typeof EXTRA_ACTIVITY_SCOPES)[number]; hoursPerWeek?: number };
  /** Result of the online 在留カード等番号失効情報照会 (docs/sources/card-number-check.md). */
  CardVerified: { number: string; result: (typeof VERIFICATION_RESULTS)[number] };
  EventRetracted: { eventId: string; reason: string };
}

export type EventType = keyof EventDataByType;

/** A fact as a caller states it. */
export type LedgerEvent = {
  [T in EventType]: { type: T; occurredOn: LocalDate; data: EventDataByType[T] };
}[EventType];

export type LedgerEventOf<T extends EventType> = Extract<LedgerEvent, { type: T }>;

/** A fact a caseworker records on an existing resident (everything but the registration). */
export type RecordableEvent = Exclude<LedgerEvent, { type: 'ResidentRegistered' }>;

/** Who the resident is, as the caller gives it when registering (the ledger picks the id). */
export type RegistrationDetails = Omit<EventDataByType['ResidentRegistered'], 'residentId'>;

/** A fact as the stream holds it: with its identity and position. */
export type RecordedEvent = LedgerEvent & {
  eventId: string;
  /** 1-based position in the resident's stream. */
  version: number;
};

export type RecordedEventOf<T extends EventType> = LedgerEventOf<T> & { eventId: string; version: number };

export const EVENT_TYPES: readonly EventType[] = [
  'ResidentRegistered',
  'Landed',
  'BornInJapan',
  'CardIssued',
  'Moved',
  'ResidenceNotified',
  'DetailsChanged',
  'ExtensionApplied',
  'ExtensionGranted',
  'ExtensionDenied',
  'StatusChangeApplied',
  'StatusChangeGranted',
  'StatusChangeDenied',
  'PermanentResidenceApplied',
  'PermanentResidenceGranted',
  'PermanentResidenceDenied',
  'StatusAcquisitionApplied',
  'StatusAcquisitionGranted',
  'CardLost',
  'CardSurrendered',
  'Departed',
  'Reentered',
  'StatusRevoked',
  'Naturalised',
  'Died',
  'AffiliationChanged',
  'AffiliationNotified',
  'SpouseRelationshipEnded',
  'SpouseNotified',
  'ExtraActivityPermitted',
  'CardVerified',
  'EventRetracted',
  'ExistingStatusRecorded',
  'DetailsCorrected',
  'CaseClosed',
  'CaseReopened',
  'CaseAssigned',
  ...SSW_EVENT_TYPES,
  ...SKILL_DEVELOPMENT_EVENT_TYPES,
  ...REVIEW_EVENT_TYPES,
];

/** The event types a caseworker records with POST /events (registration has its own endpoint). */
export const RECORDABLE_EVENT_TYPES = EVENT_TYPES.filter((type): type is RecordableEvent['type'] => type !== 'ResidentRegistered');
