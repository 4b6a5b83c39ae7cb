/**
 * class-validator on plain JSON: every field at fault, as `{ field, message }` with dotted
 * paths (`data.card.number`), unknown fields included.
 */
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { FieldError } from '@zairyu/domain';
import { badRequest } from '../http/problem.js';
import { EVENT_DATA_CLASSES, type RecordableEventType } from './event-data.dto.js';
import { RecordEventDto } from './record-event.dto.js';

export function fieldErrors(errors: readonly ValidationError[], prefix = ''): FieldError[] {
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

export function checkBody<T extends object>(cls: new () => T, body: unknown, prefix = ''): { value: T; errors: FieldError[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { value: new cls(), errors: [{ field: prefix.replace(/\.$/, '') || '(body)', message: 'must be a JSON object' }] };
  }
  // class-transformer walks keys such as `constructor` as if they were the class's own: name
  // them as unknown fields before it sees them (no DTO of the contract has such a field).
  const inherited = inheritedNames(body, prefix);
  if (inherited.length > 0) return { value: new cls(), errors: inherited };
  const value = plainToInstance(cls, body, { enableImplicitConversion: false });
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false });
  return { value, errors: fieldErrors(errors, prefix) };
}

/** The event body, checked as a whole: 400 with every field at fault. */
export function validateEventBody(body: unknown): { type: RecordableEventType; occurredOn: string; data: Record<string, unknown> } {
  const envelope = checkBody(RecordEventDto, body);
  const errors = [...envelope.errors];
  const type = envelope.value.type as RecordableEventType;
  // `type` is the client's text: `toString` or `__proto__` must not find Object.prototype's.
  const dataClass = Object.hasOwn(EVENT_DATA_CLASSES, type) ? EVENT_DATA_CLASSES[type] : undefined;
  if (dataClass && envelope.value.data !== undefined) errors.push(...checkBody(dataClass, envelope.value.data, 'data.').errors);
  if (errors.length > 0) throw badRequest('The event is not valid.', errors);
  const data = (body as { data?: Record<string, unknown> }).data ?? {};
  return { type, occurredOn: envelope.value.occurredOn, data };
}
