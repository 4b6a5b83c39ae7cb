/**
 * Set-wide uniqueness (a card number belongs to one resident of an organisation): a
 * reservation stream per value. A claim is not written on its own: `planClaim` says what to
 * append to the reservation stream, and the caller appends it in the same atomic write as
 * the fact that needs the value (`appendToStreams`). So a claim never outlives a failed fact.
 *
 * The reservation on file counts only while its owner holds the value by its own record
 * (`holds`): a claim whose fact was retracted, or a claim orphaned before claims and facts
 * were written together, is free. Freeing never needs a write of its own; taking a value
 * over is an append with the reservation's exact version, so of two claimants one wins and
 * the other's whole write is refused.
 */
import { newEventId } from './event-id.js';
import type { EventMetadata, EventStore, StreamAppend } from './event-store.js';

export const RESERVATION_CLAIMED = 'ReservationClaimed';

export interface ClaimRequest {
  stream: string;
  owner: string;
  occurredOn: string;
  metadata: EventMetadata;
  /** Does `holder` (the owner on file, or the claimant itself) hold the value by its own record? */
  holds: (holder: string) => Promise<boolean>;
}

/** `write: null`: the claimant already holds the value, nothing to append. */
export type ClaimPlan = { taken: false; write: StreamAppend | null } | { taken: true; owner: string };

/** Only reads: `store` may be a view that serves streams read beforehand (a batch of claims). */
export async function planClaim(store: Pick<EventStore, 'readStream'>, request: ClaimRequest): Promise<ClaimPlan> {
  const reservation = await store.readStream(request.stream);
  const last = reservation.at(-1);
  const owner = (last?.data as { owner?: unknown } | undefined)?.owner;
  if (typeof owner === 'string' && (await request.holds(owner))) {
    return owner === request.owner ? { taken: false, write: null } : { taken: true, owner };
  }
  return {
    taken: false,
    write: {
      streamId: request.stream,
      events: [
        {
          eventId: newEventId(),
          type: RESERVATION_CLAIMED,
          occurredOn: request.occurredOn,
          data: { owner: request.owner },
          metadata: request.metadata,
        },
      ],
      expected: last ? last.version : 'no_stream',
    },
  };
}
