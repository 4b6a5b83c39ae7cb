/** One matter: who and what, its stage, the documents checklist, the filing, the office's requests, the result, the close. */
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { problemMessage } from '../api/problem-message';
import { useAllows } from '../auth/use-allows';
import { formatDate, todayInJapan } from '../dates/format-date';
import { PageLoader } from '../layout/Shell';
import { FORM_KINDS, matterQuery, saveApplicationForm } from './api';
import { ChecklistTable } from './ChecklistTable';
import { daysPending, nextDeadline } from './matter-days';
import { CloseSection, FilingSection, RequestSection, ResultSection } from './MatterSteps';
import { CoeSection, SummonsSection } from './ReviewSteps';

export function MatterPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery(matterQuery(id));
  const [formError, setFormError] = useState<unknown>(null);
  // The form is a caseworker's download (a viewer is refused it).
  const canWrite = useAllows('caseworker');
  if (query.isPending) return <PageLoader />;
  if (query.isError)
    return (
      <Alert color="red" role="alert">
        {problemMessage(query.error, t)}
      </Alert>
    );
  const matter = query.data;
  const date = (day: string | null) => (day ? formatDate(day, i18n.language) : '—');
  const fact = (label: string, value: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text>{value}</Text>
    </div>
  );
  return (
    <Stack>
      <Anchor component={Link} to="/matters" size="sm">
        ← {t('matters.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2}>{t(`matters.kinds.${matter.kind}`)}</Title>
          <Anchor component={Link} to={`/residents/${matter.residentId}`} fw={700}>
            {matter.residentName ?? '—'}
          </Anchor>
        </Stack>
        <Group gap="sm">
          {canWrite && FORM_KINDS.includes(matter.kind) && (
            <Button
              variant="default"
              onClick={() => void saveApplicationForm(matter.matterId).then(() => setFormError(null), setFormError)}
            >
              {t('matters.applicationForm')}
            </Button>
          )}
          <Badge size="lg" variant="light" data-testid="matter-stage" color={matter.stage === 'documents_requested' ? 'orange' : 'blue'}>
            {t(`matters.stages.${matter.stage}`)}
          </Badge>
        </Group>
      </Group>
      {formError !== null && (
        <Alert color="red" role="alert">
          {t('matters.applicationFormFailed')} {problemMessage(formError, t)}
        </Alert>
      )}
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
          {fact(t('matters.acceptedOn'), date(matter.acceptedOn))}
          {fact(t('matters.fee'), t('matters.feeValue', { fee: matter.feeYen.toLocaleString('ja-JP') }))}
          {fact(t('matters.caseworker'), matter.caseworker ?? '—')}
          {fact(t('matters.client'), matter.client.kind === 'company' ? matter.client.name : t('matters.clientResident'))}
          {fact(t('matters.daysPending'), t('matters.days', { count: daysPending(matter, todayInJapan()) }))}
          {fact(t('matters.next'), date(nextDeadline(matter)))}
        </SimpleGrid>
      </Paper>
      <ChecklistTable matter={matter} />
      <FilingSection matter={matter} />
      <RequestSection matter={matter} />
      <SummonsSection matter={matter} />
      <CoeSection matter={matter} />
      <ResultSection matter={matter} />
      <CloseSection matter={matter} />
    </Stack>
  );
}
