/** Reminders: digests, webhooks and the jobs that send them. */
import { APP_CONFIG, type AppConfig } from '../bootstrap/tokens.js';
import { FeatureModule } from '../bootstrap/feature-module.js';
import { PeopleModule } from '../people/people.module.js';
import { CreateReminders1763856300000 } from './1763856300000-create-reminders.js';
import { ReminderScope1764580000000 } from './1764580000000-reminder-scope.js';
import { DigestRunner } from './digest-runner.js';
import { MyRemindersController } from './my-reminders.controller.js';
import { ReminderJobs } from './reminder-jobs.js';
import { ReminderPreferencesStore } from './reminder-preferences.js';
import { REMINDER_SCHEMAS } from './reminder-schemas.js';
import { DEFAULT_REMINDERS_CONFIG, REMINDERS_SETTINGS } from './reminders-config.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhooksController } from './webhooks.controller.js';

@FeatureModule({
  imports: [PeopleModule],
  controllers: [MyRemindersController, WebhooksController],
  providers: [
    {
      provide: REMINDERS_SETTINGS,
      useFactory: (config: AppConfig) => ({ ...DEFAULT_REMINDERS_CONFIG, ...config.reminders }),
      inject: [APP_CONFIG],
    },
    DigestRunner,
    WebhookDispatcher,
    ReminderJobs,
    ReminderPreferencesStore,
  ],
  schemas: [REMINDER_SCHEMAS],
  migrations: [CreateReminders1763856300000, ReminderScope1764580000000],
})
export class RemindersModule {}
