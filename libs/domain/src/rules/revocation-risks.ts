/**
 * Grounds of revocation (在留資格の取消し, 入管法22条の4①) that a deadline warns of.
 */
import type { StatusCode } from '../status-catalogue.js';

/**
 * 6号: a 別表第一 status whose activities have not been pursued for 3 months, or 6 months for
 * 高度専門職2号 (括弧書: 高度専門職の在留資格(別表第一の二の表の高度専門職の項の下欄第二号に係るもの
 * に限る。)をもつて在留する者にあつては、六月).
 */
export function activityGapMonths(status: StatusCode): number {
  return status === 'highly_skilled_professional_2' ? 6 : 3;
}

/** 7号: a spouse status without the spouse's activities for 6 months. */
export const SPOUSE_ACTIVITY_GAP_MONTHS = 6;
