/**
 * Builds a resident's recorded history through the decider, as the API would, so a test
 * can never hold a history the ledger itself would have refused.
 */
import type { LocalDate } from '../calendar/local-date.js';
import type { RuleCode } from '../domain-error.js';
import type { EventDataByType, EventType, RecordedEvent } from '../events/events.js';
import { decide, type Decision } from '../resident/decide.js';

/** "Today" for the tests: every fact below is in the past of this day. */
export const TEST_TODAY = '2030-12-31' as LocalDate;

export class ResidentLife {
  readonly events: RecordedEvent[] = [];

  constructor(dateOfBirth = '1995-05-10', residentId = 'resident-1') {
    const decision = decide(
      {
        type: 'RegisterResident',
        residentId,
        details: { fullName: 'NGUYEN VAN AN', dateOfBirth, nationality: 'VNM' },
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

  attempt(type: EventType, occurredOn: string, data: unknown = {}, today: LocalDate = TEST_TODAY): Decision {
    return decide({ type: 'RecordFact', fact: { type, occurredOn, data }, today }, this.events);
  }

  /** The stable code the ledger answers with when it refuses a fact. */
  refusal(type: EventType, occurredOn: string, data: unknown = {}): RuleCode | 'INVALID' | 'ACCEPTED' {
    const decision = this.attempt(type, occurredOn, data);
    if (decision.ok) return 'ACCEPTED';
    return decision.rejection.kind === 'rule' ? decision.rejection.code : 'INVALID';
  }

  private append(decision: Decision, type: EventType): string {
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
