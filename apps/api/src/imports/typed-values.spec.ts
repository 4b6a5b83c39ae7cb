import { describe, expect, test } from '@jest/globals';
import { typedBoolean, typedGender, typedNationality, typedPendingKind, typedStatus } from './typed-values.js';

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
});
