/**
 * A matter (案件) from engagement to result: the checklist from the catalogue, the filing linked to
 * the resident's `…Applied` fact, and the stage read from both streams' facts.
 */
import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { ResidentLife, card } from '../testing/resident-life.js';
import type { MatterEvent, RecordedMatterEvent } from './matter-events.js';
import {
  acceptMatter,
  closeMatter,
  decideMatter,
  fileMatter,
  foldMatter,
  matterProgress,
  updateChecklistItem,
  type Matter,
  type MatterDecision,
} from './matter.js';

class MatterLife {
  readonly events: RecordedMatterEvent[] = [];
  apply(decision: MatterDecision): void {
    if (!decision.ok) throw new Error(`${decision.code}: ${decision.detail}`);
    for (const event of decision.events as MatterEvent[])
      this.events.push({ ...event, eventId: `m${this.events.length + 1}`, version: this.events.length + 1 } as RecordedMatterEvent);
  }
  get matter(): Matter {
    return foldMatter(this.events)!;
  }
}

const EHI = 'engineer_humanities_international';

function extensionCase() {
  const resident = new ResidentLife();
  resident.record('Landed', '2025-06-01', { status: EHI, periodExpiresOn: '2026-06-01', card: card('AB12345678CD') });
  const matter = new MatterLife();
  matter.apply(
    acceptMatter({
      matterId: 'm-1',
      residentId: 'resident-1',
      kind: 'extension',
      feeYen: 55000,
      caseworker: 'user-1',
      acceptedOn: '2026-03-02' as LocalDate,
    }),
  );
  return { resident, matter };
}

const stage = (c: ReturnType<typeof extensionCase>, asOf: string) => matterProgress(c.matter.matter, c.resident.events, asOf as LocalDate);

describe('a matter', () => {
  test('accepted with the catalogue checklist for its kind, every item requested, the resident the client', () => {
    const { matter } = extensionCase();
    expect(matter.matter).toMatchObject({
      kind: 'extension',
      feeYen: 55000,
      caseworker: 'user-1',
      acceptedOn: '2026-03-02',
      client: { kind: 'resident' },
    });
    expect(matter.matter.checklist.map((item) => [item.code, item.state, item.providedBy])).toEqual([
      ['application_form', 'requested', 'office'],
      ['photo', 'requested', 'person'],
      ['passport_and_card', 'requested', 'person'],
      ['employer_category_proof', 'requested', 'employer'],
      ['tax_certificates', 'requested', 'person'],
    ]);
  });

  test('checklist: received, not applicable, a due day; an unknown item needs a label to be added', () => {
    const c = extensionCase();
    c.matter.apply(updateChecklistItem(c.matter.matter, '2026-03-05' as LocalDate, { code: 'photo', state: 'received' }));
    c.matter.apply(
      updateChecklistItem(c.matter.matter, '2026-03-05' as LocalDate, {
        code: 'tax_certificates',
        state: 'requested',
        dueOn: '2026-03-20' as LocalDate,
      }),
    );
    c.matter.apply(
      updateChecklistItem(c.matter.matter, '2026-03-05' as LocalDate, { code: 'employer_category_proof', state: 'not_applicable' }),
    );
    expect(updateChecklistItem(c.matter.matter, '2026-03-05' as LocalDate, { code: 'marriage', state: 'requested' })).toMatchObject({
      ok: false,
      code: 'UNKNOWN_CHECKLIST_ITEM',
    });
    c.matter.apply(
      updateChecklistItem(c.matter.matter, '2026-03-05' as LocalDate, { code: 'marriage', label: '婚姻証明書', state: 'requested' }),
    );
    expect(stage(c, '2026-03-06').missing.map((item) => [item.code, item.dueOn])).toEqual([
      ['application_form', null],
      ['passport_and_card', null],
      ['tax_certificates', '2026-03-20'],
      ['marriage', null],
    ]);
    expect(stage(c, '2026-03-06').stage).toBe('collecting');
  });

  test('filing linked to ExtensionApplied takes its 受付番号 and channel; another fact is refused', () => {
    const c = extensionCase();
    const applied = c.resident.record('ExtensionApplied', '2026-04-01', { receiptNumber: '東京2026-001', channel: 'agent' });
    const application = c.resident.events.find((event) => event.eventId === applied)!;
    const landed = c.resident.events.find((event) => event.type === 'Landed')!;
    expect(fileMatter(c.matter.matter, '2026-04-01' as LocalDate, {}, landed)).toMatchObject({ ok: false, code: 'NOT_THE_APPLICATION' });
    c.matter.apply(fileMatter(c.matter.matter, '2026-04-01' as LocalDate, { bureau: '東京出入国在留管理局' }, application));
    expect(c.matter.matter.filing).toEqual({
      filedOn: '2026-04-01',
      applicationEventId: applied,
      bureau: '東京出入国在留管理局',
      receiptNumber: '東京2026-001',
      channel: 'agent',
    });
    expect(fileMatter(c.matter.matter, '2026-04-02' as LocalDate, {}, null)).toMatchObject({ ok: false, code: 'ALREADY_FILED' });
  });

  test('the stages: collecting → under review (filed 04-01) → documents requested (04-21, due 05-01) → awaiting the result (handed in 04-30) → done (granted 05-20)', () => {
    const c = extensionCase();
    expect(stage(c, '2026-03-31').stage).toBe('collecting');
    c.resident.record('ExtensionApplied', '2026-04-01', { receiptNumber: 'R-1' });
    c.matter.apply(fileMatter(c.matter.matter, '2026-04-01' as LocalDate, {}, c.resident.events.at(-1)!));
    expect(stage(c, '2026-04-10').stage).toBe('under_review');
    c.resident.record('AdditionalDocumentsRequested', '2026-04-21', {
      requestedOn: '2026-04-20',
      dueOn: '2026-05-01',
      items: ['課税証明書'],
    });
    expect(stage(c, '2026-04-22')).toMatchObject({ stage: 'documents_requested', nextRequestDueOn: '2026-05-01' });
    c.resident.record('AdditionalDocumentsSubmitted', '2026-04-30');
    expect(stage(c, '2026-04-30').stage).toBe('awaiting_result');
    expect(stage(c, '2026-04-25').stage).toBe('documents_requested');
    c.resident.record('ExtensionGranted', '2026-05-20', { periodExpiresOn: '2029-06-01', card: card('AB12345679CD') });
    expect(stage(c, '2026-05-20')).toMatchObject({ stage: 'done', result: { result: 'granted', on: '2026-05-20' } });
    expect(stage(c, '2026-05-19').stage).toBe('awaiting_result');
  });

  test('a 出頭通知 (appear 2026-04-24) and a 資料提出通知 (due 2026-05-01) open together: both listed, earliest first; attending leaves the notice', () => {
    const c = extensionCase();
    c.resident.record('ExtensionApplied', '2026-04-01', {});
    c.matter.apply(fileMatter(c.matter.matter, '2026-04-01' as LocalDate, {}, c.resident.events.at(-1)!));
    c.resident.record('AdditionalDocumentsRequested', '2026-04-20', {
      requestedOn: '2026-04-20',
      dueOn: '2026-05-01',
      items: ['在職証明書'],
    });
    c.resident.record('SummonsIssued', '2026-04-21', { issuedOn: '2026-04-21', appearOn: '2026-04-24' });
    expect(stage(c, '2026-04-22')).toMatchObject({
      stage: 'documents_requested',
      nextRequestDueOn: '2026-04-24',
      openRequests: [
        { kind: 'summons_appearance', dueOn: '2026-04-24' },
        { kind: 'additional_documents', dueOn: '2026-05-01' },
      ],
    });
    c.resident.record('SummonsAttended', '2026-04-24');
    expect(stage(c, '2026-04-24').openRequests).toEqual([{ kind: 'additional_documents', dueOn: '2026-05-01' }]);
    expect(stage(c, '2026-04-10').openRequests).toEqual([]);
  });

  test('a withdrawal is recorded on the matter; a closed matter takes nothing more', () => {
    const c = extensionCase();
    expect(decideMatter(c.matter.matter, '2026-03-10' as LocalDate, 'granted')).toMatchObject({ ok: false, code: 'NOT_FILED' });
    c.matter.apply(decideMatter(c.matter.matter, '2026-03-10' as LocalDate, 'withdrawn'));
    expect(stage(c, '2026-03-10')).toMatchObject({ stage: 'done', result: { result: 'withdrawn' } });
    c.matter.apply(closeMatter(c.matter.matter, '2026-03-11' as LocalDate));
    expect(updateChecklistItem(c.matter.matter, '2026-03-12' as LocalDate, { code: 'photo', state: 'received' })).toMatchObject({
      ok: false,
      code: 'MATTER_CLOSED',
    });
    expect(closeMatter(extensionCase().matter.matter, '2026-03-01' as LocalDate)).toMatchObject({ ok: false, code: 'BEFORE_ACCEPTANCE' });
  });
});
