/** A resident: status as of a date, warnings, the life-line, deadlines, recording a fact, the history. */
import '@mantine/dates/styles.css';
import 'dayjs/locale/ja';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { problemMessage } from '../api/problem-message';
import { useAllows } from '../auth/use-allows';
import { countryName } from '../countries/countries';
import { calendarLabels } from '../dates/calendar-labels';
import { formatDate, todayInJapan } from '../dates/format-date';
import { PageLoader } from '../layout/Shell';
import { PersonalDataActions } from '../personal-data/PersonalDataActions';
import { RecordFactForm } from '../record/RecordFactForm';
import { factFor } from '../ssw/deadline-facts';
import { AssignCaseworker } from './AssignCaseworker';
import { CaseActions } from './CaseActions';
import { DeadlinesTable } from './DeadlinesTable';
import { HistoryTable } from './HistoryTable';
import { LifeLine } from './LifeLine';
import { StatusPanel } from './StatusPanel';
import { useRefreshResident, useResident } from './api';
import { warningsFor } from './warnings';

export function ResidentPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const today = todayInJapan();
  const asOf = search.get('asOf') ?? today;
  const { summary, deadlines, events, timeline } = useResident(id, asOf);
  const refresh = useRefreshResident(id);
  const canWrite = useAllows('caseworker');

  useEffect(() => {
    if (search.get('record') && summary.data) document.getElementById('record')?.scrollIntoView();
  }, [search, summary.data]);

  if (summary.isPending) return <PageLoader />;
  if (summary.isError)
    return (
      <Alert color="red" role="alert">
        {problemMessage(summary.error, t)}{' '}
        <Anchor component={Link} to="/">
          {t('app.backToBoard')}
        </Anchor>
      </Alert>
    );
  const resident = summary.data;
  // The version the caseworker is looking at (not refetched behind their back): writes carry it in If-Match.
  const version = resident.version;
  const warnings = warningsFor(resident.status, events.data ?? [], deadlines.data ?? [], asOf);
  const setAsOf = (value: string | null) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (value && value !== today) next.set('asOf', value);
        else next.delete('asOf');
        next.delete('record');
        return next;
      },
      { replace: true },
    );
  const reload = refresh;
  // 対応する on a deadline (the board's, ?record=<deadline id>): the form of the fact that meets it, filled in.
  const acting = deadlines.data?.find((deadline) => deadline.id === search.get('record'));
  const prefill = acting ? factFor({ ...acting, residentId: resident.id }) : null;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} data-testid="resident-name">
            {resident.fullName}
          </Title>
          <Text size="sm">
            {t('resident.dateOfBirth')}: {formatDate(resident.dateOfBirth, i18n.language)} ・ {t('resident.nationality')}:{' '}
            {countryName(resident.nationality, i18n.language)}
            {resident.externalRef && ` ・ ${t('resident.externalRef')}: ${resident.externalRef}`}
          </Text>
          <AssignCaseworker resident={resident} canWrite={canWrite} onChanged={reload} />
          {canWrite && <CaseActions resident={resident} onChanged={reload} />}
          <PersonalDataActions residentId={resident.id} />
        </div>
        <Group align="flex-end" gap="xs">
          <DatesProvider settings={{ locale: i18n.language === 'en' ? 'en' : 'ja', firstDayOfWeek: 0, weekendDays: [0, 6] }}>
            <DatePickerInput
              label={t('resident.asOf')}
              value={asOf}
              onChange={(value) => setAsOf(value)}
              {...calendarLabels(i18n.language)}
              w={220}
              data-testid="as-of"
            />
          </DatesProvider>
          <Button variant="default" onClick={() => setAsOf(null)} disabled={asOf === today}>
            {t('resident.today')}
          </Button>
        </Group>
      </Group>

      <StatusPanel status={resident.status} warnings={warnings} deadlines={deadlines.data ?? []} />

      <Paper withBorder p="sm" component="section" aria-labelledby="lifeline-heading">
        <Title order={3} size="h4" id="lifeline-heading" mb="xs">
          {t('resident.lifeline')}
        </Title>
        {timeline.data ? <LifeLine segments={timeline.data.segments} deadlines={deadlines.data ?? []} asOf={asOf} /> : <PageLoader />}
      </Paper>

      <Paper withBorder p="sm" component="section" aria-labelledby="deadlines-heading">
        <Title order={3} size="h4" id="deadlines-heading" mb="xs">
          {t('resident.deadlines')}
        </Title>
        {deadlines.data ? <DeadlinesTable deadlines={deadlines.data} asOf={asOf} /> : <PageLoader />}
      </Paper>

      {canWrite && (
        <Paper withBorder p="sm" component="section" id="record" aria-labelledby="record-heading">
          <Title order={3} size="h4" id="record-heading" mb="xs">
            {t('resident.record')}
          </Title>
          {/* Opened for a deadline: drawn once the deadlines say which, so nothing typed is lost to a redraw. */}
          {search.get('record') && !deadlines.data ? (
            <PageLoader />
          ) : (
            <RecordFactForm
              key={acting?.id ?? 'any'}
              residentId={resident.id}
              version={version}
              reloading={summary.isFetching}
              onRecorded={reload}
              onReload={reload}
              prefill={prefill}
            />
          )}
        </Paper>
      )}

      <Paper withBorder p="sm" component="section" aria-labelledby="history-heading">
        <Title order={3} size="h4" id="history-heading" mb="xs">
          {t('resident.history')}
        </Title>
        {events.data ? (
          <HistoryTable residentId={resident.id} events={events.data} version={version} onChanged={reload} canRetract={canWrite} />
        ) : (
          <PageLoader />
        )}
      </Paper>
    </Stack>
  );
}
