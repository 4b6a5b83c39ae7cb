/** The filters of GET /v1/deadlines, documented once for the list and its .csv / .xlsx exports. */
import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { DEADLINE_KINDS, DEADLINE_STATES, OWED_BY, SPECIFIED_FIELD_CODES } from '@zairyu/domain';
import { ApiAsOf, ApiDateQuery } from '../openapi/api-queries.decorator.js';

const commaSeparated = (name: string, values: readonly string[]) =>
  ApiQuery({ name, required: false, schema: { type: 'string' }, description: `comma-separated: ${values.join(', ')}` });

export const ApiDeadlineFilters = () =>
  applyDecorators(
    ApiDateQuery('from', 'Only deadlines due on or after this day.'),
    ApiDateQuery('to', 'Only deadlines due on or before this day.'),
    ApiDateQuery('metFrom', 'Only deadlines met on or after this day (and by asOf), whenever they were due.'),
    commaSeparated('state', DEADLINE_STATES),
    commaSeparated('kind', DEADLINE_KINDS),
    commaSeparated('owedBy', OWED_BY),
    ApiQuery({
      name: 'employer',
      required: false,
      schema: { type: 'string' },
      description: 'an employer record id (or its name as recorded): the filings it owes',
    }),
    ApiQuery({
      name: 'field',
      required: false,
      schema: { type: 'string', enum: [...SPECIFIED_FIELD_CODES] },
      description: 'a 特定産業分野: the deadlines of the Specified Skilled Workers designated in it',
    }),
    ApiQuery({ name: 'assignedTo', required: false, schema: { type: 'string' }, description: 'me (mine), none, or a user id' }),
    ApiAsOf(),
  );
