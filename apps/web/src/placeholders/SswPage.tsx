/** The place for the Specified Skilled Worker panels (issue 15 lands the rules and endpoints). */
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
