import { describe, expect, test } from '@jest/globals';
import { statusAsOf } from '../status.js';
import { deadlinesAsOf } from '../deadlines.js';
import { ResidentLife, card } from '../testing/resident-life.js';
import type { LocalDate } from '../calendar/local-date.js';

const on = (life: ResidentLife, asOf: string) => statusAsOf(life.events, asOf as LocalDate);
const deadline = (life: ResidentLife, asOf: string, kind: string) =>
  deadlinesAsOf(life.events, asOf as LocalDate).find((d) => d.kind === kind);

function worker(periodExpiresOn: string) {
  const life = new ResidentLife();
  life.record('Landed', '2025-10-01', { status: 'engineer_humanities_international', periodExpiresOn, card: card('EN12345678AA') });
  return life;
}

describe('§6 reentry (みなし再入国 / 再入国許可, 26条の2; docs/sources/card-number-check.md §5.2, docs/sources/residence-card-guide.md)', () => {
  test('a deemed re-entry is capped by the end of the period of stay, and never moves off a holiday', () => {
    const life = worker('2026-10-03');
    life.record('Departed', '2026-03-01', { reentry: 'deemed' });
    // min(addYears(2026-03-01, 1) = 2027-03-01, 2026-10-03) = 2026-10-03, a Saturday: it stays.
    expect(deadline(life, '2026-03-01', 'reentry')).toMatchObject({ statutoryDueOn: '2026-10-03', dueOn: '2026-10-03', state: 'open' });
    expect(on(life, '2026-06-01').residence).toMatchObject({
      lawful: true,
      basis: 'deemed_reentry_abroad',
      inJapan: false,
      lawfulUntil: '2026-10-03',
    });
  });

  test('a deemed re-entry of a permanent resident lasts one year; a lapse invalidates the card from the next day', () => {
    const life = new ResidentLife();
    life.record('Landed', '2022-04-01', { status: 'spouse_of_japanese', periodExpiresOn: '2027-04-01', card: card('AA12345678AA') });
    life.record('PermanentResidenceApplied', '2025-06-01');
    life.record('PermanentResidenceGranted', '2026-01-10', { card: card('PR12345678AA') });
    life.record('Departed', '2026-03-01', { reentry: 'deemed' });
    expect(deadline(life, '2026-03-01', 'reentry')?.statutoryDueOn).toBe('2027-03-01');
    expect(on(life, '2027-03-01').card.state).toBe('valid');
    expect(on(life, '2027-03-02').card).toMatchObject({
      state: 'invalidated',
      invalidationReason: 'reentry_lapsed',
      invalidatedOn: '2027-03-02',
    });
    expect(on(life, '2027-03-02').residence).toMatchObject({ lawful: false, basis: 'none', inJapan: false });
    expect(deadline(life, '2027-03-02', 'reentry')?.state).toBe('overdue');
    // Surrender within 14 days of the lapse day: 2027-03-02 + 14 = 2027-03-16 (Tuesday).
    expect(deadline(life, '2027-03-02', 'card_surrender')).toMatchObject({ statutoryDueOn: '2027-03-16', dueOn: '2027-03-16' });
    expect(life.refusal('Reentered', '2027-03-02')).toBe('REENTRY_LAPSED');
  });

  test('a re-entry permit runs to permitExpiresOn, within the period of stay', () => {
    const life = worker('2028-09-30');
    expect(life.refusal('Departed', '2026-03-01', { reentry: 'permit', permitExpiresOn: '2026-02-28' })).toBe(
      'PERMIT_ENDS_BEFORE_DEPARTURE',
    );
    life.record('Departed', '2026-03-01', { reentry: 'permit', permitExpiresOn: '2027-08-31' });
    expect(deadline(life, '2026-03-01', 'reentry')?.statutoryDueOn).toBe('2027-08-31');
    expect(on(life, '2026-04-01').residence.basis).toBe('reentry_permit_abroad');
    life.record('Reentered', '2027-01-15');
    expect(deadline(life, '2027-01-15', 'reentry')).toMatchObject({ state: 'met', metOn: '2027-01-15' });
    expect(on(life, '2027-01-15').residence).toMatchObject({ inJapan: true, basis: 'period_of_stay' });
  });

  test('a final departure invalidates the card at the port; only a new landing may follow', () => {
    const life = worker('2028-09-30');
    life.record('Moved', '2025-10-05', { address: 'Tokyo' });
    life.record('Departed', '2026-03-01', { reentry: 'none' });
    expect(on(life, '2026-03-01').card).toMatchObject({ state: 'invalidated', invalidationReason: 'departed' });
    expect(deadline(life, '2026-03-01', 'residence_notification')?.state).toBe('void');
    expect(life.refusal('Moved', '2026-03-05', { address: 'Osaka' })).toBe('NOT_IN_JAPAN');
    life.record('Landed', '2026-09-01', { status: 'student', periodExpiresOn: '2027-09-01', card: card('ST12345678AA') });
    expect(on(life, '2026-09-01').residence).toMatchObject({ lawful: true, status: 'student', inJapan: true });
  });

  test('after death or naturalisation nothing more is recorded (RESIDENT_CLOSED)', () => {
    for (const end of ['Died', 'Naturalised'] as const) {
      const life = worker('2028-09-30');
      life.record(end, '2026-03-01');
      expect(life.refusal('Moved', '2026-03-05', { address: 'Osaka' })).toBe('RESIDENT_CLOSED');
      expect(life.refusal('Landed', '2026-09-01', { status: 'student', periodExpiresOn: '2027-09-01' })).toBe('RESIDENT_CLOSED');
    }
  });

  test('facts in Japan while abroad are NOT_IN_JAPAN; a re-entry without a departure is NO_OPEN_REENTRY', () => {
    const life = worker('2028-09-30');
    expect(life.refusal('Reentered', '2026-01-01')).toBe('NO_OPEN_REENTRY');
    life.record('Departed', '2026-03-01', { reentry: 'deemed' });
    expect(life.refusal('Moved', '2026-04-01', { address: 'Osaka' })).toBe('NOT_IN_JAPAN');
  });
});
