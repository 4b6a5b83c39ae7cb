import { describe, expect, it } from '@jest/globals';
import { addDays, localDate, type LocalDate } from '../calendar/local-date.js';
import { composeDigest, groupByPerson, isDigestDay, type DigestDeadline, type DigestRequest } from './digest.js';
import { leadDaysFor } from './lead-times.js';

const d = localDate;

function deadline(partial: Partial<DigestDeadline> & { kind: string; dueOn: LocalDate }): DigestDeadline {
  return {
    key: `${partial.residentId ?? 'r1'}:${partial.kind}`,
    residentId: 'r1',
    residentName: 'NGUYEN VAN AN',
    assignedTo: null,
    createdOn: d('2026-01-05'),
    opensOn: null,
    metOn: null,
    voidOn: null,
    ...partial,
  };
}

/** The digests of each digest day from `from` to `to`, each covering what is new since the previous one. */
function digestsOverDays(request: Omit<DigestRequest, 'day' | 'since'>, from: string, to: string) {
  const sent: Record<string, string[]> = {};
  let since = d(from);
  for (let day = d(from); day <= d(to); day = addDays(day, 1)) {
    if (!isDigestDay(day, request.skipClosedDays)) continue;
    const digest = composeDigest({ ...request, day, since });
    if (digest.items.length > 0) sent[day] = digest.items.map((item) => `${item.deadline.kind}:${item.reasons.join('+')}`);
    since = day;
  }
  return sent;
}

describe('daily digest: reminders by lead time, caught up after closed days', () => {
  // Moved on Monday 2026-01-05: the 14-day notice (19条の9) is due Monday 2026-01-19, the week
  // after 成人の日 (Monday 2026-01-12). Reminders 7 and 2 days before: 2026-01-12 (the holiday)
  // and 2026-01-17 (a Saturday).
  const notice = deadline({ kind: 'address_change_notification', createdOn: d('2026-01-05'), dueOn: d('2026-01-19') });

  it('sends a reminder that falls on a holiday or a Saturday on the working day before it: Fri 2026-01-09 and Fri 2026-01-16', () => {
    const sent = digestsOverDays({ deadlines: [notice], skipClosedDays: true }, '2026-01-05', '2026-01-19');
    expect(sent).toEqual({
      '2026-01-09': ['address_change_notification:reminder'],
      '2026-01-16': ['address_change_notification:reminder'],
    });
  });

  it('without skipping closed days, sends on 2026-01-12 (成人の日) and 2026-01-17 (Saturday) themselves', () => {
    const sent = digestsOverDays({ deadlines: [notice], skipClosedDays: false }, '2026-01-05', '2026-01-19');
    expect(Object.keys(sent)).toEqual(['2026-01-12', '2026-01-17']);
  });

  it('reports the notice overdue on Tue 2026-01-20, once, and nothing on a day with nothing new', () => {
    const sent = digestsOverDays({ deadlines: [notice], skipClosedDays: true }, '2026-01-17', '2026-01-23');
    expect(sent).toEqual({ '2026-01-20': ['address_change_notification:overdue'] });
  });

  it('an overdue day that falls on a Saturday (due Fri 2026-01-23) is reported on Monday 2026-01-26', () => {
    const friday = deadline({ kind: 'spouse_notification', dueOn: d('2026-01-23') });
    const sent = digestsOverDays({ deadlines: [friday], skipClosedDays: true }, '2026-01-20', '2026-01-27');
    expect(sent['2026-01-26']).toEqual(['spouse_notification:overdue']);
    expect(sent['2026-01-24']).toBeUndefined();
  });

  it('a met or void deadline sends nothing', () => {
    const met = { ...notice, metOn: d('2026-01-08') };
    const voided = { ...notice, voidOn: d('2026-01-08') };
    expect(digestsOverDays({ deadlines: [met, voided], skipClosedDays: true }, '2026-01-05', '2026-01-25')).toEqual({});
  });

  // Period of stay to 2026-06-30: the renewal window opens 2026-04-01 (domain-rules §4), and
  // 90 days before 30 June is also 1 April; 30 days before is Sunday 31 May (→ Friday 29 May);
  // 14 days before is Tuesday 16 June.
  it('a renewal window opening on Wed 2026-04-01 and the 90/30/14-day reminders of a period ending 2026-06-30', () => {
    const renewal = deadline({
      kind: 'period_renewal',
      createdOn: d('2025-07-01'),
      opensOn: d('2026-04-01'),
      dueOn: d('2026-06-30'),
    });
    const sent = digestsOverDays({ deadlines: [renewal], skipClosedDays: true }, '2026-03-30', '2026-06-30');
    expect(sent).toEqual({
      '2026-04-01': ['period_renewal:reminder+window_opens'],
      '2026-05-29': ['period_renewal:reminder'],
      '2026-06-16': ['period_renewal:reminder'],
    });
  });

  // Due Tuesday 2027-01-05: 7 days before is 29 December and 2 days before is 3 January, both
  // in the New Year closure (29 Dec – 3 Jan); both reminders come on Monday 2026-12-28.
  it('reminders inside the New Year closure come together on Mon 2026-12-28', () => {
    const card = deadline({ kind: 'card_reissue_after_loss', createdOn: d('2026-12-22'), dueOn: d('2027-01-05') });
    const sent = digestsOverDays({ deadlines: [card], skipClosedDays: true }, '2026-12-22', '2027-01-05');
    expect(sent).toEqual({ '2026-12-28': ['card_reissue_after_loss:reminder'] });
  });

  it('a reminder day before the deadline was recorded is not sent late; one after it is', () => {
    const late = deadline({ kind: 'address_change_notification', createdOn: d('2026-01-18'), dueOn: d('2026-01-19') });
    // created Sunday 18 January: reminder days 12 and 17 January are before it exists.
    expect(digestsOverDays({ deadlines: [late], skipClosedDays: true }, '2026-01-16', '2026-01-19')).toEqual({});
    const lateWithinLead = deadline({ kind: 'period_renewal', createdOn: d('2026-06-13'), opensOn: null, dueOn: d('2026-06-30') });
    // 14 days before 30 June is 16 June, after it was recorded on Saturday 13 June.
    expect(digestsOverDays({ deadlines: [lateWithinLead], skipClosedDays: true }, '2026-06-12', '2026-06-17')).toEqual({
      '2026-06-16': ['period_renewal:reminder'],
    });
  });

  it('escalates to managers what is overdue for N days (default 1), once', () => {
    const escalation = { afterDays: 1, alreadyEscalated: new Set<string>() };
    const on20 = composeDigest({ day: d('2026-01-20'), since: d('2026-01-19'), deadlines: [notice], skipClosedDays: true, escalation });
    expect(on20.items.map((item) => item.reasons)).toEqual([['overdue', 'escalation']]);
    escalation.alreadyEscalated.add(notice.key);
    const on21 = composeDigest({ day: d('2026-01-21'), since: d('2026-01-20'), deadlines: [notice], skipClosedDays: true, escalation });
    expect(on21.items).toEqual([]);
    const threeDays = { afterDays: 3, alreadyEscalated: new Set<string>() };
    const on21b = composeDigest({
      day: d('2026-01-21'),
      since: d('2026-01-20'),
      deadlines: [notice],
      skipClosedDays: true,
      escalation: threeDays,
    });
    expect(on21b.items).toEqual([]);
    const on22 = composeDigest({
      day: d('2026-01-22'),
      since: d('2026-01-21'),
      deadlines: [notice],
      skipClosedDays: true,
      escalation: threeDays,
    });
    expect(on22.items.map((item) => item.reasons)).toEqual([['escalation']]);
  });

  it('"only mine": reminders and overdue items of residents assigned to me; organisation deadlines for managers; escalation of anyone\'s', () => {
    // Two notices due Mon 2026-01-19 (reminder Fri 2026-01-09): r1 is mine, r2 is a colleague's.
    const mineNotice = deadline({ residentId: 'r1', assignedTo: 'u-me', kind: 'address_change_notification', dueOn: d('2026-01-19') });
    const theirs = deadline({ residentId: 'r2', assignedTo: 'u-other', kind: 'address_change_notification', dueOn: d('2026-01-19') });
    const unassigned = deadline({ residentId: 'r3', kind: 'address_change_notification', dueOn: d('2026-01-19') });
    // The organisation's registration renewal window, opening on Fri 2026-01-09.
    const registration = deadline({
      residentId: null,
      residentName: null,
      kind: 'support_registration_renewal',
      createdOn: d('2025-12-01'),
      opensOn: d('2026-01-09'),
      dueOn: d('2026-03-31'),
    });
    const deadlines = [mineNotice, theirs, unassigned, registration];
    const keysOf = (digest: ReturnType<typeof composeDigest>) =>
      digest.items.map((item) => `${item.deadline.residentId}:${item.reasons.join('+')}`);
    const day9 = { day: d('2026-01-09'), since: d('2026-01-08'), deadlines, skipClosedDays: true };
    expect(keysOf(composeDigest(day9))).toEqual(['r1:reminder', 'r2:reminder', 'r3:reminder', 'null:window_opens']);
    expect(keysOf(composeDigest({ ...day9, onlyMine: { userId: 'u-me', withOrganisation: false } }))).toEqual(['r1:reminder']);
    expect(keysOf(composeDigest({ ...day9, onlyMine: { userId: 'u-me', withOrganisation: true } }))).toEqual([
      'r1:reminder',
      'null:window_opens',
    ]);
    // Tue 2026-01-20, overdue since that day: mine is news; the manager's escalation covers all three.
    const day20 = { day: d('2026-01-20'), since: d('2026-01-19'), deadlines, skipClosedDays: true };
    expect(keysOf(composeDigest({ ...day20, onlyMine: { userId: 'u-me', withOrganisation: false } }))).toEqual(['r1:overdue']);
    const escalation = { afterDays: 1, alreadyEscalated: new Set<string>() };
    expect(keysOf(composeDigest({ ...day20, escalation, onlyMine: { userId: 'u-me', withOrganisation: true } }))).toEqual([
      'r1:overdue+escalation',
      'r2:escalation',
      'r3:escalation',
    ]);
  });

  it('lists what else is due in the next 7 days for context, without making the day news', () => {
    const digest = composeDigest({ day: d('2026-01-13'), since: d('2026-01-12'), deadlines: [notice], skipClosedDays: true });
    expect(digest.items).toEqual([]);
    expect(digest.dueThisWeek.map((item) => [item.deadline.kind, item.daysLeft])).toEqual([['address_change_notification', 6]]);
  });

  it('groups by person in due order and takes lead times from the user over the defaults', () => {
    const a = deadline({ kind: 'address_change_notification', residentId: 'a', residentName: 'A', dueOn: d('2026-01-19') });
    const b = deadline({ kind: 'spouse_notification', residentId: 'b', residentName: 'B', dueOn: d('2026-01-15') });
    const a2 = deadline({ kind: 'card_surrender', residentId: 'a', residentName: 'A', dueOn: d('2026-01-20') });
    const digest = composeDigest({
      day: d('2026-01-14'),
      since: d('2026-01-13'),
      deadlines: [a, b, a2],
      skipClosedDays: true,
      leadDays: { address_change_notification: [5], spouse_notification: [1], card_surrender: [6] },
    });
    expect(groupByPerson(digest.items).map((group) => [group.residentName, group.items.map((item) => item.deadline.kind)])).toEqual([
      ['B', ['spouse_notification']],
      ['A', ['address_change_notification', 'card_surrender']],
    ]);
    expect(leadDaysFor('period_renewal')).toEqual([90, 30, 14]);
    expect(leadDaysFor('reentry')).toEqual([30, 7]);
    expect(leadDaysFor('toString')).toEqual([7, 2]);
  });
});

describe("the organisation's own deadline and the 特定技能 lead times (docs/ssw-duties.md §7)", () => {
  // Registration expiring 2026-07-31: renewal window 1 Jan (Thu, in the New Year closure) – Tue 31 Mar 2026.
  const renewal = deadline({
    key: 'organisation:registration-2026-07-31:support_registration_renewal',
    residentId: null,
    residentName: null,
    kind: 'support_registration_renewal',
    createdOn: d('2026-01-01'),
    opensOn: d('2026-01-01'),
    dueOn: d('2026-03-31'),
  });

  it('window opening on 1 Jan told on Mon 5 Jan; reminders 60/30/7 days before: Fri 30 Jan, Sun 1 Mar → Fri 27 Feb, Tue 24 Mar; overdue Wed 1 Apr', () => {
    expect(digestsOverDays({ deadlines: [renewal], skipClosedDays: true }, '2025-12-26', '2026-04-03')).toEqual({
      '2026-01-05': ['support_registration_renewal:window_opens'],
      '2026-01-30': ['support_registration_renewal:reminder'],
      '2026-02-27': ['support_registration_renewal:reminder'],
      '2026-03-24': ['support_registration_renewal:reminder'],
      '2026-04-01': ['support_registration_renewal:overdue'],
    });
  });

  it('lead times: the cap half a year ahead, the annual report a month, interviews a fortnight', () => {
    expect(leadDaysFor('ssw1_cap')).toEqual([180, 90, 30]);
    expect(leadDaysFor('ssw_annual_report')).toEqual([30, 7]);
    expect(leadDaysFor('support_interview')).toEqual([14, 3]);
  });
});
