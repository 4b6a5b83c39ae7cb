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
      '氏名(旅券のとおり): NGUYEN VAN AN / 生年月日: 1998年7月21日(火) / 国籍: VNM',
    );
  });

  test('a correction (DetailsCorrected) lists the corrected fields and the reason, not raw JSON', () => {
    const words = describeEventData({ fields: { fullName: 'NGUYEN VAN AM' }, reason: '旅券の綴り' }, t, 'ja', status);
    expect(words).toBe('氏名(旅券のとおり): NGUYEN VAN AM / 理由: 旅券の綴り');
  });

  test('a status by its name', () => {
    expect(describeEventData({ status: 'student' }, t, 'ja', status)).toContain('留学');
  });
});
