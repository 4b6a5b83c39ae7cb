import { describe, expect, test } from '@jest/globals';
import { newEventId } from './event-id.js';

describe('newEventId', () => {
  test('is a UUIDv7 whose first 48 bits are the time in milliseconds', () => {
    // 2026-12-06T00:00:00.000Z = 1,796,515,200,000 ms = 0x01a2_48a6_7c00.
    const id = newEventId(Date.UTC(2026, 11, 6));
    expect(Date.UTC(2026, 11, 6)).toBe(0x01a2_48a6_7c00);
    expect(id).toMatch(/^01a248a6-7c00-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test('ids of a later millisecond sort after ids of an earlier one, as text and as uuid bytes', () => {
    const earlier = Array.from({ length: 50 }, () => newEventId(1_796_515_200_000));
    const later = Array.from({ length: 50 }, () => newEventId(1_796_515_200_001));
    expect(earlier.every((a) => later.every((b) => a < b))).toBe(true);
  });

  test('ids of one millisecond differ (74 random bits)', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newEventId(1_796_515_200_000)));
    expect(ids.size).toBe(10_000);
  });
});
