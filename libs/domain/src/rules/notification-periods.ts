/**
 * Periods for notifications and card duties, in days from the triggering fact (the day
 * itself not counted, 民法140).
 */

/** 19条の7, 19条の9, 19条の10, 19条の12, 19条の15, 19条の16: within 14 days. */
export const NOTIFICATION_DAYS = 14;

/** 22条の4①8号: no residence notified within 90 days of landing is a revocation ground. */
export const LANDING_RESIDENCE_DAYS = 90;
