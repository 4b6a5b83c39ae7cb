/**
 * 取込・出力: an office's own ledger comes in (the dry run first, every row judged in Japanese,
 * then the real run with its progress) and the caseload goes out as CSV or Excel. A viewer
 * sees the exports only: the import is for caseworkers and managers (the API refuses others).
 */
import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem-message';
import { useAllows } from '../auth/use-allows';
import { runImport, saveDownload, useAfterImport, type FileFormat, type ImportReport, type Progress as Reported } from './api';
import { ExportButtons } from './ExportButtons';
import { fileProblem } from './file-problem';
import { FileDrop, isSpreadsheet } from './FileDrop';
import { ImportReportView } from './ImportReportView';

type Phase = { kind: 'idle' } | { kind: 'sending'; dryRun: boolean; progress: Reported | null } | { kind: 'done'; report: ImportReport };

export function ImportsPage() {
  const { t } = useTranslation();
  const canImport = useAllows('caseworker');
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('imports.title')}</Title>
        <Text size="sm">{t('imports.lead')}</Text>
      </div>
      {canImport ? <ImportSection /> : <Alert color="gray">{t('imports.viewerOnly')}</Alert>}
      <Paper withBorder p={{ base: 'xs', sm: 'md' }} component="section" aria-labelledby="exports-title">
        <Stack gap="sm">
          <Title order={3} id="exports-title">
            {t('exports.title')}
          </Title>
          <Text size="sm">{t('exports.lead')}</Text>
          <ExportButtons residents deadlines />
        </Stack>
      </Paper>
    </Stack>
  );
}

function ImportSection() {
  const { t } = useTranslation();
  const afterImport = useAfterImport();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [notSpreadsheet, setNotSpreadsheet] = useState(false);

  const send = async (chosen: File, dryRun: boolean) => {
    setError(null);
    setPhase({ kind: 'sending', dryRun, progress: null });
    try {
      const report = await runImport(chosen, dryRun, (progress) => setPhase({ kind: 'sending', dryRun, progress }));
      setPhase({ kind: 'done', report });
      if (!dryRun) await afterImport();
    } catch (failure) {
      setError(failure);
      setPhase({ kind: 'idle' });
    }
  };

  const choose = (chosen: File) => {
    setNotSpreadsheet(!isSpreadsheet(chosen));
    setFile(chosen);
    setPhase({ kind: 'idle' });
    setError(null);
    // The dry run writes nothing: it starts at once, so the first thing seen is what the file holds.
    if (isSpreadsheet(chosen)) void send(chosen, true);
  };

  const sending = phase.kind === 'sending';
  const report = phase.kind === 'done' ? phase.report : null;
  const canRun = file !== null && report?.dryRun === true && report.created + report.updated > 0;
  const refused = error === null ? null : fileProblem(error, t);

  return (
    <Paper withBorder p={{ base: 'xs', sm: 'md' }} component="section" aria-labelledby="import-title">
      <Stack gap="md">
        <div>
          <Title order={3} id="import-title">
            {t('imports.importTitle')}
          </Title>
          <Text size="sm">{t('imports.importLead')}</Text>
        </div>
        <TemplateDownloads />
        <FileDrop file={file} onFile={choose} disabled={sending} />
        {notSpreadsheet && (
          <Alert color="red" role="alert">
            {t('imports.notSpreadsheet')}
          </Alert>
        )}
        <Group gap="sm">
          <Button variant="default" disabled={!file || sending || notSpreadsheet} onClick={() => file && void send(file, true)}>
            {t('imports.dryRun')}
          </Button>
          <Button disabled={!canRun || sending} onClick={() => file && void send(file, false)}>
            {t('imports.run')}
          </Button>
        </Group>
        {sending && <SendingProgress dryRun={phase.dryRun} progress={phase.progress} />}
        {refused && (
          <Alert color="red" role="alert" title={t('imports.refused')}>
            <Text size="sm">{refused.message}</Text>
            {refused.detail && (
              <Text size="xs" mt={4}>
                {refused.detail}
              </Text>
            )}
          </Alert>
        )}
        {report && <ImportReportView report={report} />}
      </Stack>
    </Paper>
  );
}

function SendingProgress({ dryRun, progress }: { dryRun: boolean; progress: Reported | null }) {
  const { t } = useTranslation();
  const value = progress && progress.total > 0 ? (progress.processed / progress.total) * 100 : 0;
  const label = progress
    ? t(dryRun ? 'imports.checking' : 'imports.running', { processed: progress.processed, total: progress.total })
    : t('imports.starting');
  return (
    <Stack gap={4} data-testid="import-progress">
      <Text size="sm" aria-live="polite">
        {label}
      </Text>
      <Progress value={value} animated={!progress} size="lg" aria-label={label} />
    </Stack>
  );
}

function TemplateDownloads() {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const get = (format: FileFormat) => {
    setError(null);
    saveDownload({ kind: 'template', format }).catch(setError);
  };
  return (
    <Stack gap={6}>
      <Text size="sm">
        <Text span fw={700} size="sm">
          {t('imports.templateTitle')}
        </Text>
        : {t('imports.templateLead')}
      </Text>
      <Group gap="xs">
        <Button variant="light" size="sm" onClick={() => get('csv')}>
          {t('imports.templateCsv')}
        </Button>
        <Button variant="light" size="sm" onClick={() => get('xlsx')}>
          {t('imports.templateXlsx')}
        </Button>
      </Group>
      {error !== null && (
        <Alert color="red" role="alert">
          {problemMessage(error, t)}
        </Alert>
      )}
    </Stack>
  );
}
