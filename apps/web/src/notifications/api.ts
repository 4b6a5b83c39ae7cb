/** The signed-in person's digests and digest settings (GET /v1/me/notifications, GET/PUT /v1/me/reminders). */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from '../api/client';

/** One digest sent (or logged) to the person. */
export type DigestNotice = Schemas['Notification'];
/** `scope: mine`: only residents assigned to me (managers also get the organisation's own deadlines). `leadDays`: only the kinds changed. */
export type ReminderPreferences = Schemas['ReminderSettings'];

const notificationsKey = ['me', 'notifications'] as const;
const remindersKey = ['me', 'reminders'] as const;

export const notificationsQuery = () =>
  queryOptions({ queryKey: notificationsKey, queryFn: () => unwrap(api.GET('/v1/me/notifications')), retry: false });

export const reminderPreferencesQuery = () =>
  queryOptions({ queryKey: remindersKey, queryFn: () => unwrap(api.GET('/v1/me/reminders')), retry: false });

export function useNotifications() {
  return useQuery(notificationsQuery());
}

export function useReminderPreferences() {
  return useQuery(reminderPreferencesQuery());
}

export function useSaveReminderPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (next: ReminderPreferences) => unwrap(api.PUT('/v1/me/reminders', { body: next })),
    onSuccess: (saved) => client.setQueryData(remindersKey, saved),
  });
}
