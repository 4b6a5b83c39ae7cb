import { describe, expect, test } from '@jest/globals';
import { DEADLINE_KINDS } from '../../../../libs/domain/src/deadline-catalogue';
import { EVENT_FORMS } from '../record/event-forms';
import { ACTED_KINDS, factFor, ORGANISATION_FILINGS, organisationReportYearOf } from './deadline-facts';
import { SSW_MONTH_KINDS } from './api';

describe('対応する opens the fact that meets the deadline', () => {
  test('every deadline kind names a fact with a form, or the organisation’s date that meets it', () => {
    expect(DEADLINE_KINDS.filter((kind) => !ACTED_KINDS.includes(kind) && !ORGANISATION_FILINGS[kind])).toEqual([]);
    for (const kind of ACTED_KINDS) expect(EVENT_FORMS[factFor({ id: 'x', kind, residentId: 'r' })!.type]).toBeDefined();
  });

  test('the supervisor’s interview opens the interview form with 監督者 chosen', () => {
    expect(factFor({ id: 'e1:support_interview:supervisor', kind: 'support_interview', residentId: 'r' })).toEqual({
      type: 'SupportInterviewHeld',
      values: { with: 'supervisor', mode: 'in_person' },
    });
  });

  test('the annual report opens the filing with its kind and fiscal year', () => {
    expect(factFor({ id: 'e2:ssw_annual_report:FY2026', kind: 'ssw_annual_report', residentId: 'r', employer: 'emp' })).toEqual({
      type: 'SswReportFiled',
      values: { kind: 'annual', fiscalYear: '2026' },
    });
  });

  test('the organisation’s own deadline opens no resident form', () => {
    expect(factFor({ id: 'org:support_registration_renewal', kind: 'support_registration_renewal', residentId: null })).toBeNull();
  });

  test('the organisation’s yearly report is met on the organisation: the day filed, with the fiscal year of its key', () => {
    const report = { id: 'organisation-annual-report:FY2025:support_annual_report', kind: 'support_annual_report', residentId: null };
    expect(factFor(report)).toBeNull();
    expect(ORGANISATION_FILINGS.support_annual_report).toBe('annualReportFiledOn');
    expect(organisationReportYearOf(report)).toBe(2025);
    expect(organisationReportYearOf({ id: 'e2:ssw_annual_report:FY2026', kind: 'ssw_annual_report' })).toBeNull();
  });

  test('every organisation duty is on the 特定技能 screen', () => {
    for (const kind of Object.keys(ORGANISATION_FILINGS)) expect(SSW_MONTH_KINDS).toContain(kind);
  });
});
