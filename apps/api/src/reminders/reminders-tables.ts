import { CreateReminders1763856300000 } from './1763856300000-create-reminders.js';

export const REMINDERS_MIGRATIONS = [CreateReminders1763856300000];
