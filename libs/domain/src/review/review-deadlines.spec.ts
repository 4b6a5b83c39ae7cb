/**
 * 資料提出通知, 出頭通知 and 在留資格認定証明書: the deadlines they open, with dates worked out by hand.
 */
import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { deadlinesAsOf } from '../deadlines.js';
import { ResidentLife, card } from '../testing/resident-life.js';

const EHI = 'engineer_humanities_international';

function inJapan() {
  const life = new ResidentLife();
  life.record('Landed', '2025-06-01', { status: EHI, periodExpiresOn: '2026-06-01', card: card('AB12345678CD') });
  life.record('ResidenceNotified', '2025-06-05', { address: 'Tokyo' });
  life.record('ExtensionApplied', '2026-04-01', { receiptNumber: 'R-1', channel: 'online' });
  return life;
}

const ofKind = (life: ResidentLife, kind: string, asOf: string) =>
  deadlinesAsOf(life.events, asOf as LocalDate).filter((deadline) => deadline.kind === kind);

describe('資料提出通知 (additional_documents)', () => {
  test('a notice received 2026-04-21 asking for documents by 2026-05-01 is owed by the resident, due 2026-05-01', () => {
    const life = inJapan();
    life.record('AdditionalDocumentsRequested', '2026-04-21', {
      requestedOn: '2026-04-20',
      dueOn: '2026-05-01',
      items: ['課税証明書', '在職証明書'],
    });
    expect(ofKind(life, 'additional_documents', '2026-04-25')).toEqual([
      expect.objectContaining({ opensOn: null, dueOn: '2026-05-01', statutoryDueOn: '2026-05-01', state: 'open', owedBy: 'resident' }),
    ]);
    expect(ofKind(life, 'additional_documents', '2026-05-02')[0]!.state).toBe('overdue');
  });

  test('due on Sunday 2026-05-03 (憲法記念日; 05-04 to 05-06 are holidays too): it stays 2026-05-03, the office fixed the day', () => {
    const life = inJapan();
    life.record('AdditionalDocumentsRequested', '2026-04-20', { requestedOn: '2026-04-19', dueOn: '2026-05-03', items: ['課税証明書'] });
    const [deadline] = ofKind(life, 'additional_documents', '2026-05-04');
    // 行政機関の休日に関する法律2条 would have made it 2026-05-07; it covers only periods the law fixes.
    expect(deadline).toEqual(expect.objectContaining({ dueOn: '2026-05-03', statutoryDueOn: '2026-05-03', state: 'overdue' }));
  });

  test('handed in on 2026-04-30 it is met; handed in on 2026-05-02 it is met late', () => {
    const onTime = inJapan();
    onTime.record('AdditionalDocumentsRequested', '2026-04-21', { requestedOn: '2026-04-20', dueOn: '2026-05-01', items: ['課税証明書'] });
    onTime.record('AdditionalDocumentsSubmitted', '2026-04-30');
    expect(ofKind(onTime, 'additional_documents', '2026-06-01')[0]).toEqual(expect.objectContaining({ state: 'met', metOn: '2026-04-30' }));

    const late = inJapan();
    late.record('AdditionalDocumentsRequested', '2026-04-21', { requestedOn: '2026-04-20', dueOn: '2026-05-01', items: ['課税証明書'] });
    late.record('AdditionalDocumentsSubmitted', '2026-05-02');
    expect(ofKind(late, 'additional_documents', '2026-06-01')[0]).toEqual(
      expect.objectContaining({ state: 'met_late', metOn: '2026-05-02' }),
    );
  });

  test('a grant on 2026-04-28 voids a request still open: the review is over', () => {
    const life = inJapan();
    life.record('AdditionalDocumentsRequested', '2026-04-21', { requestedOn: '2026-04-20', dueOn: '2026-05-01', items: ['課税証明書'] });
    life.record('ExtensionGranted', '2026-04-28', { periodExpiresOn: '2029-06-01', card: card('AB12345679CD') });
    expect(ofKind(life, 'additional_documents', '2026-05-10')[0]!.state).toBe('void');
  });

  test('a due day before the day of the request, or no document named, is refused', () => {
    const life = inJapan();
    expect(
      life.refusal('AdditionalDocumentsRequested', '2026-04-21', { requestedOn: '2026-04-20', dueOn: '2026-04-19', items: ['x'] }),
    ).toBe('INVALID');
    expect(life.refusal('AdditionalDocumentsRequested', '2026-04-21', { requestedOn: '2026-04-20', dueOn: '2026-05-01', items: [] })).toBe(
      'INVALID',
    );
    expect(
      life.refusal('AdditionalDocumentsRequested', '2026-04-21', { requestedOn: '2026-04-22', dueOn: '2026-05-01', items: ['x'] }),
    ).toBe('INVALID');
  });
});

describe('出頭通知 (summons_appearance)', () => {
  test('summoned on 2026-04-22 to appear on 2026-05-12: due that day, met by attending', () => {
    const life = inJapan();
    life.record('SummonsIssued', '2026-04-23', { issuedOn: '2026-04-22', appearOn: '2026-05-12' });
    expect(ofKind(life, 'summons_appearance', '2026-05-01')[0]).toEqual(expect.objectContaining({ dueOn: '2026-05-12', state: 'open' }));
    life.record('SummonsAttended', '2026-05-12');
    expect(ofKind(life, 'summons_appearance', '2026-05-13')[0]).toEqual(expect.objectContaining({ state: 'met', metOn: '2026-05-12' }));
  });
});

describe('在留資格認定証明書 (coe_entry): 3 months from the day of issue, 民法140 and 143', () => {
  const coe = (issuedOn: string) => {
    const life = new ResidentLife();
    life.record('CoeIssued', issuedOn, { issuedOn, status: EHI });
    return life;
  };
  const lastDayToLand = (issuedOn: string) => ofKind(coe(issuedOn), 'coe_entry', issuedOn)[0]!.dueOn;

  test.each([
    // The day of issue is not counted: the period starts 04-11 and ends the day before 07-11.
    ['2026-04-10', '2026-07-10'],
    // From a month's last day: S = 02-01, three months on 05-01, so 04-30 (not 04-31, not 05-01).
    ['2026-01-31', '2026-04-30'],
    // S = 12-01, 03-01 the next year: the day before is 02-28 (2027 is a common year) ...
    ['2026-11-30', '2027-02-28'],
    // ... and 02-29 in the leap year 2028.
    ['2027-11-30', '2028-02-29'],
    // 2026-05-03 is a Sunday and 憲法記念日: the last day to land does not move.
    ['2026-02-03', '2026-05-03'],
  ])('issued %s: the last day to land is %s', (issuedOn, due) => {
    expect(lastDayToLand(issuedOn)).toBe(due);
  });

  test('landing on 2026-07-10, the last day, meets it; on 2026-07-11 it is met late', () => {
    const onTime = coe('2026-04-10');
    onTime.record('Landed', '2026-07-10', { status: EHI, periodExpiresOn: '2027-07-10', card: card('AB12345678CD') });
    expect(ofKind(onTime, 'coe_entry', '2026-08-01')[0]).toEqual(
      expect.objectContaining({ state: 'met', metOn: '2026-07-10', owedBy: 'resident' }),
    );

    const late = coe('2026-04-10');
    expect(ofKind(late, 'coe_entry', '2026-07-11')[0]!.state).toBe('overdue');
    late.record('Landed', '2026-07-11', { status: EHI, periodExpiresOn: '2027-07-11', card: card('AB12345678CD') });
    expect(ofKind(late, 'coe_entry', '2026-08-01')[0]!.state).toBe('met_late');
  });

  test('a second certificate replaces the first: its deadline is void, the new one counts', () => {
    const life = coe('2026-04-10');
    life.record('CoeIssued', '2026-08-03', { issuedOn: '2026-08-03', status: EHI });
    expect(ofKind(life, 'coe_entry', '2026-08-04').map((d) => [d.dueOn, d.state])).toEqual([
      ['2026-07-10', 'void'],
      ['2026-11-03', 'open'],
    ]);
  });
});
