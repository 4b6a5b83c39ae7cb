import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { deadlinesAsOf } from '../deadlines.js';
import { pendingApplicationOf } from '../pending-application.js';
import { statusAsOf } from '../status.js';
import { card, ResidentLife } from '../testing/resident-life.js';
import { foldResident } from './fold.js';

const d = (text: string) => text as LocalDate;

/** An engineer the organisation takes over on Tue 2026-12-01, landed years before. */
function engineerTakenOver(extra: Record<string, unknown> = {}) {
  const life = new ResidentLife('1990-02-14');
  life.record('ExistingStatusRecorded', '2026-12-01', {
    status: 'engineer_humanities_international',
    periodExpiresOn: '2027-09-30',
    card: card('AB12345678CD'),
    address: '東京都新宿区西新宿2-8-1',
    residenceNotified: true,
    ...extra,
  });
  return life;
}

describe('ExistingStatusRecorded: taking over a case opens only the duties still running', () => {
  test('period renewal: window from 2027-07-01 ((2027-09-30 + 1 day) − 3 months) to Thu 2027-09-30; nothing else', () => {
    const life = engineerTakenOver();
    const deadlines = deadlinesAsOf(life.events, d('2026-12-01'));
    expect(deadlines).toHaveLength(1);
    expect(deadlines[0]).toMatchObject({
      kind: 'period_renewal',
      opensOn: '2027-07-01',
      statutoryDueOn: '2027-09-30',
      dueOn: '2027-09-30',
      state: 'upcoming',
    });
  });

  test('no 90-day residence notification and no overdue duty from a landing years before 2026-12-01', () => {
    const life = engineerTakenOver();
    const kinds = deadlinesAsOf(life.events, d('2030-01-01')).map((deadline) => deadline.kind);
    expect(kinds).not.toContain('residence_notification_90_day');
    expect(kinds).not.toContain('residence_notification');
  });

  test('with the grant date known (2026-09-01, a 13-month period) the window is the same 3 months', () => {
    const life = engineerTakenOver({ grantedOn: '2026-09-01' });
    expect(deadlinesAsOf(life.events, d('2026-12-01'))[0]).toMatchObject({ kind: 'period_renewal', opensOn: '2027-07-01' });
  });

  test('status, card and work as of later days are as if the whole history had been recorded: lawful to 2027-09-30, not from 2027-10-01', () => {
    const life = engineerTakenOver();
    const onLastDay = statusAsOf(life.events, d('2027-09-30'));
    expect(onLastDay.residence).toMatchObject({ lawful: true, basis: 'period_of_stay', lawfulUntil: '2027-09-30', inJapan: true });
    expect(onLastDay.card).toMatchObject({ number: 'AB12345678CD', state: 'valid', expiresOn: '2027-09-30' });
    expect(onLastDay.work.permission).toBe('status_activities_only');
    const after = statusAsOf(life.events, d('2027-10-01'));
    expect(after.residence.lawful).toBe(false);
    expect(after.card.state).toBe('expired');
  });

  test('before the day recorded the ledger knows nothing of the stay (as of 2026-11-30)', () => {
    const life = engineerTakenOver();
    expect(statusAsOf(life.events, d('2026-11-30')).residence.lawful).toBe(false);
  });

  test('a move after the take-over is a change of address (19条の9), due 14 days on: 2026-12-01 → Tue 2026-12-15', () => {
    const life = engineerTakenOver();
    life.record('Moved', '2026-12-01', { address: '大阪府大阪市北区1-1' });
    const move = deadlinesAsOf(life.events, d('2026-12-01')).find((deadline) => deadline.kind !== 'period_renewal');
    expect(move).toMatchObject({ kind: 'address_change_notification', dueOn: '2026-12-15' });
  });

  test('an extension filed 2026-11-10 for a period that ended Fri 2026-11-20: special period to 2027-01-20, no renewal deadline', () => {
    const life = new ResidentLife('1990-02-14');
    life.record('ExistingStatusRecorded', '2026-12-01', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2026-11-20',
      card: card('AB12345678CD'),
      pendingApplication: { kind: 'extension', appliedOn: '2026-11-10', receiptNumber: 'TKY-2026-123456' },
    });
    expect(deadlinesAsOf(life.events, d('2026-12-01'))).toEqual([]);
    const status = statusAsOf(life.events, d('2026-12-01'));
    expect(status.residence).toMatchObject({ lawful: true, basis: 'special_period', lawfulUntil: '2027-01-20' });
    expect(status.card.state).toBe('valid');
    expect(pendingApplicationOf(foldResident(life.events, d('2026-12-01')), life.events, d('2026-12-01'))).toEqual({
      type: 'extension',
      appliedOn: '2026-11-10',
      receiptNumber: 'TKY-2026-123456',
      daysPending: 21,
    });
    // Undecided by the end of the special period: unlawful from 2027-01-21, the card owed back by Thu 2027-02-04.
    expect(statusAsOf(life.events, d('2027-01-21')).residence.lawful).toBe(false);
    expect(deadlinesAsOf(life.events, d('2027-01-21'))).toEqual([
      expect.objectContaining({ kind: 'card_surrender', statutoryDueOn: '2027-02-04', state: 'open' }),
    ]);
    // The grant that follows is recorded as any grant.
    life.record('ExtensionGranted', '2027-01-15', { periodExpiresOn: '2028-01-20', card: card('BC12345678DE') });
    expect(statusAsOf(life.events, d('2027-01-21')).residence).toMatchObject({ lawful: true, basis: 'period_of_stay' });
  });

  test('a permanent resident whose card was issued 2020-03-10: validity renewal from 2027-01-09 to Tue 2027-03-09 (19条の5, 19条の11)', () => {
    const life = new ResidentLife('1980-01-01');
    life.record('ExistingStatusRecorded', '2026-12-01', {
      status: 'permanent_resident',
      card: card('AB12345678CD', { issuedOn: '2020-03-10' }),
    });
    expect(deadlinesAsOf(life.events, d('2026-12-01'))).toEqual([
      expect.objectContaining({ kind: 'card_validity_renewal', opensOn: '2027-01-09', dueOn: '2027-03-09', state: 'upcoming' }),
    ]);
    expect(statusAsOf(life.events, d('2026-12-01')).residence).toMatchObject({ lawful: true, basis: 'permanent' });
  });

  test('abroad on the day (inJapan false): lawful on a deemed re-entry at most to the period end 2027-09-30, no re-entry deadline', () => {
    const life = engineerTakenOver({ inJapan: false });
    expect(statusAsOf(life.events, d('2026-12-01')).residence).toMatchObject({
      lawful: true,
      basis: 'deemed_reentry_abroad',
      lawfulUntil: '2027-09-30',
      inJapan: false,
    });
    expect(deadlinesAsOf(life.events, d('2026-12-01')).map((deadline) => deadline.kind)).toEqual(['period_renewal']);
    life.record('Reentered', '2026-12-20');
    expect(statusAsOf(life.events, d('2026-12-20')).residence).toMatchObject({ basis: 'period_of_stay', inJapan: true });
  });

  test('a pending permanent residence application is kept (no special period: 22条)', () => {
    const life = engineerTakenOver({
      pendingApplication: { kind: 'permanent', appliedOn: '2026-06-01', channel: 'agent', filedBy: 'scrivener' },
    });
    const state = foldResident(life.events, d('2026-12-01'));
    expect(pendingApplicationOf(state, life.events, d('2026-12-01'))).toMatchObject({ type: 'permanent', daysPending: 183 });
    expect(deadlinesAsOf(life.events, d('2026-12-01')).map((deadline) => deadline.kind)).toEqual(['period_renewal']);
  });

  test('the SSW 1号 count start is accepted with the take-over', () => {
    const life = new ResidentLife('1998-07-21');
    expect(
      life.refusal('ExistingStatusRecorded', '2026-12-01', {
        status: 'specified_skilled_worker_1',
        periodExpiresOn: '2027-06-30',
        card: card('AB12345678CD'),
        ssw1CountFrom: '2024-07-01',
      }),
    ).toBe('ACCEPTED');
  });
});

describe('ExistingStatusRecorded: what the ledger refuses', () => {
  test('PERIOD_ALREADY_ENDED: a period that ended Fri 2026-11-20 with nothing filed, or filed late on 2026-11-24', () => {
    const life = new ResidentLife('1990-02-14');
    const base = { status: 'student', periodExpiresOn: '2026-11-20', card: card('AB12345678CD') };
    expect(life.refusal('ExistingStatusRecorded', '2026-12-01', base)).toBe('PERIOD_ALREADY_ENDED');
    expect(
      life.refusal('ExistingStatusRecorded', '2026-12-01', { ...base, pendingApplication: { kind: 'extension', appliedOn: '2026-11-24' } }),
    ).toBe('PERIOD_ALREADY_ENDED');
    // Filed in time, but the special period (to 2027-01-20) is over by 2027-01-21.
    expect(
      life.refusal('ExistingStatusRecorded', '2027-01-21', { ...base, pendingApplication: { kind: 'extension', appliedOn: '2026-11-20' } }),
    ).toBe('PERIOD_ALREADY_ENDED');
  });

  test('CARD_ALREADY_EXPIRED: a permanent resident card of 2019-01-10 ran out on 2026-01-09', () => {
    const life = new ResidentLife('1980-01-01');
    expect(
      life.refusal('ExistingStatusRecorded', '2026-12-01', {
        status: 'permanent_resident',
        card: card('AB12345678CD', { issuedOn: '2019-01-10' }),
      }),
    ).toBe('CARD_ALREADY_EXPIRED');
  });

  test('ALREADY_FOLLOWED: a second take-over, or one after a landing', () => {
    const life = engineerTakenOver();
    expect(life.refusal('ExistingStatusRecorded', '2026-12-02', { status: 'student', periodExpiresOn: '2027-03-31' })).toBe(
      'ALREADY_FOLLOWED',
    );
    const landed = new ResidentLife();
    landed.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31' });
    expect(landed.refusal('ExistingStatusRecorded', '2026-12-01', { status: 'student', periodExpiresOn: '2028-03-31' })).toBe(
      'ALREADY_FOLLOWED',
    );
  });

  test('periods: granted after the day, ending before the grant, longer than the status allows (student: 4 years 3 months), or missing for a fixed-period status', () => {
    const life = new ResidentLife('1990-02-14');
    const at = (data: Record<string, unknown>) => life.refusal('ExistingStatusRecorded', '2026-12-01', { status: 'student', ...data });
    expect(at({ periodExpiresOn: '2027-03-31', grantedOn: '2026-12-02' })).toBe('PERIOD_ENDS_BEFORE_GRANT');
    expect(at({ periodExpiresOn: '2026-12-31', grantedOn: '2027-01-01' })).toBe('PERIOD_ENDS_BEFORE_GRANT');
    // 留学: 4 years 3 months from 2026-12-01 = 2031-03-01 (施行規則別表第二).
    expect(at({ periodExpiresOn: '2031-03-02' })).toBe('PERIOD_TOO_LONG');
    expect(at({ periodExpiresOn: '2031-03-01' })).toBe('ACCEPTED');
    expect(at({})).toBe('INVALID');
    expect(at({ periodExpiresOn: '2027-03-31', pendingApplication: { kind: 'extension', appliedOn: '2026-12-02' } })).toBe(
      'APPLICATION_AFTER_RECORD',
    );
    expect(at({ periodExpiresOn: '2027-03-31', pendingApplication: { kind: 'visa', appliedOn: '2026-11-02' } })).toBe('INVALID');
  });

  test('no card for a temporary visitor (19条の3), no extension pending for a permanent resident', () => {
    const life = new ResidentLife('1990-02-14');
    expect(
      life.refusal('ExistingStatusRecorded', '2026-12-01', {
        status: 'temporary_visitor',
        periodExpiresOn: '2027-01-15',
        card: card('AB12345678CD'),
      }),
    ).toBe('NOT_A_MID_TO_LONG_TERM_RESIDENT');
    expect(
      life.refusal('ExistingStatusRecorded', '2026-12-01', {
        status: 'permanent_resident',
        pendingApplication: { kind: 'extension', appliedOn: '2026-11-02' },
      }),
    ).toBe('NO_STATUS');
    expect(
      life.refusal('ExistingStatusRecorded', '2026-12-01', {
        status: 'permanent_resident',
        pendingApplication: { kind: 'permanent', appliedOn: '2026-11-02' },
      }),
    ).toBe('ALREADY_HAS_STATUS');
  });
});
