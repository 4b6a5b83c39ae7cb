/**
 * What the ledger knows about a resident after folding their facts in legal order. Dates
 * are kept rather than flags wherever validity depends on time passing, so that status
 * "as of" any date can be read off the same state.
 */
import type { LocalDate } from '../calendar/local-date.js';
import type { DeadlineKind } from '../deadline-catalogue.js';
import type { CardKind, MyNumberOption } from '../events/card-data.js';
import type { CaseCloseReason, EventDataByType } from '../events/events.js';
import type { Designation, StatusCode } from '../status-catalogue.js';
import { INITIAL_SSW_STATE, type SswState } from '../ssw/ssw-state.js';
import { INITIAL_SKILL_DEVELOPMENT_STATE, type SkillDevelopmentState } from '../skill-development/skill-development-state.js';

export const INVALIDATION_REASONS = [
  'replaced',
  'departed',
  'reentry_lapsed',
  'status_revoked',
  'naturalised',
  'died',
  'status_lost',
] as const;
export type InvalidationReason = (typeof INVALIDATION_REASONS)[number];

export interface CardRecord {
  readonly number: string;
  readonly kind: CardKind;
  readonly myNumberOption: MyNumberOption | null;
  /** null: not known (a card seen at a take-over without its issue date; docs/domain-rules.md §8). */
  readonly issuedOn: LocalDate | null;
  /** The first day the ledger knows the card was held: its issue, or the day a take-over's facts hold from. */
  readonly heldFrom: LocalDate;
  /** As printed (or computed when not given). */
  readonly expiresOn: LocalDate;
  /** What 入管法19条の5 gives; differs from `expiresOn` only when the printed date disagrees. */
  readonly computedExpiresOn: LocalDate;
  /** The expiry comes from the age-16 rule (its renewal window opens 6 months ahead). */
  readonly ageCapped: boolean;
  /** Last day the card counts as valid: its expiry, or the end of a special period (特例期間). */
  readonly validThrough: LocalDate;
  readonly sourceEventId: string;
  readonly lostOn: LocalDate | null;
  readonly invalidatedOn: LocalDate | null;
  readonly invalidationReason: InvalidationReason | null;
  readonly surrenderedOn: LocalDate | null;
  readonly lastVerification: { readonly on: LocalDate; readonly result: 'valid' | 'invalid' } | null;
}

/** The status of residence held now and its current period of stay. */
export interface Stay {
  readonly status: StatusCode;
  readonly designation: Designation | null;
  /** First day of the current period (landing or grant). */
  readonly periodStart: LocalDate;
  /** null: no period end (永住者, 高度専門職2号). */
  readonly periodExpiresOn: LocalDate | null;
  readonly grantEventId: string;
  /** 中長期在留者 (19条の3). */
  readonly midToLongTerm: boolean;
}

/** A pending 在留期間更新 or 在留資格変更 application. */
export interface StayApplication {
  readonly kind: 'extension' | 'change';
  readonly appliedOn: LocalDate;
  readonly toStatus: StatusCode | null;
  readonly eventId: string;
  /** Filed in time on a period longer than 30 days: the stay continues past expiry (特例期間). */
  readonly givesSpecialPeriod: boolean;
}

export interface Abroad {
  readonly departedOn: LocalDate;
  readonly via: 'deemed' | 'permit';
  /** Last day to re-enter (みなし再入国 / 再入国許可). */
  readonly reentryBy: LocalDate;
  readonly departureEventId: string;
  /** A card lost while abroad: its reissue is due 14 days after re-entry. */
  readonly cardLossEventId: string | null;
}

export interface DeadlineRecord {
  readonly id: string;
  readonly kind: DeadlineKind;
  readonly sourceEventId: string;
  /** The deadline exists from this day (an event, or time passing such as a lapse). */
  readonly createdOn: LocalDate;
  readonly opensOn: LocalDate | null;
  readonly statutoryDueOn: LocalDate;
  readonly dueOn: LocalDate;
  readonly metOn: LocalDate | null;
  readonly metByEventId: string | null;
  readonly voidOn: LocalDate | null;
  /** The employer a filing is owed by (docs/ssw-duties.md §5), when known. */
  readonly employer?: string | null;
}

/** 資格外活動許可: it runs to the end of the period of stay it was granted in (docs/domain-rules.md §3). */
export interface ExtraActivityPermit {
  readonly scope: 'comprehensive' | 'individual';
  readonly hoursPerWeek: number | null;
  /** The grant that began that period, and the period's end. */
  readonly periodGrantEventId: string;
  readonly periodExpiresOn: LocalDate | null;
}

export interface CaseClosure {
  readonly reason: CaseCloseReason;
  readonly on: LocalDate;
  /** The deadlines the closure voided, given back by CaseReopened. */
  readonly voidedIds: readonly string[];
}

export type Presence = 'not_arrived' | 'in_japan' | 'abroad' | 'left';

export interface ResidentState {
  readonly residentId: string | null;
  readonly identity: EventDataByType['ResidentRegistered'] | null;
  readonly presence: Presence;
  readonly closed: { readonly reason: 'died' | 'naturalised'; readonly on: LocalDate } | null;
  /** The organisation stopped following the resident (CaseClosed): deadlines void meanwhile. */
  readonly caseClosure: CaseClosure | null;
  readonly stay: Stay | null;
  readonly pendingStay: StayApplication | null;
  readonly pendingPermanent: { readonly appliedOn: LocalDate; readonly eventId: string } | null;
  readonly birth: { readonly bornOn: LocalDate; readonly eventId: string } | null;
  /** A pending 在留資格取得 application. */
  readonly acquisition: { readonly appliedOn: LocalDate; readonly timely: boolean; readonly eventId: string } | null;
  readonly abroad: Abroad | null;
  /** Every card ever issued, oldest first; the last is the current one. */
  readonly cards: readonly CardRecord[];
  readonly extraActivity: ExtraActivityPermit | null;
  readonly movesSinceLanding: number;
  /** 出国期間 after a revocation (22条の4⑦): lawful in Japan until `until`. */
  readonly departurePeriod: { readonly until: LocalDate; readonly eventId: string } | null;
  readonly deadlines: readonly DeadlineRecord[];
  /** Specified Skilled Worker: designation, the 5-year count, support (ssw/ssw-state.ts). */
  readonly ssw: SswState;
  /** 育成就労: the periods held, a 4th year, the current 育成就労実施者 (skill-development/). */
  readonly skillDevelopment: SkillDevelopmentState;
  /**
   * The take-over day, for a resident taken over (ExistingStatusRecorded): duties are followed
   * from it, so none that fell due before it is opened (followed-duties.ts). null: followed from the start.
   */
  readonly followedFrom: LocalDate | null;
  /**
   * The day the resident obtained the status held now (landing, change, acquisition, permanent
   * residence; not an extension). A contract or support contract dated that day is part of the
   * application, not a change to notify (運用要領第7章: 在留資格を取得した後に生じた事由).
   */
  readonly statusObtainedOn: LocalDate | null;
}

export const INITIAL_STATE: ResidentState = {
  residentId: null,
  identity: null,
  presence: 'not_arrived',
  closed: null,
  caseClosure: null,
  stay: null,
  pendingStay: null,
  pendingPermanent: null,
  birth: null,
  acquisition: null,
  abroad: null,
  cards: [],
  extraActivity: null,
  movesSinceLanding: 0,
  departurePeriod: null,
  deadlines: [],
  ssw: INITIAL_SSW_STATE,
  skillDevelopment: INITIAL_SKILL_DEVELOPMENT_STATE,
  followedFrom: null,
  statusObtainedOn: null,
};
