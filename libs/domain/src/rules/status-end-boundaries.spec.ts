import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { deadlinesAsOf } from '../deadlines.js';
import { statusAsOf } from '../status.js';
import { ResidentLife, card } from '../testing/resident-life.js';

const on = (life: ResidentLife, asOf: string) => statusAsOf(life.events, asOf as LocalDate);
const deadline = (life: ResidentLife, asOf: string, kind: string) =>
  deadlinesAsOf(life.events, asOf as LocalDate).find((d) => d.kind === kind);

function engineerUntil(periodExpiresOn: string) {
  const life = new ResidentLife();
  life.record('Landed', '2024-04-01', { status: 'engineer_humanities_international', periodExpiresOn, card: card('EN00000001AA') });
  return life;
}

describe('§5 card return after losing status (19条の14, 19条の15)', () => {
  test('an extension denied on 2026-04-15, after the expiry 2026-03-31: card invalidated (status_lost), returned by 2026-04-29 (昭和の日) → 2026-04-30', () => {
    const life = engineerUntil('2026-03-31');
    life.record('ExtensionApplied', '2026-03-20');
    expect(on(life, '2026-04-14')).toMatchObject({ residence: { basis: 'special_period' }, card: { state: 'valid' } });
    life.record('ExtensionDenied', '2026-04-15');
    expect(on(life, '2026-04-15')).toMatchObject({
      residence: { lawful: false },
      card: { state: 'invalidated', invalidationReason: 'status_lost', invalidatedOn: '2026-04-15' },
    });
    expect(deadline(life, '2026-04-15', 'card_surrender')).toMatchObject({
      statutoryDueOn: '2026-04-29',
      dueOn: '2026-04-30',
      state: 'open',
      legalBasis: expect.stringContaining('19条の15'),
    });
  });

  test('a change denied before the expiry (2026-03-01, expiry 2026-03-31) loses nothing: the card stays valid to 2026-03-31', () => {
    const life = engineerUntil('2026-03-31');
    life.record('StatusChangeApplied', '2026-02-01', { toStatus: 'business_manager' });
    life.record('StatusChangeDenied', '2026-03-01');
    expect(on(life, '2026-03-31').card.state).toBe('valid');
    expect(deadline(life, '2026-03-31', 'card_surrender')).toBeUndefined();
  });
});

describe('§6 owed 14-day notifications survive a later change of status (reading)', () => {
  test('所属機関 left 2026-06-01 (due 2026-06-15); status changed 2026-06-05: still open, overdue on 2026-06-16', () => {
    const life = engineerUntil('2027-03-31');
    life.record('StatusChangeApplied', '2026-05-20', { toStatus: 'business_manager' });
    life.record('AffiliationChanged', '2026-06-01', { kind: 'contract', change: 'left' });
    life.record('StatusChangeGranted', '2026-06-05', {
      status: 'business_manager',
      periodExpiresOn: '2027-06-05',
      card: card('BM00000001AA'),
    });
    expect(deadline(life, '2026-06-05', 'affiliation_notification')).toMatchObject({ dueOn: '2026-06-15', state: 'open' });
    expect(deadline(life, '2026-06-16', 'affiliation_notification')?.state).toBe('overdue');
    // The revocation risk of the old status is answered by the change.
    expect(deadline(life, '2026-06-05', 'activity_gap_revocation_risk')?.state).toBe('met');
  });

  test('spouse relationship ended 2026-06-01 (due 2026-06-15): a change to 定住者 on 2026-06-05 leaves it owed; revocation on 2026-06-08 too; death on 2026-06-10 voids it', () => {
    const life = new ResidentLife();
    life.record('Landed', '2025-04-01', { status: 'spouse_of_japanese', periodExpiresOn: '2028-03-31', card: card('SP00000001AA') });
    life.record('StatusChangeApplied', '2026-05-20', { toStatus: 'long_term_resident' });
    life.record('SpouseRelationshipEnded', '2026-06-01', { cause: 'divorce' });
    life.record('StatusChangeGranted', '2026-06-05', {
      status: 'long_term_resident',
      periodExpiresOn: '2027-06-05',
      card: card('LT00000001AA'),
    });
    expect(deadline(life, '2026-06-05', 'spouse_notification')?.state).toBe('open');
    life.record('StatusRevoked', '2026-06-08');
    expect(deadline(life, '2026-06-08', 'spouse_notification')?.state).toBe('open');
    life.record('Died', '2026-06-10');
    expect(deadline(life, '2026-06-10', 'spouse_notification')?.state).toBe('void');
  });

  test('final departure on 2026-06-05 voids a residence notification owed since a move on 2026-06-01', () => {
    const life = engineerUntil('2027-03-31');
    life.record('Moved', '2026-06-01', { address: 'Sendai' });
    life.record('Departed', '2026-06-05', { reentry: 'none' });
    expect(deadline(life, '2026-06-05', 'residence_notification')?.state).toBe('void');
  });
});

describe('§4 revocation with a departure period (22条の4⑦)', () => {
  test('revoked 2026-06-01 with departureBy 2026-07-01 (30 days): lawful until 2026-07-01 (departure_period), not on 2026-07-02', () => {
    const life = engineerUntil('2027-03-31');
    life.record('StatusRevoked', '2026-06-01', { ground: '22条の4①5号', departureBy: '2026-07-01' });
    expect(on(life, '2026-07-01').residence).toMatchObject({
      lawful: true,
      basis: 'departure_period',
      lawfulUntil: '2026-07-01',
      status: null,
    });
    expect(on(life, '2026-07-01').card).toMatchObject({ state: 'invalidated', invalidationReason: 'status_revoked' });
    expect(on(life, '2026-07-02').residence).toMatchObject({ lawful: false, basis: 'none' });
  });

  test('without departureBy the stay ends on the revocation day; departureBy 31 days on (2026-07-02) or on the day itself is a 400', () => {
    const life = engineerUntil('2027-03-31');
    expect(life.refusal('StatusRevoked', '2026-06-01', { departureBy: '2026-07-02' })).toBe('INVALID');
    expect(life.refusal('StatusRevoked', '2026-06-01', { departureBy: '2026-06-01' })).toBe('INVALID');
    life.record('StatusRevoked', '2026-06-01');
    expect(on(life, '2026-06-01').residence).toMatchObject({ lawful: false, basis: 'none' });
  });

  test('a final departure within the departure period (2026-06-20) ends the lawful stay in Japan', () => {
    const life = engineerUntil('2027-03-31');
    life.record('StatusRevoked', '2026-06-01', { departureBy: '2026-07-01' });
    life.record('Departed', '2026-06-20', { reentry: 'none' });
    expect(on(life, '2026-06-25').residence).toMatchObject({ lawful: false, inJapan: false });
  });
});
