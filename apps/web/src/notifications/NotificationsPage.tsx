/**
 * お知らせ: the morning digests this person was sent (or, with no mail server, kept here), and
 * their digest settings. Reminders belong to a person: with an API key there are none.
 */
import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client';
import { problemMessage } from '../api/problem-message';
import { PageLoader } from '../layout/Shell';
import { DigestList } from './DigestList';
import { ReminderSettingsForm } from './ReminderSettingsForm';
import { useNotifications, useReminderPreferences } from './api';

function Failed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const personal = error instanceof ApiProblem && error.status === 403;
  return <Alert color={personal ? 'gray' : 'red'}>{personal ? t('notifications.personOnly') : problemMessage(error, t)}</Alert>;
}

/** One part of the page under its heading: what its query answered, a loader, or why it failed. */
function Section<T>({ id, title, query, children }: { id: string; title: string; query: UseQueryResult<T>; children(data: T): ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {query.isPending ? <PageLoader /> : query.isError ? <Failed error={query.error} /> : children(query.data)}
    </Paper>
  );
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
      <Section id="digests-heading" title={t('notifications.digests')} query={notifications}>
        {(digests) => <DigestList digests={digests} />}
      </Section>
      <Section id="reminder-settings-heading" title={t('notifications.settings')} query={preferences}>
        {(initial) => <ReminderSettingsForm initial={initial} />}
      </Section>
    </Stack>
  );
}
