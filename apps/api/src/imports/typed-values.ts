/**
 * What people type in a caseload spreadsheet, read as the ledger's codes: 在留資格 by its
 * Japanese name (`特定技能1号`, `技術・人文知識・国際業務`, full-width digits and brackets
 * allowed) or code; 国籍・地域 by Japanese or English name or ISO 3166-1 code (alpha-2 or
 * alpha-3, via i18n-iso-countries); 性別 as 男/女 or M/F; the kind of a pending application;
 * 分野 (特定産業分野) by its Japanese or English name or code; months as `29`, `29か月` or `2年5か月`.
 */
import { countries } from './country-names.js';
import {
  COUNTRY_ALIASES,
  isStatusCode,
  SPECIFIED_FIELDS,
  STATUS_CATALOGUE,
  STATUS_CODES,
  type PendingApplicationKind,
  type SpecifiedFieldCode,
  type StatusCode,
} from '@zairyu/domain';

/** NFKC, no spaces, brackets, middle dots or hyphens, lower case: `特定技能（１号）` → `特定技能1号`. */
export function looseForm(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()[\]（）「」・･\-_.,]/g, '');
}

/**
 * Names in use beside the official ones: 技人国 for 技術・人文知識・国際業務, 技能実習1号イ/ロ
 * (the ledger does not tell イ from ロ: their duties are the same), 高度専門職1号(イ).
 */
const STATUS_ALIASES: Record<string, StatusCode> = {
  技人国: 'engineer_humanities_international',
  技能実習1号イ: 'technical_intern_training_1',
  技能実習1号ロ: 'technical_intern_training_1',
  技能実習2号イ: 'technical_intern_training_2',
  技能実習2号ロ: 'technical_intern_training_2',
  技能実習3号イ: 'technical_intern_training_3',
  技能実習3号ロ: 'technical_intern_training_3',
  日本人の配偶者: 'spouse_of_japanese',
  永住者の配偶者: 'spouse_of_permanent_resident',
  永住: 'permanent_resident',
};

const STATUS_BY_NAME = new Map<string, StatusCode>([
  ...STATUS_CODES.map((code) => [looseForm(STATUS_CATALOGUE[code].ja), code] as const),
  ...Object.entries(STATUS_ALIASES).map(([name, code]) => [looseForm(name), code] as const),
]);

export function typedStatus(text: string): StatusCode | null {
  const trimmed = text.normalize('NFKC').trim();
  if (isStatusCode(trimmed)) return trimmed;
  return STATUS_BY_NAME.get(looseForm(trimmed)) ?? null;
}

const COUNTRY_BY_NAME = new Map<string, string>();
for (const locale of ['en', 'ja'] as const) {
  for (const [alpha2, names] of Object.entries(countries.getNames(locale, { select: 'all' }))) {
    const alpha3 = countries.alpha2ToAlpha3(alpha2);
    if (alpha3 === undefined) continue;
    for (const name of names) if (!COUNTRY_BY_NAME.has(looseForm(name))) COUNTRY_BY_NAME.set(looseForm(name), alpha3);
  }
}
for (const [name, alpha3] of Object.entries(COUNTRY_ALIASES)) COUNTRY_BY_NAME.set(looseForm(name), alpha3);

/** The ISO 3166-1 alpha-3 code of a nationality typed as a code or a name (Japanese or English). */
export function typedNationality(text: string): string | null {
  const trimmed = text.normalize('NFKC').trim();
  const upper = trimmed.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper) && countries.isValid(upper)) return upper;
  if (/^[A-Z]{2}$/.test(upper) && countries.isValid(upper)) return countries.alpha2ToAlpha3(upper) ?? null;
  return COUNTRY_BY_NAME.get(looseForm(trimmed)) ?? null;
}

const GENDERS: Record<string, string> = {
  男: 'male',
  男性: 'male',
  m: 'male',
  male: 'male',
  女: 'female',
  女性: 'female',
  f: 'female',
  female: 'female',
};

/** 男/女, M/F as `male`/`female`; anything else as typed (the field is free text). */
export function typedGender(text: string): string {
  return GENDERS[looseForm(text)] ?? text.trim();
}

const PENDING_KINDS: Record<string, PendingApplicationKind> = {
  extension: 'extension',
  更新: 'extension',
  在留期間更新: 'extension',
  在留期間更新許可申請: 'extension',
  statuschange: 'status_change',
  変更: 'status_change',
  在留資格変更: 'status_change',
  在留資格変更許可申請: 'status_change',
  permanent: 'permanent',
  永住: 'permanent',
  永住許可: 'permanent',
  永住許可申請: 'permanent',
};

export function typedPendingKind(text: string): PendingApplicationKind | null {
  return PENDING_KINDS[looseForm(text)] ?? null;
}

/** はい/いいえ, true/false, 1/0, ○/×. */
export function typedBoolean(text: string): boolean | null {
  const form = looseForm(text);
  if (['true', 'yes', 'y', '1', 'はい', '○', '〇', '有'].includes(form)) return true;
  if (['false', 'no', 'n', '0', 'いいえ', '×', '無'].includes(form)) return false;
  return null;
}

/** The names the fields had before the 2024 renaming, as older ledgers still write them. */
const FIELD_ALIASES: Record<string, SpecifiedFieldCode> = {
  素形材産業: 'industrial_products_manufacturing',
  産業機械製造業: 'industrial_products_manufacturing',
  電気電子情報関連産業: 'industrial_products_manufacturing',
  素形材産業機械電気電子情報関連製造業: 'industrial_products_manufacturing',
  造船: 'shipbuilding_marine',
  外食: 'food_service',
  飲食料品製造: 'food_and_beverage_manufacturing',
  ビルクリ: 'building_cleaning',
};

const FIELD_BY_NAME = new Map<string, SpecifiedFieldCode>([
  ...SPECIFIED_FIELDS.flatMap((field) =>
    [field.code, field.ja, field.en].map((name) => [looseForm(name), field.code as SpecifiedFieldCode] as const),
  ),
  ...Object.entries(FIELD_ALIASES).map(([name, code]) => [looseForm(name), code] as const),
]);

/** 特定産業分野 as typed (介護, Nursing care, nursing_care) → its code; the domain says whether it is in force. */
export function typedSpecifiedField(text: string): SpecifiedFieldCode | null {
  return FIELD_BY_NAME.get(looseForm(text)) ?? null;
}

/** Whole months: `29`, `29か月`, `29ヶ月`, `2年5か月`, `2年`. */
export function typedMonths(text: string): number | null {
  const form = text.normalize('NFKC').replace(/\s/g, '');
  if (/^\d{1,3}$/.test(form)) return Number(form);
  const match = /^(?:(\d{1,2})年)?(?:(\d{1,3})(?:か|カ|ヶ|ケ|箇)?月)?$/.exec(form);
  if (match === null || (match[1] === undefined && match[2] === undefined)) return null;
  return Number(match[1] ?? 0) * 12 + Number(match[2] ?? 0);
}
