/**
 * What a request to accept or change a matter must hold (matter-events.ts), field by field, and the
 * catalogue's checklist for every kind.
 */
import { describe, expect, test } from '@jest/globals';
import { ACCEPT_MATTER_RULES, CHECKLIST_UPDATE_RULES, matterRequestErrors } from './matter-events.js';
import { MATTER_KINDS } from './matter-kinds.js';
import { checklistFor } from './matter.js';

const accept = { residentId: 'r-1', kind: 'extension', feeYen: 55000, acceptedOn: '2026-03-02' };

describe('a request to accept a matter', () => {
  test('the resident as client (or none given) and a company with its name and address are accepted', () => {
    expect(matterRequestErrors(ACCEPT_MATTER_RULES, accept)).toEqual([]);
    expect(matterRequestErrors(ACCEPT_MATTER_RULES, { ...accept, client: { kind: 'resident' } })).toEqual([]);
    expect(
      matterRequestErrors(ACCEPT_MATTER_RULES, { ...accept, client: { kind: 'company', name: '株式会社さくら', address: '大阪市' } }),
    ).toEqual([]);
  });

  test('each field at fault is named: a company without its address, a negative fee, an unknown kind, an unknown field', () => {
    const errors = matterRequestErrors(ACCEPT_MATTER_RULES, {
      ...accept,
      kind: 'visa',
      feeYen: -1,
      client: { kind: 'company', name: 'X' },
      extra: true,
    });
    expect(errors.map((error) => error.field).sort()).toEqual(['client.address', 'extra', 'feeYen', 'kind']);
    expect(matterRequestErrors(ACCEPT_MATTER_RULES, { ...accept, client: { kind: 'resident', name: 'X' } }).map((e) => e.field)).toEqual([
      'client.name',
    ]);
    expect(matterRequestErrors(CHECKLIST_UPDATE_RULES, null).map((e) => e.field)).toEqual(['state']);
  });
});

test('every kind has a checklist that starts with its application form, each item requested', () => {
  for (const kind of MATTER_KINDS) {
    const checklist = checklistFor(kind);
    expect(checklist[0]).toMatchObject({ code: 'application_form', state: 'requested', providedBy: 'office', dueOn: null });
    expect(new Set(checklist.map((item) => item.code)).size).toBe(checklist.length);
  }
});
