import { describe, expect, it } from '@jest/globals';
import { localDate as d } from '../calendar/local-date.js';
import type { RecordedEvent } from '../events/events.js';
import { retentionHold } from './record-retention.js';

let version = 0;
const fact = (type: string, occurredOn: string, data: Record<string, unknown> = {}) =>
  ({ type, occurredOn, data, eventId: `e${++version}`, version }) as unknown as RecordedEvent;

describe('records kept before an erasure: SSW support records one year after the contract ends (民法140, 143)', () => {
  it('nothing holds a resident who never had support', () => {
    expect(retentionHold([fact('Moved', '2025-04-01', { address: 'x' })], d('2026-12-01'))).toBeNull();
  });

  it('support still running holds the records with no end date', () => {
    expect(retentionHold([fact('SupportStarted', '2025-04-01', { employer: 'e' })], d('2030-01-01'))).toEqual({
      rule: 'ssw_support_ongoing',
      keepThrough: null,
    });
  });

  it('support ended 2025-03-31: kept through 2026-03-31, erasable on 2026-04-01', () => {
    const events = [fact('SupportStarted', '2024-04-01', { employer: 'e' }), fact('SupportEnded', '2025-03-31', { reason: 'r' })];
    expect(retentionHold(events, d('2026-03-31'))).toEqual({ rule: 'ssw_support_records', keepThrough: '2026-03-31' });
    expect(retentionHold(events, d('2026-04-01'))).toBeNull();
  });

  it('support ended on the leap day 2024-02-29: the year runs from 2024-03-01 to 2025-02-28, erasable on 2025-03-01', () => {
    const events = [fact('SupportStarted', '2023-04-01', { employer: 'e' }), fact('SupportEnded', '2024-02-29', { reason: 'r' })];
    expect(retentionHold(events, d('2025-02-28'))?.keepThrough).toBe('2025-02-28');
    expect(retentionHold(events, d('2025-03-01'))).toBeNull();
  });

  it('a retracted end leaves the support running; a later restart holds again', () => {
    const end = fact('SupportEnded', '2025-03-31', { reason: 'r' });
    const events = [
      fact('SupportStarted', '2024-04-01', { employer: 'e' }),
      end,
      fact('EventRetracted', '2025-04-02', { eventId: end.eventId, reason: 'typo' }),
    ];
    expect(retentionHold(events, d('2027-01-01'))?.rule).toBe('ssw_support_ongoing');
    const restarted = [
      fact('SupportStarted', '2024-04-01', { employer: 'e' }),
      fact('SupportEnded', '2025-03-31', { reason: 'r' }),
      fact('SupportStarted', '2025-06-01', { employer: 'f' }),
    ];
    expect(retentionHold(restarted, d('2027-01-01'))?.rule).toBe('ssw_support_ongoing');
  });
});
