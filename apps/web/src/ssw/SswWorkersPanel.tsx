/**
 * The workers in 特定技能, one line each (docs/ssw-duties.md §8): field, employer, support start,
 * the 5-year count (days counted of those allowed, the day the cap is reached), the leave left
 * out of it, and the next interviews; and, opened, the interviews held with a 面談記録 to hand over.
 */
import { Anchor, Box, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap, type Schemas } from '../api/client';
import { employersQuery } from '../board/api';
import { formatDate } from '../dates/format-date';
import { TableScroll } from '../layout/ScrollRegion';
import { residentEventsQuery } from '../residents/api';
import { DocumentButton } from './DocumentButton';
import { saveFactDocument } from './documents';

type Resident = Schemas['ResidentSummary'];
const SSW_STATUSES = ['specified_skilled_worker_1', 'specified_skilled_worker_2'] as const;
const PAGE = 200;

export const sswWorkersQuery = () =>
  queryOptions({
    queryKey: ['residents', 'ssw-workers'],
    queryFn: async () => {
      const all: Resident[] = [];
      for (const status of SSW_STATUSES)
        for (let page = 1; ; page++) {
          const got = await unwrap(api.GET('/v1/residents', { params: { query: { status, page, pageSize: PAGE } } }));
          all.push(...got.items);
          if (got.items.length < PAGE) break;
        }
      return all.filter((resident) => resident.ssw);
    },
  });

/** The workers shown: those of the employer and field chosen above, if any. */
export function useSswWorkers(employer: string | null, field: string | null) {
  const workers = useQuery(sswWorkersQuery());
  const employers = useQuery(employersQuery());
  const names = new Map((employers.data ?? []).map((record) => [record.id, record.name]));
  const shown = (workers.data ?? []).filter(
    (resident) => (employer === null || resident.ssw?.employer === employer) && (field === null || resident.ssw?.field?.code === field),
  );
  return { shown, loaded: workers.isSuccess, employerName: (id: string | null) => (id === null ? null : (names.get(id) ?? id)) };
}

export function SswWorkersPanel({ employer, field }: { employer: string | null; field: string | null }) {
  const { t } = useTranslation();
  const { shown, loaded, employerName } = useSswWorkers(employer, field);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="workers-heading">
      <Title order={3} size="h4" id="workers-heading" mb="xs">
        {t('ssw.workersPanel.title')}
      </Title>
      {loaded && shown.length === 0 && <Text size="sm">{t('ssw.workersPanel.none')}</Text>}
      {shown.length > 0 && (
        <>
          <Box visibleFrom="sm">
            <TableScroll label={t('ssw.workersPanel.title')} minWidth={900}>
              <Table data-testid="ssw-workers" verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('ssw.workersPanel.name')}</Table.Th>
                    <Table.Th>{t('ssw.workersPanel.field')}</Table.Th>
                    <Table.Th>{t('ssw.workersPanel.employer')}</Table.Th>
                    <Table.Th>{t('ssw.workersPanel.supportSince')}</Table.Th>
                    <Table.Th>{t('ssw.workersPanel.cap')}</Table.Th>
                    <Table.Th>{t('ssw.workersPanel.nextInterview')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((resident) => (
                    <WorkerRow
                      key={resident.id}
                      resident={resident}
                      employerName={employerName(resident.ssw?.employer ?? null)}
                      open={open === resident.id}
                      onToggle={() => setOpen(open === resident.id ? null : resident.id)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </Box>
          <Stack hiddenFrom="sm" gap="xs">
            {shown.map((resident) => (
              <Paper key={resident.id} withBorder p="xs" data-testid="ssw-worker-card">
                <WorkerFacts resident={resident} employerName={employerName(resident.ssw?.employer ?? null)} />
                <InterviewsToggle
                  resident={resident}
                  open={open === resident.id}
                  onToggle={() => setOpen(open === resident.id ? null : resident.id)}
                />
              </Paper>
            ))}
          </Stack>
        </>
      )}
    </Paper>
  );
}

function useWorkerWords(resident: Resident) {
  const { t, i18n } = useTranslation();
  const ssw = resident.ssw!;
  const date = (value: string | null | undefined) => (value ? formatDate(value, i18n.language) : '—');
  const cap = ssw.ssw1
    ? t('ssw.workersPanel.capCount', { counted: ssw.ssw1.daysCounted, allowed: ssw.ssw1.daysAllowed, date: date(ssw.ssw1.capReachedOn) })
    : '—';
  const excluded = (ssw.ssw1?.excluded ?? []).map((leave) =>
    t('ssw.workersPanel.excluded', {
      from: date(leave.from),
      to: date(leave.to),
      reason: t(`facts.options.exclusionReason.${leave.reason}`, { defaultValue: leave.reason }),
    }),
  );
  const next = t('ssw.workersPanel.next', { worker: date(ssw.nextInterviews.worker), supervisor: date(ssw.nextInterviews.supervisor) });
  const field = ssw.field ? (i18n.language === 'en' ? ssw.field.en : ssw.field.ja) : '—';
  return { field, cap, excluded, next, supportSince: date(ssw.supportSince) };
}

function WorkerRow({
  resident,
  employerName,
  open,
  onToggle,
}: {
  resident: Resident;
  employerName: string | null;
  open: boolean;
  onToggle(): void;
}) {
  const words = useWorkerWords(resident);
  return (
    <>
      <Table.Tr data-testid="ssw-worker" data-resident={resident.id}>
        <Table.Td>
          <Anchor component={Link} to={`/residents/${resident.id}`} size="sm" fw={700}>
            {resident.fullName}
          </Anchor>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{words.field}</Text>
          {resident.ssw?.jobCategory && <Text size="xs">{resident.ssw.jobCategory}</Text>}
        </Table.Td>
        <Table.Td>
          <Text size="sm">{employerName ?? '—'}</Text>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          <Text size="sm">{words.supportSince}</Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{words.cap}</Text>
          {words.excluded.map((line) => (
            <Text size="xs" key={line}>
              {line}
            </Text>
          ))}
        </Table.Td>
        <Table.Td>
          <Text size="sm">{words.next}</Text>
        </Table.Td>
        <Table.Td>
          <InterviewsButton resident={resident} open={open} onToggle={onToggle} />
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={7}>
            <Interviews resident={resident} />
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

function WorkerFacts({ resident, employerName }: { resident: Resident; employerName: string | null }) {
  const { t } = useTranslation();
  const words = useWorkerWords(resident);
  return (
    <Stack gap={2}>
      <Anchor component={Link} to={`/residents/${resident.id}`} size="sm" fw={700}>
        {resident.fullName}
      </Anchor>
      <Text size="sm">
        {words.field} ・ {employerName ?? '—'}
      </Text>
      <Text size="xs">
        {t('ssw.workersPanel.supportSince')}: {words.supportSince}
      </Text>
      <Text size="xs">
        {t('ssw.workersPanel.cap')}: {words.cap}
      </Text>
      {words.excluded.map((line) => (
        <Text size="xs" key={line}>
          {line}
        </Text>
      ))}
      <Text size="xs">{words.next}</Text>
    </Stack>
  );
}

function InterviewsButton({ resident, open, onToggle }: { resident: Resident; open: boolean; onToggle(): void }) {
  const { t } = useTranslation();
  return (
    <Button
      size="xs"
      variant="subtle"
      onClick={onToggle}
      aria-expanded={open}
      aria-label={`${t('ssw.workersPanel.interviews')}: ${resident.fullName}`}
    >
      {t('ssw.workersPanel.interviews')}
    </Button>
  );
}

function InterviewsToggle({ resident, open, onToggle }: { resident: Resident; open: boolean; onToggle(): void }) {
  return (
    <>
      <Group justify="flex-end">
        <InterviewsButton resident={resident} open={open} onToggle={onToggle} />
      </Group>
      {open && <Interviews resident={resident} />}
    </>
  );
}

/** The interviews held with this worker (and their supervisor), newest first, each with its 面談記録. */
function Interviews({ resident }: { resident: Resident }) {
  const { t, i18n } = useTranslation();
  const events = useQuery(residentEventsQuery(resident.id));
  const held = (events.data ?? [])
    .filter((event): event is Schemas['SupportInterviewHeldRecord'] => event.type === 'SupportInterviewHeld' && !event.retracted)
    .sort((a, b) => (a.occurredOn < b.occurredOn ? 1 : a.occurredOn > b.occurredOn ? -1 : 0));
  if (events.isSuccess && held.length === 0) return <Text size="sm">{t('ssw.workersPanel.noInterviews')}</Text>;
  return (
    <Stack gap={2} data-testid="ssw-interviews">
      {held.map((event) => (
        <Group key={event.eventId} gap="xs" wrap="wrap">
          <Text size="sm" fw={700}>
            {formatDate(event.occurredOn, i18n.language)}
          </Text>
          <Text size="sm">
            {t(`facts.options.with.${event.data.with}`)} ・ {t(`facts.options.mode.${event.data.mode}`)}
          </Text>
          <DocumentButton
            save={() => saveFactDocument(resident.id, event.eventId)}
            label={t('ssw.documents.interviewRecord')}
            name={`${resident.fullName} ${event.occurredOn}`}
          />
          <DocumentButton
            save={() => saveFactDocument(resident.id, event.eventId, 'pdf')}
            label={t('ssw.documents.pdf')}
            name={`${resident.fullName} ${event.occurredOn} ${t('ssw.workersPanel.interviews')}`}
          />
        </Group>
      ))}
    </Stack>
  );
}
