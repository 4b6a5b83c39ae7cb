import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isLocalDate } from '@zairyu/domain';

/** `YYYY-MM-DD` that exists in the calendar: 2026-02-30 is refused, 2028-02-29 is not. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be a calendar date YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => isLocalDate(value) },
    });
}
