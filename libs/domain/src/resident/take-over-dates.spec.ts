/**
 * The take-over rule (docs/domain-rules.md §8): the facts an ExistingStatusRecorded states hold
 * from the day they began (grantedOn, else the card's issuedOn, else the take-over day); the
 * duties are followed from the take-over day. Dates worked out by hand in each test's name.
 */
import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { cardViewAsOf } from '../card-view.js';
import { deadlinesAsOf } from '../deadlines.js';
import { residentAsOf } from '../as-of.js';
import { statusAsOf } from '../status.js';
import { statusTimeline, statusFromTimeline } from '../status-timeline.js';
import { card, ResidentLife } from '../testing/resident-life.js';
import { ResidentFold } from './resident-fold.js';

const d = (text: string) => text as LocalDate;

/**
 * An engineer granted a 1-year period on Tue 2026-01-20 (to Wed 2027-01-20), taken over on
 * Tue 2026-12-01 with the grant date known and the card's issue date not given.
 */
function grantedInJanuary(extra: Record<string, unknown> = {}) {
  const life = new ResidentLife('1990-02-14');
  life.record('ExistingStatusRecorded', '2026-12-01', {
    status: 'engineer_humanities_international',
    grantedOn: '2026-01-20',
    periodExpiresOn: '2027-01-20',
    card: card('AB12345678CD'),
    ...extra,
  });
  return life;
}

describe('take-over: the facts hold from the grant (2026-01-20), not from the take-over day (2026-12-01)', () => {
  test('as of 2026-01-19, the day before the grant, the ledger knows no status and no card', () => {
    const life = grantedInJanuary();
    const before = statusAsOf(life.events, d('2026-01-19'));
    expect(before.residence.lawful).toBe(false);
    expect(before.card.state).toBe('none');
  });

  test('as of 2026-01-20 (the grant) and 2026-06-01 (between grant and take-over): lawful on the period to 2027-01-20, card valid', () => {
    const life = grantedInJanuary();
    for (const day of ['2026-01-20', '2026-06-01', '2026-11-30']) {
      const status = statusAsOf(life.events, d(day));
      expect(status.residence).toMatchObject({ lawful: true, basis: 'period_of_stay', lawfulUntil: '2027-01-20' });
      expect(status.card).toMatchObject({ number: 'AB12345678CD', state: 'valid', expiresOn: '2027-01-20' });
    }
  });

  test('as of 2026-12-01 (the take-over) and after: the same, unlawful from 2027-01-21', () => {
    const life = grantedInJanuary();
    expect(statusAsOf(life.events, d('2026-12-01')).residence.lawful).toBe(true);
    expect(statusAsOf(life.events, d('2027-01-20')).residence.lawful).toBe(true);
    expect(statusAsOf(life.events, d('2027-01-21')).residence.lawful).toBe(false);
  });

  test('a card lost "yesterday" (Mon 2026-11-30), recorded after the take-over: accepted, reissue due Mon 2026-12-14 (+14, 19条の12)', () => {
    const life = grantedInJanuary();
    expect(life.refusal('CardLost', '2026-11-30')).toBe('ACCEPTED');
    life.record('CardLost', '2026-11-30');
    expect(deadlinesAsOf(life.events, d('2026-12-01'))).toContainEqual(
      expect.objectContaining({ kind: 'card_reissue_after_loss', dueOn: '2026-12-14', state: 'open' }),
    );
  });

  test('a renewal applied two days before (Sun 2026-11-29, online), recorded after: accepted, the period renewal met on that day', () => {
    const life = grantedInJanuary();
    life.record('ExtensionApplied', '2026-11-29', { channel: 'online' });
    const renewal = deadlinesAsOf(life.events, d('2026-12-01')).find((deadline) => deadline.kind === 'period_renewal');
    expect(renewal).toMatchObject({ state: 'met', metOn: '2026-11-29', dueOn: '2027-01-20' });
    // Filed in time: the special period runs to the decision or 2027-03-20 (addMonths(2027-01-20, 2)).
    expect(statusAsOf(life.events, d('2027-02-01')).residence).toMatchObject({ lawful: true, basis: 'special_period' });
  });

  test('a fact before the grant (a move on 2026-01-10) is refused: the ledger knows of no stay then', () => {
    const life = grantedInJanuary();
    expect(life.refusal('Moved', '2026-01-10', { address: '東京都新宿区1-1' })).toBe('NOT_IN_JAPAN');
  });

  test('with no grant date, the card issue day (2025-10-01) is the first day; without either, the take-over day', () => {
    const byCard = new ResidentLife('1990-02-14');
    byCard.record('ExistingStatusRecorded', '2026-12-01', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2027-09-30',
      card: card('AB12345678CD', { issuedOn: '2025-10-01' }),
    });
    expect(statusAsOf(byCard.events, d('2025-09-30')).residence.lawful).toBe(false);
    expect(statusAsOf(byCard.events, d('2025-10-01')).residence.lawful).toBe(true);
    expect(byCard.refusal('CardLost', '2026-03-01')).toBe('ACCEPTED');

    const neither = new ResidentLife('1990-02-14');
    neither.record('ExistingStatusRecorded', '2026-12-01', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2027-09-30',
      card: card('AB12345678CD'),
    });
    expect(statusAsOf(neither.events, d('2026-11-30')).residence.lawful).toBe(false);
    expect(neither.refusal('CardLost', '2026-11-30')).toBe('NO_CARD');
  });

  test('the fold, the kept fold, the status timeline and residentAsOf agree on the days before, between and after', () => {
    const life = grantedInJanuary();
    life.record('CardLost', '2026-11-30');
    life.record('Moved', '2026-06-01', { address: '東京都新宿区1-1' });
    const fold = ResidentFold.of(life.events);
    const timeline = statusTimeline(life.events);
    for (const day of ['2026-01-19', '2026-01-20', '2026-06-01', '2026-11-30', '2026-12-01', '2027-01-21'].map(d)) {
      expect(fold.residentAsOf(day)).toEqual(residentAsOf(life.events, day));
      expect(statusFromTimeline(timeline, day)).toEqual(statusAsOf(life.events, day));
    }
  });
});

describe('take-over: duties are followed from the take-over day (2026-12-01)', () => {
  test('a move on 2026-06-01 between the grant and the take-over: its notification (due Mon 2026-06-15) is not invented as overdue', () => {
    const life = grantedInJanuary();
    life.record('Moved', '2026-06-01', { address: '東京都新宿区1-1' });
    const kinds = deadlinesAsOf(life.events, d('2026-12-01')).map((deadline) => deadline.kind);
    expect(kinds).toEqual(['period_renewal']);
  });

  test('a move on Wed 2026-11-25 whose notification is still running on the take-over day is shown: due Wed 2026-12-09', () => {
    const life = grantedInJanuary();
    life.record('Moved', '2026-11-25', { address: '東京都新宿区1-1' });
    expect(deadlinesAsOf(life.events, d('2026-12-01'))).toContainEqual(
      expect.objectContaining({ kind: 'address_change_notification', dueOn: '2026-12-09', state: 'open' }),
    );
  });

  test('the period renewal of the take-over is shown from the grant: window from 2026-10-21 to Wed 2027-01-20', () => {
    const life = grantedInJanuary();
    expect(deadlinesAsOf(life.events, d('2026-06-01'))).toEqual([
      expect.objectContaining({ kind: 'period_renewal', opensOn: '2026-10-21', dueOn: '2027-01-20', state: 'upcoming' }),
    ]);
  });

  test('support started 2026-07-01 (SSW 1号 granted 2026-06-30, taken over 2026-12-01): no interview overdue (the first cycle ended 2026-10-01); the next due 3 months after the take-over, Mon 2027-03-01', () => {
    const life = new ResidentLife('1998-07-21');
    life.record('ExistingStatusRecorded', '2026-12-01', {
      status: 'specified_skilled_worker_1',
      grantedOn: '2026-06-30',
      periodExpiresOn: '2027-06-30',
      card: card('AB12345678CD'),
      ssw1CountFrom: '2024-07-01',
    });
    life.record('SupportStarted', '2026-07-01', { employer: 'ABC建設' });
    const interviews = deadlinesAsOf(life.events, d('2026-12-01')).filter((deadline) => deadline.kind === 'support_interview');
    expect(interviews).toHaveLength(2);
    for (const interview of interviews) expect(interview).toMatchObject({ dueOn: '2027-03-01', state: 'open' });
    expect(deadlinesAsOf(life.events, d('2026-12-01')).filter((deadline) => deadline.state === 'overdue')).toEqual([]);
  });
});

describe('take-over: the card issue date is never invented', () => {
  test('no issue date and no grant date: issuedOn null (shown 不明), the card held from the take-over day 2026-12-01', () => {
    const life = new ResidentLife('1990-02-14');
    life.record('ExistingStatusRecorded', '2026-12-01', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2027-09-30',
      card: card('AB12345678CD'),
    });
    const held = residentAsOf(life.events, d('2026-12-01')).cards[0]!;
    expect(held).toMatchObject({ issuedOn: null, heldFrom: '2026-12-01', expiresOn: '2027-09-30' });
    expect(statusAsOf(life.events, d('2026-12-01')).card).toMatchObject({ issuedOn: null, state: 'valid' });
    expect(cardViewAsOf(held, d('2026-11-30')).state).toBe('none');
  });

  test('with the grant date (2026-01-20) and no issue date: issued on the grant day, since the card comes with the grant', () => {
    const life = grantedInJanuary();
    expect(statusAsOf(life.events, d('2026-12-01')).card.issuedOn).toBe('2026-01-20');
  });

  test('a permanent resident card with neither issue, grant nor expiry date is refused (400): its 7 years cannot be counted (19条の5)', () => {
    const life = new ResidentLife('1980-01-01');
    expect(life.refusal('ExistingStatusRecorded', '2026-12-01', { status: 'permanent_resident', card: card('AB12345678CD') })).toBe(
      'INVALID',
    );
    expect(
      life.refusal('ExistingStatusRecorded', '2026-12-01', {
        status: 'permanent_resident',
        card: card('AB12345678CD', { expiresOn: '2029-05-31' }),
      }),
    ).toBe('ACCEPTED');
  });
});
