import { CreateReminders1763856300000 } from './1763856300000-create-reminders.js';
import { ReminderScope1764580000000 } from './1764580000000-reminder-scope.js';

export const REMINDERS_MIGRATIONS = [CreateReminders1763856300000, ReminderScope1764580000000];
