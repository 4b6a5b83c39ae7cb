import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { deadlinesAsOf } from '../deadlines.js';
import { statusAsOf } from '../status.js';
import { ResidentLife, TEST_TODAY, card } from '../testing/resident-life.js';

const cardOn = (life: ResidentLife, asOf: string) => statusAsOf(life.events, asOf as LocalDate).card;
const renewal = (life: ResidentLife, asOf: string) =>
  deadlinesAsOf(life.events, asOf as LocalDate).filter((d) => d.kind === 'card_validity_renewal');

/** A permanent resident granted (and issued the card) on `grantedOn`. */
function permanentResident(grantedOn: string, dateOfBirth = '1990-01-01') {
  const life = new ResidentLife(dateOfBirth);
  life.record('Landed', '2022-04-01', { status: 'spouse_of_japanese', periodExpiresOn: '2027-03-31', card: card('SP00000001AA') });
  life.record('PermanentResidenceApplied', '2022-05-01');
  life.record('PermanentResidenceGranted', grantedOn, { card: card('PR00000001AA') });
  return life;
}

describe('§1/§5 the 7-year card counts its issue day (19条の5①1号 起算して7年を経過する日, 民法143②)', () => {
  test('issued 2025-02-28 → ends 2032-02-27 (Friday, not moved); renewal window opens 2031-12-27', () => {
    const life = permanentResident('2025-02-28');
    expect(cardOn(life, '2032-02-27')).toMatchObject({ state: 'valid', expiresOn: '2032-02-27' });
    expect(cardOn(life, '2032-02-28').state).toBe('expired');
    expect(renewal(life, '2031-12-26')[0]).toMatchObject({
      opensOn: '2031-12-27',
      statutoryDueOn: '2032-02-27',
      dueOn: '2032-02-27',
      state: 'upcoming',
    });
    expect(renewal(life, '2031-12-27')[0]?.state).toBe('open');
  });

  test('issued on the leap day 2024-02-29 → 2031-02-29 does not exist, so it ends on 2031-02-28 (Friday); window opens 2030-12-28', () => {
    const life = permanentResident('2024-02-29');
    expect(cardOn(life, '2031-02-28')).toMatchObject({ state: 'valid', expiresOn: '2031-02-28' });
    expect(cardOn(life, '2031-03-01').state).toBe('expired');
    expect(renewal(life, '2030-12-28')[0]).toMatchObject({ opensOn: '2030-12-28', statutoryDueOn: '2031-02-28', dueOn: '2031-02-28' });
  });

  test('issued 2026-06-15 → ends 2033-06-14 (Tuesday); window opens 2033-04-14', () => {
    const life = permanentResident('2026-06-15');
    expect(cardOn(life, '2026-06-15').expiresOn).toBe('2033-06-14');
    expect(renewal(life, '2033-04-14')[0]).toMatchObject({ opensOn: '2033-04-14', dueOn: '2033-06-14', state: 'open' });
  });

  test('issued 2025-01-04 → ends Saturday 2032-01-03 (New Year closure): the card lapses that night, the renewal may be filed until Monday 2032-01-05', () => {
    const life = permanentResident('2025-01-04');
    expect(cardOn(life, '2032-01-03')).toMatchObject({ state: 'valid', expiresOn: '2032-01-03' });
    expect(cardOn(life, '2032-01-04').state).toBe('expired');
    expect(renewal(life, '2032-01-05')[0]).toMatchObject({ statutoryDueOn: '2032-01-03', dueOn: '2032-01-05', state: 'open' });
  });

  test('高度専門職2号 is in 1号 too: changed on 2025-02-28 → the card ends 2032-02-27', () => {
    const life = new ResidentLife('1985-03-03');
    life.record('Landed', '2022-04-01', {
      status: 'highly_skilled_professional_1b',
      periodExpiresOn: '2027-03-31',
      card: card('HS00000001AA'),
    });
    life.record('StatusChangeApplied', '2025-01-10', { toStatus: 'highly_skilled_professional_2' });
    life.record('StatusChangeGranted', '2025-02-28', { status: 'highly_skilled_professional_2', card: card('HS00000002AA') });
    expect(cardOn(life, '2025-02-28').expiresOn).toBe('2032-02-27');
  });
});

describe('§5 a card issued on a validity renewal is not age-capped again (19条の5①2号・4号 括弧書)', () => {
  test('a permanent resident born 2010-09-10 renewing at 15 on 2026-04-01 gets the 7-year card (to 2033-03-31), valid on the 16th birthday 2026-09-10', () => {
    const life = permanentResident('2025-06-01', '2010-09-10');
    // Granted at 14: the card ends the day before the 16th birthday, 2026-09-09; window from 2026-03-09.
    expect(cardOn(life, '2025-06-01')).toMatchObject({ expiresOn: '2026-09-09' });
    expect(renewal(life, '2026-03-09')[0]).toMatchObject({ opensOn: '2026-03-09', dueOn: '2026-09-09', state: 'open' });
    life.record('CardIssued', '2026-04-01', { card: card('PR00000002AA'), reason: 'validity_renewal' });
    expect(cardOn(life, '2026-09-10')).toMatchObject({ number: 'PR00000002AA', state: 'valid', expiresOn: '2033-03-31' });
    expect(renewal(life, '2026-04-01').map((d) => [d.dueOn, d.state])).toEqual([
      ['2026-09-09', 'met'],
      // The spouse card of 2022 (issued before 2023-11-01: to the birthday itself), replaced in 2025.
      ['2026-09-10', 'void'],
      ['2033-03-31', 'upcoming'],
    ]);
    expect(statusAsOf(life.events, '2026-09-10' as LocalDate).warnings).toEqual([]);
  });

  test('a dependent born 2010-09-10 renewing at 15 gets a card to the end of the period (2028-05-31), not to 2026-09-09 again', () => {
    const life = new ResidentLife('2010-09-10');
    life.record('Landed', '2025-06-01', { status: 'dependent', periodExpiresOn: '2028-05-31', card: card('DP00000001AA') });
    expect(cardOn(life, '2025-06-01').expiresOn).toBe('2026-09-09');
    life.record('CardIssued', '2026-04-01', { card: card('DP00000002AA'), reason: 'validity_renewal' });
    expect(cardOn(life, '2026-09-10')).toMatchObject({ state: 'valid', expiresOn: '2028-05-31' });
    // The new card ends with the status: no further validity renewal is owed.
    expect(renewal(life, '2026-04-01').map((d) => d.state)).toEqual(['met']);
  });

  test('a reissue after loss at 15 is capped again (only a validity renewal is excluded): lost 2026-01-10, reissued 2026-01-15 → 2026-09-09', () => {
    const life = new ResidentLife('2010-09-10');
    life.record('Landed', '2025-06-01', { status: 'dependent', periodExpiresOn: '2028-05-31', card: card('DP00000001AA') });
    life.record('CardLost', '2026-01-10');
    life.record('CardIssued', '2026-01-15', { card: card('DP00000003AA'), reason: 'loss_reissue' });
    expect(cardOn(life, '2026-01-15').expiresOn).toBe('2026-09-09');
  });
});

describe('§5/§7 card dates: issuedOn before birth or in the future is a 422', () => {
  test('CARD_ISSUED_BEFORE_BIRTH: born 1995-05-10, a card issued 1995-05-09', () => {
    const life = new ResidentLife('1995-05-10');
    life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2027-03-31', card: card('ST00000001AA') });
    expect(life.refusal('CardIssued', '2026-05-01', { card: card('ST00000002AA', { issuedOn: '1995-05-09' }), reason: 'exchange' })).toBe(
      'CARD_ISSUED_BEFORE_BIRTH',
    );
    expect(life.refusal('CardIssued', '2026-05-01', { card: card('ST00000002AA', { issuedOn: '2026-05-01' }), reason: 'exchange' })).toBe(
      'ACCEPTED',
    );
  });

  test(`CARD_ISSUED_IN_FUTURE: today is ${TEST_TODAY}, a card issued on 2031-01-01`, () => {
    const life = new ResidentLife('1995-05-10');
    life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2027-03-31', card: card('ST00000001AA') });
    expect(life.refusal('CardIssued', '2026-05-01', { card: card('ST00000002AA', { issuedOn: '2031-01-01' }), reason: 'exchange' })).toBe(
      'CARD_ISSUED_IN_FUTURE',
    );
    const arriving = new ResidentLife('1995-05-10');
    expect(
      arriving.refusal('Landed', '2026-04-01', {
        status: 'student',
        periodExpiresOn: '2027-03-31',
        card: card('ST00000003AA', { issuedOn: '2031-01-01' }),
      }),
    ).toBe('CARD_ISSUED_IN_FUTURE');
  });
});
