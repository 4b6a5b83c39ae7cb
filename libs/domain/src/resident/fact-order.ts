/**
 * Facts are folded in the order they happened, not the order they were recorded: a
 * caseworker may hear of a move two weeks late. Order: the fact's day (`factDay`: its
 * `occurredOn`, but a take-over's from the day its facts began), then the natural order
 * of facts on one day (one lands before moving in, loses a card before it is reissued,
 * applies before a decision), then stream version. Retracted facts are skipped.
 */
import type { LocalDate } from '../calendar/local-date.js';
import type { EventType, RecordedEvent } from '../events/events.js';
import { REVIEW_SAME_DAY_RANK } from '../review/review-events.js';
import { SSW_SAME_DAY_RANK } from '../ssw/ssw-events.js';
import { SKILL_DEVELOPMENT_SAME_DAY_RANK } from '../skill-development/skill-development-events.js';
import { takeOverHoldsFrom } from './take-over-day.js';
import { assertFoldable } from './foldable-event.js';

const SAME_DAY_RANK: Record<EventType, number> = {
  ResidentRegistered: 0,
  DetailsCorrected: 1,
  CaseReopened: 5,
  ExistingStatusRecorded: 10,
  BornInJapan: 10,
  Landed: 10,
  Reentered: 15,
  Moved: 20,
  DetailsChanged: 20,
  AffiliationChanged: 20,
  SpouseRelationshipEnded: 20,
  CardLost: 20,
  ExtensionApplied: 30,
  StatusChangeApplied: 30,
  PermanentResidenceApplied: 30,
  StatusAcquisitionApplied: 30,
  ExtensionGranted: 40,
  ExtensionDenied: 40,
  StatusChangeGranted: 40,
  StatusChangeDenied: 40,
  PermanentResidenceGranted: 40,
  PermanentResidenceDenied: 40,
  StatusAcquisitionGranted: 40,
  ExtraActivityPermitted: 45,
  CardIssued: 50,
  ResidenceNotified: 60,
  AffiliationNotified: 60,
  SpouseNotified: 60,
  CardVerified: 60,
  StatusRevoked: 70,
  Departed: 80,
  Naturalised: 90,
  Died: 90,
  CardSurrendered: 95,
  CaseClosed: 97,
  CaseAssigned: 98,
  EventRetracted: 100,
  ...SSW_SAME_DAY_RANK,
  ...SKILL_DEVELOPMENT_SAME_DAY_RANK,
  ...REVIEW_SAME_DAY_RANK,
};

/**
 * Who the resident is comes before any fact, whatever day it was recorded on: the
 * registration, then its corrections (a typo fixed was always wrong).
 */
export function isIdentityFact(type: EventType): boolean {
  return type === 'ResidentRegistered' || type === 'DetailsCorrected';
}

/**
 * The day a fact takes its place in the fold, and from which it counts "as of": its `occurredOn`,
 * except a take-over, whose facts hold from the day they began (take-over-day.ts), so that what
 * happened between that day and the take-over can still be recorded after it.
 */
export function factDay(fact: RecordedEvent): LocalDate {
  return fact.type === 'ExistingStatusRecorded' ? takeOverHoldsFrom(fact) : fact.occurredOn;
}

export function compareFacts(a: RecordedEvent, b: RecordedEvent): number {
  const identityFirst = Number(isIdentityFact(b.type)) - Number(isIdentityFact(a.type));
  if (identityFirst !== 0) return identityFirst;
  if (isIdentityFact(a.type)) return SAME_DAY_RANK[a.type] - SAME_DAY_RANK[b.type] || a.version - b.version;
  const dayA = factDay(a);
  const dayB = factDay(b);
  if (dayA !== dayB) return dayA < dayB ? -1 : 1;
  return SAME_DAY_RANK[a.type] - SAME_DAY_RANK[b.type] || a.version - b.version;
}

export function retractedEventIds(events: readonly RecordedEvent[]): Set<string> {
  const ids = new Set<string>();
  for (const event of events) if (event.type === 'EventRetracted') ids.add(event.data.eventId);
  return ids;
}

/** The facts that count, in legal order: retractions and what they retract are left out. */
export function factsInLegalOrder(events: readonly RecordedEvent[]): RecordedEvent[] {
  events.forEach(assertFoldable);
  const retracted = retractedEventIds(events);
  return events.filter((event) => event.type !== 'EventRetracted' && !retracted.has(event.eventId)).sort(compareFacts);
}
