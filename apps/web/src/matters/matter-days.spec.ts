import { describe, expect, test } from '@jest/globals';
import { daysPending, nextDeadline } from './matter-days';

describe('a matter’s days', () => {
  test('counts from the acceptance until filed, then from the filing (across a month end)', () => {
    expect(daysPending({ acceptedOn: '2026-01-20', filing: null }, '2026-02-02')).toBe(13);
    expect(daysPending({ acceptedOn: '2026-01-20', filing: { filedOn: '2026-01-31' } }, '2026-03-01')).toBe(29);
  });

  test('a matter accepted later than the day asked about is not negative', () => {
    expect(daysPending({ acceptedOn: '2026-05-01', filing: null }, '2026-04-30')).toBe(0);
  });

  test('the next deadline is the earliest of the office’s request and the documents still due', () => {
    const missing = [{ dueOn: '2026-06-10' }, { dueOn: null }, { dueOn: '2026-06-03' }];
    expect(nextDeadline({ nextRequestDueOn: '2026-06-05', missing })).toBe('2026-06-03');
    expect(nextDeadline({ nextRequestDueOn: '2026-06-01', missing })).toBe('2026-06-01');
    expect(nextDeadline({ nextRequestDueOn: null, missing: [{ dueOn: null }] })).toBeNull();
  });
});
