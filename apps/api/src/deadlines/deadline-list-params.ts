/** The filters of GET /v1/deadlines (and its .csv / .xlsx exports), checked: 400 names each one at fault. */
import {
  DEADLINE_KINDS,
  DEADLINE_STATES,
  OWED_BY,
  SPECIFIED_FIELD_CODES,
  type DeadlineKind,
  type DeadlineState,
  type OwedBy,
} from '@zairyu/domain';
import type { Principal } from '../auth/principal.js';
import type { Clock } from '../bootstrap/tokens.js';
import { invalidInput } from '../failures/failure.js';
import { asOfParam, dateParam } from '../http/query-params.js';
import { assigneeParam } from '../residents/index.js';
import type { DeadlineFilter } from './list-deadlines.handler.js';

export interface DeadlineListQuery {
  from?: string;
  to?: string;
  state?: string;
  kind?: string;
  asOf?: string;
  assignedTo?: string;
  owedBy?: string;
  employer?: string;
  field?: string;
  metFrom?: string;
}

export function listParam<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T[] {
  if (!value) return [];
  const values = value.split(',');
  const wrong = values.filter((v) => !(allowed as readonly string[]).includes(v));
  if (wrong.length > 0)
    throw invalidInput(`Unknown ${name}: ${wrong.join(', ')}.`, [{ field: name, message: `must be one of ${allowed.join(', ')}` }]);
  return values as T[];
}

/** Every filter but paging (the caller adds `page` and `pageSize`). */
export function deadlineFilter(raw: DeadlineListQuery, caller: Principal, clock: Clock): Omit<DeadlineFilter, 'page' | 'pageSize'> {
  return {
    from: dateParam('from', raw.from, null),
    to: dateParam('to', raw.to, null),
    states: listParam<DeadlineState>('state', raw.state, DEADLINE_STATES),
    kinds: listParam<DeadlineKind>('kind', raw.kind, DEADLINE_KINDS),
    owedBy: listParam<OwedBy>('owedBy', raw.owedBy, OWED_BY),
    employer: raw.employer === undefined || raw.employer === '' ? null : raw.employer,
    field: listParam('field', raw.field, SPECIFIED_FIELD_CODES)[0] ?? null,
    metFrom: dateParam('metFrom', raw.metFrom, null),
    asOf: asOfParam(raw.asOf, clock),
    assignedTo: assigneeParam(raw.assignedTo, caller),
  };
}
