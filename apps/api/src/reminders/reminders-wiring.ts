/** What AppModule adds for reminders: digests, webhooks and their jobs. */
import type { Provider } from '@nestjs/common';
import type { AppConfig } from '../bootstrap/tokens.js';
import { DigestRunner } from './digest-runner.js';
import { MyRemindersController } from './my-reminders.controller.js';
import { ReminderJobs } from './reminder-jobs.js';
import { ReminderPreferencesStore } from './reminder-preferences.js';
import { DEFAULT_REMINDERS_CONFIG, REMINDERS_SETTINGS } from './reminders-config.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhooksController } from './webhooks.controller.js';

export const REMINDERS_CONTROLLERS = [MyRemindersController, WebhooksController];

export function remindersProviders(config: AppConfig): Provider[] {
  return [
    { provide: REMINDERS_SETTINGS, useValue: { ...DEFAULT_REMINDERS_CONFIG, ...config.reminders } },
    DigestRunner,
    WebhookDispatcher,
    ReminderJobs,
    ReminderPreferencesStore,
  ];
}
