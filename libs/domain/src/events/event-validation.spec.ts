import { describe, expect, test } from '@jest/globals';
import { parseRecordableEvent, parseRegistration, validateEvent } from './event-validation.js';

const fieldsOf = (result: { ok: boolean; errors?: { field: string }[] }) => (result.errors ?? []).map((error) => error.field).sort();

describe('an event body is checked once, with every field at fault (400)', () => {
  test('an impossible date (2026-02-30), a bad card number, a non-date and an unknown field are all reported at once', () => {
    const result = parseRecordableEvent({
      type: 'ExtensionGranted',
      occurredOn: '2026-02-30',
      data: { periodExpiresOn: 'soon', card: { number: 'ab1234' }, extra: 1 },
    });
    expect(result.ok).toBe(false);
    expect(fieldsOf(result as never)).toEqual(['data.card.number', 'data.extra', 'data.periodExpiresOn', 'occurredOn']);
  });

  test('an unknown type, a missing body and an array are field errors, not crashes', () => {
    expect(parseRecordableEvent({ type: 'Teleported', occurredOn: '2026-01-01', data: {} })).toMatchObject({
      ok: false,
      errors: [{ field: 'type' }],
    });
    expect(parseRecordableEvent(null)).toMatchObject({ ok: false, errors: [{ field: '' }] });
    expect(parseRecordableEvent([])).toMatchObject({ ok: false, errors: [{ field: '' }] });
    expect(fieldsOf(parseRecordableEvent({}) as never)).toEqual(['occurredOn', 'type']);
  });

  test('a registration is not a fact recorded with POST /events', () => {
    const registration = {
      type: 'ResidentRegistered',
      occurredOn: '2026-01-01',
      data: { residentId: 'r', fullName: 'A', dateOfBirth: '1990-01-01', nationality: 'VNM' },
    };
    expect(validateEvent(registration).ok).toBe(true);
    expect(parseRecordableEvent(registration)).toMatchObject({ ok: false, errors: [{ field: 'type' }] });
  });

  test('missing data is read as {}: an event type without fields needs none, others name each missing field', () => {
    expect(parseRecordableEvent({ type: 'ExtensionApplied', occurredOn: '2026-01-01' })).toEqual({
      ok: true,
      value: { type: 'ExtensionApplied', occurredOn: '2026-01-01', data: {} },
    });
    expect(fieldsOf(parseRecordableEvent({ type: 'Departed', occurredOn: '2026-01-01' }) as never)).toEqual(['data.reentry']);
  });

  test('cross-field rules run once the shape is right: a permit departure needs permitExpiresOn', () => {
    expect(parseRecordableEvent({ type: 'Departed', occurredOn: '2026-01-01', data: { reentry: 'permit' } })).toMatchObject({
      ok: false,
      errors: [{ field: 'data.permitExpiresOn', message: 'is required when reentry is "permit"' }],
    });
  });
});

describe('registration details use the rules of ResidentRegistered, named without the data. prefix', () => {
  test('an empty name, 1990-02-30 and a non-code nationality are all reported', () => {
    expect(fieldsOf(parseRegistration({ fullName: '', dateOfBirth: '1990-02-30', nationality: 'vietnam' }) as never)).toEqual([
      'dateOfBirth',
      'fullName',
      'nationality',
    ]);
  });

  test('the resident id is the ledger’s: a caller cannot give one', () => {
    expect(parseRegistration({ residentId: 'mine', fullName: 'A', dateOfBirth: '1990-01-01', nationality: 'VNM' })).toMatchObject({
      ok: false,
      errors: [{ field: 'residentId', message: 'is not a known field' }],
    });
  });

  test('a valid registration comes back as given; a non-object is one error', () => {
    const details = { fullName: 'NGUYEN VAN AN', dateOfBirth: '1998-07-21', nationality: 'VNM', externalRef: 'C-1' };
    expect(parseRegistration(details)).toEqual({ ok: true, value: details });
    expect(parseRegistration('x')).toMatchObject({ ok: false, errors: [{ field: '' }] });
  });
});
