/**
 * Within an organisation a card number belongs to one resident (docs/api-v1.md "card objects").
 * A resident holds a number while a fact of its own record, not retracted, carries it; the
 * reservation stream (libs/event-store reservations.ts) settles races between residents, and
 * its claim is appended in the same write as the fact (no claim outlives a refused fact).
 */
import { planClaim, type EventMetadata, type EventStore, type StoredEvent, type StreamAppend } from '@zairyu/event-store';
import type { LedgerEvent } from '@zairyu/domain';
import { cardReservationStream } from '@zairyu/resident-streams';
import { ResidentFailure } from './resident-failure.js';

function cardNumberOf(data: unknown): string | undefined {
  const number = (data as { card?: { number?: unknown } } | null)?.card?.number;
  return typeof number === 'string' ? number : undefined;
}

/** The card numbers a resident's record carries, retracted facts left out. */
export function cardNumbersHeld(stored: readonly StoredEvent[]): Set<string> {
  const retracted = new Set(
    stored.filter((event) => event.type === 'EventRetracted').map((event) => (event.data as { eventId?: string }).eventId),
  );
  const numbers = new Set<string>();
  for (const event of stored) {
    const number = cardNumberOf(event.data);
    if (number !== undefined && !retracted.has(event.eventId)) numbers.add(number);
  }
  return numbers;
}

/** The reservation streams the events' card numbers would claim (to read them at once for a batch). */
export function reservationsClaimed(organisationId: string, events: readonly { data: unknown }[]): string[] {
  return events.flatMap((event) => {
    const number = cardNumberOf(event.data);
    return number === undefined ? [] : [cardReservationStream(organisationId, number)];
  });
}

export interface CardClaimContext {
  /** Reads the reservation streams (the store, or streams read beforehand for a batch). */
  store: Pick<EventStore, 'readStream'>;
  organisationId: string;
  residentId: string;
  /** The claimant's record as the decision saw it. */
  stored: readonly StoredEvent[];
  metadata: EventMetadata;
  /** The record of another resident of the organisation (empty when there is none). */
  recordOf: (residentId: string) => Promise<readonly StoredEvent[]>;
}

/** The reservation writes the new events need; 409 CARD_NUMBER_IN_USE when another resident holds a number. */
export async function cardClaims(
  context: CardClaimContext,
  events: readonly { occurredOn: LedgerEvent['occurredOn']; data: unknown }[],
): Promise<StreamAppend[]> {
  const writes: StreamAppend[] = [];
  for (const event of events) {
    const number = cardNumberOf(event.data);
    if (number === undefined) continue;
    const plan = await planClaim(context.store, {
      stream: cardReservationStream(context.organisationId, number),
      owner: context.residentId,
      occurredOn: event.occurredOn,
      metadata: context.metadata,
      holds: async (holder) => cardNumbersHeld(holder === context.residentId ? context.stored : await context.recordOf(holder)).has(number),
    });
    if (plan.taken) {
      throw new ResidentFailure('CARD_NUMBER_IN_USE', `Card ${number} belongs to another resident of this organisation.`);
    }
    if (plan.write) writes.push(plan.write);
  }
  return writes;
}
