/**
 * What is still missing for an open matter, as the caseload's list shows it: the checklist items
 * still requested (who provides each, the day the office set), and the documents a 資料提出通知
 * since the filing still asks for (owed by the person, due on the day the notice gives).
 */
import type { LocalDate } from '../calendar/local-date.js';
import { residentAsOf } from '../as-of.js';
import type { RecordedEvent } from '../events/events.js';
import type { DocumentProvider } from './document-checklists.js';
import { matterProgress, type Matter } from './matter.js';

export interface MissingDocument {
  /** checklist: the office's checklist; bureau_request: a 資料提出通知 not yet answered. */
  source: 'checklist' | 'bureau_request';
  /** The checklist item's code; null for a notice's item (the notice words it). */
  code: string | null;
  label: string;
  providedBy: DocumentProvider;
  dueOn: LocalDate | null;
}

/** Nothing for a matter done (a result, or closed) as of `asOf`. */
export function missingDocuments(matter: Matter, residentFacts: readonly RecordedEvent[], asOf: LocalDate): MissingDocument[] {
  const progress = matterProgress(matter, residentFacts, asOf);
  if (progress.stage === 'done') return [];
  const listed: MissingDocument[] = progress.missing.map((item) => ({
    source: 'checklist',
    code: item.code,
    label: item.label,
    providedBy: item.providedBy,
    dueOn: item.dueOn,
  }));
  const filedOn = matter.filing?.filedOn;
  if (filedOn === undefined || filedOn > asOf) return listed;
  const asked = residentAsOf(residentFacts, asOf).deadlines.filter(
    (deadline) =>
      deadline.kind === 'additional_documents' &&
      deadline.createdOn >= filedOn &&
      deadline.voidOn === null &&
      (deadline.metOn === null || deadline.metOn > asOf),
  );
  const requested = asked.flatMap((deadline) => {
    const notice = residentFacts.find((fact) => fact.eventId === deadline.sourceEventId);
    const items = notice?.type === 'AdditionalDocumentsRequested' ? notice.data.items : [];
    return items.map((label): MissingDocument => ({
      source: 'bureau_request',
      code: null,
      label,
      providedBy: 'person',
      dueOn: deadline.dueOn,
    }));
  });
  return [...listed, ...requested];
}
