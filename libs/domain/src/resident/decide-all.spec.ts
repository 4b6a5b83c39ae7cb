import { describe, expect, test } from '@jest/globals';
import { decideAll, type ResidentCommand } from './decide.js';
import { ResidentLife, TEST_TODAY, card } from '../testing/resident-life.js';
import type { LocalDate } from '../calendar/local-date.js';
import type { RecordableEvent } from '../events/events.js';

const registration: ResidentCommand = {
  type: 'RegisterResident',
  residentId: 'resident-1',
  details: { fullName: 'NGUYEN VAN AN', dateOfBirth: '1995-05-10' as LocalDate, nationality: 'VNM' },
  today: TEST_TODAY,
};
const fact = (type: string, occurredOn: string, data: Record<string, unknown>): ResidentCommand => ({
  type: 'RecordFact',
  fact: { type, occurredOn, data } as RecordableEvent,
  today: TEST_TODAY,
});
const landed = fact('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31', card: card('AB12345678CD') });

describe('decideAll: several commands as one write', () => {
  test('a registration and the landing after it: each decided on the history with the ones before it', () => {
    const decided = decideAll([registration, landed], []);
    expect(decided).toMatchObject({ ok: true, events: [{ type: 'ResidentRegistered' }, { type: 'Landed', occurredOn: '2026-04-01' }] });
  });

  test('a landing alone is refused NOT_REGISTERED: the registration decided before it is what makes it possible', () => {
    expect(decideAll([landed], [])).toMatchObject({ ok: false, at: 0, rejection: { code: 'NOT_REGISTERED' } });
  });

  test('the first refusal refuses the whole write and names the command (a second landing on 2026-05-01: at 2)', () => {
    const life = new ResidentLife();
    const moved = fact('Moved', '2026-04-10', { address: 'Tokyo' });
    const again = fact('Landed', '2026-05-01', { status: 'student', periodExpiresOn: '2028-03-31' });
    const decided = decideAll([landed, moved, again], life.events);
    expect(decided).toMatchObject({ ok: false, at: 2 });
    expect(decideAll([landed, moved], life.events)).toMatchObject({ ok: true, events: [{ type: 'Landed' }, { type: 'Moved' }] });
  });
});
