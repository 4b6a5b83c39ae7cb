/**
 * What one person's morning digest says on `day`: what became overdue, which reminders fall due
 * (lead times by kind), which renewal windows open, and — for managers — what has been overdue
 * long enough to escalate. Everything new since the previous digest (`since`, exclusive) is
 * included, so a digest skipped on a weekend or over 29 Dec – 3 Jan is caught up on the next
 * working day; a reminder that would fall on a skipped day is sent on the working day before it,
 * never after, so that "2 days before" never arrives on the due day.
 */
import { isAdministrativeHoliday } from '../calendar/administrative-holidays.js';
import { addDays, daysBetween, maxDate, type LocalDate } from '../calendar/local-date.js';
import { leadDaysFor } from './lead-times.js';

export interface DigestDeadline {
  /** Unique within the organisation (resident and deadline id). */
  key: string;
  residentId: string | null;
  residentName: string | null;
  /** The caseworker in charge of the resident (担当者), if any. */
  assignedTo: string | null;
  kind: string;
  createdOn: LocalDate;
  opensOn: LocalDate | null;
  dueOn: LocalDate;
  metOn: LocalDate | null;
  voidOn: LocalDate | null;
}

export type DigestReason = 'overdue' | 'reminder' | 'window_opens' | 'escalation';

export interface DigestItem {
  deadline: DigestDeadline;
  reasons: DigestReason[];
  /** Days from `day` to the due day; negative when overdue. */
  daysLeft: number;
}

export interface DigestRequest {
  day: LocalDate;
  /** The last day a digest was considered for this person; nothing on or before it is new. */
  since: LocalDate;
  deadlines: readonly DigestDeadline[];
  /** Skip Saturdays, Sundays, national holidays and 29 Dec – 3 Jan (行政機関の休日). */
  skipClosedDays: boolean;
  leadDays?: Readonly<Record<string, readonly number[]>>;
  /** Managers: escalate what has been overdue this many days, unless already escalated. */
  escalation?: { afterDays: number; alreadyEscalated: ReadonlySet<string> };
  /**
   * "Only mine": only residents assigned to this user, and the organisation's own deadlines when
   * `withOrganisation` (a manager's). Escalations still cover the whole caseload: they exist for
   * what nobody in charge dealt with.
   */
  onlyMine?: { userId: string; withOrganisation: boolean };
}

export interface Digest {
  day: LocalDate;
  /** What is new: a digest with none is not sent. */
  items: DigestItem[];
  /** Also due in the next 7 days, for context (not a reason to send). */
  dueThisWeek: DigestItem[];
}

export function isDigestDay(day: LocalDate, skipClosedDays: boolean): boolean {
  return !skipClosedDays || !isAdministrativeHoliday(day);
}

function lastDigestDayOnOrBefore(day: LocalDate, skipClosedDays: boolean): LocalDate {
  let result = day;
  while (!isDigestDay(result, skipClosedDays)) result = addDays(result, -1);
  return result;
}

/** Open on `day`: it exists, and is neither met nor void by then. */
function isLive(deadline: DigestDeadline, day: LocalDate): boolean {
  if (deadline.createdOn > day) return false;
  if (deadline.metOn !== null && deadline.metOn <= day) return false;
  return deadline.voidOn === null || deadline.voidOn > day;
}

export function composeDigest(request: DigestRequest): Digest {
  const { day, since, skipClosedDays } = request;
  const isNew = (date: LocalDate) => date > since && date <= day;
  const items: DigestItem[] = [];
  const dueThisWeek: DigestItem[] = [];
  for (const deadline of request.deadlines) {
    if (!isLive(deadline, day)) continue;
    const mine = isMine(deadline, request.onlyMine);
    const reasons: DigestReason[] = [];
    const firstOverdueDay = addDays(deadline.dueOn, 1);
    if (day >= firstOverdueDay) {
      if (mine && isNew(firstOverdueDay)) reasons.push('overdue');
      const escalation = request.escalation;
      if (escalation && daysBetween(deadline.dueOn, day) >= escalation.afterDays && !escalation.alreadyEscalated.has(deadline.key)) {
        reasons.push('escalation');
      }
    } else if (mine) {
      const reminderDue = leadDaysFor(deadline.kind, request.leadDays).some((lead) => {
        const reminderDay = addDays(deadline.dueOn, -lead);
        if (reminderDay < deadline.createdOn) return false;
        return isNew(maxDate(lastDigestDayOnOrBefore(reminderDay, skipClosedDays), deadline.createdOn));
      });
      if (reminderDue) reasons.push('reminder');
      if (deadline.opensOn !== null && isNew(deadline.opensOn)) reasons.push('window_opens');
    }
    const item = { deadline, reasons, daysLeft: daysBetween(day, deadline.dueOn) };
    if (reasons.length > 0) items.push(item);
    else if (mine && item.daysLeft >= 0 && item.daysLeft <= 7) dueThisWeek.push(item);
  }
  return { day, items: items.sort(byDue), dueThisWeek: dueThisWeek.sort(byDue) };
}

function isMine(deadline: DigestDeadline, onlyMine: DigestRequest['onlyMine']): boolean {
  if (!onlyMine) return true;
  if (deadline.residentId === null) return onlyMine.withOrganisation;
  return deadline.assignedTo === onlyMine.userId;
}

function byDue(a: DigestItem, b: DigestItem): number {
  return a.deadline.dueOn < b.deadline.dueOn ? -1 : a.deadline.dueOn > b.deadline.dueOn ? 1 : a.deadline.key < b.deadline.key ? -1 : 1;
}

/** Items grouped by person (organisation-level deadlines under `null`), people in due order. */
export function groupByPerson(
  items: readonly DigestItem[],
): Array<{ residentId: string | null; residentName: string | null; items: DigestItem[] }> {
  const groups = new Map<string | null, { residentId: string | null; residentName: string | null; items: DigestItem[] }>();
  for (const item of items) {
    const id = item.deadline.residentId;
    const group = groups.get(id) ?? { residentId: id, residentName: item.deadline.residentName, items: [] };
    group.items.push(item);
    groups.set(id, group);
  }
  return [...groups.values()];
}
