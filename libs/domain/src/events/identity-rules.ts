/**
 * The rules for who a resident is: checked at registration and again for each correction
 * (DetailsCorrected), so a correction can never hold what a registration could not.
 */
import type { ResidentIdentity } from './events.js';
import { check, date, multiLineText, optional, required, text, type Check, type FieldError, type FieldRule } from './field-rules.js';

const fail = (field: string, message: string): FieldError[] => [{ field, message }];

function matching(maxLength: number, pattern: RegExp, message: string): Check {
  return check({ type: 'string', minLength: 1, maxLength, description: `${message} (read as NFKC)` }, (value, path) => {
    const errors = text(maxLength)(value, path);
    if (errors.length > 0) return errors;
    return pattern.test((value as string).normalize('NFKC')) ? [] : fail(path, message);
  });
}

/** ISO 3166-1 alpha-3 form (three upper-case letters; ICAO's XXA/XXB/XXC/XXX included). */
export const nationality = check(
  { type: 'string', pattern: '^[A-Z]{3}$', example: 'VNM', description: 'ISO 3166-1 alpha-3' },
  (value, path) =>
    typeof value === 'string' && /^[A-Z]{3}$/.test(value) ? [] : fail(path, 'must be an ISO 3166-1 alpha-3 code such as VNM'),
);

/** フリガナ: katakana (half-width is read as full-width), the long-vowel mark, middle dots and spaces. */
export const KATAKANA_READING = /^[\p{Script=Katakana}ー・＝= ]+$/u;

export const IDENTITY_RULES: Record<keyof ResidentIdentity, FieldRule> = {
  fullName: required(text(200)),
  dateOfBirth: required(date),
  nationality: required(nationality),
  gender: optional(text(32)),
  externalRef: optional(text(100)),
  notes: optional(multiLineText(2000)),
  nameKana: optional(matching(200, KATAKANA_READING, 'must be katakana (the reading of the name)')),
  nameNative: optional(text(200)),
  passportNumber: optional(matching(20, /^[A-Za-z0-9]{5,20}$/, 'must be 5 to 20 letters and digits')),
  passportExpiresOn: optional(date),
  phone: optional(matching(30, /^\+?[0-9()\- ]{6,30}$/, 'must be a telephone number (digits, spaces, hyphens, a leading +)')),
  email: optional(matching(200, /^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address')),
  assignedTo: optional(text(100)),
  employer: optional(text(200)),
};

/** A correction names at least one field, each checked as at registration. */
const correctionSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: Object.fromEntries(Object.entries(IDENTITY_RULES).map(([key, rule]) => [key, rule.check.schema])),
  description: 'The registration fields to correct (at least one), each checked as at registration.',
};

export const identityCorrection = check(correctionSchema, (value, path) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail(path, 'must be an object');
  const record = value as Record<string, unknown>;
  if (Object.keys(record).length === 0) return fail(path, 'must name at least one field to correct');
  return Object.entries(record).flatMap(([key, fieldValue]) =>
    Object.hasOwn(IDENTITY_RULES, key)
      ? IDENTITY_RULES[key as keyof ResidentIdentity].check(fieldValue, `${path}.${key}`)
      : fail(`${path}.${key}`, 'is not a field of the registration'),
  );
});
