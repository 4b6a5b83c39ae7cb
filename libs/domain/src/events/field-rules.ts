/**
 * A small vocabulary of field rules for event `data`. Each check returns a message or null;
 * the validator collects every field at fault rather than stopping at the first.
 */
import { isLocalDate } from '../calendar/local-date.js';
import { STATUS_CODES, isStatusCode } from '../status-catalogue.js';
import { CARD_KINDS, MY_NUMBER_OPTIONS, isCardNumber } from './card-data.js';

export interface FieldError {
  field: string;
  message: string;
}

export type Check = (value: unknown, path: string) => FieldError[];

export interface FieldRule {
  check: Check;
  optional?: boolean;
}

const fail = (field: string, message: string): FieldError[] => [{ field, message }];

export const MAX_TEXT_LENGTH = 500;

export function text(maxLength = MAX_TEXT_LENGTH): Check {
  return (value, path) => {
    if (typeof value !== 'string') return fail(path, 'must be a string');
    if (value.trim().length === 0) return fail(path, 'must not be empty');
    if (value.length > maxLength) return fail(path, `must be at most ${maxLength} characters`);
    return [];
  };
}

export const date: Check = (value, path) => (isLocalDate(value) ? [] : fail(path, 'must be a calendar date YYYY-MM-DD that exists'));

export const bool: Check = (value, path) => (typeof value === 'boolean' ? [] : fail(path, 'must be true or false'));

export function integer(min: number, max: number): Check {
  return (value, path) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? []
      : fail(path, `must be an integer from ${min} to ${max}`);
}

export function oneOf(values: readonly string[]): Check {
  return (value, path) => (typeof value === 'string' && values.includes(value) ? [] : fail(path, `must be one of: ${values.join(', ')}`));
}

export const status: Check = (value, path) =>
  isStatusCode(value) ? [] : fail(path, `must be a status code (${STATUS_CODES.length} codes; see domain-rules.md §3)`);

export const cardNumber: Check = (value, path) =>
  isCardNumber(value) ? [] : fail(path, 'must be two upper-case letters, eight digits, two upper-case letters');

export function listOf(values: readonly string[]): Check {
  return (value, path) => {
    if (!Array.isArray(value) || value.length === 0) return fail(path, 'must be a non-empty array');
    if (new Set(value).size !== value.length) return fail(path, 'must not repeat a value');
    return value.flatMap((item, index) => oneOf(values)(item, `${path}[${index}]`));
  };
}

export function object(rules: Record<string, FieldRule>): Check {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'must be an object');
    const record = value as Record<string, unknown>;
    const unknown = Object.keys(record)
      .filter((key) => !Object.hasOwn(rules, key))
      .flatMap((key) => fail(`${path}.${key}`, 'is not a known field'));
    const known = Object.entries(rules).flatMap(([key, rule]) => {
      const fieldValue = record[key];
      if (fieldValue === undefined) return rule.optional ? [] : fail(`${path}.${key}`, 'is required');
      return rule.check(fieldValue, `${path}.${key}`);
    });
    return [...unknown, ...known];
  };
}

export const required = (check: Check): FieldRule => ({ check });
export const optional = (check: Check): FieldRule => ({ check, optional: true });

export const card: Check = (value, path) => {
  const errors = object({
    number: required(cardNumber),
    issuedOn: optional(date),
    expiresOn: optional(date),
    kind: optional(oneOf(CARD_KINDS)),
    myNumberOption: optional(oneOf(MY_NUMBER_OPTIONS)),
  })(value, path);
  if (errors.length > 0) return errors;
  const record = value as Record<string, unknown>;
  const specified = record['kind'] === 'specified_residence_card';
  const option = record['myNumberOption'];
  if (option !== undefined && specified !== (option === 'combined')) {
    return fail(`${path}.myNumberOption`, 'is "combined" exactly when the kind is specified_residence_card');
  }
  if (typeof record['issuedOn'] === 'string' && typeof record['expiresOn'] === 'string') {
    if (record['expiresOn'] < record['issuedOn']) return fail(`${path}.expiresOn`, 'must not be before issuedOn');
  }
  return [];
};
