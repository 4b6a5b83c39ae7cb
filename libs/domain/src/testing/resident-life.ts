/**
 * Builds a resident's recorded history through the decider, as the API would, so a test
 * can never hold a history the ledger itself would have refused.
 */
import type { LocalDate } from '../calendar/local-date.js';
import type { RuleCode } from '../domain-error.js';
import { parseRecordableEvent } from '../events/event-validation.js';
import type { EventDataByType, EventType, RecordedEvent } from '../events/events.js';
import type { FieldError } from '../events/field-rules.js';
import { decide, type Decision } from '../resident/decide.js';

/** What the API answers: a shape error (400) before the decider, or the decision. */
export type Attempt = Decision | { ok: false; rejection: { kind: 'invalid'; errors: FieldError[] } };

/** "Today" for the tests: every fact below is in the past of this day. */
export const TEST_TODAY = '2030-12-31' as LocalDate;

export class ResidentLife {
  readonly events: RecordedEvent[] = [];

  constructor(dateOfBirth = '1995-05-10', residentId = 'resident-1') {
    const decision = decide(
      {
        type: 'RegisterResident',
        residentId,
        details: { fullName: 'NGUYEN VAN AN', dateOfBirth: dateOfBirth as LocalDate, nationality: 'VNM' },
        today: TEST_TODAY,
      },
      [],
    );
    this.append(decision, 'ResidentRegistered');
  }

  /** Records a fact and returns its event id; throws with the rejection if the ledger refuses it. */
  record<T extends Exclude<EventType, 'ResidentRegistered'>>(
    type: T,
    occurredOn: string,
    data: EventDataByType[T] | Record<string, unknown> = {},
  ): string {
    return this.append(this.attempt(type, occurredOn, data), type);
  }

  /** Parses the fact as the API's edge does, then lets the decider weigh it. */
  attempt(type: EventType, occurredOn: string, data: unknown = {}, today: LocalDate = TEST_TODAY): Attempt {
    const parsed = parseRecordableEvent({ type, occurredOn, data });
    if (!parsed.ok) return { ok: false, rejection: { kind: 'invalid', errors: parsed.errors } };
    return decide({ type: 'RecordFact', fact: parsed.value, today }, this.events);
  }

  /** The stable code the ledger answers with when it refuses a fact. */
  refusal(type: EventType, occurredOn: string, data: unknown = {}): RuleCode | 'INVALID' | 'ACCEPTED' {
    const decision = this.attempt(type, occurredOn, data);
    if (decision.ok) return 'ACCEPTED';
    return decision.rejection.kind === 'rule' ? decision.rejection.code : 'INVALID';
  }

  private append(decision: Attempt, type: EventType): string {
    if (!decision.ok) throw new Error(`${type} refused: ${JSON.stringify(decision.rejection)}`);
    let id = '';
    for (const event of decision.events) {
      const version = this.events.length + 1;
      id = `e${version}`;
      this.events.push({ ...event, eventId: id, version } as RecordedEvent);
    }
    return id;
  }
}

export const card = (number: string, extra: Record<string, unknown> = {}) => ({ number, ...extra });
