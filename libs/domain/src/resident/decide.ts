/**
 * decide(command, history): the events a command produces, or why the ledger refuses it.
 * The decider's state is the resident's recorded history, because a fact may be recorded
 * late: it is checked at its place in legal order, and it must not make any later fact
 * impossible (a departure recorded before a move already on file).
 */
import type { LocalDate } from '../calendar/local-date.js';
import { violation, type Rejection } from '../domain-error.js';
import type { LedgerEvent, RecordableEvent, RecordedEvent, RegistrationDetails } from '../events/events.js';
import { ResidentFold } from './resident-fold.js';

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

export function decide(command: ResidentCommand, history: ResidentHistory | ResidentFold): Decision {
  const fold = history instanceof ResidentFold ? history : ResidentFold.of(history);
  switch (command.type) {
    case 'RegisterResident':
      return register(command, fold);
    case 'RecordFact':
      return recordFact(command.fact, command.today, fold);
  }
}

function register(command: Extract<ResidentCommand, { type: 'RegisterResident' }>, history: ResidentFold): Decision {
  if (history.events.length > 0) return refuse(violation('ALREADY_REGISTERED', 'The resident is already registered.'));
  if (command.details.dateOfBirth > command.today) {
    return refuse(violation('EVENT_IN_FUTURE', 'The date of birth is in the future.'));
  }
  const data = { ...command.details, residentId: command.residentId };
  return { ok: true, events: [{ type: 'ResidentRegistered', occurredOn: command.today, data }] };
}

function recordFact(fact: RecordableEvent, today: LocalDate, history: ResidentFold): Decision {
  if (fact.occurredOn > today) return refuse(violation('EVENT_IN_FUTURE', `${fact.occurredOn} is after today (${today}).`));
  const issuedOn = cardIssuedOn(fact);
  if (issuedOn !== undefined && issuedOn > today) {
    return refuse(violation('CARD_ISSUED_IN_FUTURE', `The card's issue date ${issuedOn} is after today (${today}).`));
  }
  if (history.events.length === 0) return refuse(violation('NOT_REGISTERED', 'Register the resident before recording facts.'));
  if (fact.type === 'EventRetracted') return retraction(fact, history);

  // The fact at its place in legal order: does it break a rule, or make a later fact break one
  // that held before? (The fold replays from its place only.)
  const candidate = { ...fact, eventId: '(new)', version: history.version + 1 } as RecordedEvent;
  const { own, later } = history.check(candidate);
  if (own !== null) return refuse(own);
  if (later !== null) {
    const { event, violation: broken } = later;
    return refuse(
      violation(
        'CONFLICTS_WITH_LATER_EVENT',
        `This ${fact.type} would make the ${event.type} of ${event.occurredOn} (${event.eventId}) impossible: ${broken.message}`,
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
function retraction(fact: Extract<LedgerEvent, { type: 'EventRetracted' }>, history: ResidentFold): Decision {
  const target = history.events.find((event) => event.eventId === fact.data.eventId);
  if (target === undefined) return refuse(violation('UNKNOWN_EVENT', `No event ${fact.data.eventId} in this resident's history.`));
  if (target.type === 'ResidentRegistered' || target.type === 'EventRetracted') {
    return refuse(violation('CANNOT_RETRACT', `A ${target.type} cannot be retracted.`));
  }
  if (history.isRetracted(target.eventId)) {
    return refuse(violation('ALREADY_RETRACTED', `Event ${target.eventId} is already retracted.`));
  }
  return { ok: true, events: [fact] };
}

export type Decisions = { ok: true; events: LedgerEvent[] } | { ok: false; rejection: Rejection; /** The command refused. */ at: number };

/**
 * Several commands decided as one write (a registration and its take-over, a row's correction
 * and take-over): each is decided on the history with the events decided before it, and the
 * first refusal refuses them all. The decided events have no id yet; each gets a placeholder
 * one here, unique within the write, so that the next command sees a whole history.
 */
export function decideAll(commands: readonly ResidentCommand[], history: ResidentHistory | ResidentFold): Decisions {
  let fold = history instanceof ResidentFold ? history : ResidentFold.of(history);
  const events: LedgerEvent[] = [];
  for (const [at, command] of commands.entries()) {
    const decision = decide(command, fold);
    if (!decision.ok) return { ok: false, rejection: decision.rejection, at };
    events.push(...decision.events);
    fold = fold.extend(
      decision.events.map((event, index): RecordedEvent => ({
        ...event,
        eventId: `(new ${at}.${index})`,
        version: fold.version + index + 1,
      })),
    );
  }
  return { ok: true, events };
}
