/**
 * A small vocabulary of field rules for event `data`. Each check returns the fields at fault
 * (the validator collects every one rather than stopping at the first) and carries the JSON
 * Schema it enforces, so the API's OpenAPI document is read off the same rules.
 */
import { isLocalDate } from '../calendar/local-date.js';
import { STATUS_CODES, isStatusCode } from '../status-catalogue.js';
import { CARD_KINDS, CARD_NUMBER_PATTERN, MY_NUMBER_OPTIONS, cardNumberForm, isCardNumber } from './card-data.js';
import { textFault, textFaultMessage, type TextLines } from './typed-text.js';

export interface FieldError {
  field: string;
  message: string;
}

/** The JSON Schema (OpenAPI 3 dialect) of what a check accepts: plain data, for documentation. */
export type JsonSchema = { [keyword: string]: unknown };

export interface Check {
  (value: unknown, path: string): FieldError[];
  readonly schema: JsonSchema;
  /**
   * The value as the ledger keeps it, read before it is checked (a card number as people type
   * it → as printed); absent where a value is kept as given.
   */
  readonly normalise?: (value: unknown) => unknown;
}

export interface FieldRule {
  check: Check;
  optional?: boolean;
}

/** A check with the schema it enforces (a rule that JSON Schema cannot say goes in `description`). */
export function check(
  schema: JsonSchema,
  test: (value: unknown, path: string) => FieldError[],
  normalise?: (value: unknown) => unknown,
): Check {
  return Object.assign(test, normalise ? { schema, normalise } : { schema });
}

/** `value` as `check` keeps it (unchanged when the check normalises nothing). */
export function normalised(check: Check, value: unknown): unknown {
  return check.normalise ? check.normalise(value) : value;
}

const fail = (field: string, message: string): FieldError[] => [{ field, message }];

export const MAX_TEXT_LENGTH = 500;

/** A text on one line (a name, an address, a reference): no control characters (typed-text.ts). */
export function text(maxLength = MAX_TEXT_LENGTH, lines: TextLines = 'single'): Check {
  return check({ type: 'string', minLength: 1, maxLength, description: 'not blank' }, (value, path) => {
    if (typeof value !== 'string') return fail(path, 'must be a string');
    if (value.trim().length === 0) return fail(path, 'must not be empty');
    if (value.length > maxLength) return fail(path, `must be at most ${maxLength} characters`);
    const fault = textFault(value, lines);
    return fault === null ? [] : fail(path, textFaultMessage(fault, lines));
  });
}

/** A note or a reason, which may run over several lines: TAB, LF and CR allowed, other controls not. */
export function multiLineText(maxLength = MAX_TEXT_LENGTH): Check {
  return text(maxLength, 'multi');
}

export const date = check({ type: 'string', format: 'date', example: '2026-04-01' }, (value, path) =>
  isLocalDate(value) ? [] : fail(path, 'must be a calendar date YYYY-MM-DD that exists'),
);

export const bool = check({ type: 'boolean' }, (value, path) => (typeof value === 'boolean' ? [] : fail(path, 'must be true or false')));

export function integer(min: number, max: number): Check {
  return check({ type: 'integer', minimum: min, maximum: max }, (value, path) =>
    typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
      ? []
      : fail(path, `must be an integer from ${min} to ${max}`),
  );
}

export function oneOf(values: readonly string[]): Check {
  return check({ type: 'string', enum: [...values] }, (value, path) =>
    typeof value === 'string' && values.includes(value) ? [] : fail(path, `must be one of: ${values.join(', ')}`),
  );
}

export const status = check({ type: 'string', enum: [...STATUS_CODES], description: '在留資格 code' }, (value, path) =>
  isStatusCode(value) ? [] : fail(path, `must be a status code (${STATUS_CODES.length} codes; see docs/domain-rules.md §3)`),
);

/** Read as typed (`ab 1234-5678 cd`, full-width too) and kept as printed (card-data.ts cardNumberForm). */
export const cardNumber = check(
  { type: 'string', pattern: CARD_NUMBER_PATTERN.source, example: 'AB12345678CD', description: '在留カード番号' },
  (value, path) => (isCardNumber(value) ? [] : fail(path, 'must be two upper-case letters, eight digits, two upper-case letters')),
  (value) => (typeof value === 'string' ? (cardNumberForm(value) ?? value) : value),
);

export function listOf(values: readonly string[]): Check {
  return check({ type: 'array', minItems: 1, uniqueItems: true, items: { type: 'string', enum: [...values] } }, (value, path) => {
    if (!Array.isArray(value) || value.length === 0) return fail(path, 'must be a non-empty array');
    if (new Set(value).size !== value.length) return fail(path, 'must not repeat a value');
    return value.flatMap((item, index) => oneOf(values)(item, `${path}[${index}]`));
  });
}

export function object(rules: Record<string, FieldRule>, description?: string): Check {
  const required = Object.entries(rules)
    .filter(([, rule]) => !rule.optional)
    .map(([key]) => key);
  const schema: JsonSchema = {
    type: 'object',
    additionalProperties: false,
    properties: Object.fromEntries(Object.entries(rules).map(([key, rule]) => [key, rule.check.schema])),
    ...(required.length > 0 ? { required } : {}),
    ...(description ? { description } : {}),
  };
  const normalise = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, Object.hasOwn(rules, key) ? normalised(rules[key]!.check, item) : item]),
    );
  };
  return check(
    schema,
    (value, path) => {
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
    },
    normalise,
  );
}

export const required = (check: Check): FieldRule => ({ check });
export const optional = (check: Check): FieldRule => ({ check, optional: true });

const cardFields = object(
  {
    number: required(cardNumber),
    issuedOn: optional(date),
    expiresOn: optional(date),
    kind: optional(oneOf(CARD_KINDS)),
    myNumberOption: optional(oneOf(MY_NUMBER_OPTIONS)),
  },
  'The card as printed. myNumberOption is "combined" exactly when kind is specified_residence_card; expiresOn is not before issuedOn.',
);

export const card = check(
  cardFields.schema,
  (value, path) => {
    const errors = cardFields(value, path);
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
  },
  cardFields.normalise,
);
