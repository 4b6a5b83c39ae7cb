/**
 * Event ids for events whose id names nothing the caller chose (no idempotency key): UUIDv7
 * (RFC 9562 §5.7), the Unix time in milliseconds first, then 74 random bits.
 *
 * Why not a random (v4) id: `events.event_id` is unique, so every append inserts the id into a
 * B-tree. Random ids land on a random leaf each time, and after each checkpoint the first write
 * to a leaf logs the whole 8 KB page: once the index outgrows what one checkpoint interval
 * touches, nearly every append pays a page image for this index alone. Ids that grow with time
 * go to the right-most leaves, which stay in cache and are logged whole once per checkpoint.
 * Ids derived from an idempotency key (name-based) stay as they are: they must be reproducible.
 */
import { randomBytes } from 'node:crypto';

export function newEventId(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  // 48-bit big-endian milliseconds (good until the year 10889).
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // variant 10
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
