import { describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { newDataKey, open, ResidentKeys } from '@zairyu/resident-streams';
import { searchPrefix, tokenPrefixes, TOKEN_PREFIX_LENGTH } from '../search/search-text.js';
import { byName, nameSortOf, ReadModelSeal, UNREADABLE_COLUMNS, type PersonalColumns } from './read-model-seal.js';

/** Hashing and sealing need no database (only opening looks keys up). */
const seal = new ReadModelSeal(new ResidentKeys({} as pg.Pool, newDataKey()));
const columns: PersonalColumns = {
  ...UNREADABLE_COLUMNS,
  fullName: 'HOANG THI MAI',
  dateOfBirth: '1991-07-23',
  cardNumber: 'HM12345678AB',
};

describe('the read models seal', () => {
  it('seals a row the same way each time (a rebuild compares equal), per resident, and nothing of it reads in clear', () => {
    const key = newDataKey();
    const keys = new Map([
      ['r1', key],
      ['r2', key],
    ]);
    const sealed = seal.seal(keys, 'r1', columns);
    expect(seal.seal(keys, 'r1', columns).equals(sealed)).toBe(true);
    expect(seal.seal(keys, 'r2', columns).equals(sealed)).toBe(false);
    expect(seal.seal(keys, 'r1', { ...columns, notes: 'x' }).equals(sealed)).toBe(false);
    expect(sealed.includes(Buffer.from('HOANG'))).toBe(false);
    expect(JSON.parse(open(key, sealed, 'read-model:r1').toString('utf8'))).toEqual(columns);
    expect(() => open(key, sealed, 'read-model:r2')).toThrow();
  });

  it('hashes a word with the organisation’s key: equal within one organisation, unrelated across two, nothing of the word in it', () => {
    expect(seal.hash('org-a', 'nguyen')).toBe(seal.hash('org-a', 'nguyen'));
    expect(seal.hash('org-a', 'nguyen')).not.toBe(seal.hash('org-b', 'nguyen'));
    expect(seal.hash('org-a', 'nguyen')).not.toBe(seal.hash('org-a', 'nguye'));
    expect(seal.hash('org-a', 'nguyen')).not.toContain('nguyen');
    expect(new ReadModelSeal(new ResidentKeys({} as pg.Pool, newDataKey())).hash('org-a', 'nguyen')).not.toBe(seal.hash('org-a', 'nguyen'));
  });

  it('keeps every beginning of a word, so a search word finds the words it begins', () => {
    expect(tokenPrefixes('ngô')).toEqual(['n', 'ng', 'ngô']);
    expect(tokenPrefixes('グエン')).toEqual(['グ', 'グエ', 'グエン']);
    const long = 'a'.repeat(40);
    expect(tokenPrefixes(long)).toHaveLength(TOKEN_PREFIX_LENGTH);
    expect(tokenPrefixes(long)).toContain(searchPrefix(long));
  });

  it('orders by the first characters in SQL and by the whole name in memory: together, the order of the whole names', () => {
    const people = ['tran van b', 'Tran Van A', 'LE THI HOA', 'le', 'Lê Văn', 'an', 'A', 'グエン', 'ぐえん', 'Nguyễn', 'nguyen'].map(
      (fullName, i) => ({ fullName, residentId: `r${i}` }),
    );
    const bucketed = [...people].sort((a, b) => {
      const [x, y] = [nameSortOf(a.fullName), nameSortOf(b.fullName)];
      return x !== y ? (x < y ? -1 : 1) : byName(a, b);
    });
    expect(bucketed).toEqual([...people].sort(byName));
    expect(nameSortOf('Nguyễn Văn An')).toBe('ng');
  });
});
