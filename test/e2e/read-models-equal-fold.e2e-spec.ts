/**
 * The invariant the read side rests on: for random lives (bench/lifecycle-generator.ts, each
 * fact passed through the decider), the caseload deadline list, the card registry (whose card
 * a number is) and card look-up, and the resident list answer, as of random dates, exactly
 * what folding each resident's own stream answers (libs/domain: statusAsOf, deadlinesAsOf,
 * residentAsOf).
 * fast-check with a fixed seed and a small size, so it runs in seconds and fails the same way.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  addDays,
  cardViewAsOf,
  deadlinesAsOf,
  END_OF_TIME,
  residentAsOf,
  statusAsOf,
  type LocalDate,
  type RecordedEvent,
} from '@zairyu/domain';
import { residentStream, toRecordedEvents } from '@zairyu/resident-streams';
import { generateResidents } from '../../bench/lifecycle-generator.js';
import { ResidentLife } from '../../libs/domain/src/testing/resident-life.js';
import { appendLife } from '../../libs/read-model/src/testing/append-life.js';
import { Api } from '../support/api-harness.js';

let api: Api;
beforeAll(async () => {
  api = await Api.start();
});
afterAll(async () => {
  await api.close();
});

const NEEDS_ACTION = new Set(['open', 'overdue']);
let run = 0;

/** Writes the generated lives for a fresh organisation; returns its viewer key and the stored histories. */
async function caseload(seed: number, residents: number, eventsPerResident: number) {
  const org = await api.organisation(`Property run ${++run}`);
  const histories = new Map<string, RecordedEvent[]>();
  for (const generated of generateResidents(residents, eventsPerResident, seed)) {
    const life = new ResidentLife(generated.registration.dateOfBirth, generated.residentId);
    for (const fact of generated.facts) life.record(fact.type, fact.occurredOn, fact.data);
    const id = await appendLife(api.runtime.store, org.organisationId, life.events);
    histories.set(id, toRecordedEvents(await api.runtime.store.readStream(residentStream(id))));
  }
  const takeOver = takeOverLife(seed);
  const id = await appendLife(api.runtime.store, org.organisationId, takeOver.life.events);
  histories.set(id, toRecordedEvents(await api.runtime.store.readStream(residentStream(id))));
  return { org, histories, takeOverDays: takeOver.days };
}

/**
 * A resident taken over (docs/domain-rules.md §8): the facts hold from the grant, 200 days before
 * the take-over; a move soon after the grant (its notice fell due before the take-over) and a card
 * lost the day before it are recorded after the take-over.
 */
function takeOverLife(seed: number) {
  const grantedOn = addDays('2019-01-01' as LocalDate, seed % 1000);
  const takenOverOn = addDays(grantedOn, 200);
  const life = new ResidentLife('1990-02-14');
  const serial = String(seed % 100_000_000).padStart(8, '0');
  life.record('ExistingStatusRecorded', takenOverOn, {
    status: 'engineer_humanities_international',
    grantedOn,
    periodExpiresOn: addDays(grantedOn, 365 * 3),
    card: { number: `TK${serial}ZZ` },
  });
  life.record('Moved', addDays(grantedOn, 30), { address: 'Nagoya' });
  life.record('CardLost', addDays(takenOverOn, -1));
  life.record('CardIssued', addDays(takenOverOn, 10), { card: { number: `TL${serial}ZZ` }, reason: 'loss_reissue' });
  return { life, days: [addDays(grantedOn, -1), grantedOn, addDays(grantedOn, 44), addDays(takenOverOn, -1), takenOverOn] };
}

async function get(token: string, path: string) {
  return (await api.http.get(path).auth(token, { type: 'bearer' }).expect(200)).body;
}

const deadlineFields = (d: Record<string, unknown>) =>
  [
    d['residentId'],
    d['id'],
    d['kind'],
    d['state'],
    d['opensOn'],
    d['statutoryDueOn'],
    d['dueOn'],
    d['metOn'],
    d['owedBy'],
    d['employer'],
  ].join(' ');

async function compareAsOf(token: string, organisationId: string, histories: Map<string, RecordedEvent[]>, asOf: LocalDate) {
  // The caseload deadline list.
  const listed = await get(token, `/v1/deadlines?asOf=${asOf}&pageSize=200`);
  expect(listed.total).toBe(listed.items.length);
  const folded = [...histories].flatMap(([id, events]) => deadlinesAsOf(events, asOf).map((d) => ({ ...d, residentId: id })));
  expect(listed.items.map(deadlineFields).sort()).toEqual(folded.map(deadlineFields).sort());

  // The resident list: status and next deadline.
  const residents = await get(token, `/v1/residents?asOf=${asOf}&pageSize=200`);
  expect(residents.items).toHaveLength(histories.size);
  for (const item of residents.items) {
    const events = histories.get(item.id)!;
    expect(item.status).toEqual(JSON.parse(JSON.stringify(statusAsOf(events, asOf))));
    const next = deadlinesAsOf(events, asOf).find((d) => NEEDS_ACTION.has(d.state));
    expect(item.nextDeadline).toEqual(next === undefined ? null : JSON.parse(JSON.stringify({ ...next, residentId: item.id })));
  }

  // The card registry: whose card each number is, every number a resident has held (whenever issued), by its keyed hash.
  const { rows } = await api.runtime.pool.query(
    'SELECT card_number, resident_id FROM read_model.card_registry WHERE organisation_id = $1',
    [organisationId],
  );
  const held = [...histories].flatMap(([id, events]) =>
    residentAsOf(events, END_OF_TIME).cards.map((card) => ({ number: card.number, id })),
  );
  const hashed = (number: string) => api.runtime.readModelSeal.hash(organisationId, number);
  expect(rows.map((r) => `${r.card_number} ${r.resident_id}`).sort()).toEqual(
    [...new Set(held.map((h) => `${hashed(h.number)} ${h.id}`))].sort(),
  );

  // The card look-up as of the date: each card issued by then, in its state then; any other number held is not found yet.
  const foldedCards = [...histories].flatMap(([id, events]) => {
    const state = residentAsOf(events, asOf);
    return state.cards
      .filter((card) => card.heldFrom <= asOf)
      .map((card) => ({ id, card, current: card === state.cards.at(-1), status: statusAsOf(events, asOf) }));
  });
  const issuedByThen = new Set(foldedCards.map(({ card }) => card.number));
  for (const { number } of held) {
    if (!issuedByThen.has(number)) await api.http.get(`/v1/cards/${number}?asOf=${asOf}`).auth(token, { type: 'bearer' }).expect(404);
  }
  for (const { id, card, current, status } of foldedCards) {
    const lookedUp = await get(token, `/v1/cards/${card.number}?asOf=${asOf}`);
    expect(lookedUp).toMatchObject({ residentId: id, state: cardViewAsOf(card, asOf).state, issuedOn: card.issuedOn });
    if (current) expect(lookedUp.state).toBe(status.card.state);
  }
}

describe('read models equal the per-resident fold as of any date (property, fixed seed)', () => {
  test('caseload deadlines, card registry and look-up, resident list', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 8, max: 22 }),
        fc.array(fc.integer({ min: 0, max: 365 * 10 }), { minLength: 2, maxLength: 2 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: -1, max: 1 })), { minLength: 3, maxLength: 3 }),
        async (seed, eventsPerResident, calendarDays, factDays) => {
          const { org, histories, takeOverDays } = await caseload(seed, 3, eventsPerResident);
          const factDates = [...histories.values()].flat().map((event) => event.occurredOn);
          const dates = [
            ...calendarDays.map((days) => addDays('2019-01-01' as LocalDate, days)),
            // The days around a fact are where states change: hit them on purpose.
            ...factDays.map(([pick, shift]) => addDays(factDates[pick % factDates.length]!, shift)),
            // Before, between and at the take-over's two dates.
            ...takeOverDays,
          ];
          for (const asOf of dates) await compareAsOf(org.viewer, org.organisationId, histories, asOf);
        },
      ),
      { seed: 20261201, numRuns: 3, endOnFailure: true },
    );
  }, 300_000);
});
