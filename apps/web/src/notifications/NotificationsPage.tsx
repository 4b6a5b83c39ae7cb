/**
 * お知らせ: the morning digests this person was sent (or, with no mail server, kept here), and
 * their digest settings. Reminders belong to a person: with an API key there are none.
 */
import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client';
import { problemMessage } from '../api/problem-message';
import { PageLoader } from '../layout/Shell';
import { DigestList } from './DigestList';
import { ReminderSettingsForm } from './ReminderSettingsForm';
import { useNotifications, useReminderPreferences } from './use-reminders';

function Failed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const personal = error instanceof ApiProblem && error.status === 403;
  return <Alert color={personal ? 'gray' : 'red'}>{personal ? t('notifications.personOnly') : problemMessage(error, t)}</Alert>;
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const notifications = useNotifications();
  const preferences = useReminderPreferences();
  return (
    <Stack gap="md">
      <div>
        <Title order={2}>{t('notifications.title')}</Title>
        <Text size="sm">{t('notifications.lead')}</Text>
      </div>
      <Paper withBorder p="md" component="section" aria-labelledby="digests-heading">
        <Title order={3} size="h4" id="digests-heading" mb="sm">
          {t('notifications.digests')}
        </Title>
        {notifications.isPending ? (
          <PageLoader />
        ) : notifications.isError ? (
          <Failed error={notifications.error} />
        ) : (
          <DigestList digests={notifications.data} />
        )}
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="reminder-settings-heading">
        <Title order={3} size="h4" id="reminder-settings-heading" mb="sm">
          {t('notifications.settings')}
        </Title>
        {preferences.isPending ? (
          <PageLoader />
        ) : preferences.isError ? (
          <Failed error={preferences.error} />
        ) : (
          <ReminderSettingsForm initial={preferences.data} />
        )}
      </Paper>
    </Stack>
  );
}
