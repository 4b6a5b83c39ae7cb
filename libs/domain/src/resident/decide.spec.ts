import { describe, expect, test } from '@jest/globals';
import { decide } from './decide.js';
import { ResidentLife, TEST_TODAY, card } from '../testing/resident-life.js';
import type { LocalDate } from '../calendar/local-date.js';

function student() {
  const life = new ResidentLife('1995-05-10');
  life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31', card: card('AB12345678CD') });
  return life;
}

describe('§7 facts the ledger rejects (422, stable codes)', () => {
  test('EVENT_BEFORE_BIRTH and EVENT_IN_FUTURE', () => {
    const life = new ResidentLife('1995-05-10');
    expect(life.refusal('Landed', '1995-05-09', { status: 'student', periodExpiresOn: '1996-05-01' })).toBe('EVENT_BEFORE_BIRTH');
    const future = life.attempt('Moved', '2026-11-24', { address: 'Tokyo' }, '2026-11-23' as LocalDate);
    expect(future).toMatchObject({ ok: false, rejection: { kind: 'rule', code: 'EVENT_IN_FUTURE' } });
  });

  test('NO_PENDING_APPLICATION: a grant or denial with nothing applied for', () => {
    const life = student();
    expect(life.refusal('ExtensionGranted', '2027-01-10', { periodExpiresOn: '2029-03-31', card: card('BC12345678DE') })).toBe(
      'NO_PENDING_APPLICATION',
    );
    expect(life.refusal('StatusChangeDenied', '2027-01-10')).toBe('NO_PENDING_APPLICATION');
    expect(life.refusal('PermanentResidenceGranted', '2027-01-10', { card: card('BC12345678DE') })).toBe('NO_PENDING_APPLICATION');
    life.record('ExtensionApplied', '2027-01-05');
    expect(life.refusal('ExtensionDenied', '2027-01-10')).toBe('ACCEPTED');
  });

  test('NOT_A_MID_TO_LONG_TERM_RESIDENT (§2, 19条の3): no card for a short stay or a temporary visitor', () => {
    const life = new ResidentLife();
    // addMonths(2026-11-30, 3) = 2027-02-28 (month end): a period ending on or before 2027-02-28 is
    // 3 months or less (三月以下, corrected 2026-11-23: exactly 3 months is not mid-to-long-term).
    expect(life.refusal('Landed', '2026-11-30', { status: 'student', periodExpiresOn: '2027-02-27', card: card('AB12345678CD') })).toBe(
      'NOT_A_MID_TO_LONG_TERM_RESIDENT',
    );
    expect(life.refusal('Landed', '2026-11-30', { status: 'student', periodExpiresOn: '2027-02-28', card: card('AB12345678CD') })).toBe(
      'NOT_A_MID_TO_LONG_TERM_RESIDENT',
    );
    expect(life.refusal('Landed', '2026-11-30', { status: 'student', periodExpiresOn: '2027-03-01', card: card('AB12345678CD') })).toBe(
      'ACCEPTED',
    );
    expect(
      life.refusal('Landed', '2026-11-30', { status: 'temporary_visitor', periodExpiresOn: '2027-02-28', card: card('AB12345678CD') }),
    ).toBe('NOT_A_MID_TO_LONG_TERM_RESIDENT');
    expect(
      life.refusal('Landed', '2026-11-30', {
        status: 'designated_activities',
        designation: 'digital_nomad',
        periodExpiresOn: '2027-05-28',
        card: card('AB12345678CD'),
      }),
    ).toBe('NOT_A_MID_TO_LONG_TERM_RESIDENT');
    const visitor = new ResidentLife();
    visitor.record('Landed', '2026-11-30', { status: 'temporary_visitor', periodExpiresOn: '2027-02-27' });
    expect(visitor.refusal('CardIssued', '2026-12-01', { card: card('AB12345678CD'), reason: 'exchange' })).toBe(
      'NOT_A_MID_TO_LONG_TERM_RESIDENT',
    );
  });

  test('a card number is never reused (docs/sources/residency-management-system.md)', () => {
    const life = student();
    expect(life.refusal('CardIssued', '2026-05-01', { card: card('AB12345678CD'), reason: 'exchange' })).toBe('CARD_NUMBER_IN_USE');
  });

  test('ALREADY_IN_JAPAN and APPLICATION_ALREADY_PENDING', () => {
    const life = student();
    expect(life.refusal('Landed', '2026-05-01', { status: 'student', periodExpiresOn: '2027-05-01' })).toBe('ALREADY_IN_JAPAN');
    life.record('ExtensionApplied', '2027-12-01');
    expect(life.refusal('StatusChangeApplied', '2027-12-02', { toStatus: 'dependent' })).toBe('APPLICATION_ALREADY_PENDING');
  });

  test('retracting an unknown, an already retracted or a registration event is refused', () => {
    const life = student();
    expect(life.refusal('EventRetracted', '2026-05-01', { eventId: 'nope', reason: 'typo' })).toBe('UNKNOWN_EVENT');
    expect(life.refusal('EventRetracted', '2026-05-01', { eventId: 'e1', reason: 'typo' })).toBe('CANNOT_RETRACT');
    const moved = life.record('Moved', '2026-04-05', { address: 'Tokyo' });
    life.record('EventRetracted', '2026-05-01', { eventId: moved, reason: 'wrong resident' });
    expect(life.refusal('EventRetracted', '2026-05-02', { eventId: moved, reason: 'again' })).toBe('ALREADY_RETRACTED');
  });

  test('a late fact that would make a later one impossible is CONFLICTS_WITH_LATER_EVENT', () => {
    const life = student();
    life.record('Moved', '2026-06-01', { address: 'Tokyo' });
    expect(life.refusal('Departed', '2026-05-01', { reentry: 'none' })).toBe('CONFLICTS_WITH_LATER_EVENT');
    expect(life.refusal('Departed', '2026-07-01', { reentry: 'none' })).toBe('ACCEPTED');
  });

  test('facts need a registered resident, and registration happens once', () => {
    const none = decide(
      { type: 'RecordFact', fact: { type: 'Moved', occurredOn: '2026-01-01' as LocalDate, data: { address: 'x' } }, today: TEST_TODAY },
      [],
    );
    expect(none).toMatchObject({ ok: false, rejection: { code: 'NOT_REGISTERED' } });
    const life = student();
    const again = decide(
      {
        type: 'RegisterResident',
        residentId: 'r',
        details: { fullName: 'A', dateOfBirth: '1990-01-01' as LocalDate, nationality: 'VNM' },
        today: TEST_TODAY,
      },
      life.events,
    );
    expect(again).toMatchObject({ ok: false, rejection: { code: 'ALREADY_REGISTERED' } });
  });
});

describe('shape errors stop at the edge (400): the decider sees only parsed facts', () => {
  test('an impossible date, a bad card number and an unknown field never reach the decider', () => {
    const decision = student().attempt('ExtensionGranted', '2026-02-30', { periodExpiresOn: 'soon', card: { number: 'ab1234' }, extra: 1 });
    expect(decision.ok).toBe(false);
    if (decision.ok || decision.rejection.kind !== 'invalid') throw new Error('expected field errors');
    expect(decision.rejection.errors.map((error) => error.field).sort()).toEqual(
      ['data.card.number', 'data.extra', 'data.periodExpiresOn', 'occurredOn'].sort(),
    );
  });

  test('a registration whose date of birth is after today is EVENT_IN_FUTURE (today 2030-12-31, born 2031-01-01)', () => {
    const decision = decide(
      {
        type: 'RegisterResident',
        residentId: 'r',
        details: { fullName: 'A', dateOfBirth: '2031-01-01' as LocalDate, nationality: 'VNM' },
        today: TEST_TODAY,
      },
      [],
    );
    expect(decision).toMatchObject({ ok: false, rejection: { code: 'EVENT_IN_FUTURE' } });
  });
});
