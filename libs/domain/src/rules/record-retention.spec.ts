import { describe, expect, it, test } from '@jest/globals';
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

describe('SSW support records: one year from the end of the 特定技能雇用契約 (特定技能基準省令2条1項: 終了の日から一年以上)', () => {
  test('support ended 2025-03-31 but the contract ran to Thu 2025-06-30: kept through 2026-06-30, erasable on 2026-07-01', () => {
    const events = [
      fact('SupportStarted', '2024-04-01', { employer: 'e' }),
      fact('AffiliationChanged', '2024-04-01', { kind: 'contract', change: 'new_contract', employer: 'e' }),
      fact('SupportEnded', '2025-03-31', { reason: 'self-support' }),
      fact('AffiliationChanged', '2025-06-30', { kind: 'contract', change: 'contract_ended', employer: 'e' }),
    ];
    expect(retentionHold(events, d('2026-06-30'))).toEqual({ rule: 'ssw_support_records', keepThrough: '2026-06-30' });
    expect(retentionHold(events, d('2026-07-01'))).toBeNull();
  });

  test('support ended while the contract of 2024-04-01 still runs: held without an end', () => {
    const events = [
      fact('SupportStarted', '2024-04-01', { employer: 'e' }),
      fact('AffiliationChanged', '2024-04-01', { kind: 'contract', change: 'new_contract', employer: 'e' }),
      fact('SupportEnded', '2025-03-31', { reason: 'self-support' }),
    ];
    expect(retentionHold(events, d('2030-01-01'))).toEqual({ rule: 'ssw_support_ongoing', keepThrough: null });
  });
});

describe('a scrivener office keeps its register 2 years (行政書士法9条2項: 帳簿閉鎖の時から二年間)', () => {
  const landed = () => fact('Landed', '2024-04-01', { status: 'student' });

  test('an open case of a scrivener office is held; a support organisation is not held by it', () => {
    expect(retentionHold([landed()], d('2030-01-01'), 'scrivener_office')).toEqual({ rule: 'scrivener_case_open', keepThrough: null });
    expect(retentionHold([landed()], d('2030-01-01'), 'support_organisation')).toBeNull();
  });

  test('case closed Tue 2026-03-31: kept through Fri 2028-03-31 (2 years, 民法143), erasable on 2028-04-01', () => {
    const events = [landed(), fact('CaseClosed', '2026-03-31', { reason: 'contract_ended' })];
    expect(retentionHold(events, d('2028-03-31'), 'scrivener_office')).toEqual({ rule: 'scrivener_register', keepThrough: '2028-03-31' });
    expect(retentionHold(events, d('2028-04-01'), 'scrivener_office')).toBeNull();
  });

  test('closed on the leap day 2024-02-29: kept through 2026-02-28; reopened, it is held again', () => {
    const closed = fact('CaseClosed', '2024-02-29', { reason: 'other' });
    expect(retentionHold([landed(), closed], d('2026-02-28'), 'scrivener_office')?.keepThrough).toBe('2026-02-28');
    expect(retentionHold([landed(), closed], d('2026-03-01'), 'scrivener_office')).toBeNull();
    const reopened = [landed(), closed, fact('CaseReopened', '2025-01-10')];
    expect(retentionHold(reopened, d('2030-01-01'), 'scrivener_office')?.rule).toBe('scrivener_case_open');
  });

  test('both rules: the longer hold answers (support records to 2026-06-30, register to 2027-05-31)', () => {
    const events = [
      fact('SupportStarted', '2024-04-01', { employer: 'e' }),
      fact('SupportEnded', '2025-06-30', { reason: 'r' }),
      fact('CaseClosed', '2025-05-31', { reason: 'other' }),
    ];
    expect(retentionHold(events, d('2026-01-01'), 'scrivener_office')).toEqual({ rule: 'scrivener_register', keepThrough: '2027-05-31' });
  });
});
