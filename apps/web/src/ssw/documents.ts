/**
 * The employer's filings as Excel drafts (docs/ssw-duties.md §9): the annual report of one
 * employer and fiscal year, and the 随時届出 or 面談記録 a fact calls for. Saved under the
 * server's file name.
 */
import { api, ApiProblem, toProblem } from '../api/client';
import { fileNameOf } from '../imports/api';
import type { CaseloadDeadline } from '../board/api';
import { fiscalYearOf } from './deadline-facts';

/** The 随時届出 whose source fact the server drafts a form from. */
const NOTICE_KINDS = new Set(['ssw_contract_notification', 'ssw_support_contract_notification', 'ssw_acceptance_difficulty_notification']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An employer on record (not a name typed into a fact): the server drafts only for a record. */
export const isEmployerRecord = (employer: string | null | undefined): employer is string => !!employer && UUID.test(employer);

async function save(got: { data?: unknown; error?: unknown; response: Response }, fallback: string) {
  if (!got.response.ok || !(got.data instanceof Blob)) throw new ApiProblem(toProblem(got.error, got.response));
  const url = URL.createObjectURL(got.data);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileNameOf(got.response.headers.get('content-disposition'), fallback);
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

export async function saveAnnualReport(employerId: string, fiscalYear: number) {
  const got = await api.GET('/v1/employers/{id}/annual-report.xlsx', {
    params: { path: { id: employerId }, query: { fiscalYear } },
    parseAs: 'blob',
  });
  await save(got, `annual-report-FY${fiscalYear}.xlsx`);
}

export async function saveFactDocument(residentId: string, eventId: string, format: 'xlsx' | 'pdf' = 'xlsx') {
  const got = await api.GET('/v1/residents/{id}/events/{eventId}/document.{format}', {
    params: { path: { id: residentId, eventId, format } },
    parseAs: 'blob',
  });
  await save(got, `document.${format}`);
}

/** What a duty's row can hand over as a document, if anything (a 随時届出 also as PDF). */
export function documentOf(deadline: CaseloadDeadline, format: 'xlsx' | 'pdf' = 'xlsx'): (() => Promise<void>) | null {
  if (deadline.kind === 'ssw_annual_report') {
    if (format === 'pdf') return null;
    const year = fiscalYearOf(deadline);
    return year !== null && isEmployerRecord(deadline.employer) ? () => saveAnnualReport(deadline.employer!, year) : null;
  }
  if (NOTICE_KINDS.has(deadline.kind) && deadline.residentId) {
    const residentId = deadline.residentId;
    return () => saveFactDocument(residentId, deadline.sourceEventId, format);
  }
  return null;
}
