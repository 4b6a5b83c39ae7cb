import { describe, expect, test } from '@jest/globals';
import i18n from 'i18next';
import { en } from '../i18n/en';
import { ja } from '../i18n/ja';
import { describeEventData } from './describe-event';

await i18n.init({ resources: { ja: { translation: ja }, en: { translation: en } }, lng: 'ja', fallbackLng: false });
const t = i18n.getFixedT('ja');
const status = (code: string) => (code === 'student' ? '留学' : code);

describe('an event in words for the history', () => {
  test('a registration names its fields in Japanese and shows the date of birth as a date', () => {
    expect(describeEventData({ fullName: 'NGUYEN VAN AN', dateOfBirth: '1998-07-21', nationality: 'VNM' }, t, 'ja', status)).toBe(
      '氏名(旅券のとおり): NGUYEN VAN AN / 生年月日: 1998年7月21日(火) / 国籍: ベトナム',
    );
  });

  test('a correction (DetailsCorrected) lists the corrected fields and the reason, not raw JSON', () => {
    const words = describeEventData({ fields: { fullName: 'NGUYEN VAN AM' }, reason: '旅券の綴り' }, t, 'ja', status);
    expect(words).toBe('氏名(旅券のとおり): NGUYEN VAN AM / 理由: 旅券の綴り');
  });

  test('性別 and other coded values in words: female as 女性, not the code', () => {
    expect(describeEventData({ gender: 'female' }, t, 'ja', status)).toBe('性別: 女性');
    expect(describeEventData({ nationality: 'PHL', gender: 'male' }, t, 'ja', status)).toBe('国籍: フィリピン / 性別: 男性');
  });

  test('a status by its name', () => {
    expect(describeEventData({ status: 'student' }, t, 'ja', status)).toContain('留学');
  });
});

describe('every fact in Japanese words: no raw code, no id', () => {
  const names = (kind: 'employer' | 'person', id: string) => (kind === 'employer' ? `[${id}の名称]` : `[${id}の氏名]`);
  const words = (type: string, data: Record<string, unknown>) => describeEventData(data, t, 'ja', status, { type, nameOf: names });

  test('an interview: with whom and how by their names, its record as typed', () => {
    expect(words('SupportInterviewHeld', { with: 'supervisor', mode: 'in_person', findings: '残業が多い' })).toBe(
      '面談の相手: 監督者 / 面談の方法: 対面 / 把握した状況: 残業が多い',
    );
  });

  test('a take-over’s pending application and 指定書: the kind by name, the employer by name', () => {
    expect(
      words('ExistingStatusRecorded', {
        status: 'student',
        pendingApplication: { kind: 'extension', appliedOn: '2026-11-02' },
        designation: { field: 'food_service', employer: 'e-1' },
      }),
    ).toBe(
      '在留資格: 留学 / 特定産業分野: 外食業 / 所属機関(指定書): [e-1の名称] / 審査中の申請（申請の種類: 在留期間更新 / 申請日: 2026年11月2日(月)）',
    );
  });

  test('an assignment names the person, not the user id', () => {
    expect(words('CaseAssigned', { assignedTo: 'u-1' })).toBe('担当者: [u-1の氏名]');
  });

  test('an AffiliationChanged kind and a filing kind, though both fields are called kind, each by its own name', () => {
    expect(words('AffiliationChanged', { kind: 'contract', change: 'new_contract', employer: 'e-2' })).toBe(
      '届出の区分: 契約機関 / 変更の内容: 新たな契約の締結 / 所属機関: [e-2の名称]',
    );
    expect(words('SswReportFiled', { kind: 'contract', filedVia: 'post' })).toBe(
      '届出の種類: 特定技能雇用契約に係る届出 / 届出の方法: 郵送',
    );
  });
});
