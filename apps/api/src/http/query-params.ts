/** Query and path parameters, checked by hand where a DTO would be heavier than the rule. */
import { isLocalDate, japanDateOf, type LocalDate } from '@zairyu/domain';
import { invalidInput } from '../failures/failure.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function dateParam(name: string, value: string | undefined, fallback: LocalDate | null): LocalDate | null {
  if (value === undefined || value === '') return fallback;
  if (!isLocalDate(value))
    throw invalidInput(`${name} must be a calendar date YYYY-MM-DD.`, [{ field: name, message: 'must be a calendar date YYYY-MM-DD' }]);
  return value;
}

export function asOfParam(value: string | undefined, clock: () => Date): LocalDate {
  return dateParam('asOf', value, japanDateOf(clock()))!;
}

export function pageParams(page: string | undefined, pageSize: string | undefined): { page: number; pageSize: number } {
  const errors = [];
  const p = page === undefined ? 1 : Number(page);
  const size = pageSize === undefined ? 50 : Number(pageSize);
  if (!Number.isInteger(p) || p < 1 || p > 100_000) errors.push({ field: 'page', message: 'must be an integer from 1' });
  if (!Number.isInteger(size) || size < 1 || size > 200) errors.push({ field: 'pageSize', message: 'must be an integer from 1 to 200' });
  if (errors.length > 0) throw invalidInput('The paging parameters are not valid.', errors);
  return { page: p, pageSize: size };
}
