/**
 * 手数料 by kind, channel and the day the application was received (施行令9条, amended with
 * effect from 2025-04-01): the amount follows the receipt, so an application received on
 * 2025-03-31 and granted in April still pays the old amount.
 */
import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { stampFees as feesOn, type FilingChannel } from './stamp-fees.js';
import type { MatterKind } from './matter-kinds.js';

const stampFees = (kind: MatterKind, channel: FilingChannel | null, receivedOn: string) => feesOn(kind, channel, receivedOn as LocalDate);

const yen = (answer: ReturnType<typeof stampFees>) => answer.stamps.map((stamp) => [stamp.variant, stamp.yen]);

describe('stamp fees', () => {
  test('extension received 2025-03-31 (the last day before the amendment): 4,000円 whatever the channel', () => {
    expect(yen(stampFees('extension', 'counter', '2025-03-31'))).toEqual([[null, 4000]]);
    expect(yen(stampFees('extension', 'online', '2025-03-31'))).toEqual([[null, 4000]]);
  });

  test('extension and change received 2025-04-01: 6,000円 at the counter, 5,500円 online', () => {
    expect(yen(stampFees('extension', 'counter', '2025-04-01'))).toEqual([[null, 6000]]);
    expect(yen(stampFees('extension', 'online', '2025-04-01'))).toEqual([[null, 5500]]);
    expect(yen(stampFees('status_change', 'counter', '2025-04-01'))).toEqual([[null, 6000]]);
    expect(yen(stampFees('status_change', 'online', '2025-04-01'))).toEqual([[null, 5500]]);
    expect(stampFees('status_change', 'online', '2025-04-01').basis).toContain('令和7年4月1日');
  });

  test('a paper filing by an agent (取次) and a channel not recorded pay the counter amount', () => {
    expect(yen(stampFees('extension', 'agent', '2026-12-06'))).toEqual([[null, 6000]]);
    expect(yen(stampFees('extension', null, '2026-12-06'))).toEqual([[null, 6000]]);
  });

  test('permanent residence: 8,000円 until 2025-03-31, 10,000円 from 2025-04-01, no online rate', () => {
    expect(yen(stampFees('permanent', 'counter', '2025-03-31'))).toEqual([[null, 8000]]);
    expect(yen(stampFees('permanent', 'counter', '2025-04-01'))).toEqual([[null, 10000]]);
    expect(yen(stampFees('permanent', 'online', '2025-04-01'))).toEqual([[null, 10000]]);
  });

  test('re-entry permit: single and multiple, 3,000/6,000円 before, 4,000/7,000円 (online 3,500/6,500円) after', () => {
    expect(yen(stampFees('reentry_permit', 'counter', '2025-03-31'))).toEqual([
      ['1回限り', 3000],
      ['数次', 6000],
    ]);
    expect(yen(stampFees('reentry_permit', 'online', '2025-04-01'))).toEqual([
      ['1回限り', 3500],
      ['数次', 6500],
    ]);
  });

  test('work qualification certificate: 1,200円 before, 2,000円 (online 1,600円) from 2025-04-01', () => {
    expect(yen(stampFees('work_qualification_certificate', 'counter', '2024-02-29'))).toEqual([[null, 1200]]);
    expect(yen(stampFees('work_qualification_certificate', 'online', '2025-04-01'))).toEqual([[null, 1600]]);
  });

  test('a certificate of eligibility, an acquisition and permission for other activity cost no stamp', () => {
    for (const kind of ['coe', 'status_acquisition', 'extra_activity'] as const)
      expect(stampFees(kind, 'counter', '2026-01-05').stamps).toEqual([]);
  });
});
