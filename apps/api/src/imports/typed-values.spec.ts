import { describe, expect, test } from '@jest/globals';
import { headerMap, namesColumns } from './import-template.js';
import {
  typedBoolean,
  typedGender,
  typedMonths,
  typedNationality,
  typedPendingKind,
  typedSpecifiedField,
  typedStatus,
} from './typed-values.js';

describe('values as typed in a spreadsheet', () => {
  test('在留資格 by its Japanese name, full-width digits and brackets allowed, or by code', () => {
    expect(typedStatus('特定技能1号')).toBe('specified_skilled_worker_1');
    expect(typedStatus('特定技能１号')).toBe('specified_skilled_worker_1');
    expect(typedStatus('特定技能（1号）')).toBe('specified_skilled_worker_1');
    expect(typedStatus('技術・人文知識・国際業務')).toBe('engineer_humanities_international');
    expect(typedStatus('技人国')).toBe('engineer_humanities_international');
    expect(typedStatus('技能実習2号ロ')).toBe('technical_intern_training_2');
    expect(typedStatus('留学')).toBe('student');
    expect(typedStatus('永住者')).toBe('permanent_resident');
    expect(typedStatus('student')).toBe('student');
    expect(typedStatus('観光')).toBeNull();
  });

  test('国籍・地域 by Japanese or English name or ISO code, alpha-2 or alpha-3', () => {
    expect(typedNationality('ベトナム')).toBe('VNM');
    expect(typedNationality('Viet Nam')).toBe('VNM');
    expect(typedNationality('Vietnam')).toBe('VNM');
    expect(typedNationality('VN')).toBe('VNM');
    expect(typedNationality('vnm')).toBe('VNM');
    expect(typedNationality('中国')).toBe('CHN');
    expect(typedNationality('フィリピン')).toBe('PHL');
    expect(typedNationality('Philippines')).toBe('PHL');
    expect(typedNationality('インドネシア')).toBe('IDN');
    expect(typedNationality('ネパール')).toBe('NPL');
    expect(typedNationality('台湾')).toBe('TWN');
    expect(typedNationality('Atlantis')).toBeNull();
    expect(typedNationality('XYZ')).toBeNull();
  });

  test('性別 男/女 and M/F; an application kind 更新/変更/永住; はい/いいえ', () => {
    expect(typedGender('男')).toBe('male');
    expect(typedGender('F')).toBe('female');
    expect(typedGender('その他')).toBe('その他');
    expect(typedPendingKind('更新')).toBe('extension');
    expect(typedPendingKind('在留資格変更許可申請')).toBe('status_change');
    expect(typedPendingKind('永住')).toBe('permanent');
    expect(typedPendingKind('帰化')).toBeNull();
    expect(typedBoolean('はい')).toBe(true);
    expect(typedBoolean('いいえ')).toBe(false);
    expect(typedBoolean('maybe')).toBeNull();
  });

  test('分野 by its Japanese or English name or code, the names before 2024 included', () => {
    expect(typedSpecifiedField('外食業')).toBe('food_service');
    expect(typedSpecifiedField('造船・舶用工業')).toBe('shipbuilding_marine');
    expect(typedSpecifiedField('Nursing care')).toBe('nursing_care');
    expect(typedSpecifiedField('素形材・産業機械・電気電子情報関連製造業')).toBe('industrial_products_manufacturing');
    expect(typedSpecifiedField('観光業')).toBeNull();
  });

  test('months used as a number or in years and months, full-width allowed', () => {
    expect(typedMonths('29')).toBe(29);
    expect(typedMonths('２９か月')).toBe(29);
    expect(typedMonths('2年5ヶ月')).toBe(29);
    expect(typedMonths('3年')).toBe(36);
    expect(typedMonths('約2年')).toBeNull();
  });
});

describe('the header row', () => {
  test("an office's own names for the columns, a running number skipped without a report", () => {
    const map = headerMap(['No.', '氏名', '国籍', '在留期限', '担当', '分野', '上陸日', '交付日', '許可日', '満了日', 'メモ2']);
    expect(map.columns).toMatchObject({
      fullName: 1,
      nationality: 2,
      periodExpiresOn: 3,
      assignedTo: 4,
      sswField: 5,
      enteredOn: 6,
      cardIssuedOn: 7,
      grantedOn: 8,
    });
    expect(map.ignored).toEqual(['メモ2']);
    expect(map.repeated).toEqual(['満了日']);
  });

  test('a title row is no header; a row naming two known columns is', () => {
    expect(namesColumns(['外国人材管理台帳（令和8年12月現在）', '', ''])).toBe(false);
    expect(namesColumns(['氏名', '', ''])).toBe(false);
    expect(namesColumns(['No', '氏名', '国籍・地域'])).toBe(true);
  });
});
