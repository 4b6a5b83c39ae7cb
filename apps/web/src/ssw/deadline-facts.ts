/**
 * The fact that meets each kind of deadline, as 対応する opens it: the form of that fact with
 * what the deadline already says filled in (with whom the interview is, the filing's kind and
 * fiscal year, the employer). The organisation's own duties are met on the organisation
 * (OrganisationFilingForm.tsx), not by a fact about a resident.
 */
import type { FormValues } from '../record/event-forms';

export interface DeadlineToAct {
  id: string;
  kind: string;
  employer?: string | null;
  residentId: string | null;
}

export interface FactToOpen {
  type: string;
  values: FormValues;
}

/** Every deadline kind of a resident, and the fact (with its fixed values) that meets it. */
const MEETS: Record<string, FactToOpen> = {
  period_renewal: { type: 'ExtensionApplied', values: {} },
  residence_notification_90_day: { type: 'ResidenceNotified', values: {} },
  residence_notification: { type: 'ResidenceNotified', values: {} },
  address_change_notification: { type: 'ResidenceNotified', values: {} },
  card_detail_change_notification: { type: 'CardIssued', values: { reason: 'detail_change' } },
  card_reissue_after_loss: { type: 'CardIssued', values: { reason: 'loss_reissue' } },
  card_validity_renewal: { type: 'CardIssued', values: { reason: 'validity_renewal' } },
  card_surrender: { type: 'CardSurrendered', values: {} },
  reentry: { type: 'Reentered', values: {} },
  affiliation_notification: { type: 'AffiliationNotified', values: {} },
  activity_gap_revocation_risk: { type: 'AffiliationChanged', values: { kind: 'contract', change: 'new_contract' } },
  spouse_notification: { type: 'SpouseNotified', values: {} },
  spouse_activity_revocation_risk: { type: 'StatusChangeApplied', values: {} },
  status_acquisition: { type: 'StatusAcquisitionApplied', values: {} },
  additional_documents: { type: 'AdditionalDocumentsSubmitted', values: {} },
  summons_appearance: { type: 'SummonsAttended', values: {} },
  coe_entry: { type: 'Landed', values: {} },
  ssw1_cap: { type: 'StatusChangeApplied', values: {} },
  ssw1_exclusion_claim: { type: 'SswIntervalExcluded', values: {} },
  support_interview: { type: 'SupportInterviewHeld', values: { mode: 'in_person' } },
  orientation: { type: 'OrientationHeld', values: {} },
  ssw_annual_report: { type: 'SswReportFiled', values: { kind: 'annual' } },
  ssw_contract_notification: { type: 'SswReportFiled', values: { kind: 'contract' } },
  ssw_support_contract_notification: { type: 'SswReportFiled', values: { kind: 'support_contract' } },
  ssw_acceptance_difficulty_notification: { type: 'SswReportFiled', values: { kind: 'acceptance_difficulty' } },
  ssw_support_plan_notification: { type: 'SswReportFiled', values: { kind: 'support_plan' } },
  ssw_standards_nonconformity_notification: { type: 'SswReportFiled', values: { kind: 'standards_nonconformity' } },
  ssw_support_difficulty_notification: { type: 'SswReportFiled', values: { kind: 'support_difficulty' } },
  hello_work_hiring: { type: 'HelloWorkNotified', values: { kind: 'hiring' } },
  hello_work_leaving: { type: 'HelloWorkNotified', values: { kind: 'leaving' } },
};

/**
 * The organisation's own duties, met on the organisation (PATCH /v1/organisations/{orgId}): the
 * day it applied for its renewal, or filed the notice or the yearly report.
 */
export const ORGANISATION_FILINGS: Readonly<Record<string, string>> = {
  support_registration_renewal: 'registrationRenewalAppliedOn',
  support_registered_matters_notification: 'registeredMattersNotifiedOn',
  support_business_suspension_notification: 'supportBusinessNotifiedOn',
  support_business_resumption_notification: 'supportBusinessNotifiedOn',
  support_annual_report: 'annualReportFiledOn',
};

export const ACTED_KINDS = Object.keys(MEETS);

/** 定期面談 is owed with the worker and, apart, with the supervisor: the deadline's key says which. */
export function interviewParty(deadline: Pick<DeadlineToAct, 'kind' | 'id'>): 'worker' | 'supervisor' | null {
  if (deadline.kind !== 'support_interview') return null;
  const party = deadline.id.split(':').at(-1);
  return party === 'worker' || party === 'supervisor' ? party : null;
}

/** The annual report's fiscal year, from its key (`…:FY2026`). */
export function fiscalYearOf(deadline: Pick<DeadlineToAct, 'kind' | 'id'>): number | null {
  const match = /:FY(\d{4})$/.exec(deadline.id);
  return deadline.kind === 'ssw_annual_report' && match ? Number(match[1]) : null;
}

/** The organisation's yearly report's fiscal year, from its key (`organisation-annual-report:FY2025:…`). */
export function organisationReportYearOf(deadline: Pick<DeadlineToAct, 'kind' | 'id'>): number | null {
  const match = /:FY(\d{4}):/.exec(deadline.id);
  return deadline.kind === 'support_annual_report' && match ? Number(match[1]) : null;
}

export function factFor(deadline: DeadlineToAct): FactToOpen | null {
  const meets = MEETS[deadline.kind];
  if (!meets || deadline.residentId === null) return null;
  const values: FormValues = { ...meets.values };
  const party = interviewParty(deadline);
  if (party) values.with = party;
  const fiscalYear = fiscalYearOf(deadline);
  if (fiscalYear !== null) values.fiscalYear = String(fiscalYear);
  return { type: meets.type, values };
}
