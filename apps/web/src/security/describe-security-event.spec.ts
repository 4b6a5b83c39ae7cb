import { describe, expect, test } from '@jest/globals';
import i18n from 'i18next';
import { en } from '../i18n/en';
import { ja } from '../i18n/ja';
import { actorWords, whatWords } from './describe-security-event';

await i18n.init({ resources: { ja: { translation: ja }, en: { translation: en } }, lng: 'ja', fallbackLng: false });
const t = i18n.getFixedT('ja');

describe('a security log entry in words', () => {
  test('who: a person by name, a key by its label, nobody known before signing in, the platform', () => {
    expect(actorWords({ actor: 'user:1', actorName: '佐藤 花子' }, t)).toBe('佐藤 花子');
    expect(actorWords({ actor: 'key:9', actorName: '人事システム' }, t)).toBe('APIキー「人事システム」');
    expect(actorWords({ actor: 'anonymous', actorName: null }, t)).toBe('不明(サインイン前)');
    expect(actorWords({ actor: 'admin', actorName: 'platform admin' }, t)).toBe('プラットフォーム管理者');
  });

  test('what: the kind and its details in Japanese, never a raw code', () => {
    expect(whatWords({ kind: 'signed_in', detail: { secondFactor: 'recovery_code' } }, t, 'ja')).toBe('サインイン(リカバリーコードを使用)');
    expect(whatWords({ kind: 'sign_in_failed', detail: { step: 'password' } }, t, 'ja')).toBe(
      'サインインの失敗(メールアドレスまたはパスワードの誤り)',
    );
    expect(whatWords({ kind: 'role_changed', detail: { from: 'caseworker', to: 'manager' } }, t, 'ja')).toBe('権限の変更(担当者 → 管理者)');
    expect(whatWords({ kind: 'erasure', detail: { reason: 'data_subject_request' } }, t, 'ja')).toBe(
      '個人データの消去(理由: 本人からの請求)',
    );
    expect(whatWords({ kind: 'export_made', detail: { format: 'xlsx', rows: 12 } }, t, 'ja')).toBe('データの出力(Excel、12件)');
  });

  test('a detail with no words of its own is left out, not shown raw', () => {
    expect(whatWords({ kind: 'signed_in', detail: { secondFactor: 'carrier_pigeon', somethingNew: 'x' } }, t, 'ja')).toBe('サインイン');
  });
});
