/** The signed-in person's digests and digest settings (GET /v1/me/notifications, GET/PUT /v1/me/reminders). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';

export interface DigestNotice {
  day: string;
  items: number;
  deliveredBy: 'smtp' | 'log' | 'none';
  subject: string | null;
  body: string | null;
  createdAt: string;
}

export interface ReminderPreferences {
  enabled: boolean;
  language: 'ja' | 'en';
  sendAt: string;
  skipClosedDays: boolean;
  /** `mine`: only residents assigned to me (managers also get the organisation's own deadlines). */
  scope: 'caseload' | 'mine';
  /** Only the kinds whose lead times were changed; the others keep the defaults. */
  leadDays: Record<string, number[]>;
}

export function useNotifications() {
  return useQuery({
    queryKey: ['me', 'notifications'],
    queryFn: () => unwrap<DigestNotice[]>(api.GET('/v1/me/notifications' as never)),
    retry: false,
  });
}

export function useReminderPreferences() {
  return useQuery({
    queryKey: ['me', 'reminders'],
    queryFn: () => unwrap<ReminderPreferences>(api.GET('/v1/me/reminders' as never)),
    retry: false,
  });
}

export function useSaveReminderPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (next: ReminderPreferences) => unwrap<ReminderPreferences>(api.PUT('/v1/me/reminders' as never, { body: next } as never)),
    onSuccess: (saved) => client.setQueryData(['me', 'reminders'], saved),
  });
}
