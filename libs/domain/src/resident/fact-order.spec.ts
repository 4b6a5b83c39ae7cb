/**
 * The order of facts on one day (fact-order.ts): the specification. Facts of one day are folded
 * in the order things happen in life and at the counter, whatever order they were recorded in.
 */
import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { deadlinesAsOf } from '../deadlines.js';
import { EVENT_TYPES, type EventType, type RecordedEvent } from '../events/events.js';
import { statusAsOf } from '../status.js';
import { ResidentLife, card } from '../testing/resident-life.js';
import { SSW_SAME_DAY_RANK } from '../ssw/ssw-events.js';
import { SKILL_DEVELOPMENT_SAME_DAY_RANK } from '../skill-development/skill-development-events.js';
import { compareFacts } from './fact-order.js';

/** Groups in order; facts within a group keep their recording order. */
const SAME_DAY_ORDER: EventType[][] = [
  ['ResidentRegistered'],
  // Corrections of who the resident is, and a case reopened, come before any fact of the day.
  ['DetailsCorrected'],
  ['CaseReopened'],
  // A certificate of eligibility is issued before the landing it allows.
  ['CoeIssued'],
  // Arriving: born or landed (or taken over with a status already held), then back from a trip.
  ['ExistingStatusRecorded', 'BornInJapan', 'Landed'],
  ['Reentered'],
  // What happened in life that day.
  ['Moved', 'DetailsChanged', 'AffiliationChanged', 'SpouseRelationshipEnded', 'CardLost'],
  // Applications are filed before they are decided.
  ['ExtensionApplied', 'StatusChangeApplied', 'PermanentResidenceApplied', 'StatusAcquisitionApplied'],
  // The office asks during the review, is answered, then decides.
  ['AdditionalDocumentsRequested', 'SummonsIssued'],
  ['AdditionalDocumentsSubmitted', 'SummonsAttended'],
  [
    'ExtensionGranted',
    'ExtensionDenied',
    'StatusChangeGranted',
    'StatusChangeDenied',
    'PermanentResidenceGranted',
    'PermanentResidenceDenied',
    'StatusAcquisitionGranted',
  ],
  // A 資格外活動許可 granted with a change belongs to the new status.
  ['ExtraActivityPermitted'],
  // A card issued that day replaces the one a grant gave.
  ['CardIssued'],
  // Notifications answer what happened earlier that day.
  ['ResidenceNotified', 'AffiliationNotified', 'SpouseNotified', 'CardVerified'],
  ['StatusRevoked'],
  ['Departed'],
  ['Naturalised', 'Died'],
  // The card goes back last, after whatever ended the stay.
  ['CardSurrendered'],
  // The case is closed after everything else of its last day.
  ['CaseClosed'],
  // Who is in charge changes no legal fact of the day.
  ['CaseAssigned'],
  ['EventRetracted'],
];

const fact = (type: EventType, version: number) =>
  ({ type, occurredOn: '2026-04-01', data: {}, eventId: `e${version}`, version }) as unknown as RecordedEvent;

describe('same-day order of facts (fact-order.ts)', () => {
  test('every event type has its place (the SSW and 育成就労 facts are placed in their own event files)', () => {
    const ours = EVENT_TYPES.filter(
      (type) => !Object.hasOwn(SSW_SAME_DAY_RANK, type) && !Object.hasOwn(SKILL_DEVELOPMENT_SAME_DAY_RANK, type),
    );
    expect(SAME_DAY_ORDER.flat().sort()).toEqual([...ours].sort());
  });

  test('facts of one day recorded in reverse sort into the order above, ties by recording order', () => {
    const expected = SAME_DAY_ORDER.flat();
    // Recorded last-first: each group must still come out in its place, and within a group by version.
    const recorded = [...expected].reverse().map((type, index) => fact(type, index + 1));
    const sorted = [...recorded].sort(compareFacts);
    const groupOf = (type: EventType) => SAME_DAY_ORDER.findIndex((group) => group.includes(type));
    expect(sorted.map((event) => groupOf(event.type))).toEqual(expected.map(groupOf));
    for (let i = 1; i < sorted.length; i++) {
      if (groupOf(sorted[i]!.type) === groupOf(sorted[i - 1]!.type)) expect(sorted[i]!.version).toBeGreaterThan(sorted[i - 1]!.version);
    }
    // Each adjacent pair of groups is strictly ordered, in both directions of comparison.
    for (let g = 1; g < SAME_DAY_ORDER.length; g++) {
      const [before, after] = [fact(SAME_DAY_ORDER[g - 1]![0]!, 2), fact(SAME_DAY_ORDER[g]![0]!, 1)];
      expect([compareFacts(before, after) < 0, compareFacts(after, before) > 0]).toEqual([true, true]);
    }
  });

  test('an earlier day always comes first, whatever the type; registration opens the stream on any date', () => {
    const surrender = { ...fact('CardSurrendered', 1), occurredOn: '2026-03-31' } as RecordedEvent;
    expect(compareFacts(surrender, fact('BornInJapan', 2))).toBeLessThan(0);
    const registered = { ...fact('ResidentRegistered', 5), occurredOn: '2026-12-31' } as RecordedEvent;
    expect(compareFacts(registered, fact('Landed', 1))).toBeLessThan(0);
  });
});

describe('what the same-day order means for a resident (recorded out of order on 2026-04-01)', () => {
  test('a move and its notification on the landing day: the move follows the landing (owed) and the notice meets it', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-04-01', { status: 'student', periodExpiresOn: '2027-03-31', card: card('ST00000001AA') });
    life.record('ResidenceNotified', '2026-04-01', { address: 'Kyoto' });
    life.record('Moved', '2026-04-01', { address: 'Kyoto' });
    const kinds = deadlinesAsOf(life.events, '2026-04-01' as LocalDate).map((d) => `${d.kind}:${d.state}`);
    expect(kinds).toEqual(expect.arrayContaining(['residence_notification:met', 'residence_notification_90_day:met']));
  });

  test('a card lost and reissued the same day: the reissue meets the loss deadline and is the valid card', () => {
    const life = new ResidentLife();
    life.record('Landed', '2026-03-01', { status: 'student', periodExpiresOn: '2027-03-31', card: card('ST00000001AA') });
    life.record('CardIssued', '2026-04-01', { card: card('ST00000002AA'), reason: 'loss_reissue' });
    life.record('CardLost', '2026-04-01');
    expect(statusAsOf(life.events, '2026-04-01' as LocalDate).card).toMatchObject({ number: 'ST00000002AA', state: 'valid' });
    expect(deadlinesAsOf(life.events, '2026-04-01' as LocalDate).find((d) => d.kind === 'card_reissue_after_loss')?.state).toBe('met');
  });

  test('a 資格外活動許可 granted on the day of a change of status belongs to the new status', () => {
    const life = new ResidentLife();
    life.record('Landed', '2025-04-01', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2027-03-31',
      card: card('EN00000001AA'),
    });
    life.record('StatusChangeApplied', '2026-03-01', { toStatus: 'student' });
    life.record('ExtraActivityPermitted', '2026-04-01', { scope: 'comprehensive' });
    life.record('StatusChangeGranted', '2026-04-01', { status: 'student', periodExpiresOn: '2028-03-31', card: card('ST00000001AA') });
    expect(statusAsOf(life.events, '2026-04-01' as LocalDate).work).toEqual({ permission: 'not_permitted', extraActivityHoursPerWeek: 28 });
  });

  test('a card surrendered on the day of death is returned after the death: the surrender deadline is met', () => {
    const life = new ResidentLife();
    life.record('Landed', '2025-04-01', {
      status: 'engineer_humanities_international',
      periodExpiresOn: '2027-03-31',
      card: card('EN00000001AA'),
    });
    life.record('CardSurrendered', '2026-04-01');
    life.record('Died', '2026-04-01');
    expect(deadlinesAsOf(life.events, '2026-04-01' as LocalDate).find((d) => d.kind === 'card_surrender')?.state).toBe('met');
  });
});
