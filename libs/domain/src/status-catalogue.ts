/**
 * Statuses of residence (在留資格), the codes the API uses. docs/domain-rules.md §3; work
 * categories from docs/sources/card-number-check.md §6.2; 所属機関 notification categories from 入管法19条の16.
 */

export const WORK_CATEGORIES = ['status_activities_only', 'designated_activities_only', 'unrestricted', 'not_permitted'] as const;
export type WorkCategory = (typeof WORK_CATEGORIES)[number];

/** Which notification a change of 所属機関 or of a spouse relationship calls for (19条の16). */
export type NotificationCategory = 'activity' | 'contract' | 'spouse' | null;

export interface StatusDefinition {
  readonly code: StatusCode;
  readonly ja: string;
  readonly work: WorkCategory;
  readonly notification: NotificationCategory;
  /** Residents of this status never hold a residence card (19条の3). */
  readonly cardless: boolean;
  /** No period end: 永住者 and 高度専門職2号 (docs/domain-rules.md §4). */
  readonly indefinite: boolean;
}

export const STATUS_CODES = [
  'professor',
  'artist',
  'religious_activities',
  'journalist',
  'highly_skilled_professional_1a',
  'highly_skilled_professional_1b',
  'highly_skilled_professional_1c',
  'highly_skilled_professional_2',
  'business_manager',
  'legal_accounting',
  'medical_services',
  'researcher',
  'instructor',
  'engineer_humanities_international',
  'intra_company_transferee',
  'nursing_care',
  'entertainer',
  'skilled_labor',
  'specified_skilled_worker_1',
  'specified_skilled_worker_2',
  'technical_intern_training_1',
  'technical_intern_training_2',
  'technical_intern_training_3',
  'employment_for_skill_development',
  'cultural_activities',
  'student',
  'trainee',
  'dependent',
  'designated_activities',
  'permanent_resident',
  'spouse_of_japanese',
  'spouse_of_permanent_resident',
  'long_term_resident',
  'temporary_visitor',
  'diplomat',
  'official',
] as const;

export type StatusCode = (typeof STATUS_CODES)[number];

type Row = [ja: string, work: WorkCategory, notification: NotificationCategory, cardless?: boolean];

const W = 'status_activities_only';

const TABLE: Record<StatusCode, Row> = {
  professor: ['教授', W, 'activity'],
  artist: ['芸術', W, null],
  religious_activities: ['宗教', W, null],
  journalist: ['報道', W, null],
  highly_skilled_professional_1a: ['高度専門職1号イ', W, 'contract'],
  highly_skilled_professional_1b: ['高度専門職1号ロ', W, 'contract'],
  highly_skilled_professional_1c: ['高度専門職1号ハ', W, 'activity'],
  highly_skilled_professional_2: ['高度専門職2号', W, 'contract'],
  business_manager: ['経営・管理', W, 'activity'],
  legal_accounting: ['法律・会計業務', W, 'activity'],
  medical_services: ['医療', W, 'activity'],
  researcher: ['研究', W, 'contract'],
  instructor: ['教育', W, 'activity'],
  engineer_humanities_international: ['技術・人文知識・国際業務', W, 'contract'],
  intra_company_transferee: ['企業内転勤', W, 'activity'],
  nursing_care: ['介護', W, 'contract'],
  entertainer: ['興行', W, 'contract'],
  skilled_labor: ['技能', W, 'contract'],
  specified_skilled_worker_1: ['特定技能1号', W, 'contract'],
  specified_skilled_worker_2: ['特定技能2号', W, 'contract'],
  technical_intern_training_1: ['技能実習1号', W, 'activity'],
  technical_intern_training_2: ['技能実習2号', W, 'activity'],
  technical_intern_training_3: ['技能実習3号', W, 'activity'],
  // 育成就労 starts in 2027; its notification category is our reading until the ordinance is out.
  employment_for_skill_development: ['育成就労', W, 'activity'],
  cultural_activities: ['文化活動', 'not_permitted', null],
  student: ['留学', 'not_permitted', 'activity'],
  trainee: ['研修', 'not_permitted', 'activity'],
  dependent: ['家族滞在', 'not_permitted', 'spouse'],
  designated_activities: ['特定活動', 'designated_activities_only', null],
  permanent_resident: ['永住者', 'unrestricted', null],
  spouse_of_japanese: ['日本人の配偶者等', 'unrestricted', 'spouse'],
  spouse_of_permanent_resident: ['永住者の配偶者等', 'unrestricted', 'spouse'],
  long_term_resident: ['定住者', 'unrestricted', null],
  temporary_visitor: ['短期滞在', 'not_permitted', null, true],
  diplomat: ['外交', 'not_permitted', null, true],
  official: ['公用', 'not_permitted', null, true],
};

export const STATUS_CATALOGUE: Readonly<Record<StatusCode, StatusDefinition>> = Object.fromEntries(
  STATUS_CODES.map((code) => {
    const [ja, work, notification, cardless = false] = TABLE[code];
    const indefinite = code === 'permanent_resident' || code === 'highly_skilled_professional_2';
    return [code, { code, ja, work, notification, cardless, indefinite }];
  }),
) as Record<StatusCode, StatusDefinition>;

export function isStatusCode(value: unknown): value is StatusCode {
  return typeof value === 'string' && Object.hasOwn(TABLE, value);
}

/** Statuses whose spouse relationship is itself the ground of stay (22条の4①7号). */
export function isSpouseStatus(code: StatusCode): boolean {
  return code === 'spouse_of_japanese' || code === 'spouse_of_permanent_resident';
}

/**
 * 特定活動 cases that never get a card (19条の3; docs/sources/residence-card-guide.md): staff of the Taipei Economic and
 * Cultural Representative Office or the General Mission of Palestine and their families, and
 * digital nomads and their families.
 */
export const CARDLESS_DESIGNATIONS = ['representative_office', 'digital_nomad'] as const;
export type Designation = (typeof CARDLESS_DESIGNATIONS)[number] | 'other';
export const DESIGNATIONS: readonly Designation[] = [...CARDLESS_DESIGNATIONS, 'other'];
