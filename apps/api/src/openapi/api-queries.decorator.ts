/** Query parameters shared by many operations, documented once. */
import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';

export const ApiAsOf = () =>
  ApiQuery({
    name: 'asOf',
    required: false,
    schema: { type: 'string', format: 'date' },
    description: 'The day the answer is for (default: today in Japan).',
  });

export const ApiDateQuery = (name: string, description: string) =>
  ApiQuery({ name, required: false, schema: { type: 'string', format: 'date' }, description });

export const ApiPaging = () =>
  applyDecorators(
    ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, maximum: 100_000, default: 1 } }),
    ApiQuery({ name: 'pageSize', required: false, schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } }),
  );
