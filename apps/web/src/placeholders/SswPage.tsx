/**
 * The place for the Specified Skilled Worker screens. The API has the rules and the panel (`ssw`
 * of GET /v1/residents/{id}, the SSW events and deadlines); this screen does not show them yet.
 */
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function SswPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('placeholders.sswTitle')}</Title>
      <Paper withBorder p="md">
        <Text>{t('placeholders.sswBody')}</Text>
      </Paper>
    </Stack>
  );
}
