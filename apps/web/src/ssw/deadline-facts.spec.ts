import { describe, expect, test } from '@jest/globals';
import { DEADLINE_KINDS } from '../../../../libs/domain/src/deadline-catalogue';
import { EVENT_FORMS } from '../record/event-forms';
import { ACTED_KINDS, factFor, ORGANISATION_FILINGS } from './deadline-facts';

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
});
