import { describe, expect, test } from '@jest/globals';
import { statusAsOf } from '../status.js';
import { deadlinesAsOf } from '../deadlines.js';
import { permanentResidentWhoseTripLapses, specifiedSkilledWorker, studentToEngineer } from '../testing/lives.js';
import type { RecordedEvent } from '../events/events.js';
import type { LocalDate } from '../calendar/local-date.js';

const at = (events: RecordedEvent[], asOf: string) => ({
  status: statusAsOf(events, asOf as LocalDate),
  deadlines: deadlinesAsOf(events, asOf as LocalDate),
});
const stateOf = (events: RecordedEvent[], asOf: string, kind: string) =>
  at(events, asOf)
    .deadlines.filter((d) => d.kind === kind)
    .map((d) => d.state);

describe('a Specified Skilled Worker (特定技能1号) over two years', () => {
  const { events } = specifiedSkilledWorker();

  test('2025-04-02: landed, card valid, may work in the status activities, residence to notify', () => {
    const { status, deadlines } = at(events, '2025-04-02');
    expect(status.residence).toMatchObject({
      lawful: true,
      basis: 'period_of_stay',
      status: 'specified_skilled_worker_1',
      lawfulUntil: '2026-03-31',
    });
    expect(status.card).toMatchObject({ number: 'SW10000001AA', state: 'valid', expiresOn: '2026-03-31' });
    expect(status.work.permission).toBe('status_activities_only');
    expect(deadlines.map((d) => [d.kind, d.state])).toEqual([
      ['residence_notification_90_day', 'open'],
      ['period_renewal', 'upcoming'],
      // The employer's annual report for FY2025 and the 5-year cap (docs/ssw-duties.md §3, §5).
      ['ssw_annual_report', 'upcoming'],
      ['ssw1_cap', 'upcoming'],
    ]);
  });

  test('2025-11-15: between jobs, the revocation risk runs to 2026-01-31 (31 Oct + 3 months, month end)', () => {
    const risk = at(events, '2025-11-15').deadlines.find((d) => d.kind === 'activity_gap_revocation_risk');
    expect(risk).toMatchObject({ statutoryDueOn: '2026-01-31', state: 'open' });
    expect(stateOf(events, '2025-12-15', 'activity_gap_revocation_risk')).toEqual(['met']);
    expect(stateOf(events, '2025-12-20', 'affiliation_notification')).toEqual(['met', 'met']);
  });

  test('2026-04-05: past the old expiry, in the special period while the extension is pending', () => {
    const { status } = at(events, '2026-04-05');
    expect(status.residence).toMatchObject({ lawful: true, basis: 'special_period', lawfulUntil: '2026-05-31' });
    expect(status.card.state).toBe('valid');
  });

  test('2026-06-05: the lost card stays valid; the reissue is due 2026-06-15', () => {
    const { status, deadlines } = at(events, '2026-06-05');
    expect(status.card).toMatchObject({ number: 'SW10000002AA', state: 'valid', lostOn: '2026-06-01' });
    expect(deadlines.find((d) => d.kind === 'card_reissue_after_loss')).toMatchObject({ dueOn: '2026-06-15', state: 'open' });
  });

  test('2026-08-10: abroad on a deemed re-entry capped at one year (2027-08-01) or the period end (2027-04-10)', () => {
    const { status, deadlines } = at(events, '2026-08-10');
    expect(status.residence).toMatchObject({ lawful: true, basis: 'deemed_reentry_abroad', inJapan: false });
    expect(deadlines.find((d) => d.kind === 'reentry')).toMatchObject({ statutoryDueOn: '2027-04-10', state: 'open' });
  });

  test('2026-09-20: back, moved again with the address change overdue', () => {
    const { status, deadlines } = at(events, '2026-09-20');
    expect(status.residence).toMatchObject({ inJapan: true, basis: 'period_of_stay', lawfulUntil: '2027-04-10' });
    expect(status.card.number).toBe('SW10000003AA');
    expect(deadlines.find((d) => d.kind === 'address_change_notification')).toMatchObject({ dueOn: '2026-09-15', state: 'overdue' });
    expect(deadlines.find((d) => d.kind === 'reentry')?.state).toBe('met');
  });
});

describe('a student who becomes an engineer', () => {
  const { events } = studentToEngineer();

  test('as a student: 28 hours a week under comprehensive permission', () => {
    expect(at(events, '2025-01-10').status.work).toEqual({ permission: 'not_permitted', extraActivityHoursPerWeek: 28 });
  });

  test('after the expiry of 2026-04-30 the change is pending: special period to 2026-06-30', () => {
    expect(at(events, '2026-05-10').status.residence).toMatchObject({
      basis: 'special_period',
      lawfulUntil: '2026-06-30',
      status: 'student',
    });
  });

  test('after the grant: new status, new card, the student card replaced, the permission lapsed', () => {
    const { status, deadlines } = at(events, '2026-05-20');
    expect(status.residence).toMatchObject({ status: 'engineer_humanities_international', lawfulUntil: '2029-05-20' });
    expect(status.card).toMatchObject({ number: 'EH20000002AA', state: 'valid' });
    expect(status.work).toEqual({ permission: 'status_activities_only', extraActivityHoursPerWeek: null });
    expect(deadlines.filter((d) => d.kind === 'period_renewal').map((d) => d.state)).toEqual(['met', 'upcoming']);
  });
});

describe('a permanent resident whose deemed re-entry lapses', () => {
  const { events } = permanentResidentWhoseTripLapses();

  test('card issued 2023-02-28 runs to 2030-02-27 (7 years, 起算して)', () => {
    expect(at(events, '2024-01-01').status.card).toMatchObject({ number: 'PR30000002AA', expiresOn: '2030-02-27' });
  });

  test('abroad until 2026-06-30 lawfully; from 2026-07-01 the status and card are lost', () => {
    expect(at(events, '2026-06-30').status.residence).toMatchObject({ lawful: true, basis: 'deemed_reentry_abroad' });
    const { status, deadlines } = at(events, '2026-07-01');
    expect(status.residence).toMatchObject({ lawful: false, basis: 'none', inJapan: false });
    expect(status.card).toMatchObject({ state: 'invalidated', invalidationReason: 'reentry_lapsed', invalidatedOn: '2026-07-01' });
    expect(deadlines.find((d) => d.kind === 'card_surrender')).toMatchObject({ statutoryDueOn: '2026-07-15', state: 'open' });
    expect(status.work.permission).toBe('not_permitted');
  });
});
