/** The place for CSV/XLSX import and export (issue 14 lands the endpoints). */
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ImportsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={2}>{t('placeholders.importsTitle')}</Title>
      <Paper withBorder p="md">
        <Text>{t('placeholders.importsBody')}</Text>
      </Paper>
    </Stack>
  );
}
