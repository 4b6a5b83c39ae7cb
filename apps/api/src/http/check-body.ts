/**
 * class-validator on plain JSON, for the API's own bodies (organisations, keys): every field
 * at fault, as `{ field, message }`, unknown fields included. Event bodies are the domain's
 * to check (parseRecordableEvent, parseRegistration).
 */
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { FieldError } from '@zairyu/domain';

function fieldErrors(errors: readonly ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.startsWith('property ') ? 'is not a known field' : message.replace(`${error.property} `, ''),
    }));
    return [...own, ...fieldErrors(error.children ?? [], `${field}.`)];
  });
}

/** Keys of plain objects, at any depth, that name a member of Object.prototype. */
function inheritedNames(value: unknown, path: string): FieldError[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const field = Array.isArray(value) ? `${path.replace(/\.$/, '')}[${key}]` : `${path}${key}`;
    return key in Object.prototype ? [{ field, message: 'is not a known field' }] : inheritedNames(item, `${field}.`);
  });
}

export function checkBody<T extends object>(cls: new () => T, body: unknown): { value: T; errors: FieldError[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { value: new cls(), errors: [{ field: '(body)', message: 'must be a JSON object' }] };
  }
  // class-transformer walks keys such as `constructor` as if they were the class's own: name
  // them as unknown fields before it sees them (no DTO of the contract has such a field).
  const inherited = inheritedNames(body, '');
  if (inherited.length > 0) return { value: new cls(), errors: inherited };
  const value = plainToInstance(cls, body, { enableImplicitConversion: false });
  // One message per field: a missing name is "must be a string", not also "should not be empty".
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false, stopAtFirstError: true });
  return { value, errors: fieldErrors(errors) };
}
