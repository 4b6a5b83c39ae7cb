/**
 * One click, one file: the residents and/or deadlines list as CSV or Excel, with the filters of
 * the screen it sits on (the board's, the residents list's) or none (the 取込・出力 screen).
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem-message';
import { saveDownload, type DeadlineExportFilters, type Download, type FileFormat, type ResidentExportFilters } from './api';

interface Props {
  residents?: ResidentExportFilters | true;
  deadlines?: DeadlineExportFilters | true;
  /** Say that the screen's filters apply. */
  filtered?: boolean;
}

const FORMATS: FileFormat[] = ['csv', 'xlsx'];

export function ExportButtons({ residents, deadlines, filtered }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const downloads: Array<{ key: string; label: string; download: Download }> = [];
  for (const format of FORMATS)
    if (residents)
      downloads.push({
        key: `residents-${format}`,
        label: t(format === 'csv' ? 'exports.residentsCsv' : 'exports.residentsXlsx'),
        download: { kind: 'residents', format, ...(residents === true ? {} : { filters: residents }) },
      });
  for (const format of FORMATS)
    if (deadlines)
      downloads.push({
        key: `deadlines-${format}`,
        label: t(format === 'csv' ? 'exports.deadlinesCsv' : 'exports.deadlinesXlsx'),
        download: { kind: 'deadlines', format, ...(deadlines === true ? {} : { filters: deadlines }) },
      });

  const save = async (key: string, download: Download) => {
    setBusy(key);
    setError(null);
    try {
      await saveDownload(download);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap={6}>
      <Group gap="xs">
        {downloads.map(({ key, label, download }) => (
          <Button
            key={key}
            variant="default"
            size="sm"
            loading={busy === key}
            disabled={busy !== null && busy !== key}
            onClick={() => void save(key, download)}
          >
            {label}
          </Button>
        ))}
      </Group>
      {filtered && <Text size="xs">{t('exports.filtered')}</Text>}
      {error !== null && (
        <Alert color="red" role="alert">
          {problemMessage(error, t)}
        </Alert>
      )}
    </Stack>
  );
}
