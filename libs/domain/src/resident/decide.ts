/**
 * decide(command, history): the events a command produces, or why the ledger refuses it.
 * The decider's state is the resident's recorded history, because a fact may be recorded
 * late: it is checked at its place in legal order, and it must not make any later fact
 * impossible (a departure recorded before a move already on file).
 */
import type { LocalDate } from '../calendar/local-date.js';
import { violation, type Rejection } from '../domain-error.js';
import type { LedgerEvent, RecordableEvent, RecordedEvent, RegistrationDetails } from '../events/events.js';
import { END_OF_TIME } from './advance.js';
import { retractedEventIds } from './fact-order.js';
import { violationsIn } from './fold.js';

export type ResidentHistory = readonly RecordedEvent[];

/**
 * Commands carry typed facts: their shape was checked where they entered (parseRecordableEvent,
 * parseRegistration), so the decider weighs them only against the history.
 */
export type ResidentCommand =
  | { type: 'RegisterResident'; residentId: string; details: RegistrationDetails; today: LocalDate }
  | { type: 'RecordFact'; fact: RecordableEvent; today: LocalDate };

export type Decision = { ok: true; events: LedgerEvent[] } | { ok: false; rejection: Rejection };

const refuse = (rejection: Rejection): Decision => ({ ok: false, rejection });

export function decide(command: ResidentCommand, history: ResidentHistory): Decision {
  switch (command.type) {
    case 'RegisterResident':
      return register(command, history);
    case 'RecordFact':
      return recordFact(command.fact, command.today, history);
  }
}

function register(command: Extract<ResidentCommand, { type: 'RegisterResident' }>, history: ResidentHistory): Decision {
  if (history.length > 0) return refuse(violation('ALREADY_REGISTERED', 'The resident is already registered.'));
  if (command.details.dateOfBirth > command.today) {
    return refuse(violation('EVENT_IN_FUTURE', 'The date of birth is in the future.'));
  }
  const data = { ...command.details, residentId: command.residentId };
  return { ok: true, events: [{ type: 'ResidentRegistered', occurredOn: command.today, data }] };
}

function recordFact(fact: RecordableEvent, today: LocalDate, history: ResidentHistory): Decision {
  if (fact.occurredOn > today) return refuse(violation('EVENT_IN_FUTURE', `${fact.occurredOn} is after today (${today}).`));
  const issuedOn = cardIssuedOn(fact);
  if (issuedOn !== undefined && issuedOn > today) {
    return refuse(violation('CARD_ISSUED_IN_FUTURE', `The card's issue date ${issuedOn} is after today (${today}).`));
  }
  if (history.length === 0) return refuse(violation('NOT_REGISTERED', 'Register the resident before recording facts.'));
  if (fact.type === 'EventRetracted') return retraction(fact, history);

  const candidate = { ...fact, eventId: '(new)', version: (history.at(-1)?.version ?? 0) + 1 } as RecordedEvent;
  const before = violationsIn(history, END_OF_TIME);
  const after = violationsIn([...history, candidate], END_OF_TIME);
  const own = after.get(candidate.eventId);
  if (own !== undefined) return refuse(own);
  for (const [eventId, broken] of after) {
    if (before.has(eventId)) continue;
    const later = history.find((event) => event.eventId === eventId);
    return refuse(
      violation(
        'CONFLICTS_WITH_LATER_EVENT',
        `This ${fact.type} would make the ${later?.type} of ${later?.occurredOn} (${eventId}) impossible: ${broken.message}`,
      ),
    );
  }
  return { ok: true, events: [fact] };
}

/** The printed issue date of a card the fact carries, if any. */
function cardIssuedOn(fact: LedgerEvent): LocalDate | undefined {
  const data = fact.data as { card?: { issuedOn?: LocalDate } };
  return data.card?.issuedOn;
}

/**
 * A mistaken entry is withdrawn, never edited or deleted. Withdrawing is always allowed for a
 * fact still in force, even when later facts leaned on it: the caseworker is fixing the record.
 */
function retraction(fact: Extract<LedgerEvent, { type: 'EventRetracted' }>, history: ResidentHistory): Decision {
  const target = history.find((event) => event.eventId === fact.data.eventId);
  if (target === undefined) return refuse(violation('UNKNOWN_EVENT', `No event ${fact.data.eventId} in this resident's history.`));
  if (target.type === 'ResidentRegistered' || target.type === 'EventRetracted') {
    return refuse(violation('CANNOT_RETRACT', `A ${target.type} cannot be retracted.`));
  }
  if (retractedEventIds(history).has(target.eventId)) {
    return refuse(violation('ALREADY_RETRACTED', `Event ${target.eventId} is already retracted.`));
  }
  return { ok: true, events: [fact] };
}
