/**
 * The caseload's missing documents for one matter: the checklist items still requested, and
 * what a 資料提出通知 since the filing still asks for, until it is handed in or the matter ends.
 */
import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { ResidentLife, card } from '../testing/resident-life.js';
import type { MatterEvent, RecordedMatterEvent } from './matter-events.js';
import { acceptMatter, fileMatter, foldMatter, updateChecklistItem, type Matter, type MatterDecision } from './matter.js';
import { missingDocuments } from './missing-documents.js';

function life() {
  const events: RecordedMatterEvent[] = [];
  const apply = (decision: MatterDecision) => {
    if (!decision.ok) throw new Error(decision.code);
    for (const event of decision.events as MatterEvent[])
      events.push({ ...event, eventId: `m${events.length + 1}`, version: events.length + 1 } as RecordedMatterEvent);
  };
  const matter = (): Matter => foldMatter(events)!;
  const resident = new ResidentLife();
  resident.record('Landed', '2025-06-01', {
    status: 'engineer_humanities_international',
    periodExpiresOn: '2026-06-01',
    card: card('AB12345678CD'),
  });
  apply(acceptMatter({ matterId: 'm', residentId: 'r', kind: 'extension', feeYen: 50000, acceptedOn: '2026-03-02' as LocalDate }));
  for (const code of ['application_form', 'photo', 'passport_and_card', 'employer_category_proof'])
    apply(updateChecklistItem(matter(), '2026-03-03' as LocalDate, { code, state: 'received' }));
  apply(
    updateChecklistItem(matter(), '2026-03-03' as LocalDate, {
      code: 'tax_certificates',
      state: 'requested',
      dueOn: '2026-03-31' as LocalDate,
    }),
  );
  return { apply, matter, resident };
}

const missing = (c: ReturnType<typeof life>, asOf: string) =>
  missingDocuments(c.matter(), c.resident.events, asOf as LocalDate).map((item) => [item.source, item.label, item.providedBy, item.dueOn]);

describe('missing documents', () => {
  test('before the filing: the checklist items still requested, with who provides each and the day set', () => {
    expect(missing(life(), '2026-03-10')).toEqual([['checklist', '住民税の課税(又は非課税)証明書及び納税証明書', 'person', '2026-03-31']]);
  });

  test('a notice of 2026-04-20 due 2026-04-30 adds its items, owed by the person, until the submission of 2026-04-28', () => {
    const c = life();
    c.apply(updateChecklistItem(c.matter(), '2026-03-20' as LocalDate, { code: 'tax_certificates', state: 'received' }));
    c.resident.record('ExtensionApplied', '2026-04-01', {});
    c.apply(fileMatter(c.matter(), '2026-04-01' as LocalDate, {}, c.resident.events.at(-1)!));
    c.resident.record('AdditionalDocumentsRequested', '2026-04-20', {
      requestedOn: '2026-04-20',
      dueOn: '2026-04-30',
      items: ['雇用契約書の写し', '在職証明書'],
    });
    expect(missing(c, '2026-04-19')).toEqual([]);
    expect(missing(c, '2026-04-20')).toEqual([
      ['bureau_request', '雇用契約書の写し', 'person', '2026-04-30'],
      ['bureau_request', '在職証明書', 'person', '2026-04-30'],
    ]);
    c.resident.record('AdditionalDocumentsSubmitted', '2026-04-28');
    expect(missing(c, '2026-04-27')).toHaveLength(2);
    expect(missing(c, '2026-04-28')).toEqual([]);
  });

  test('a granted matter misses nothing, even with an item left requested', () => {
    const c = life();
    c.resident.record('ExtensionApplied', '2026-04-01', {});
    c.apply(fileMatter(c.matter(), '2026-04-01' as LocalDate, {}, c.resident.events.at(-1)!));
    c.resident.record('ExtensionGranted', '2026-05-20', { periodExpiresOn: '2029-06-01', card: card('AB12345679CD') });
    expect(missing(c, '2026-05-19')).toHaveLength(1);
    expect(missing(c, '2026-05-20')).toEqual([]);
  });
});
