import { describe, expect, it } from '@jest/globals';
import { newDataKey, open, seal, unwrapDataKey, wrapDataKey } from './data-keys.js';
import { hasPersonalValues, holdsSealedValue, mapPersonalValues, mapSealedValues } from './personal-fields.js';
import { parseMasterKey } from './master-key.js';

describe('personal values and their sealing', () => {
  it('sees a sealed value left anywhere in the data, and none in opened data', () => {
    expect(holdsSealedValue({ fields: { dateOfBirth: { $sealed: 'AAAA' } } })).toBe(true);
    expect(holdsSealedValue({ entries: [{ note: { $sealed: 'AAAA' } }] })).toBe(true);
    expect(holdsSealedValue({ fullName: 'HOANG THI MAI', dateOfBirth: '1999-02-28', card: { number: 'AB12345678CD' } })).toBe(false);
    expect(holdsSealedValue({ fullName: null, extra: { $sealed: 'AAAA', other: 1 } })).toBe(false);
  });

  it('finds personal values wherever they sit (a registration, a correction, a move) and nothing else', () => {
    const correction = { fields: { fullName: 'HOANG THI MAI', nationality: 'VNM' }, reason: 'typo' };
    expect(mapPersonalValues(correction, () => 'X')).toEqual({ fields: { fullName: 'X', nationality: 'VNM' }, reason: 'typo' });
    expect(mapPersonalValues({ address: '大阪府', card: { number: 'AB12345678CD' } }, () => 'X')).toEqual({
      address: 'X',
      card: { number: 'AB12345678CD' },
    });
    expect(hasPersonalValues({ status: 'student', periodExpiresOn: '2027-03-31' })).toBe(false);
    expect(hasPersonalValues({ note: null })).toBe(false);
  });

  it('seals what the domain declares of its own types: card numbers, references, the employer, free text; not codes or dates', () => {
    const X = () => 'X';
    expect(mapPersonalValues({ card: { number: 'AB12345678CD', expiresOn: '2030-01-01' }, reason: 'landing' }, X, 'CardIssued')).toEqual({
      card: { number: 'X', expiresOn: '2030-01-01' },
      reason: 'landing',
    });
    expect(mapPersonalValues({ eventId: 'e1', reason: 'typed the wrong passport' }, X, 'EventRetracted')).toEqual({
      eventId: 'e1',
      reason: 'X',
    });
    expect(
      mapPersonalValues(
        { fields: { externalRef: 'EMP-7', employer: 'Chubu Kitchens', nationality: 'VNM' }, reason: 'typo' },
        X,
        'DetailsCorrected',
      ),
    ).toEqual({ fields: { externalRef: 'X', employer: 'X', nationality: 'VNM' }, reason: 'X' });
    expect(mapPersonalValues({ kind: 'contract', change: 'left', organisation: '中部食品' }, X, 'AffiliationChanged')).toEqual({
      kind: 'contract',
      change: 'left',
      organisation: 'X',
    });
    expect(mapPersonalValues({ designation: 'working_holiday' }, X, 'Landed')).toEqual({ designation: 'working_holiday' });
    expect(hasPersonalValues({ number: 'AB12345678CD', result: 'valid' }, 'CardVerified')).toBe(true);
    expect(hasPersonalValues({ status: 'student', periodExpiresOn: '2027-03-31' }, 'Landed')).toBe(false);
  });

  it('data of a type the domain does not declare is read by the names rule; sealed values open wherever they sit', () => {
    expect(mapPersonalValues({ reason: 'data_subject_request', fullName: 'A' }, () => 'X', 'PersonalDataErased')).toEqual({
      reason: 'data_subject_request',
      fullName: 'X',
    });
    // An event stored before a field was declared sealed reads as stored; one sealed by the old rule opens.
    const stored = { card: { number: 'AB12345678CD' }, fields: { fullName: { $sealed: 'AAAA' } } };
    expect(mapSealedValues(stored, () => 'opened')).toEqual({ card: { number: 'AB12345678CD' }, fields: { fullName: 'opened' } });
  });

  it('a sealed value opens with its key and resident only; altered bytes are refused', () => {
    const key = newDataKey();
    const sealed = seal(key, Buffer.from('"HOANG THI MAI"'), 'resident:a');
    expect(open(key, sealed, 'resident:a').toString()).toBe('"HOANG THI MAI"');
    expect(() => open(key, sealed, 'resident:b')).toThrow();
    expect(() => open(newDataKey(), sealed, 'resident:a')).toThrow();
    const altered = Buffer.from(sealed);
    altered[altered.length - 1]! ^= 1;
    expect(() => open(key, altered, 'resident:a')).toThrow();
  });

  it('a data key is wrapped for one resident by the master key', () => {
    const master = newDataKey();
    const key = newDataKey();
    const wrapped = wrapDataKey(master, 'r1', key);
    expect(unwrapDataKey(master, 'r1', wrapped).equals(key)).toBe(true);
    expect(() => unwrapDataKey(master, 'r2', wrapped)).toThrow();
  });

  it('the master key is 32 bytes in base64 or hex, nothing else', () => {
    expect(parseMasterKey(Buffer.alloc(32, 1).toString('base64')).length).toBe(32);
    expect(parseMasterKey('ab'.repeat(32)).length).toBe(32);
    expect(() => parseMasterKey('too short')).toThrow('ZAIRYU_MASTER_KEY must be 32 bytes');
  });
});
