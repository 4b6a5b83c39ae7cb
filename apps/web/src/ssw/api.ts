/**
 * The 特定技能 screen's reads and writes: the SSW deadlines of this month and the next (and every
 * overdue one), filtered by the server (who owes it, the employer, the caseworker); the employer
 * records (list, create, edit with If-Match); the organisation's registration renewal.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';
import { caseloadKey, type CaseloadDeadline } from '../board/api';
import { addMonths, monthEnd, monthStart } from './months';

export type Employer = Schemas['Employer'];
export type NewEmployer = Schemas['CreateEmployerDto'];

/** The duties of a support organisation's month (docs/ssw-duties.md), the 5-year cap apart. */
export const SSW_MONTH_KINDS = [
  'support_interview',
  'orientation',
  'ssw_contract_notification',
  'ssw_support_contract_notification',
  'ssw_acceptance_difficulty_notification',
  'ssw_annual_report',
  'hello_work_hiring',
  'hello_work_leaving',
  'ssw_support_plan_notification',
  'ssw_standards_nonconformity_notification',
  'ssw_support_difficulty_notification',
  'support_registration_renewal',
  'support_registered_matters_notification',
  'support_business_suspension_notification',
  'support_business_resumption_notification',
  'support_annual_report',
] as const;

export interface SswFilter {
  employer: string | null;
  /** me, none, or null for anyone's. */
  assignedTo: 'me' | 'none' | null;
  /** A 特定産業分野 code. */
  field: string | null;
}

const PAGE = 200;

async function all(query: Record<string, string | number>): Promise<CaseloadDeadline[]> {
  const items: CaseloadDeadline[] = [];
  for (let page = 1; ; page++) {
    const got = await unwrap(api.GET('/v1/deadlines', { params: { query: { ...query, page, pageSize: PAGE } } }));
    items.push(...got.items);
    if (items.length >= got.total || got.items.length < PAGE) return items;
  }
}

/**
 * Under the caseload key, so a fact recorded anywhere refreshes it. Met rows of the two months,
 * and rows met this month whenever due, stay listed (as met), so recording one shows it met where it was.
 */
export const sswMonthQuery = (asOf: string, filter: SswFilter) =>
  queryOptions({
    queryKey: [...caseloadKey, 'ssw', asOf, filter.employer, filter.assignedTo, filter.field],
    queryFn: async () => {
      const common = {
        asOf,
        kind: SSW_MONTH_KINDS.join(','),
        ...(filter.employer ? { employer: filter.employer } : {}),
        ...(filter.assignedTo ? { assignedTo: filter.assignedTo } : {}),
        ...(filter.field ? { field: filter.field } : {}),
      };
      const [overdue, months, metLately] = await Promise.all([
        all({ ...common, state: 'overdue' }),
        all({ ...common, from: monthStart(asOf), to: monthEnd(addMonths(asOf, 1)), state: 'upcoming,open,met,met_late' }),
        // An overdue row met this month (an annual report filed late) stays, met, where it was.
        all({ ...common, metFrom: monthStart(asOf), state: 'met,met_late' }),
      ]);
      const seen = new Set<string>();
      return [...overdue, ...months, ...metLately].filter(
        (d) => !seen.has(`${d.residentId}:${d.id}`) && seen.add(`${d.residentId}:${d.id}`),
      );
    },
    placeholderData: keepPreviousData,
  });

export function useSswMonth(asOf: string, filter: SswFilter) {
  return useQuery(sswMonthQuery(asOf, filter));
}

export function createEmployer(body: NewEmployer) {
  return unwrap(api.POST('/v1/employers', { body }));
}

export function updateEmployer(employer: Employer, body: Schemas['UpdateEmployerDto']) {
  return unwrap(
    api.PATCH('/v1/employers/{id}', {
      params: { path: { id: employer.id }, header: { 'If-Match': `"${employer.version}"` } },
      body,
    }),
  );
}

/**
 * The organisation's own duty met: the organisation's dates that meet it (deadline-facts.ts), and
 * for the yearly report the fiscal year filed.
 */
export function recordOrganisationFiling(orgId: string, body: Record<string, string | number>) {
  return unwrap(
    api.PATCH('/v1/organisations/{orgId}', {
      params: { path: { orgId } },
      // The document types these fields loosely (nullable); the server checks each.
      body: body as unknown as Schemas['UpdateOrganisationDto'],
    }),
  );
}
