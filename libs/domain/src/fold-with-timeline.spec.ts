/**
 * foldWithTimeline folds a resident once for both what the read models store: the state at the
 * end of time and the status timeline. It must give exactly what the two whole-stream walks gave
 * before it (foldResident, and the timeline as computed until then, kept below as it was), on
 * lives the decider accepted and on histories it never would: facts recorded in any order, on
 * odd days, retracted, corrected, or cut short. A history either walk cannot fold must fail
 * with the same error.
 */
import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { reachBack } from './as-of.js';
import { addDays, type LocalDate } from './calendar/local-date.js';
import { addYears } from './calendar/legal-periods.js';
import type { RecordedEvent } from './events/events.js';
import { BIRTH_GRACE_DAYS } from './rules/lawful-stay.js';
import { advance, END_OF_TIME } from './resident/advance.js';
import { evolve } from './resident/evolve.js';
import { factDay, factsInLegalOrder, isIdentityFact } from './resident/fact-order.js';
import { foldResident } from './resident/fold.js';
import { ResidentFold } from './resident/resident-fold.js';
import { INITIAL_STATE, type ResidentState } from './resident/state.js';
import { statusOfState } from './status.js';
import { foldWithTimeline, statusTimeline, type StatusSegment, type TimelessStatus } from './status-timeline.js';
import { card, ResidentLife } from './testing/resident-life.js';
import { permanentResidentWhoseTripLapses, specifiedSkilledWorker, studentToEngineer } from './testing/lives.js';

const d = (text: string) => text as LocalDate;

// ---- The timeline as it was computed before the one-pass walk (whole stream, every day visited).

function timelineBefore(events: readonly RecordedEvent[]): StatusSegment[] {
  const facts = factsInLegalOrder(events);
  const timeless = (state: ResidentState, asOf: LocalDate): TimelessStatus => {
    const { asOf: _asOf, ...status } = statusOfState(state, asOf);
    return status;
  };
  let next = 0;
  let state = INITIAL_STATE;
  while (facts[next] !== undefined && isIdentityFact(facts[next]!.type)) state = evolve(state, facts[next++]!);
  const segments: StatusSegment[] = [{ from: null, status: timeless(state, d('1900-01-01')) }];
  const changeDays = new Set<LocalDate>();
  let lastVisit: LocalDate | undefined;
  let factAt = next;
  for (;;) {
    while (factAt < facts.length && lastVisit !== undefined && factDay(facts[factAt]!) <= lastVisit) factAt++;
    const firstChange = [...changeDays].sort()[0];
    const day =
      factAt < facts.length && (firstChange === undefined || factDay(facts[factAt]!) <= firstChange)
        ? factDay(facts[factAt]!)
        : firstChange;
    if (day === undefined) return segments;
    changeDays.delete(day);
    for (; next < facts.length && factDay(facts[next]!) <= day; next++) {
      state = evolve(advance(state, factDay(facts[next]!)), facts[next]!);
    }
    state = advance(state, day);
    const status = timeless(reachBack(state, facts.slice(next), day), day);
    if (JSON.stringify(status) !== JSON.stringify(segments.at(-1)!.status)) segments.push({ from: day, status });
    const card = state.cards.at(-1);
    const ends = [
      status.residence.lawfulUntil,
      status.residence.periodExpiresOn,
      card?.validThrough,
      card?.expiresOn,
      state.abroad?.reentryBy,
      state.extraActivity?.periodExpiresOn,
      state.birth ? addDays(state.birth.bornOn, BIRTH_GRACE_DAYS) : null,
    ];
    for (const end of ends) if (typeof end === 'string' && addDays(end, 1) > day) changeDays.add(addDays(end, 1));
    lastVisit = day;
  }
}

type Outcome = { ok: true; state: ResidentState; timeline: StatusSegment[] } | { ok: false; error: unknown };

function outcome(walk: () => { state: ResidentState; timeline: StatusSegment[] }): Outcome {
  try {
    return { ok: true, ...walk() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The two walks in the order the read models called them: the fold first, then the timeline. */
const before = (events: readonly RecordedEvent[]) =>
  outcome(() => ({ state: foldResident(events, END_OF_TIME), timeline: timelineBefore(events) }));

// ---- Lives: recorded through the decider, and generated ones as the benchmark writes them.

function internToSsw(): RecordedEvent[] {
  const life = new ResidentLife('1998-07-21', 'worker');
  const ssw1 = 'specified_skilled_worker_1';
  life.record('Landed', '2022-10-01', { status: 'technical_intern_training_1', periodExpiresOn: '2023-09-30', card: card('TI10000001AA') });
  life.record('StatusChangeApplied', '2023-08-01', { toStatus: 'technical_intern_training_2' });
  life.record('StatusChangeGranted', '2023-09-15', {
    status: 'technical_intern_training_2',
    periodExpiresOn: '2025-09-15',
    card: card('TI10000002AA'),
  });
  life.record('StatusChangeApplied', '2025-07-01', { toStatus: ssw1 });
  life.record('StatusChangeGranted', '2025-08-20', {
    status: ssw1,
    periodExpiresOn: '2026-08-20',
    card: card('SW10000003AA'),
    designation: { field: 'food_and_beverage_manufacturing', employer: 'Tokai Foods' },
  });
  life.record('SupportStarted', '2025-08-20', { employer: 'Tokai Foods', plan: 'plan-2025' });
  life.record('OrientationHeld', '2025-08-25', { hours: 8 });
  life.record('SupportInterviewHeld', '2025-11-10', { with: 'worker', mode: 'in_person' });
  life.record('SupportInterviewHeld', '2025-11-12', { with: 'supervisor', mode: 'in_person' });
  life.record('AffiliationChanged', '2026-02-28', {
    kind: 'contract',
    change: 'contract_ended',
    organisation: 'Tokai Foods',
    helloWork: 'insured',
  });
  life.record('StatusChangeApplied', '2026-03-20', { toStatus: ssw1 });
  life.record('AffiliationChanged', '2026-04-15', {
    kind: 'contract',
    change: 'new_contract',
    organisation: 'Chubu Kitchens',
    helloWork: 'insured',
  });
  life.record('StatusChangeGranted', '2026-05-20', {
    status: ssw1,
    periodExpiresOn: '2029-05-20',
    card: card('SW10000004AA'),
    designation: { field: 'food_service', employer: 'Chubu Kitchens' },
  });
  life.record('SswReportFiled', '2026-05-25', { kind: 'annual', fiscalYear: 2025 });
  life.record('Departed', '2026-08-01', { reentry: 'deemed' });
  life.record('Reentered', '2026-08-20');
  return life.events;
}

/** Born in Japan: the 60-day grace, a timely acquisition, then a student's period. */
function newborn(): RecordedEvent[] {
  const life = new ResidentLife('2026-05-10', 'baby');
  life.record('BornInJapan', '2026-05-10');
  life.record('StatusAcquisitionApplied', '2026-06-01', { status: 'dependent' });
  life.record('StatusAcquisitionGranted', '2026-07-20', { status: 'dependent', periodExpiresOn: '2027-07-20', card: card('DP40000001AA') });
  return life.events;
}

/** Taken over mid-period with an extension pending; the period ends on Saturday 2027-06-26 and is met on Monday. */
function takenOver(): RecordedEvent[] {
  const life = new ResidentLife('1990-03-03', 'taken-over');
  life.record('ExistingStatusRecorded', '2026-12-01', {
    status: 'engineer_humanities_international',
    grantedOn: '2024-06-27',
    periodExpiresOn: '2027-06-26',
    card: card('EN50000001AA'),
  });
  life.record('ExtensionApplied', '2027-06-28');
  life.record('CardLost', '2027-07-01');
  return life.events;
}

/** mulberry32, as the benchmark's generator seeds its caseload. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Fact = Pick<RecordedEvent, 'type' | 'occurredOn' | 'data'>;
const fact = (type: string, occurredOn: LocalDate, data: object = {}) => ({ type, occurredOn, data }) as Fact;

/** A small copy of bench/lifecycle-generator.ts: the same three kinds of life, 20 events each. */
function generatedLives(count: number, seed: number): RecordedEvent[][] {
  const random = seeded(seed);
  const lives: RecordedEvent[][] = [];
  for (let i = 0; i < count; i++) {
    const landing = addDays(d('2019-04-01'), Math.floor(random() * 365 * 4));
    let serial = 0;
    const withCard = () => ({ number: `GL${String(i).padStart(7, '0')}${serial++}ZL` });
    const facts: Fact[] = [];
    const template = random();
    if (template < 0.6) {
      const period1 = addDays(addYears(landing, 1), -1);
      const period2 = addYears(period1, 1);
      facts.push(
        fact('Landed', landing, { status: 'specified_skilled_worker_1', periodExpiresOn: period1, card: withCard() }),
        fact('Moved', addDays(landing, 3), { address: 'Aichi' }),
        fact('ResidenceNotified', addDays(landing, 8), { address: 'Aichi' }),
        fact('AffiliationChanged', addDays(landing, 150), { kind: 'contract', change: 'contract_ended' }),
        fact('AffiliationNotified', addDays(landing, 156)),
        fact('AffiliationChanged', addDays(landing, 190), { kind: 'contract', change: 'new_contract' }),
        fact('AffiliationNotified', addDays(landing, 196)),
        fact('ExtensionApplied', addDays(period1, -60)),
        fact('ExtensionGranted', addDays(period1, -20), { periodExpiresOn: period2, card: withCard() }),
        fact('CardLost', addDays(period1, 40)),
        fact('CardIssued', addDays(period1, 48), { card: withCard(), reason: 'loss_reissue' }),
        fact('Departed', addDays(period1, 100), { reentry: 'deemed' }),
        fact('Reentered', addDays(period1, 130)),
        fact('ExtensionApplied', addDays(period2, -50)),
        fact('ExtensionGranted', addDays(period2, -10), {
          periodExpiresOn: addYears(period2, addDays(period2, -10) >= '2025-09-30' ? 3 : 1),
          card: withCard(),
        }),
      );
    } else if (template < 0.85) {
      const period1 = addDays(addYears(landing, 2), 29);
      facts.push(
        fact('Landed', landing, { status: 'student', periodExpiresOn: period1, card: withCard() }),
        fact('ExtraActivityPermitted', landing, { scope: 'comprehensive' }),
        fact('Moved', addDays(landing, 2), { address: 'Fukuoka' }),
        fact('ResidenceNotified', addDays(landing, 7), { address: 'Fukuoka' }),
        fact('AffiliationChanged', addDays(period1, -40), { kind: 'activity', change: 'left' }),
        fact('StatusChangeApplied', addDays(period1, -35), { toStatus: 'engineer_humanities_international' }),
        fact('AffiliationNotified', addDays(period1, -30)),
        fact('StatusChangeGranted', addDays(period1, 20), {
          status: 'engineer_humanities_international',
          periodExpiresOn: addYears(addDays(period1, 20), 3),
          card: withCard(),
        }),
      );
    } else {
      const period1 = addYears(landing, 3);
      facts.push(
        fact('Landed', landing, { status: 'spouse_of_japanese', periodExpiresOn: period1, card: withCard() }),
        fact('Moved', addDays(landing, 5), { address: 'Osaka' }),
        fact('ResidenceNotified', addDays(landing, 9), { address: 'Osaka' }),
        fact('PermanentResidenceApplied', addDays(landing, 400)),
        fact('PermanentResidenceGranted', addDays(landing, 700), { card: withCard() }),
        fact('Departed', addDays(landing, 800), { reentry: 'deemed' }),
        fact('Reentered', addDays(landing, 900)),
      );
    }
    let day = addDays(facts.at(-1)!.occurredOn, 10);
    while (facts.length < 19) {
      facts.push(fact('Moved', day, { address: `Block ${facts.length}` }));
      if (facts.length < 19) facts.push(fact('ResidenceNotified', addDays(day, 5), { address: `Block ${facts.length - 1}` }));
      day = addDays(day, 30);
    }
    const registration = fact('ResidentRegistered', d('2026-11-23'), {
      residentId: `generated-${i}`,
      fullName: `NGUYEN AN ${i}`,
      dateOfBirth: addDays(d('1985-01-01'), Math.floor(random() * 365 * 15)),
      nationality: 'VNM',
    });
    lives.push(stream([registration, ...facts]));
  }
  return lives;
}

/** Facts as a stream holds them: versions in recording order, ids e1, e2, … */
function stream(facts: readonly Fact[]): RecordedEvent[] {
  return facts.map((fact, index) => ({ ...fact, eventId: `e${index + 1}`, version: index + 1 }) as RecordedEvent);
}

const recordedLives = [
  specifiedSkilledWorker().events,
  studentToEngineer().events,
  permanentResidentWhoseTripLapses().events,
  internToSsw(),
  newborn(),
  takenOver(),
];

// ---- Histories the decider never saw: any facts, any order, retracted, corrected, cut short.

const anyDay = fc.integer({ min: 0, max: 365 * 12 }).map((offset) => addDays(d('2019-01-01'), offset));
const anyExtraFact = fc.tuple(fc.integer({ min: 0, max: 11 }), anyDay, fc.nat(99)).map(([kind, day, n]): Fact => {
  const later = addYears(day, 1 + (n % 3));
  return [
    fact('Moved', day, { address: `Extra ${n}` }),
    fact('ResidenceNotified', day, { address: `Extra ${n}` }),
    fact('Departed', day, n % 2 === 0 ? { reentry: 'deemed' } : { reentry: 'permit', permitExpiresOn: later }),
    fact('Reentered', day),
    fact('CardLost', day),
    fact('CardIssued', day, { card: card(`XC${String(n).padStart(8, '0')}AA`), reason: 'loss_reissue' }),
    fact('ExtensionApplied', day),
    fact('ExtensionGranted', day, { periodExpiresOn: later, card: card(`XG${String(n).padStart(8, '0')}AA`) }),
    fact('ExtensionDenied', day),
    fact('StatusRevoked', day, n % 2 === 0 ? {} : { departureBy: addDays(day, 30) }),
    fact('CaseClosed', day, { reason: 'moved_away' }),
    fact('CaseReopened', day),
  ][kind]!;
});

const anyHistory = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(...recordedLives),
      fc.integer({ min: 0, max: 1_000_000 }).map((seed) => generatedLives(1, seed)[0]!),
    ),
    fc.array(anyExtraFact, { maxLength: 8 }),
    fc.array(fc.nat(), { maxLength: 4 }),
    fc.boolean(),
    fc.integer({ min: 0, max: 40 }),
    fc.infiniteStream(fc.nat()),
  )
  .map(([life, extra, retractions, correct, keep, order]) => {
    const [registration, ...facts] = life;
    const shuffled: Fact[] = [...facts.slice(0, Math.max(1, keep)), ...extra];
    for (let i = shuffled.length - 1; i > 0; i--) {
      if (order.next().value % 3 !== 0) continue;
      const j = order.next().value % (i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    if (correct) shuffled.push(fact('DetailsCorrected', d('2026-12-01'), { fields: { fullName: 'ANH' }, reason: 'typo' }));
    const events = stream([registration!, ...shuffled]);
    for (const pick of retractions) {
      const target = events[1 + (pick % (events.length - 1))]!;
      events.push(fact('EventRetracted', d('2026-12-15'), { eventId: target.eventId, reason: 'typo' }) as RecordedEvent);
      Object.assign(events.at(-1)!, { eventId: `r${events.length}`, version: events.length });
    }
    return events;
  });

describe('foldWithTimeline: one pass gives what foldResident and the timeline walk gave', () => {
  test('600 generated lives (the benchmark generator, 20 events each): the same state and timeline', () => {
    for (const events of generatedLives(600, 20261206)) {
      const { state, timeline } = foldWithTimeline(events);
      expect(state).toEqual(foldResident(events, END_OF_TIME));
      expect(timeline).toEqual(timelineBefore(events));
    }
  });

  test('lives recorded through the decider (SSW, student, permanent, newborn, take-over): the same state and timeline', () => {
    for (const events of recordedLives) {
      expect(outcome(() => foldWithTimeline(events))).toEqual(before(events));
      expect(statusTimeline(events)).toEqual(timelineBefore(events));
    }
  });

  test('any history (facts in any order and on any day, retracted, corrected, cut short): the same answer or the same error', () => {
    let folded = 0;
    fc.assert(
      fc.property(anyHistory, (events) => {
        const expected = before(events);
        if (expected.ok) folded++;
        expect(outcome(() => foldWithTimeline(events))).toEqual(expected);
        const timelineOnly = (walk: typeof statusTimeline) => outcome(() => ({ state: INITIAL_STATE, timeline: walk(events) }));
        expect(timelineOnly(statusTimeline)).toEqual(timelineOnly(timelineBefore));
        // The timeline kept with a fold walks the same days.
        if (expected.ok) expect(ResidentFold.of(events).statusTimeline()).toEqual(expected.timeline);
      }),
      { numRuns: 600, seed: 20261206 },
    );
    // Most histories fold: the comparison is not only of errors.
    expect(folded).toBeGreaterThan(400);
  });

  test('a stored event the fold cannot read fails the one pass with the fold’s own error', () => {
    const events = specifiedSkilledWorker().events.map((event) =>
      event.type === 'ExtensionGranted' ? ({ ...event, data: { ...event.data, periodExpiresOn: 'never' } } as RecordedEvent) : event,
    );
    const expected = before(events);
    expect(expected.ok).toBe(false);
    expect(outcome(() => foldWithTimeline(events))).toEqual(expected);
  });
});
