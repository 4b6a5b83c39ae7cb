import { describe, expect, test } from '@jest/globals';
import { addDays, type LocalDate } from './calendar/local-date.js';
import { deadlinesAsOf } from './deadlines.js';
import { statusAsOf } from './status.js';
import { statusFromTimeline, statusTimeline } from './status-timeline.js';
import { ResidentLife, card } from './testing/resident-life.js';

const kindsOn = (life: ResidentLife, asOf: string) =>
  deadlinesAsOf(life.events, asOf as LocalDate)
    .map((d) => `${d.kind}:${d.state}`)
    .sort();

/** Period ends Saturday 2026-02-28; the last day to apply moves to Monday 2026-03-02. */
function periodEndingSaturday() {
  const life = new ResidentLife();
  life.record('Landed', '2025-03-01', {
    status: 'engineer_humanities_international',
    periodExpiresOn: '2026-02-28',
    card: card('EN00000001AA'),
  });
  return life;
}

describe('"as of" = that day, seen with everything recorded now (as-of.ts)', () => {
  test('before the Monday application is recorded, Sunday 2026-03-01 shows the period ended, the card expired, the renewal open (due Monday)', () => {
    const life = periodEndingSaturday();
    expect(statusAsOf(life.events, '2026-03-01' as LocalDate)).toMatchObject({
      residence: { lawful: false, basis: 'none' },
      card: { state: 'expired' },
    });
    expect(kindsOn(life, '2026-03-01')).toEqual(['card_surrender:open', 'period_renewal:open', 'residence_notification_90_day:overdue']);
  });

  test('with the application of Monday 2026-03-02 recorded, Sunday is a day of the special period: card valid, no surrender owed, renewal open until Monday', () => {
    const life = periodEndingSaturday();
    life.record('ExtensionApplied', '2026-03-02');
    expect(statusAsOf(life.events, '2026-03-01' as LocalDate)).toMatchObject({
      residence: { lawful: true, basis: 'special_period', lawfulUntil: '2026-04-30' },
      card: { state: 'valid' },
    });
    expect(kindsOn(life, '2026-03-01')).toEqual(['period_renewal:open', 'residence_notification_90_day:overdue']);
    expect(kindsOn(life, '2026-03-02')).toEqual(['period_renewal:met', 'residence_notification_90_day:overdue']);
    // Special period to addMonths(2026-02-28, 2) = 2026-04-30 (a month end runs to a month end).
    // The read models' timeline reads every day the same way.
    const timeline = statusTimeline(life.events);
    for (let day = '2026-02-26' as LocalDate; day <= '2026-05-01'; day = addDays(day, 1)) {
      expect(statusFromTimeline(timeline, day)).toEqual(statusAsOf(life.events, day));
    }
  });

  test('an application on Tuesday 2026-03-03 is late: it reaches back to nothing, Sunday and Monday stay expired', () => {
    const life = periodEndingSaturday();
    life.record('ExtensionApplied', '2026-03-03');
    expect(statusAsOf(life.events, '2026-03-01' as LocalDate).residence.lawful).toBe(false);
    expect(statusAsOf(life.events, '2026-03-03' as LocalDate).residence.lawful).toBe(false);
  });
});
