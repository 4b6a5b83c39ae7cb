/**
 * A resident's stream as the domain reads it: the stored envelope (position, metadata) left
 * behind, the fact with its identity and version kept. The store knows nothing of event
 * types, so this is where stored data becomes the domain's typed history.
 */
import type { RecordedEvent } from '@zairyu/domain';
import type { StoredEvent } from '@zairyu/event-store';
import { PERSONAL_DATA_ERASED } from './personal-data/erasure-event.js';
import { holdsSealedValue } from './personal-data/personal-fields.js';

/**
 * An event whose personal values are still sealed: it was read from the raw store, not through
 * the sealed one (sealed-event-store.ts) with the master key. Folded, a sealed date of birth
 * would reach the rules as an object; this says what is wrong instead.
 */
export class SealedEventError extends Error {
  constructor(event: StoredEvent) {
    super(
      `Event ${event.eventId} (${event.type}) of ${event.streamId} holds sealed personal values: read the log through the ` +
        'sealed event store, with the master key (ZAIRYU_MASTER_KEY or DATA_DIR/master-key), to fold or project it.',
    );
  }
}

export function toRecordedEvents(stream: readonly StoredEvent[]): RecordedEvent[] {
  return stream
    .filter((event) => event.type !== PERSONAL_DATA_ERASED)
    .map((event) => {
      if (holdsSealedValue(event.data)) throw new SealedEventError(event);
      return event;
    })
    .map(
      (event) =>
        ({
          type: event.type,
          occurredOn: event.occurredOn,
          data: event.data,
          eventId: event.eventId,
          version: event.version,
        }) as RecordedEvent,
    );
}
