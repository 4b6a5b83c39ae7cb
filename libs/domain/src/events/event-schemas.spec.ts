import { describe, expect, test } from '@jest/globals';
import { EVENT_TYPES } from './events.js';
import { eventDataSchema, eventSchema, registrationSchema } from './event-schemas.js';
import { parseRecordableEvent } from './event-validation.js';

describe('the schema of an event body is read off the rules that check it', () => {
  test('every event type has a closed object schema for its data', () => {
    for (const type of EVENT_TYPES) {
      expect(eventDataSchema(type)).toMatchObject({ type: 'object', additionalProperties: false });
      expect(eventSchema(type)).toMatchObject({ properties: { type: { enum: [type] }, occurredOn: { format: 'date' } } });
    }
  });

  test('data is required exactly when the type has a required field (Moved: address; ExtensionApplied: none)', () => {
    expect(eventSchema('Moved')['required']).toEqual(['type', 'occurredOn', 'data']);
    expect(eventSchema('ExtensionApplied')['required']).toEqual(['type', 'occurredOn']);
    expect(parseRecordableEvent({ type: 'ExtensionApplied', occurredOn: '2026-01-01' }).ok).toBe(true);
  });

  test('the schema says what the checks say: required fields, enums, the card number pattern, integer bounds', () => {
    const extension = eventDataSchema('ExtensionGranted') as { required: string[]; properties: Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(extension.required).toEqual(['periodExpiresOn', 'card']);
    expect(new RegExp(extension.properties['card'].properties.number.pattern).test('AB12345678CD')).toBe(true);
    const permitted = eventDataSchema('ExtraActivityPermitted') as { properties: Record<string, unknown>; description: string };
    expect(permitted.properties['hoursPerWeek']).toEqual({ type: 'integer', minimum: 1, maximum: 40 });
    expect(permitted.description).toContain('28');
    expect((eventDataSchema('StatusChangeGranted') as { description: string }).description).toContain('permanent_resident');
  });

  test('registration: the ResidentRegistered fields without the id the ledger gives', () => {
    const schema = registrationSchema() as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(['fullName', 'dateOfBirth', 'nationality']);
    expect(Object.keys(schema.properties)).not.toContain('residentId');
  });
});
