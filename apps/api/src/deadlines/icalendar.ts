/**
 * The deadline feed as RFC 5545 text, written by ical-generator (a maintained library: escaping,
 * line folding at 75 octets, CRLF, VALARM). Each deadline still to act on is an all-day VEVENT
 * on its last day; where a deadline has a window (更新申請は満了の3か月前から), its opening
 * is an event too. SUMMARY starts with the person, so a phone's calendar shows who.
 *
 * The feed is written in batches (`calendarBatch`) so that a caseload of any size streams out
 * without being held in memory whole. Line folding is ours (foldContentLines): the library's
 * allocates a TextEncoder per character, 26 s of CPU for 10,000 events on this machine.
 */
import ical, { ICalAlarmType, ICalCalendarMethod, ICalEventTransparency, type ICalCalendar } from 'ical-generator';
import { OWED_BY_LABEL, type OwedBy } from '@zairyu/domain';

export interface FeedDeadline {
  id: string;
  /** null: a deadline of the organisation itself (its registration as a 登録支援機関). */
  residentId: string | null;
  residentName: string | null;
  label: { ja: string; en: string };
  legalBasis: string;
  opensOn: string | null;
  dueOn: string;
  statutoryDueOn: string;
  /** Who must act (docs/ssw-duties.md §1): shown in the text and as the event's CATEGORIES. */
  owedBy: OwedBy;
  /** The employer (所属機関) an employer's filing is owed by, by name, when known. */
  employerName?: string | null;
}

export interface FeedOptions {
  /** Days before each event at which a reminder (VALARM) fires, at 09:00; [7, 1] by default. */
  alarmDaysBefore: readonly number[];
  now: Date;
  /** Named in the SUMMARY of the organisation's own deadlines, where a resident's name would be. */
  organisationName?: string;
}

export const DEFAULT_ALARM_DAYS: readonly number[] = [7, 1];

/**
 * Control characters other than TAB cannot stand in iCalendar TEXT (RFC 5545 §3.3.11). CR and
 * LF would start a new content line, so a name could forge properties; U+2028/U+2029 and NEL
 * are line breaks to some readers. Each becomes a space before the text reaches the writer.
 */
export function calendarText(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is being replaced
  return value.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

function calendar(name: string): ICalCalendar {
  return ical({
    name,
    prodId: { company: 'Zairyu Ledger', product: 'Deadlines', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
}

function addEvents(target: ICalCalendar, item: FeedDeadline, options: FeedOptions): void {
  const who = calendarText(item.residentName ?? options.organisationName ?? OWED_BY_LABEL.organisation.ja);
  const employer = item.employerName ? calendarText(item.employerName) : null;
  // An employer's filing names the employer, so a support organisation sees whose papers to prepare.
  const what = employer === null ? item.label.ja : `${item.label.ja}（${employer}）`;
  const owedBy = `Owed by ${OWED_BY_LABEL[item.owedBy].en}${employer === null ? '' : ` (${employer})`}.`;
  const uid = `${item.residentId ?? 'organisation'}-${item.id}`;
  const alarms = options.alarmDaysBefore.map((days) => ({
    type: ICalAlarmType.display,
    // Seconds before the all-day event's midnight: 09:00 on the day `days` before, not 00:00.
    trigger: days * 24 * 60 * 60 - 9 * 60 * 60,
    description: `${who} — ${item.label.ja}: ${days === 1 ? '1 day' : `${days} days`} left`,
  }));
  const common = {
    allDay: true,
    stamp: options.now,
    transparency: ICalEventTransparency.TRANSPARENT,
    categories: [{ name: item.owedBy }],
  };
  target.createEvent({
    ...common,
    id: `${uid}@zairyu-ledger`,
    start: item.dueOn,
    summary: `${who} — ${what}`,
    description:
      `${item.label.en} (${item.legalBasis}). Statutory last day ${item.statutoryDueOn}; accepted until ${item.dueOn}.` +
      (item.opensOn ? ` Can be filed from ${item.opensOn}.` : '') +
      ` ${owedBy}`,
    alarms,
  });
  if (item.opensOn) {
    target.createEvent({
      ...common,
      id: `${uid}-opens@zairyu-ledger`,
      start: item.opensOn,
      summary: `${who} — ${what}（受付開始）`,
      description: `${item.label.en}: can be filed from today (${item.legalBasis}); last day ${item.dueOn}. ${owedBy}`,
      alarms,
    });
  }
}

const END = 'END:VCALENDAR';

/** The calendar's opening lines, up to its first event. */
export function calendarHead(name: string): string {
  const text = calendar(calendarText(name)).toString();
  return text.slice(0, text.indexOf(END));
}

/** UTF-8 length of one code point. */
const octets = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * RFC 5545 §3.1: content lines longer than 75 octets are split with CRLF and one space, never
 * inside a UTF-8 sequence (so never inside a character).
 */
export function foldContentLines(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      if (line.length <= 18 || Buffer.byteLength(line) <= 75) return line;
      let folded = '';
      let used = 0;
      for (const char of line) {
        const size = octets(char.codePointAt(0)!);
        if (used + size > 75) {
          folded += '\r\n ';
          used = 1;
        }
        folded += char;
        used += size;
      }
      return folded;
    })
    .join('\r\n');
}

/** The VEVENTs of some deadlines, as the library writes them (then folded). */
export function calendarBatch(items: readonly FeedDeadline[], options: FeedOptions): string {
  const batch = calendar('batch');
  for (const item of items) addEvents(batch, item, options);
  return batch
    .events()
    .map((event) => foldContentLines(event.toString()))
    .join('');
}

export const calendarTail = () => `${END}\r\n`;
