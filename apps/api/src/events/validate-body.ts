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

export function checkBody<T extends object>(cls: new () => T, body: unknown, prefix = ''): { value: T; errors: FieldError[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { value: new cls(), errors: [{ field: prefix.replace(/\.$/, '') || '(body)', message: 'must be a JSON object' }] };
  }
  const value = plainToInstance(cls, body, { enableImplicitConversion: false });
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: false });
  return { value, errors: fieldErrors(errors, prefix) };
}

/** The event body, checked as a whole: 400 with every field at fault. */
export function validateEventBody(body: unknown): { type: RecordableEventType; occurredOn: string; data: Record<string, unknown> } {
  const envelope = checkBody(RecordEventDto, body);
  const errors = [...envelope.errors];
  const type = envelope.value.type as RecordableEventType;
  const dataClass = EVENT_DATA_CLASSES[type];
  if (dataClass && envelope.value.data !== undefined) errors.push(...checkBody(dataClass, envelope.value.data, 'data.').errors);
  if (errors.length > 0) throw badRequest('The event is not valid.', errors);
  const data = (body as { data?: Record<string, unknown> }).data ?? {};
  return { type, occurredOn: envelope.value.occurredOn, data };
}
