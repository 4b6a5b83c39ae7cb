import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { deadlinesAsOf } from '../deadlines.js';
import { card, ResidentLife } from '../testing/resident-life.js';
import { foldResident } from './fold.js';

const d = (text: string) => text as LocalDate;
const YUKI = '6b1f3c1e-0000-4000-8000-000000000001';
const KEN = '6b1f3c1e-0000-4000-8000-000000000002';

function student() {
  const life = new ResidentLife('1995-05-10');
  life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31', card: card('AB12345678CD') });
  life.record('Moved', '2026-04-10', { address: '東京都新宿区1-1' });
  return life;
}

describe('CaseAssigned: who in the organisation is in charge of the file', () => {
  test('assigned on 2026-05-01 to Yuki, on 2026-09-01 to Ken: as of 2026-06-30 Yuki, as of 2026-09-01 Ken', () => {
    const life = student();
    life.record('CaseAssigned', '2026-05-01', { assignedTo: YUKI });
    life.record('CaseAssigned', '2026-09-01', { assignedTo: KEN, note: 'Yuki on leave' });
    expect(foldResident(life.events, d('2026-04-30')).identity?.assignedTo).toBeUndefined();
    expect(foldResident(life.events, d('2026-06-30')).identity?.assignedTo).toBe(YUKI);
    expect(foldResident(life.events, d('2026-09-01')).identity?.assignedTo).toBe(KEN);
  });

  test('no assignedTo leaves the file with nobody in charge from that day (2026-10-01)', () => {
    const life = student();
    life.record('CaseAssigned', '2026-05-01', { assignedTo: YUKI });
    life.record('CaseAssigned', '2026-10-01', {});
    expect(foldResident(life.events, d('2026-10-01')).identity?.assignedTo).toBeUndefined();
  });

  test('opens, meets and voids no deadline: the residence notice of the 2026-04-10 move stays as it was', () => {
    const life = student();
    const before = deadlinesAsOf(life.events, d('2026-05-01'));
    life.record('CaseAssigned', '2026-05-01', { assignedTo: YUKI });
    expect(deadlinesAsOf(life.events, d('2026-05-01'))).toEqual(before);
  });

  test('may be recorded while the case is closed (closed 2026-06-01, reassigned 2026-07-01) and after death', () => {
    const life = student();
    life.record('CaseClosed', '2026-06-01', { reason: 'left_caseload' });
    expect(life.refusal('CaseAssigned', '2026-07-01', { assignedTo: KEN })).toBe('ACCEPTED');
    const died = student();
    died.record('Died', '2026-06-01');
    expect(died.refusal('CaseAssigned', '2026-07-01', { assignedTo: KEN })).toBe('ACCEPTED');
  });

  test('an assignee that is not text, or an unknown field, is invalid; before birth is refused', () => {
    const life = student();
    expect(life.refusal('CaseAssigned', '2026-05-01', { assignedTo: 42 })).toBe('INVALID');
    expect(life.refusal('CaseAssigned', '2026-05-01', { assignee: YUKI })).toBe('INVALID');
    expect(life.refusal('CaseAssigned', '1990-01-01', { assignedTo: YUKI })).toBe('EVENT_BEFORE_BIRTH');
  });
});
