/**
 * decide(command, history): the events a command produces, or why the ledger refuses it.
 * The decider's state is the resident's recorded history, because a fact may be recorded
 * late: it is checked at its place in legal order, and it must not make any later fact
 * impossible (a departure recorded before a move already on file).
 */
import type { LocalDate } from '../calendar/local-date.js';
import { violation, type Rejection } from '../domain-error.js';
import { validateEvent } from '../events/event-validation.js';
import type { LedgerEvent, RecordedEvent } from '../events/events.js';
import { END_OF_TIME } from './advance.js';
import { retractedEventIds } from './fact-order.js';
import { violationsIn } from './fold.js';

export type ResidentHistory = readonly RecordedEvent[];

export type ResidentCommand =
  | { type: 'RegisterResident'; residentId: string; details: unknown; today: LocalDate }
  | { type: 'RecordFact'; fact: unknown; today: LocalDate };

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
  const details = typeof command.details === 'object' && command.details !== null ? command.details : {};
  const checked = validateEvent({
    type: 'ResidentRegistered',
    occurredOn: command.today,
    data: { ...details, residentId: command.residentId },
  });
  if (!checked.ok) return refuse({ kind: 'invalid', errors: checked.errors.map(unprefixData) });
  if (history.length > 0) return refuse(violation('ALREADY_REGISTERED', 'The resident is already registered.'));
  if (checked.event.type === 'ResidentRegistered' && checked.event.data.dateOfBirth > command.today) {
    return refuse(violation('EVENT_IN_FUTURE', 'The date of birth is in the future.'));
  }
  return { ok: true, events: [checked.event] };
}

/** Registration fields are sent at the top level, so name them without the `data.` prefix. */
function unprefixData(error: { field: string; message: string }) {
  return { ...error, field: error.field.replace(/^data\./, '') };
}

function recordFact(input: unknown, today: LocalDate, history: ResidentHistory): Decision {
  const checked = validateEvent(input);
  if (!checked.ok) return refuse({ kind: 'invalid', errors: checked.errors });
  const fact = checked.event;
  if (fact.type === 'ResidentRegistered') {
    return refuse({ kind: 'invalid', errors: [{ field: 'type', message: 'residents are registered with POST /v1/residents' }] });
  }
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
