/**
 * Assignment of residents to the people of an organisation: who may be named as the one in
 * charge (an enabled caseworker or manager of the same organisation), and the `assignedTo=`
 * filter of the lists (`me` for "mine", `none` for nobody, or a user id).
 */
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import type { Principal } from '../auth/principal.js';
import { PG_POOL } from '../bootstrap/tokens.js';
import { invalidInput } from '../failures/failure.js';
import { ResidentFailure } from './resident-failure.js';
import { isUuid } from '../http/query-params.js';

/** `undefined`: anyone; `null`: nobody in charge; a string: that user. */
export type AssigneeFilter = string | null | undefined;

export function assigneeParam(value: string | undefined, caller: Principal): AssigneeFilter {
  if (value === undefined || value === '') return undefined;
  if (value === 'none') return null;
  if (value === 'me') {
    if (caller.kind === 'key' && caller.user) return caller.user.id;
    throw invalidInput('assignedTo=me needs a signed-in person; a key names a user id.', [
      { field: 'assignedTo', message: 'me is only for a signed-in person' },
    ]);
  }
  if (!isUuid(value))
    throw invalidInput('assignedTo must be me, none or a user id.', [{ field: 'assignedTo', message: 'must be me, none or a user id' }]);
  return value.toLowerCase();
}

/** The user a fact names as the one in charge, if any. */
export function assigneeNamedBy(fact: { type: string; data?: unknown }): string | undefined {
  const data = (fact.data ?? {}) as { assignedTo?: unknown; fields?: { assignedTo?: unknown } };
  const named = fact.type === 'DetailsCorrected' ? data.fields?.assignedTo : data.assignedTo;
  return typeof named === 'string' ? named : undefined;
}

/** Who may be put in charge, as a caseworker types them in a spreadsheet: an e-mail, a name or a user id. */
export interface AssigneeDirectory {
  /** The user id, or undefined when the name is nobody who may be in charge here. */
  named(typed: string): string | undefined;
}

@Injectable()
export class Assignees {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** The enabled caseworkers and managers of the organisation: the people a resident can be assigned to (one id, or all). */
  private async assignable(organisationId: string, userId?: string): Promise<Array<{ id: string; email: string; name: string }>> {
    const { rows } = await this.pool.query<{ id: string; email: string; name: string }>(
      `SELECT id, email, name FROM platform.app_user
        WHERE organisation_id = $1 AND disabled_at IS NULL AND role IN ('caseworker', 'manager') AND ($2::uuid IS NULL OR id = $2::uuid)`,
      [organisationId, userId ?? null],
    );
    return rows;
  }

  /** Who may be put in charge, by name: what a caseworker chooses from (no e-mail, no role). */
  async list(organisationId: string): Promise<Array<{ id: string; name: string }>> {
    const people = await this.assignable(organisationId);
    return people.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'ja') || a.id.localeCompare(b.id));
  }

  /** ASSIGNEE_NOT_IN_ORGANISATION unless the id names someone who may be in charge (another organisation's user is unknown here). */
  async check(organisationId: string, userId: string | undefined, field = 'data.assignedTo'): Promise<void> {
    if (userId === undefined) return;
    if (isUuid(userId) && (await this.assignable(organisationId, userId.toLowerCase())).length > 0) return;
    throw new ResidentFailure('ASSIGNEE_NOT_IN_ORGANISATION', 'assignedTo must be an enabled caseworker or manager of this organisation.', {
      errors: [{ field, message: 'is not a caseworker or manager of this organisation' }],
    });
  }

  /**
   * Everyone who may be in charge, by e-mail (any case), name (spaces aside) or user id, or by
   * the family name alone (the first word of the name: an office's ledger writes 担当 as 佐藤)
   * when only one of them bears it. An import resolves a whole file with it.
   */
  async directory(organisationId: string): Promise<AssigneeDirectory> {
    const names = new Map<string, string>();
    const surnames = new Map<string, string | null>();
    for (const person of await this.assignable(organisationId)) {
      names.set(person.id, person.id);
      names.set(person.email.toLowerCase(), person.id);
      names.set(nameForm(person.name), person.id);
      const surname = person.name.normalize('NFKC').trim().split(/\s+/)[0];
      if (surname) surnames.set(nameForm(surname), surnames.has(nameForm(surname)) ? null : person.id);
    }
    return {
      named: (typed) => {
        const form = nameForm(typed);
        return names.get(typed.toLowerCase()) ?? names.get(typed) ?? names.get(form) ?? surnames.get(form) ?? undefined;
      },
    };
  }
}

/** A name as compared: NFKC, lower case, without spaces (佐藤 花子 = 佐藤花子), 様/さん left out. */
function nameForm(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/(さん|様)$/, '');
}
