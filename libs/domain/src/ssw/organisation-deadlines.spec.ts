/**
 * The registered support organisation's own notices (入管法19条の27, 19条の29), owed by the
 * organisation and shown with no resident, beside its registration renewal (19条の23).
 */
import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '../calendar/local-date.js';
import { deadlineView } from '../deadlines.js';
import { organisationDeadlines } from './organisation-deadlines.js';

const d = (text: string) => text as LocalDate;

describe("the support organisation's own notices (入管法19条の27, 19条の29)", () => {
  test('registered matters changed Fri 2026-12-18 (19条の27; 施行規則19条の22: 14 days): due Fri 1 Jan 2027, New Year closure → Mon 4 Jan; met when notified', () => {
    const [open] = organisationDeadlines(null, { registeredMatters: { changedOn: d('2026-12-18'), notifiedOn: null } });
    expect(open).toMatchObject({
      kind: 'support_registered_matters_notification',
      createdOn: '2026-12-18',
      statutoryDueOn: '2027-01-01',
      dueOn: '2027-01-04',
    });
    expect(deadlineView(open!, d('2027-01-04'))).toMatchObject({ state: 'open', owedBy: 'organisation' });
    expect(deadlineView(open!, d('2027-01-05')).state).toBe('overdue');
    const [met] = organisationDeadlines(null, { registeredMatters: { changedOn: d('2026-12-18'), notifiedOn: d('2026-12-25') } });
    expect(deadlineView(met!, d('2027-01-05'))).toMatchObject({ state: 'met', metOn: '2026-12-25' });
  });

  test('support business suspended Wed 2026-04-15 (19条の29①: 14 days): due Wed 29 Apr (昭和の日) → Thu 30 Apr; a closure likewise', () => {
    for (const change of ['suspended', 'closed'] as const) {
      const [notice] = organisationDeadlines(null, { supportBusiness: { change, on: d('2026-04-15'), notifiedOn: null } });
      expect(notice).toMatchObject({ kind: 'support_business_suspension_notification', statutoryDueOn: '2026-04-29', dueOn: '2026-04-30' });
    }
  });

  test('resuming on Tue 2026-03-31 (19条の29②: 1 month before): due Sat 2026-02-28 (no 31 Feb), not moved: the earlier day', () => {
    const [notice] = organisationDeadlines(null, { supportBusiness: { change: 'resumed', on: d('2026-03-31'), notifiedOn: null } });
    expect(notice).toMatchObject({
      kind: 'support_business_resumption_notification',
      statutoryDueOn: '2026-02-28',
      dueOn: '2026-02-28',
      createdOn: '2026-02-28',
    });
    expect(deadlineView(notice!, d('2026-02-28')).owedBy).toBe('organisation');
  });

  test('with the registration: four deadlines, the renewal and the yearly report first; nothing recorded, none', () => {
    const all = organisationDeadlines(
      { registrationExpiresOn: d('2027-08-31'), recordedOn: d('2026-12-01') },
      {
        registeredMatters: { changedOn: d('2026-12-18'), notifiedOn: null },
        supportBusiness: { change: 'suspended', on: d('2026-04-15'), notifiedOn: null },
      },
    );
    expect(all.map((deadline) => deadline.kind)).toEqual([
      'support_registration_renewal',
      'support_annual_report',
      'support_registered_matters_notification',
      'support_business_suspension_notification',
    ]);
    expect(organisationDeadlines(null)).toEqual([]);
  });
});

describe("the support organisation's yearly report (支援実施状況に係る届出, 入管法19条の30; yearly since 2025-04-01)", () => {
  const registered = (expiresOn: string, extra: Partial<{ recordedOn: string; registrationRenewalAppliedOn: string }> = {}) => ({
    registrationExpiresOn: d(expiresOn),
    recordedOn: d(extra.recordedOn ?? '2026-01-10'),
    registrationRenewalAppliedOn: extra.registrationRenewalAppliedOn ? d(extra.registrationRenewalAppliedOn) : null,
  });
  const reports = (...args: Parameters<typeof organisationDeadlines>) =>
    organisationDeadlines(...args).filter((deadline) => deadline.kind === 'support_annual_report');

  test('registered until 2028-09-30 (term began 2023-10-01): FY2025 (2025-04-01 – 2026-03-31) owed first, filed 2026-04-01 – Sun 2026-05-31, not moved', () => {
    const [fy2025] = reports(registered('2028-09-30'));
    expect(fy2025).toMatchObject({
      id: 'organisation-annual-report:FY2025:support_annual_report',
      opensOn: '2026-04-01',
      statutoryDueOn: '2026-05-31',
      dueOn: '2026-05-31',
      createdOn: '2026-01-10',
      metOn: null,
    });
    expect(deadlineView(fy2025!, d('2026-03-31'))).toMatchObject({ state: 'upcoming', owedBy: 'organisation' });
    expect(deadlineView(fy2025!, d('2026-05-31')).state).toBe('open');
    expect(deadlineView(fy2025!, d('2026-06-01')).state).toBe('overdue');
  });

  test('FY2025 filed on 2026-05-20: met, and FY2026 is owed next, 2027-04-01 – Mon 2027-05-31', () => {
    const [met, next] = reports(registered('2028-09-30'), { annualReport: { fiscalYear: 2025, filedOn: d('2026-05-20') } });
    expect(deadlineView(met!, d('2026-06-01'))).toMatchObject({ state: 'met', metOn: '2026-05-20' });
    expect(next).toMatchObject({
      id: 'organisation-annual-report:FY2026:support_annual_report',
      opensOn: '2027-04-01',
      dueOn: '2027-05-31',
    });
  });

  test('a term that began on 2027-03-01 (expiry Sun 2032-02-29, leap day): its first report is FY2026, due 2027-05-31', () => {
    const [first] = reports(registered('2032-02-29', { recordedOn: '2027-03-05' }));
    expect(first).toMatchObject({
      id: 'organisation-annual-report:FY2026:support_annual_report',
      dueOn: '2027-05-31',
      createdOn: '2027-03-05',
    });
  });

  test('the registration ended 2027-03-31 without a renewal: after FY2026 no year is owed; with a renewal applied for, FY2027 is', () => {
    const filed = { annualReport: { fiscalYear: 2026, filedOn: d('2027-04-15') } };
    expect(reports(registered('2027-03-31'), filed).map((deadline) => deadline.id)).toEqual([
      'organisation-annual-report:FY2026:support_annual_report',
    ]);
    expect(
      reports(registered('2027-03-31', { registrationRenewalAppliedOn: '2026-11-20' }), filed).map((deadline) => [
        deadline.id,
        deadline.dueOn,
      ]),
    ).toEqual([
      ['organisation-annual-report:FY2026:support_annual_report', '2027-05-31'],
      ['organisation-annual-report:FY2027:support_annual_report', '2028-05-31'],
    ]);
  });

  test('no registration recorded: no yearly report (the ledger does not know the organisation is registered)', () => {
    expect(reports(null, { annualReport: { fiscalYear: 2025, filedOn: d('2026-05-20') } })).toEqual([]);
  });
});
