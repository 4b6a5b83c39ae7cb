import { describe, expect, test } from '@jest/globals';
import { residentAsOf } from '../as-of.js';
import { cardViewAsOf } from '../card-view.js';
import { statusAsOf } from '../status.js';
import { deadlinesAsOf } from '../deadlines.js';
import { ResidentLife, card } from '../testing/resident-life.js';
import type { LocalDate } from '../calendar/local-date.js';

const cardOn = (life: ResidentLife, asOf: string) => statusAsOf(life.events, asOf as LocalDate).card;
const deadline = (life: ResidentLife, asOf: string, kind: string) =>
  deadlinesAsOf(life.events, asOf as LocalDate).find((d) => d.kind === kind);

function permanentResident(dateOfBirth: string, grantedOn: string, cardNumber = 'PR12345678AA') {
  const life = new ResidentLife(dateOfBirth);
  life.record('Landed', '2022-04-01', { status: 'spouse_of_japanese', periodExpiresOn: '2027-04-01', card: card('AA12345678AA') });
  life.record('PermanentResidenceApplied', '2025-06-01');
  life.record('PermanentResidenceGranted', grantedOn, { card: card(cardNumber) });
  return life;
}

describe('§5 card expiry (入管法19条の5)', () => {
  test('a permanent resident aged 16 or more: the day before the 7th anniversary of issue (起算して7年)', () => {
    const life = permanentResident('1990-01-01', '2026-04-10');
    expect(cardOn(life, '2026-04-10')).toMatchObject({ state: 'valid', issuedOn: '2026-04-10', expiresOn: '2033-04-09' });
    expect(cardOn(life, '2033-04-09').state).toBe('valid');
    expect(cardOn(life, '2033-04-10').state).toBe('expired');
  });

  test('everyone else: the end of the period of stay', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31', card: card('AB12345678CD') });
    expect(cardOn(life, '2026-04-01').expiresOn).toBe('2028-03-31');
  });

  test('a 15-year-old: the card ends the day before the 16th birthday when that comes before the period end', () => {
    const life = new ResidentLife('2011-03-15');
    life.record('Landed', '2026-12-01', { status: 'dependent', periodExpiresOn: '2028-12-01', card: card('DP12345678AA') });
    expect(cardOn(life, '2027-03-14')).toMatchObject({ state: 'valid', expiresOn: '2027-03-14' });
    expect(cardOn(life, '2027-03-15').state).toBe('expired');
  });

  test('a permanent resident under 16: the day before the 16th birthday, not 7 years', () => {
    const life = permanentResident('2012-08-20', '2026-04-10');
    expect(cardOn(life, '2026-04-10').expiresOn).toBe('2028-08-19');
  });

  test('cards issued before 2023-11-01 ran to the 16th birthday itself', () => {
    const life = new ResidentLife('2008-03-15');
    life.record('Landed', '2023-10-01', { status: 'long_term_resident', periodExpiresOn: '2026-10-01', card: card('LT12345678AA') });
    expect(cardOn(life, '2023-10-01').expiresOn).toBe('2024-03-15');
  });

  test('a 29 February birthday: the 16th birthday in 2028 is a leap day, so the card ends on 28 February', () => {
    const life = new ResidentLife('2012-02-29');
    life.record('Landed', '2027-06-01', { status: 'dependent', periodExpiresOn: '2029-06-01', card: card('LP12345678AA') });
    expect(cardOn(life, '2027-06-01').expiresOn).toBe('2028-02-28');
  });

  test('a printed expiry wins; a difference from the computed one is a warning, not a rejection', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-04-01', {
      status: 'student',
      periodExpiresOn: '2028-03-31',
      card: card('AB12345678CD', { expiresOn: '2028-03-30' }),
    });
    const status = statusAsOf(life.events, '2026-05-01' as LocalDate);
    expect(status.card.expiresOn).toBe('2028-03-30');
    expect(status.warnings).toEqual([expect.objectContaining({ code: 'CARD_EXPIRY_DIFFERS' })]);
  });
});

describe('§5 validity renewal (有効期間更新申請, 19条の11)', () => {
  test('7-year card: opens 2 months before the expiry; a Saturday expiry moves the last day to Monday', () => {
    const life = permanentResident('1990-01-01', '2026-04-10');
    expect(deadline(life, '2033-02-08', 'card_validity_renewal')).toMatchObject({
      opensOn: '2033-02-09',
      statutoryDueOn: '2033-04-09',
      dueOn: '2033-04-11',
      state: 'upcoming',
      legalBasis: expect.stringContaining('19条の11'),
    });
    expect(deadline(life, '2033-02-09', 'card_validity_renewal')?.state).toBe('open');
    life.record('CardIssued', '2030-03-01', { card: card('PR87654321AA'), reason: 'validity_renewal' });
    expect(deadline(life, '2030-03-01', 'card_validity_renewal')).toMatchObject({ state: 'met', metOn: '2030-03-01' });
  });

  test('age-16 card: the window opens 6 months before the expiry', () => {
    const life = new ResidentLife('2011-03-15');
    life.record('Landed', '2026-12-01', { status: 'dependent', periodExpiresOn: '2028-12-01', card: card('DP12345678AA') });
    expect(deadline(life, '2026-12-01', 'card_validity_renewal')).toMatchObject({
      opensOn: '2026-09-14',
      statutoryDueOn: '2027-03-14',
      dueOn: '2027-03-15',
      state: 'open',
    });
  });

  test('a card expiring with the status needs no validity renewal', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31', card: card('AB12345678CD') });
    expect(deadline(life, '2026-04-01', 'card_validity_renewal')).toBeUndefined();
  });
});

describe('§5 loss and reissue (19条の12; docs/sources/residence-card-guide.md §1-3)', () => {
  test('a lost card stays valid until the reissue replaces it; reissue due 14 days after discovery', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31', card: card('AB12345678CD') });
    life.record('CardLost', '2026-08-01');
    expect(cardOn(life, '2026-08-10')).toMatchObject({ number: 'AB12345678CD', state: 'valid', lostOn: '2026-08-01' });
    // 2026-08-15 is a Saturday: the last day moves to Monday 2026-08-17.
    expect(deadline(life, '2026-08-10', 'card_reissue_after_loss')).toMatchObject({
      statutoryDueOn: '2026-08-15',
      dueOn: '2026-08-17',
      state: 'open',
    });
    life.record('CardIssued', '2026-08-12', { card: card('AB87654321CD'), reason: 'loss_reissue' });
    expect(cardOn(life, '2026-08-12')).toMatchObject({ number: 'AB87654321CD', state: 'valid' });
    expect(deadline(life, '2026-08-12', 'card_reissue_after_loss')).toMatchObject({ state: 'met', metOn: '2026-08-12' });
  });

  test('every new card invalidates the previous one at once (replaced)', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31', card: card('AB12345678CD') });
    life.record('CardIssued', '2026-05-01', { card: card('AB87654321CD'), reason: 'exchange' });
    expect(cardOn(life, '2026-05-01')).toMatchObject({ number: 'AB87654321CD', state: 'valid' });
    const previous = residentAsOf(life.events, '2026-05-01' as LocalDate).cards.find((held) => held.number === 'AB12345678CD') ?? null;
    expect(cardViewAsOf(previous, '2026-04-30' as LocalDate).state).toBe('valid');
    expect(cardViewAsOf(previous, '2026-05-01' as LocalDate)).toMatchObject({
      state: 'invalidated',
      invalidatedOn: '2026-05-01',
      invalidationReason: 'replaced',
    });
  });

  test('a check of a number the ledger never issued to the resident is refused (UNKNOWN_CARD_NUMBER)', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31', card: card('AB12345678CD') });
    expect(life.refusal('CardVerified', '2026-05-02', { number: 'XX00000000XX', result: 'valid' })).toBe('UNKNOWN_CARD_NUMBER');
  });

  test('a card lost abroad is due 14 days after the re-entry', () => {
    const life = permanentResident('1990-01-01', '2026-04-10');
    life.record('Departed', '2026-07-01', { reentry: 'deemed' });
    life.record('CardLost', '2026-07-10', { discoveredAbroad: true });
    life.record('Reentered', '2026-09-01');
    expect(deadline(life, '2026-09-01', 'card_reissue_after_loss')).toMatchObject({ statutoryDueOn: '2026-09-15' });
  });
});

describe('§5 specified residence card (特定在留カード, docs/sources/specified-residence-card.md)', () => {
  test('not available before 2026-06-14', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31', card: card('AB12345678CD') });
    const specified = (issuedOn: string) => ({
      card: card('SP12345678AA', { kind: 'specified_residence_card', myNumberOption: 'combined', issuedOn }),
      reason: 'exchange',
    });
    expect(life.refusal('CardIssued', '2026-06-13', specified('2026-06-13'))).toBe('SPECIFIED_CARD_NOT_AVAILABLE');
    expect(life.refusal('CardIssued', '2026-06-14', specified('2026-06-14'))).toBe('ACCEPTED');
  });

  test('its loss suspends the My Number function at once while the residence-card effect lasts', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-07-01', {
      status: 'student',
      periodExpiresOn: '2028-03-31',
      card: card('SP12345678AA', { kind: 'specified_residence_card', myNumberOption: 'combined' }),
    });
    expect(cardOn(life, '2026-07-02')).toMatchObject({ myNumberFunction: 'active', myNumberOption: 'combined' });
    life.record('CardLost', '2026-08-01');
    expect(cardOn(life, '2026-08-01')).toMatchObject({ state: 'valid', kind: 'specified_residence_card', myNumberFunction: 'suspended' });
  });
});

describe('§5 surrender (返納, 19条の15; docs/sources/residence-card-guide.md §1-4)', () => {
  test('a card that expired unrenewed is to be surrendered within 14 days of the expiry', () => {
    const life = permanentResident('1990-01-01', '2026-04-10');
    // Expires 2033-04-09, so it loses effect on 2033-04-10 (その事由が生じた日); + 14 days →
    // 2033-04-24, a Sunday → Monday 2033-04-25.
    expect(deadline(life, '2033-04-10', 'card_surrender')).toMatchObject({
      statutoryDueOn: '2033-04-24',
      dueOn: '2033-04-25',
    });
    expect(cardOn(life, '2033-04-10')).toMatchObject({ state: 'expired', invalidationReason: null });
  });

  test('naturalisation, death and revocation invalidate the card and open a surrender deadline', () => {
    for (const [type, reason] of [
      ['Naturalised', 'naturalised'],
      ['Died', 'died'],
      ['StatusRevoked', 'status_revoked'],
    ] as const) {
      const life = new ResidentLife();
      life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31', card: card('AB12345678CD') });
      life.record(type, '2026-06-01');
      expect(cardOn(life, '2026-06-01')).toMatchObject({ state: 'invalidated', invalidationReason: reason, invalidatedOn: '2026-06-01' });
      expect(deadline(life, '2026-06-01', 'card_surrender')).toMatchObject({ statutoryDueOn: '2026-06-15', state: 'open' });
      life.record('CardSurrendered', '2026-06-05');
      expect(deadline(life, '2026-06-05', 'card_surrender')?.state).toBe('met');
    }
  });
});

describe('§5 online number check (docs/sources/card-number-check.md)', () => {
  test('an invalid result for a card the ledger holds valid is a mismatch, with the reflection delay pointed out', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31', card: card('AB12345678CD') });
    life.record('CardVerified', '2026-04-02', { number: 'AB12345678CD', result: 'invalid' });
    const [warning] = statusAsOf(life.events, '2026-04-03' as LocalDate).warnings;
    expect(warning).toMatchObject({ code: 'CARD_VERIFICATION_MISMATCH', message: expect.stringContaining('two working days') });
    life.record('CardVerified', '2026-04-20', { number: 'AB12345678CD', result: 'valid' });
    expect(statusAsOf(life.events, '2026-04-21' as LocalDate).warnings).toEqual([]);
  });
});
