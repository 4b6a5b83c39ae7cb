/**
 * The place for CSV/XLSX import and export. The API has them (POST /v1/imports, GET
 * /v1/residents.csv|.xlsx, /v1/deadlines.csv|.xlsx); this screen does not use them yet.
 */
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
