/**
 * Assignment of residents to the people of an organisation: who may be named as the one in
 * charge (an enabled caseworker or manager of the same organisation), and the `assignedTo=`
 * filter of the lists (`me` for "mine", `none` for nobody, or a user id).
 */
import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import type { Principal } from '../auth/principal.js';
import { PG_POOL } from '../bootstrap/tokens.js';
import { badRequest, problem, ProblemException } from '../http/problem.js';
import { isUuid } from '../http/query-params.js';

/** `undefined`: anyone; `null`: nobody in charge; a string: that user. */
export type AssigneeFilter = string | null | undefined;

export function assigneeParam(value: string | undefined, caller: Principal): AssigneeFilter {
  if (value === undefined || value === '') return undefined;
  if (value === 'none') return null;
  if (value === 'me') {
    if (caller.kind === 'key' && caller.user) return caller.user.id;
    throw badRequest('assignedTo=me needs a signed-in person; a key names a user id.', [
      { field: 'assignedTo', message: 'me is only for a signed-in person' },
    ]);
  }
  if (!isUuid(value))
    throw badRequest('assignedTo must be me, none or a user id.', [{ field: 'assignedTo', message: 'must be me, none or a user id' }]);
  return value.toLowerCase();
}

/** The user a fact names as the one in charge, if any. */
export function assigneeNamedBy(fact: { type: string; data?: unknown }): string | undefined {
  const data = (fact.data ?? {}) as { assignedTo?: unknown; fields?: { assignedTo?: unknown } };
  const named = fact.type === 'DetailsCorrected' ? data.fields?.assignedTo : data.assignedTo;
  return typeof named === 'string' ? named : undefined;
}

@Injectable()
export class Assignees {
  constructor(@Inject(PG_POOL) private readonly pool: pg.Pool) {}

  /** 422 unless the id names an enabled caseworker or manager of the organisation (another organisation's user is unknown here). */
  async check(organisationId: string, userId: string | undefined, field = 'data.assignedTo'): Promise<void> {
    if (userId === undefined) return;
    const { rows } = isUuid(userId)
      ? await this.pool.query(
          `SELECT 1 FROM platform.app_user WHERE id = $1 AND organisation_id = $2 AND disabled_at IS NULL AND role IN ('caseworker', 'manager')`,
          [userId.toLowerCase(), organisationId],
        )
      : { rows: [] };
    if (rows.length === 0)
      throw new ProblemException(
        problem(422, 'assignedTo must be an enabled caseworker or manager of this organisation.', {
          code: 'ASSIGNEE_NOT_IN_ORGANISATION',
          errors: [{ field, message: 'is not a caseworker or manager of this organisation' }],
        }),
      );
  }
}
