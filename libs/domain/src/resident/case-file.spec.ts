import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { deadlinesAsOf } from '../deadlines.js';
import { statusAsOf } from '../status.js';
import { card, ResidentLife } from '../testing/resident-life.js';
import { foldResident } from './fold.js';

const d = (text: string) => text as LocalDate;

/** A student landed 2026-04-01 (period to 2028-03-31) who moved in on 2026-04-10. */
function student() {
  const life = new ResidentLife('1995-05-10');
  life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31', card: card('AB12345678CD') });
  life.record('Moved', '2026-04-10', { address: '東京都新宿区1-1' });
  return life;
}

const states = (life: ResidentLife, asOf: string) =>
  Object.fromEntries(deadlinesAsOf(life.events, d(asOf)).map((deadline) => [deadline.kind, deadline.state]));

describe('DetailsCorrected: a typo fixed is not a legal change', () => {
  test('opens no deadline (unlike DetailsChanged, 19条の10) and reads corrected as of any day', () => {
    const life = student();
    const before = deadlinesAsOf(life.events, d('2026-11-01'));
    life.record('DetailsCorrected', '2026-11-01', {
      fields: { fullName: 'NGUYEN VAN ANH', nameKana: 'グエン・ヴァン・アイン' },
      reason: 'typo',
    });
    expect(deadlinesAsOf(life.events, d('2026-11-01'))).toEqual(before);
    // The registration always should have read so: as of a day before the correction too.
    expect(foldResident(life.events, d('2026-04-02')).identity).toMatchObject({
      fullName: 'NGUYEN VAN ANH',
      nameKana: 'グエン・ヴァン・アイン',
    });
  });

  test('a corrected date of birth applies to the whole history: 2026-05-01 would put the landing of 2026-04-01 before birth', () => {
    const life = student();
    expect(life.refusal('DetailsCorrected', '2026-11-01', { fields: { dateOfBirth: '2026-05-01' }, reason: 'typo' })).toBe(
      'CONFLICTS_WITH_LATER_EVENT',
    );
  });

  test('the age-16 card expiry follows the corrected birth date (19条の5): born 2014-07-01, the card ends 2030-06-30', () => {
    const life = new ResidentLife('2004-07-01');
    life.record('Landed', '2026-04-01', { status: 'dependent', periodExpiresOn: '2031-03-31', card: card('AB12345678CD') });
    expect(statusAsOf(life.events, d('2026-04-01')).card.expiresOn).toBe('2031-03-31');
    life.record('DetailsCorrected', '2026-11-01', { fields: { dateOfBirth: '2014-07-01' }, reason: 'year mistyped' });
    expect(statusAsOf(life.events, d('2026-11-01')).card.expiresOn).toBe('2030-06-30');
  });

  test('every field is checked as at registration; an empty or unknown correction is invalid', () => {
    const life = student();
    const at = (fields: unknown) => life.refusal('DetailsCorrected', '2026-11-01', { fields, reason: 'typo' });
    expect(at({})).toBe('INVALID');
    expect(at({ residentId: 'x' })).toBe('INVALID');
    expect(at({ nationality: 'Vietnam' })).toBe('INVALID');
    expect(at({ nameKana: 'Nguyen' })).toBe('INVALID');
    expect(at({ nameKana: 'ｸﾞｴﾝ ｳﾞｧﾝ ｱﾝ' })).toBe('ACCEPTED');
    expect(at({ email: 'not-an-address' })).toBe('INVALID');
    expect(at({ email: 'an@example.jp', phone: '+81 90-1234-5678', passportNumber: 'C1234567' })).toBe('ACCEPTED');
    expect(life.refusal('DetailsCorrected', '2026-11-01', { fields: { fullName: 'X' } })).toBe('INVALID');
  });
});

describe('CaseClosed / CaseReopened: the organisation stops and resumes following', () => {
  test('closed Wed 2026-04-15: the residence notification due Fri 2026-04-24 and the renewal are void; the status goes on', () => {
    const life = student();
    const running = { residence_notification_90_day: 'open', residence_notification: 'open', period_renewal: 'upcoming' };
    expect(states(life, '2026-04-15')).toEqual(running);
    life.record('CaseClosed', '2026-04-15', { reason: 'left_caseload' });
    expect(states(life, '2026-04-16')).toEqual({
      residence_notification_90_day: 'void',
      residence_notification: 'void',
      period_renewal: 'void',
    });
    expect(states(life, '2026-04-14')).toEqual(running);
    expect(statusAsOf(life.events, d('2026-05-01')).residence).toMatchObject({ lawful: true, basis: 'period_of_stay' });
    expect(life.events.map((event) => event.type)).toEqual(['ResidentRegistered', 'Landed', 'Moved', 'CaseClosed']);
  });

  test('while closed only corrections and the reopening are recorded (CASE_CLOSED); reopening twice is CASE_NOT_CLOSED', () => {
    const life = student();
    expect(life.refusal('CaseReopened', '2026-04-20')).toBe('CASE_NOT_CLOSED');
    life.record('CaseClosed', '2026-04-15', { reason: 'duplicate' });
    expect(life.refusal('ResidenceNotified', '2026-04-20', { address: '東京都新宿区1-1' })).toBe('CASE_CLOSED');
    expect(life.refusal('CaseClosed', '2026-04-20', { reason: 'duplicate' })).toBe('CASE_CLOSED');
    expect(life.refusal('DetailsCorrected', '2026-04-20', { fields: { gender: 'female' }, reason: 'typo' })).toBe('ACCEPTED');
    expect(life.refusal('CaseClosed', '2026-04-20', { reason: 'moved_abroad' })).toBe('INVALID');
  });

  test('reopened Sun 2026-05-10: the notification is overdue again (due 2026-04-24), the renewal upcoming', () => {
    const life = student();
    life.record('CaseClosed', '2026-04-15', { reason: 'contract_ended', note: 'support contract ended' });
    life.record('CaseReopened', '2026-05-10');
    // The 90-day notice after landing (due 2026-06-30) is open again too.
    expect(states(life, '2026-05-10')).toEqual({
      residence_notification_90_day: 'open',
      residence_notification: 'overdue',
      period_renewal: 'upcoming',
    });
    life.record('ResidenceNotified', '2026-05-11', { address: '東京都新宿区1-1' });
    expect(states(life, '2026-05-11')).toMatchObject({ residence_notification: 'met_late' });
  });

  test('a duty arising while closed (the card owed back after the special period ends) is void until the case reopens', () => {
    const life = new ResidentLife('1990-02-14');
    life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2026-12-31', card: card('AB12345678CD') });
    life.record('CaseClosed', '2026-11-01', { reason: 'left_caseload' });
    // Card expiry 2026-12-31: the surrender duty arises on 2027-01-01, due 14 days on (Fri 2027-01-15).
    expect(states(life, '2027-01-02')).toMatchObject({ card_surrender: 'void' });
    life.record('CaseReopened', '2027-01-05');
    expect(deadlinesAsOf(life.events, d('2027-01-05')).find((deadline) => deadline.kind === 'card_surrender')).toMatchObject({
      state: 'open',
      dueOn: '2027-01-15',
    });
  });
});

describe('applications carry their 受付番号, channel and filer', () => {
  test('optional receiptNumber, channel (counter | online | agent) and filedBy (self | scrivener | organisation)', () => {
    const life = student();
    expect(life.refusal('ExtensionApplied', '2027-12-01', { receiptNumber: 'R-1', channel: 'online', filedBy: 'self' })).toBe('ACCEPTED');
    expect(life.refusal('ExtensionApplied', '2027-12-01', { channel: 'post' })).toBe('INVALID');
    expect(life.refusal('StatusChangeApplied', '2027-12-01', { toStatus: 'engineer_humanities_international', filedBy: 'scrivener' })).toBe(
      'ACCEPTED',
    );
  });
});
