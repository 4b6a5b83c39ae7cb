/**
 * Set-wide uniqueness (a card number belongs to one resident of an organisation) without a
 * cross-stream transaction: a reservation stream per value, claimed by appending with
 * "no stream". Whoever appends first owns the value.
 *
 * A claim can be orphaned: the claimant crashed, or its own append was then refused, after
 * the reservation was written. So a refused claim asks `stillHeld` whether the owner really
 * holds the value; if not, it takes the reservation over with an exact expected version, so
 * that two rescuers cannot both win.
 */
import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventStore } from './event-store.js';
import { WrongExpectedVersionError } from './errors.js';

export const RESERVATION_CLAIMED = 'ReservationClaimed';

export type ClaimResult = { claimed: true } | { claimed: false; owner: string };

export interface ClaimRequest {
  stream: string;
  owner: string;
  occurredOn: string;
  metadata: EventMetadata;
  /** Does `owner` still hold the value? Called only for someone else's claim. */
  stillHeld: (owner: string) => Promise<boolean>;
}

const MAX_ATTEMPTS = 5;

export async function claim(store: EventStore, request: ClaimRequest): Promise<ClaimResult> {
  let expected: 'no_stream' | number = 'no_stream';
  for (let attempt = 1; ; attempt++) {
    try {
      await store.append(
        request.stream,
        [
          {
            eventId: randomUUID(),
            type: RESERVATION_CLAIMED,
            occurredOn: request.occurredOn,
            data: { owner: request.owner },
            metadata: request.metadata,
          },
        ],
        expected,
      );
      return { claimed: true };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError) || attempt >= MAX_ATTEMPTS) throw error;
      const history = await store.readStream(request.stream);
      const last = history.at(-1);
      const owner = (last?.data as { owner?: string } | undefined)?.owner;
      if (last === undefined || owner === undefined) continue;
      if (owner === request.owner) return { claimed: true };
      if (await request.stillHeld(owner)) return { claimed: false, owner };
      expected = last.version;
    }
  }
}
