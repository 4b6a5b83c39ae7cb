import { describe, expect, test } from '@jest/globals';
import type { LocalDate } from '@zairyu/domain';
import { readRow } from './import-row.js';
import { headerMap } from './import-template.js';

/** A day 育成就労 exists on (it begins 2027-04-01): the row is read as of it. */
const TODAY = '2027-06-01' as LocalDate;
const PERSON = ['NGUYEN THI HOA', '2003-02-14', 'ベトナム'];

function read(headers: string[], cells: string[]) {
  return readRow({ row: 2, cells }, headerMap(headers), TODAY);
}

describe('育成就労開始日: the first day in 育成就労, for its 3-year total (skillDevelopmentCountFrom)', () => {
  const headers = ['氏名', '生年月日', '国籍・地域', '在留資格', '在留期間満了日', '許可年月日', '在留カード番号', '育成就労開始日'];

  test('taken over on 2027-06-01 with a grant of 2027-05-01, 育成就労 since 令和9年4月10日: the count runs from 2027-04-10', () => {
    const row = read(headers, [...PERSON, '育成就労', '2028-04-30', '2027-05-01', 'AB12345678CD', '令和9年4月10日']);
    expect(row.errors).toEqual([]);
    expect(row.existing?.data).toMatchObject({ status: 'employment_for_skill_development', skillDevelopmentCountFrom: '2027-04-10' });
  });

  test('the English header skillDevelopmentCountFrom is the same column', () => {
    const english = [
      'fullName',
      'dateOfBirth',
      'nationality',
      'status',
      'periodExpiresOn',
      'grantedOn',
      'cardNumber',
      'skillDevelopmentCountFrom',
    ];
    const row = read(english, [...PERSON, '育成就労', '2028-04-30', '2027-05-01', 'AB12345678CD', '2027/4/10']);
    expect(row.errors).toEqual([]);
    expect(row.existing?.data.skillDevelopmentCountFrom).toBe('2027-04-10');
  });

  test('a first day after the grant the take-over holds from (2027-05-02 > 2027-05-01) is an error on that column', () => {
    const row = read(headers, [...PERSON, '育成就労', '2028-04-30', '2027-05-01', 'AB12345678CD', '2027-05-02']);
    expect(row.existing).toBeNull();
    expect(row.errors).toEqual([
      expect.objectContaining({ field: 'skillDevelopmentCountFrom', column: '育成就労開始日', columnJa: '育成就労開始日' }),
    ]);
  });

  test('not a date, or given for another status (技術・人文知識・国際業務), is an error on that column', () => {
    const typo = read(headers, [...PERSON, '育成就労', '2028-04-30', '2027-05-01', 'AB12345678CD', '4月10日ごろ']);
    expect(typo.errors).toEqual([expect.objectContaining({ field: 'skillDevelopmentCountFrom', columnJa: '育成就労開始日' })]);
    const other = read(headers, [...PERSON, '技人国', '2028-04-30', '2027-05-01', 'AB12345678CD', '2027-04-10']);
    expect(other.errors).toEqual([expect.objectContaining({ field: 'skillDevelopmentCountFrom', columnJa: '育成就労開始日' })]);
  });

  test('without a 在留資格 the column asks for one, as the other status columns do', () => {
    const row = read(['氏名', '生年月日', '国籍・地域', '育成就労開始日'], [...PERSON, '2027-04-10']);
    expect(row.errors).toEqual([expect.objectContaining({ field: 'status', messageJa: expect.stringContaining('育成就労') })]);
  });
});
