/**
 * A resident's stream as the domain reads it: the stored envelope (position, metadata) left
 * behind, the fact with its identity and version kept. The store knows nothing of event
 * types, so this is where stored data becomes the domain's typed history.
 */
import type { RecordedEvent } from '@zairyu/domain';
import type { StoredEvent } from '@zairyu/event-store';
import { PERSONAL_DATA_ERASED } from './personal-data/erasure-event.js';

export function toRecordedEvents(stream: readonly StoredEvent[]): RecordedEvent[] {
  return stream
    .filter((event) => event.type !== PERSONAL_DATA_ERASED)
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
