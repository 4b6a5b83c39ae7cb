import { describe, expect, test } from '@jest/globals';
import { cardNumberForm } from './card-data.js';
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

describe('every text of an event is checked by the one rule for typed text (typed-text.ts)', () => {
  const registration = { fullName: 'NGUYEN VAN AN', dateOfBirth: '1998-07-21', nationality: 'VNM' };

  test('a NUL or an ESC in the name, the address or the external reference of a registration is a field error', () => {
    const parsed = parseRegistration({ ...registration, fullName: 'NGUYEN\u0000', externalRef: 'C\u001b1', nameNative: 'A\nB' });
    expect(parsed).toMatchObject({
      ok: false,
      errors: [
        { field: 'fullName', message: 'must not contain control characters, tabs or line breaks (U+0000 at character 7)' },
        { field: 'externalRef', message: expect.stringContaining('U+001B') },
        { field: 'nameNative', message: expect.stringContaining('U+000A') },
      ],
    });
  });

  test('a correction (DetailsCorrected) is held to the same rule, name and reason alike', () => {
    const corrected = parseRecordableEvent({
      type: 'DetailsCorrected',
      occurredOn: '2026-01-01',
      data: { fields: { fullName: 'NGUYEN\u0000VAN AN' }, reason: 'typo\u0007' },
    });
    expect(fieldsOf(corrected as never)).toEqual(['data.fields.fullName', 'data.reason']);
  });

  test('notes and reasons take line breaks and tabs; names and addresses do not', () => {
    expect(parseRegistration({ ...registration, notes: 'first\r\nsecond\tthird' }).ok).toBe(true);
    expect(parseRecordableEvent({ type: 'EventRetracted', occurredOn: '2026-01-01', data: { eventId: 'e', reason: 'a\nb' } }).ok).toBe(
      true,
    );
    expect(fieldsOf(parseRecordableEvent({ type: 'Moved', occurredOn: '2026-01-01', data: { address: 'Tokyo\r1-1' } }) as never)).toEqual([
      'data.address',
    ]);
    expect(fieldsOf(parseRegistration({ ...registration, notes: 'bell\u0007' }) as never)).toEqual(['notes']);
  });
});

describe('card numbers are read as people type them (docs/api-v1.md additions of 2026-11-23)', () => {
  test('cardNumberForm: lower case, full width, spaces, hyphens and the long-vowel mark', () => {
    expect(cardNumberForm('ab 1234-5678 cd')).toBe('AB12345678CD');
    expect(cardNumberForm('ＡＢ１２３４５６７８ＣＤ')).toBe('AB12345678CD');
    expect(cardNumberForm('ＡＢ１２３４ー５６７８　ＣＤ')).toBe('AB12345678CD');
    expect(cardNumberForm('nguyen')).toBeNull();
    expect(cardNumberForm('AB1234567CD')).toBeNull();
  });

  test('an event with a typed card number is recorded with the number as printed, in card and in CardVerified', () => {
    expect(
      parseRecordableEvent({
        type: 'CardIssued',
        occurredOn: '2026-04-01',
        data: { card: { number: 'ab 1234-5678 cd' }, reason: 'landing' },
      }),
    ).toEqual({
      ok: true,
      value: { type: 'CardIssued', occurredOn: '2026-04-01', data: { card: { number: 'AB12345678CD' }, reason: 'landing' } },
    });
    expect(
      parseRecordableEvent({
        type: 'CardVerified',
        occurredOn: '2026-04-01',
        data: { number: 'ａｂ１２３４５６７８ｃｄ', result: 'valid' },
      }),
    ).toMatchObject({ ok: true, value: { data: { number: 'AB12345678CD' } } });
  });

  test('what is not a card number after reading is still refused on its field', () => {
    expect(
      fieldsOf(
        parseRecordableEvent({
          type: 'CardIssued',
          occurredOn: '2026-04-01',
          data: { card: { number: 'ab 12' }, reason: 'landing' },
        }) as never,
      ),
    ).toEqual(['data.card.number']);
  });
});

describe('the 面談記録 and how a filing went in (optional, checked)', () => {
  test('an interview with its interpreter, findings and actions; a filing by post with its number', () => {
    const interview = { with: 'worker', mode: 'online', interpreter: 'ベトナム語', findings: '寮の騒音', actions: '寮の管理者に連絡' };
    expect(parseRecordableEvent({ type: 'SupportInterviewHeld', occurredOn: '2026-12-01', data: interview }).ok).toBe(true);
    const filed = { kind: 'annual', fiscalYear: 2026, filedVia: 'post', referenceNumber: 'A-123' };
    expect(parseRecordableEvent({ type: 'SswReportFiled', occurredOn: '2027-05-01', data: filed }).ok).toBe(true);
  });
  test('a route the office does not take, a blank finding and an overlong number are each named', () => {
    const result = parseRecordableEvent({
      type: 'HelloWorkNotified',
      occurredOn: '2026-12-01',
      data: { kind: 'hiring', filedVia: 'fax', referenceNumber: 'x'.repeat(51) },
    });
    expect(fieldsOf(result as never)).toEqual(['data.filedVia', 'data.referenceNumber']);
    const blank = parseRecordableEvent({
      type: 'SupportInterviewHeld',
      occurredOn: '2026-12-01',
      data: { with: 'worker', mode: 'online', findings: ' ' },
    });
    expect(fieldsOf(blank as never)).toEqual(['data.findings']);
  });
});
