/** The filters of GET /v1/residents, documented once for the list and its .csv / .xlsx exports. */
import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { STATUS_CODES } from '@zairyu/domain';
import { CLOSED_FILTERS, PENDING_FILTERS } from '@zairyu/read-model';
import { ApiDateQuery } from '../openapi/api-queries.decorator.js';

export const ApiResidentFilters = () =>
  applyDecorators(
    ApiQuery({ name: 'query', required: false, schema: { type: 'string', maxLength: 200 } }),
    ApiQuery({
      name: 'status',
      required: false,
      schema: { type: 'string', enum: [...STATUS_CODES] },
      description: 'status code held on asOf',
    }),
    ApiDateQuery('periodExpiresFrom', 'Only residents whose period of stay ends on or after this day.'),
    ApiDateQuery('periodExpiresTo', 'Only residents whose period of stay ends on or before this day.'),
    ApiQuery({ name: 'inJapan', required: false, schema: { type: 'string', enum: ['true', 'false'] } }),
    ApiQuery({ name: 'pending', required: false, schema: { type: 'string', enum: [...PENDING_FILTERS] } }),
    ApiQuery({ name: 'assignedTo', required: false, schema: { type: 'string' }, description: 'me (mine), none, or a user id' }),
    ApiQuery({ name: 'closed', required: false, schema: { type: 'string', enum: [...CLOSED_FILTERS] }, description: 'default false' }),
  );
