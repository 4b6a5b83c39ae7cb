/**
 * How reminders run. Jobs (pg-boss) are on by default; tests that drive the digest directly
 * turn the schedule off and shorten the webhook back-off so that a retry happens in seconds.
 */
export interface RemindersConfig {
  /** Run the pg-boss scheduler and workers in this process. */
  jobs: boolean;
  /** How often the digest tick runs (cron, Japan time). */
  tickCron: string;
  /** A deadline overdue this many days goes to the managers, once. */
  escalateAfterDays: number;
  /** First retry delay of a failed webhook delivery (seconds; doubled each time by pg-boss). */
  webhookRetryDelaySeconds: number;
  webhookRetryLimit: number;
  /** A webhook failing for this long is disabled and the managers are told. */
  webhookDisableAfterHours: number;
  /** When an organisation's webhooks get the day's reminders (Japan time, HH:MM). */
  webhookSendAt: string;
  /** Let webhooks reach loopback, private and link-local addresses (WEBHOOK_ALLOW_PRIVATE=true; webhook-target.ts). */
  webhookAllowPrivate: boolean;
  /** The most webhooks one organisation keeps. */
  webhooksPerOrganisation: number;
}

export const DEFAULT_REMINDERS_CONFIG: RemindersConfig = {
  jobs: true,
  tickCron: '* * * * *',
  escalateAfterDays: 1,
  webhookRetryDelaySeconds: 30,
  webhookRetryLimit: 12,
  webhookDisableAfterHours: 24,
  webhookSendAt: '08:00',
  webhookAllowPrivate: false,
  webhooksPerOrganisation: 10,
};

export function remindersConfigFrom(env: NodeJS.ProcessEnv): Partial<RemindersConfig> {
  const config: Partial<RemindersConfig> = {};
  if (env['REMINDER_JOBS'] === 'off') config.jobs = false;
  const allowPrivate = env['WEBHOOK_ALLOW_PRIVATE'];
  if (allowPrivate !== undefined && allowPrivate !== '') {
    if (allowPrivate !== 'true' && allowPrivate !== 'false')
      throw new Error(`WEBHOOK_ALLOW_PRIVATE must be true or false, not ${allowPrivate}.`);
    config.webhookAllowPrivate = allowPrivate === 'true';
  }
  const escalate = env['ESCALATE_AFTER_DAYS'];
  if (escalate !== undefined && escalate !== '') {
    const days = Number(escalate);
    if (!Number.isInteger(days) || days < 0) throw new Error(`ESCALATE_AFTER_DAYS must be a whole number of days, not ${escalate}.`);
    config.escalateAfterDays = days;
  }
  return config;
}

export const REMINDERS_SETTINGS = Symbol('RemindersSettings');
