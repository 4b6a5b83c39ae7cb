/**
 * 特定技能: a support organisation's month. The duties of this month and the next (interviews
 * with the worker and the supervisor apart, orientation, the employers' filings with their
 * 14-day counters, the annual report by employer and fiscal year, Hello Work, the
 * organisation's own registration, notices and yearly report), overdue first, each with its legal basis and who owes it,
 * and a 対応する that records the fact meeting it; then the employers.
 */
import { Alert, Anchor, Badge, Box, Button, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { SPECIFIED_FIELDS } from '@domain/ssw/specified-fields';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemMessage } from '../api/problem-message';
import { useAllows } from '../auth/use-allows';
import { useEmployerChoices, type CaseloadDeadline } from '../board/api';
import { daysBetween, formatDate, todayInJapan } from '../dates/format-date';
import { TableScroll } from '../layout/ScrollRegion';
import { PageLoader } from '../layout/Shell';
import { ActOnDeadline } from './ActOnDeadline';
import { useSswMonth, type SswFilter } from './api';
import { interviewParty } from './deadline-facts';
import { DocumentButton } from './DocumentButton';
import { documentOf, isEmployerRecord, saveAnnualReport } from './documents';
import { EmployersPanel } from './EmployersPanel';
import { SswWorkersPanel } from './SswWorkersPanel';
import { annualReportsByEmployer, categoryOf, countByCategory, orderRows } from './ssw-rows';

const MET = new Set(['met', 'met_late']);

export function SswPage() {
  const { t, i18n } = useTranslation();
  const asOf = todayInJapan();
  const [filter, setFilter] = useState<SswFilter>({ employer: null, assignedTo: null, field: null });
  const month = useSswMonth(asOf, filter);
  const [acting, setActing] = useState<CaseloadDeadline | null>(null);
  const [recorded, setRecorded] = useState(false);
  const rows = orderRows(month.data ?? []);
  const employers = useEmployerChoices(rows);
  const title = useDutyTitle();

  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>{t('ssw.title')}</Title>
        <Text size="sm">{t('ssw.lead')}</Text>
      </div>

      <Group align="flex-end" gap="sm">
        <Select
          label={t('ssw.filters.employer')}
          data={employers}
          value={filter.employer}
          onChange={(employer) => setFilter({ ...filter, employer })}
          placeholder={t('ssw.filters.anyone')}
          clearable
          searchable
          w={260}
        />
        <Select
          label={t('ssw.filters.assignedTo')}
          data={[
            { value: 'me', label: t('ssw.filters.me') },
            { value: 'none', label: t('ssw.filters.none') },
          ]}
          value={filter.assignedTo}
          onChange={(assignedTo) => setFilter({ ...filter, assignedTo: assignedTo as SswFilter['assignedTo'] })}
          placeholder={t('ssw.filters.anyone')}
          clearable
          w={200}
        />
        <Select
          label={t('ssw.filters.field')}
          data={SPECIFIED_FIELDS.filter((entry) => entry.inForce).map((entry) => ({
            value: entry.code,
            label: i18n.language === 'en' ? entry.en : entry.ja,
          }))}
          value={filter.field}
          onChange={(field) => setFilter({ ...filter, field })}
          placeholder={t('ssw.filters.anyone')}
          clearable
          searchable
          w={220}
        />
        <Button variant="default" onClick={() => setFilter({ employer: null, assignedTo: null, field: null })}>
          {t('ssw.filters.clear')}
        </Button>
      </Group>

      <Paper withBorder p="sm" component="section" aria-labelledby="glance-heading">
        <Title order={3} size="h5" id="glance-heading" mb="xs">
          {t('ssw.glance')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="xs">
          {countByCategory(rows).map(({ category, open, overdue }) => (
            <div key={category} data-testid={`glance-${category}`}>
              <Text size="xs">{t(`ssw.categories.${category}`)}</Text>
              <Text fw={700}>
                {t('ssw.counts', { open })}
                {overdue > 0 && (
                  <Text span c="red.9" size="sm" fw={700}>
                    {' '}
                    {t('ssw.overdueCounts', { count: overdue })}
                  </Text>
                )}
              </Text>
            </div>
          ))}
        </SimpleGrid>
      </Paper>

      {recorded && (
        <Alert color="teal" role="status" withCloseButton onClose={() => setRecorded(false)}>
          {t('ssw.recorded')}
        </Alert>
      )}

      <Paper withBorder p="sm" component="section" aria-label={t('ssw.title')}>
        {month.isPending ? (
          <PageLoader />
        ) : month.isError ? (
          <Alert color="red" role="alert">
            {problemMessage(month.error, t)}
          </Alert>
        ) : rows.length === 0 ? (
          <Text size="sm">{t('ssw.empty')}</Text>
        ) : (
          <>
            <Box visibleFrom="sm">
              <TableScroll label={t('ssw.title')} minWidth={960}>
                <Table data-testid="ssw-table" verticalSpacing="xs">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('ssw.columns.due')}</Table.Th>
                      <Table.Th>{t('ssw.columns.what')}</Table.Th>
                      <Table.Th>{t('ssw.columns.who')}</Table.Th>
                      <Table.Th>{t('ssw.columns.owedBy')}</Table.Th>
                      <Table.Th>{t('ssw.columns.state')}</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((deadline) => (
                      <DutyRow
                        key={`${deadline.residentId}:${deadline.id}`}
                        deadline={deadline}
                        asOf={asOf}
                        title={title(deadline)}
                        onAct={setActing}
                      />
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            </Box>
            {/* A phone: one card per duty, its 対応する in reach without scrolling sideways. */}
            <Stack hiddenFrom="sm" gap="xs">
              {rows.map((deadline) => (
                <DutyCard
                  key={`${deadline.residentId}:${deadline.id}`}
                  deadline={deadline}
                  asOf={asOf}
                  title={title(deadline)}
                  onAct={setActing}
                />
              ))}
            </Stack>
          </>
        )}
      </Paper>

      <AnnualReports rows={rows} />

      <SswWorkersPanel employer={filter.employer} field={filter.field} />

      <Paper withBorder p="sm" component="section" aria-labelledby="employers-heading">
        <EmployersPanel />
      </Paper>

      {acting && (
        <ActOnDeadline
          deadline={acting}
          title={t('ssw.actTitle', { what: title(acting), who: acting.residentName ?? t('ssw.organisation') })}
          onClose={() => setActing(null)}
          onDone={() => {
            setActing(null);
            setRecorded(true);
          }}
        />
      )}
    </Stack>
  );
}

/** The duty in words: its label, and with whom for an interview. */
function useDutyTitle() {
  const { t, i18n } = useTranslation();
  return (deadline: CaseloadDeadline) => {
    const party = interviewParty(deadline);
    const label = i18n.language === 'en' ? deadline.label.en : deadline.label.ja;
    return party ? `${label}（${t(`board.interviewWith.${party}`)}）` : label;
  };
}

function useCounter(deadline: CaseloadDeadline, asOf: string): string {
  const { t, i18n } = useTranslation();
  const left = daysBetween(asOf, deadline.dueOn);
  if (MET.has(deadline.state)) return t('ssw.metOn', { date: formatDate(deadline.metOn, i18n.language) });
  if (left < 0) return t('board.daysOver', { count: -left });
  return left === 0 ? t('board.dueToday') : t('board.daysLeft', { count: left });
}

function StateBadge({ state }: { state: CaseloadDeadline['state'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={MET.has(state) ? 'teal' : state === 'overdue' ? 'red' : 'gray'}
      variant="light"
      style={{ flexShrink: 0, overflow: 'visible', minWidth: 'max-content' }}
    >
      {t(`deadlineState.${state}`)}
    </Badge>
  );
}

function ActButton({ deadline, title, onAct }: { deadline: CaseloadDeadline; title: string; onAct(d: CaseloadDeadline): void }) {
  const { t } = useTranslation();
  // The organisation's own duties are recorded on the organisation: a manager's to change.
  const manager = useAllows('manager');
  if (MET.has(deadline.state) || (deadline.residentId === null && !manager)) return null;
  return (
    <Button
      size="xs"
      variant="light"
      onClick={() => onAct(deadline)}
      aria-label={`${t('ssw.act')}: ${deadline.residentName ?? t('ssw.organisation')} ${title}`}
    >
      {t('ssw.act')}
    </Button>
  );
}

/** The Excel draft of the filing a row stands for (annual report, 随時届出), when there is one. */
function RowDocument({ deadline, title }: { deadline: CaseloadDeadline; title: string }) {
  const { t } = useTranslation();
  const save = documentOf(deadline);
  const pdf = documentOf(deadline, 'pdf');
  if (save === null) return null;
  const name = `${deadline.residentName ?? deadline.employerName ?? ''} ${title}`;
  return (
    <>
      <DocumentButton save={save} label={t('ssw.documents.draft')} name={name} />
      {pdf && <DocumentButton save={pdf} label={t('ssw.documents.pdf')} name={name} />}
    </>
  );
}

/** One duty of the month, as a table row (a wide screen) or a card (a phone). */
interface DutyProps {
  deadline: CaseloadDeadline;
  asOf: string;
  title: string;
  onAct(d: CaseloadDeadline): void;
}

/** What can be done with a duty: its document drafts, and 対応する while it is open. */
function DutyActions({ deadline, title, onAct }: Omit<DutyProps, 'asOf'>) {
  return (
    <>
      <RowDocument deadline={deadline} title={title} />
      <ActButton deadline={deadline} title={title} onAct={onAct} />
    </>
  );
}

function DutyCard({ deadline, asOf, title, onAct }: DutyProps) {
  const { t, i18n } = useTranslation();
  const counter = useCounter(deadline, asOf);
  return (
    <Paper withBorder p="xs" data-testid="ssw-card" data-kind={deadline.kind} data-state={deadline.state}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Text size="sm" fw={700}>
            {title}
          </Text>
          <Text size="sm">
            {deadline.residentName ?? t('ssw.organisation')}
            {deadline.employerName && ` ・ ${deadline.employerName}`}
          </Text>
        </div>
        <StateBadge state={deadline.state} />
      </Group>
      <Group justify="space-between" mt={4}>
        <Text size="sm" c={deadline.state === 'overdue' ? 'red.9' : undefined} fw={700}>
          {formatDate(deadline.dueOn, i18n.language)}・{counter}
        </Text>
        <Group gap={4}>
          <DutyActions deadline={deadline} title={title} onAct={onAct} />
        </Group>
      </Group>
      <Text size="xs">
        {t(`owedBy.${deadline.owedBy ?? 'resident'}`)} ・ {t('ssw.basis', { basis: deadline.legalBasis })}
      </Text>
    </Paper>
  );
}

function DutyRow({ deadline, asOf, title, onAct }: DutyProps) {
  const { t, i18n } = useTranslation();
  const counter = useCounter(deadline, asOf);
  return (
    <Table.Tr data-testid="ssw-row" data-kind={deadline.kind} data-category={categoryOf(deadline)} data-state={deadline.state}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" fw={700}>
          {formatDate(deadline.dueOn, i18n.language)}
        </Text>
        <Text size="xs" c={deadline.state === 'overdue' ? 'red.9' : undefined} fw={deadline.state === 'overdue' ? 700 : undefined}>
          {counter}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={700}>
          {title}
        </Text>
        <Text size="xs">{t('ssw.basis', { basis: deadline.legalBasis })}</Text>
      </Table.Td>
      <Table.Td>
        {deadline.residentId ? (
          <Anchor component={Link} to={`/residents/${deadline.residentId}`} size="sm">
            {deadline.residentName ?? deadline.residentId}
          </Anchor>
        ) : (
          <Text size="sm">{t('ssw.organisation')}</Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {t(`owedBy.${deadline.owedBy ?? 'resident'}`)}
        </Text>
        {deadline.employerName && <Text size="xs">{deadline.employerName}</Text>}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <StateBadge state={deadline.state} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <DutyActions deadline={deadline} title={title} onAct={onAct} />
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

function AnnualReports({ rows }: { rows: readonly CaseloadDeadline[] }) {
  const { t, i18n } = useTranslation();
  const groups = annualReportsByEmployer(rows);
  if (groups.length === 0) return null;
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="annual-heading">
      <Title order={3} size="h5" id="annual-heading" mb="xs">
        {t('ssw.annualReports')}
      </Title>
      <Stack gap={4}>
        {groups.map((group) => (
          <Group key={`${group.employer}|${group.fiscalYear}`} gap="sm" data-testid="annual-report-group">
            <Text size="sm" fw={700}>
              {group.employerName ?? t('board.noEmployer')}
            </Text>
            <Text size="sm">{t('ssw.annualReportRow', { year: group.fiscalYear })}</Text>
            <Text size="sm">{t('ssw.workers', { count: group.workers })}</Text>
            <Text size="sm">{t('ssw.filed', { filed: group.filed, workers: group.workers })}</Text>
            <Text size="xs">{formatDate(group.dueOn, i18n.language)}</Text>
            {isEmployerRecord(group.employer) && (
              <DocumentButton
                save={() => saveAnnualReport(group.employer!, group.fiscalYear)}
                label={t('ssw.documents.annualReport')}
                name={`${group.employerName ?? ''} ${t('ssw.annualReportRow', { year: group.fiscalYear })}`}
              />
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
