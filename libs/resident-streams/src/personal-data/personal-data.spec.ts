import { describe, expect, it } from '@jest/globals';
import { newDataKey, open, seal, unwrapDataKey, wrapDataKey } from './data-keys.js';
import { hasPersonalValues, holdsSealedValue, mapPersonalValues } from './personal-fields.js';
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
