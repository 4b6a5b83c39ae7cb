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

  test('with the registration: three deadlines, the renewal first; nothing recorded, none', () => {
    const all = organisationDeadlines(
      { registrationExpiresOn: d('2027-08-31'), recordedOn: d('2026-12-01') },
      {
        registeredMatters: { changedOn: d('2026-12-18'), notifiedOn: null },
        supportBusiness: { change: 'suspended', on: d('2026-04-15'), notifiedOn: null },
      },
    );
    expect(all.map((deadline) => deadline.kind)).toEqual([
      'support_registration_renewal',
      'support_registered_matters_notification',
      'support_business_suspension_notification',
    ]);
    expect(organisationDeadlines(null)).toEqual([]);
  });
});
