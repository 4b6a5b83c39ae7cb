/**
 * Which fields of each event type's data are personal (architecture "Personal data"): every
 * field of DATA_RULES is declared here, `sealed` (kept sealed with the resident's data key, so
 * that destroying the key erases it) or `plain` (no personal data: codes, dates of legal facts,
 * counts, ids). A field that may hold an object names the keeping of each of its own fields.
 * personal-fields.spec.ts fails when a field of DATA_RULES is declared neither way.
 */
import type { EventType, ResidentIdentity } from './events.js';

export type FieldKeeping = 'sealed' | 'plain' | { readonly [field: string]: FieldKeeping };

const S = 'sealed';
const P = 'plain';

/**
 * Who the person is. The nationality stays plain: a code that identifies nobody, and what an
 * erased history still shows (with the types and dates) for the organisation's statistics.
 */
const IDENTITY: Record<keyof ResidentIdentity, FieldKeeping> = {
  fullName: S,
  dateOfBirth: S,
  nationality: P,
  gender: S,
  externalRef: S,
  notes: S,
  nameKana: S,
  nameNative: S,
  passportNumber: S,
  passportExpiresOn: S,
  phone: S,
  email: S,
  /** A user id of the organisation. */
  assignedTo: P,
  /** Free text or an employer record id: where the person works. */
  employer: S,
};

/** The card's number identifies the person; its dates and kind are the legal facts. */
const CARD = { number: S, issuedOn: P, expiresOn: P, kind: P, myNumberOption: P } as const;
/** A 特定活動 code (a string, plain) or the SSW 指定書: its field and job category are codes, the employer is where the person works. */
const DESIGNATION = { field: P, jobCategory: P, employer: S } as const;
/** 受付番号 names the person's application at the immigration office. */
const FILING = { receiptNumber: S, channel: P, filedBy: P } as const;
const FILING_DETAILS = { filedVia: P, referenceNumber: S } as const;

export const DATA_KEEPING: Record<EventType, Record<string, FieldKeeping>> = {
  ResidentRegistered: { residentId: P, ...IDENTITY },
  ExistingStatusRecorded: {
    status: P,
    periodExpiresOn: P,
    grantedOn: P,
    card: CARD,
    address: S,
    residenceNotified: P,
    designation: DESIGNATION,
    inJapan: P,
    pendingApplication: { kind: P, appliedOn: P, toStatus: P, ...FILING },
    ssw1CountFrom: P,
    ssw1MonthsUsed: P,
    skillDevelopmentCountFrom: P,
  },
  DetailsCorrected: { fields: IDENTITY, reason: S },
  CaseClosed: { reason: P, note: S },
  CaseReopened: { note: S },
  CaseAssigned: { assignedTo: P, note: S },
  Landed: { status: P, periodExpiresOn: P, port: P, card: CARD, designation: DESIGNATION },
  BornInJapan: {},
  CardIssued: { card: CARD, reason: P },
  Moved: { address: S },
  ResidenceNotified: { address: S },
  DetailsChanged: { fields: P },
  ExtensionApplied: FILING,
  ExtensionGranted: { periodExpiresOn: P, card: CARD },
  ExtensionDenied: {},
  StatusChangeApplied: { toStatus: P, ...FILING },
  StatusChangeGranted: { status: P, periodExpiresOn: P, card: CARD, designation: DESIGNATION },
  StatusChangeDenied: {},
  PermanentResidenceApplied: FILING,
  PermanentResidenceGranted: { card: CARD },
  PermanentResidenceDenied: {},
  StatusAcquisitionApplied: { status: P, ...FILING },
  StatusAcquisitionGranted: { status: P, periodExpiresOn: P, card: CARD, designation: DESIGNATION },
  CardLost: { discoveredAbroad: P },
  CardSurrendered: { reason: S },
  Departed: { reentry: P, permitExpiresOn: P },
  Reentered: {},
  StatusRevoked: { ground: S, departureBy: P },
  Naturalised: {},
  Died: {},
  AffiliationChanged: { kind: P, change: P, organisation: S, employer: S, helloWork: P },
  AffiliationNotified: {},
  SpouseRelationshipEnded: { cause: P },
  SpouseNotified: {},
  ExtraActivityPermitted: { scope: P, hoursPerWeek: P },
  CardVerified: { number: S, result: P },
  EventRetracted: { eventId: P, reason: S },
  SupportStarted: { employer: S, plan: S },
  SupportEnded: { reason: S },
  SupportContractChanged: { summary: S },
  SupportInterviewHeld: { with: P, mode: P, interpreter: S, findings: S, actions: S },
  OrientationHeld: { hours: P },
  SswIntervalExcluded: { from: P, to: P, reason: P },
  SswSixthYearApproved: {},
  SswContractChanged: { summary: S },
  AcceptanceDifficulty: { cause: P },
  SswReportFiled: { kind: P, fiscalYear: P, ...FILING_DETAILS },
  HelloWorkNotified: { kind: P, ...FILING_DETAILS },
  SupportPlanChanged: { summary: S },
  SswStandardsNonConformity: { summary: S },
  SupportDifficulty: { summary: S },
  AdditionalDocumentsRequested: { requestedOn: P, dueOn: P, items: S },
  AdditionalDocumentsSubmitted: {},
  SummonsIssued: { issuedOn: P, appearOn: P, place: S },
  SummonsAttended: {},
  CoeIssued: { issuedOn: P, status: P },
  SkillDevelopmentExtensionApproved: {},
  SkillDevelopmentTransferred: { reason: P, restrictionMonths: P },
};

/**
 * Event types whose `occurredOn` is itself personal: the day of a birth in Japan is the date of
 * birth. The store keeps it sealed in the data and a stand-in day in the clear.
 */
export const PERSONAL_DATE_TYPES: ReadonlySet<string> = new Set<EventType>(['BornInJapan']);
