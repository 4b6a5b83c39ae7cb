/** What the filings show of a worker: the fiscal year runs 1 April – 31 March, per employer. */
import { describe, expect, test } from '@jest/globals';
import { END_OF_TIME } from '../resident/advance.js';
import { foldResident } from '../resident/fold.js';
import { ResidentLife, card } from '../testing/resident-life.js';
import { annualReportWorker, employerOfFact, interviewRecord } from './filing-content.js';

const SSW1 = 'specified_skilled_worker_1';

function worker() {
  const life = new ResidentLife('1999-02-28', 'worker');
  life.record('Landed', '2025-04-01', {
    status: SSW1,
    periodExpiresOn: '2026-04-01',
    card: card('SW30000001AA'),
    designation: { field: 'food_service', employer: 'emp-A' },
  });
  life.record('ResidenceNotified', '2025-04-10', { address: '東京都新宿区西新宿2-8-1' });
  life.record('SupportStarted', '2025-04-01', { employer: 'emp-A' });
  return life;
}

const annual = (life: ResidentLife, employer: string, fiscalYear: number) =>
  annualReportWorker(foldResident(life.events, END_OF_TIME), life.events, employer, fiscalYear);

describe('the annual report line of one worker', () => {
  test('FY2025 holds the interviews of 2025-04-01 … 2026-03-31 with that employer; 2026-04-01 is FY2026', () => {
    const life = worker();
    life.record('SupportInterviewHeld', '2025-07-01', { with: 'worker', mode: 'in_person' });
    life.record('SupportInterviewHeld', '2026-03-31', { with: 'supervisor', mode: 'online', interpreter: 'ベトナム語' });
    life.record('SupportInterviewHeld', '2026-04-01', { with: 'worker', mode: 'in_person' });
    const fy2025 = annual(life, 'emp-A', 2025)!;
    expect(fy2025.worker).toMatchObject({
      fullName: 'NGUYEN VAN AN',
      nationality: 'VNM',
      dateOfBirth: '1999-02-28',
      cardNumber: 'SW30000001AA',
      address: '東京都新宿区西新宿2-8-1',
      field: '外食業',
    });
    expect(fy2025.employment).toEqual([{ from: '2025-04-01', to: null }]);
    expect(fy2025.support).toEqual([{ from: '2025-04-01', to: null }]);
    expect(fy2025.interviews.map((i) => [i.on, i.with, i.mode, i.interpreter])).toEqual([
      ['2025-07-01', 'worker', 'in_person', null],
      ['2026-03-31', 'supervisor', 'online', 'ベトナム語'],
    ]);
    expect(annual(life, 'emp-A', 2026)!.interviews.map((i) => i.on)).toEqual(['2026-04-01']);
  });

  test('a change of employer in the year: each employer reports its own months and interviews', () => {
    const life = worker();
    life.record('SupportInterviewHeld', '2025-06-30', { with: 'worker', mode: 'in_person' });
    life.record('AffiliationChanged', '2025-09-30', { kind: 'contract', change: 'contract_ended', employer: 'emp-A' });
    life.record('SupportEnded', '2025-09-30', { reason: '退職' });
    life.record('StatusChangeApplied', '2025-10-06', { toStatus: SSW1 });
    life.record('StatusChangeGranted', '2025-11-04', {
      status: SSW1,
      periodExpiresOn: '2026-11-04',
      card: card('SW30000002AA'),
      designation: { field: 'food_service', employer: 'emp-B' },
    });
    life.record('AffiliationChanged', '2025-11-05', { kind: 'contract', change: 'new_contract', employer: 'emp-B' });
    life.record('SupportStarted', '2025-11-05', { employer: 'emp-B' });
    life.record('SupportInterviewHeld', '2026-02-02', { with: 'worker', mode: 'in_person' });

    const a = annual(life, 'emp-A', 2025)!;
    expect(a.employment).toEqual([{ from: '2025-04-01', to: '2025-09-30' }]);
    expect(a.support).toEqual([{ from: '2025-04-01', to: '2025-09-30' }]);
    expect(a.interviews.map((i) => i.on)).toEqual(['2025-06-30']);
    const b = annual(life, 'emp-B', 2025)!;
    expect(b.employment[0]!.from).toBe('2025-11-04');
    expect(b.interviews.map((i) => i.on)).toEqual(['2026-02-02']);
    // The card the forms show is the latest one.
    expect(b.worker.cardNumber).toBe('SW30000002AA');
    // Not with emp-A in FY2026: no line.
    expect(annual(life, 'emp-A', 2026)).toBeNull();
  });

  test('an employer the worker never had: no line', () => {
    expect(annual(worker(), 'emp-Z', 2025)).toBeNull();
  });
});

describe('the employer a 随時届出 or a 面談記録 concerns', () => {
  test('a contract ended names its employer; an interview names the employer of the support on its day', () => {
    const life = worker();
    const interview = life.record('SupportInterviewHeld', '2025-06-30', {
      with: 'worker',
      mode: 'online',
      findings: '残業が多い',
      actions: '所属機関に確認',
    });
    const ended = life.record('AffiliationChanged', '2025-09-30', { kind: 'contract', change: 'contract_ended' });
    expect(employerOfFact(life.events, ended)).toBe('emp-A');
    expect(interviewRecord(life.events, interview)).toMatchObject({
      employer: 'emp-A',
      interview: { on: '2025-06-30', with: 'worker', mode: 'online', findings: '残業が多い', actions: '所属機関に確認' },
    });
    expect(interviewRecord(life.events, ended)).toBeNull();
  });
});
