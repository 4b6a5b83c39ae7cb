/**
 * 特定産業分野: the fields a Specified Skilled Worker may work in (入管法別表第一の二 特定技能;
 * 分野省令 平成31年法務省令第6号). Twelve fields from 2019, renamed 工業製品製造業 and joined by
 * 自動車運送業, 鉄道, 林業 and 木材産業 on the 2024-03-29 閣議決定 (16 fields). 特定技能2号 exists
 * in every field of 2019 but 介護 (which has the status 介護) since 2023-08-31; the four fields of
 * 2024 had no 2号 when added (check with ISA before relying on it for a 6th year).
 *
 * Announced but not in force: リネンサプライ, 物流倉庫 and 資源循環 (閣議決定 2026-01-23, start
 * expected in 2027). They are listed so the names are known, and refused until they start.
 */

export interface SpecifiedField {
  readonly code: string;
  readonly ja: string;
  readonly en: string;
  /** A 特定技能2号 exists in this field (so a 1号 worker may be allowed a 6th year). */
  readonly secondTier: boolean;
  /** false: announced, not yet a 特定産業分野. */
  readonly inForce: boolean;
}

const FIELDS = [
  ['nursing_care', '介護', 'Nursing care', false, true],
  ['building_cleaning', 'ビルクリーニング', 'Building cleaning', true, true],
  ['industrial_products_manufacturing', '工業製品製造業', 'Industrial products manufacturing', true, true],
  ['construction', '建設', 'Construction', true, true],
  ['shipbuilding_marine', '造船・舶用工業', 'Shipbuilding and marine industry', true, true],
  ['automobile_maintenance', '自動車整備', 'Automobile maintenance', true, true],
  ['aviation', '航空', 'Aviation', true, true],
  ['accommodation', '宿泊', 'Accommodation', true, true],
  ['automobile_transportation', '自動車運送業', 'Automobile transportation', false, true],
  ['railway', '鉄道', 'Railway', false, true],
  ['agriculture', '農業', 'Agriculture', true, true],
  ['fishery', '漁業', 'Fishery and aquaculture', true, true],
  ['food_and_beverage_manufacturing', '飲食料品製造業', 'Food and beverage manufacturing', true, true],
  ['food_service', '外食業', 'Food service', true, true],
  ['forestry', '林業', 'Forestry', false, true],
  ['wood_industry', '木材産業', 'Wood industry', false, true],
  ['linen_supply', 'リネンサプライ', 'Linen supply', false, false],
  ['logistics_warehousing', '物流倉庫', 'Logistics warehousing', false, false],
  ['resource_circulation', '資源循環', 'Resource circulation', false, false],
] as const;

export type SpecifiedFieldCode = (typeof FIELDS)[number][0];

export const SPECIFIED_FIELDS: readonly SpecifiedField[] = FIELDS.map(([code, ja, en, secondTier, inForce]) => ({
  code,
  ja,
  en,
  secondTier,
  inForce,
}));

export const SPECIFIED_FIELD_CODES: readonly SpecifiedFieldCode[] = FIELDS.filter((row) => row[4]).map((row) => row[0]);

export function specifiedField(code: string): SpecifiedField | undefined {
  return SPECIFIED_FIELDS.find((field) => field.code === code);
}
