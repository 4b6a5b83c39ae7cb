import { describe, expect, test } from '@jest/globals';
import { normaliseCardNumber } from '../cards/normalise-card-number';
import { parseDate } from '../dates/parse-date';
import { buildData, EVENT_FORMS, EVENT_GROUPS } from './event-forms';

const build = (type: string, values: Record<string, string | boolean | string[]>) =>
  buildData(EVENT_FORMS[type]!, values, parseDate, normaliseCardNumber);

describe('a fact form sends only its type’s fields', () => {
  test('Landed: 和暦 dates read, card number normalised, empty optional fields left out', () => {
    expect(build('Landed', { status: 'student', periodExpiresOn: 'R8.3.31', 'card.number': 'ab 1234-5678 cd', port: '' })).toEqual({
      data: { status: 'student', periodExpiresOn: '2026-03-31', card: { number: 'AB12345678CD' } },
      errors: {},
    });
  });
  test('a missing required field and an unreadable date are named', () => {
    expect(build('ExtensionGranted', { periodExpiresOn: '2026-02-30' }).errors).toEqual({
      periodExpiresOn: 'date',
      'card.number': 'required',
    });
  });
  test('numbers and check boxes', () => {
    expect(build('ExtraActivityPermitted', { scope: 'individual', hoursPerWeek: '２０' }).data).toEqual({
      scope: 'individual',
      hoursPerWeek: 20,
    });
    expect(build('CardLost', { discoveredAbroad: true }).data).toEqual({ discoveredAbroad: true });
  });
  test('every type in the picker has a form, and every form is in the picker', () => {
    const picked = EVENT_GROUPS.flatMap((g) => g.types).sort();
    expect(picked).toEqual(Object.keys(EVENT_FORMS).sort());
  });
});
