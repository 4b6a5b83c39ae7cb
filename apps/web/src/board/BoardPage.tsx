/**
 * The caseload board (home): what is overdue and what is due soon, grouped, filtered in place
 * (who owes it and the employer by the server, the rest over the rows loaded).
 */
import { Alert, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem-message';
import { useSession } from '../auth/session';
import { addDays, todayInJapan, formatDate } from '../dates/format-date';
import { ExportButtons } from '../imports/ExportButtons';
import { PageLoader } from '../layout/Shell';
import { boardItems, GROUPS, NO_FILTER, type BoardFilter, type BoardGrouping } from './group-deadlines';
import { DeadlineList } from './DeadlineList';
import { useAssigneeChoices, useCaseload, useEmployerChoices, type OwedBy, type ServerFilter } from './api';

const NO_SERVER_FILTER: ServerFilter = { owedBy: null, employer: null, assignedTo: null };

export function BoardPage() {
  const { t, i18n } = useTranslation();
  const me = useSession().me?.id;
  const asOf = todayInJapan();
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER);
  const [server, setServer] = useState<ServerFilter>(NO_SERVER_FILTER);
  const caseload = useCaseload(asOf, server);
  const [grouping, setGrouping] = useState<BoardGrouping>('due');
  const deadlines = useMemo(() => caseload.data ?? [], [caseload.data]);
  const board = useMemo(() => boardItems(deadlines, asOf, filter, grouping), [deadlines, asOf, filter, grouping]);

  const choices = useMemo(() => {
    const distinct = (values: Array<string | null | undefined>) => [...new Set(values.filter((v): v is string => !!v))].sort();
    return {
      kinds: distinct(deadlines.map((d) => d.kind)).map((kind) => ({
        value: kind,
        label:
          (i18n.language === 'en' ? deadlines.find((d) => d.kind === kind)?.label.en : deadlines.find((d) => d.kind === kind)?.label.ja) ??
          kind,
      })),
    };
  }, [deadlines, i18n.language]);

  const employers = useEmployerChoices(deadlines);
  const people = useAssigneeChoices(asOf, server);
  const set = (key: keyof BoardFilter) => (value: string | null) => setFilter((current) => ({ ...current, [key]: value }));
  const setOwedBy = (owedBy: string | null) => setServer((current) => ({ ...current, owedBy: owedBy as OwedBy | null }));
  const setEmployer = (employer: string | null) => setServer((current) => ({ ...current, employer }));
  const setAssignedTo = (assignedTo: string | null) => setServer((current) => ({ ...current, assignedTo }));
  const any = t('board.filters.any');

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('board.title')}</Title>
          <Text size="sm">{t('board.lead')}</Text>
        </div>
        <Text size="sm">
          {t('board.asOf')}: {formatDate(asOf, i18n.language)}
        </Text>
      </Group>
      <Paper withBorder p="sm" component="section" aria-label={t('board.filters.title')}>
        <Group gap="sm" align="flex-end">
          <Select
            label={t('board.filters.kind')}
            placeholder={any}
            data={choices.kinds}
            value={filter.kind}
            onChange={set('kind')}
            clearable
            w={220}
          />
          <Select
            label={t('board.filters.state')}
            placeholder={any}
            data={(['overdue', 'open', 'upcoming'] as const).map((s) => ({ value: s, label: t(`deadlineState.${s}`) }))}
            value={filter.state}
            onChange={set('state')}
            clearable
            w={140}
          />
          <Select
            label={t('board.filters.owedBy')}
            placeholder={any}
            data={(['resident', 'employer', 'organisation'] as const).map((o) => ({ value: o, label: t(`owedBy.${o}`) }))}
            value={server.owedBy}
            onChange={setOwedBy}
            clearable
            w={150}
          />
          <Select
            label={t('board.filters.employer')}
            placeholder={any}
            data={employers}
            value={server.employer}
            onChange={setEmployer}
            clearable
            searchable
            disabled={employers.length === 0 && server.employer === null}
            w={170}
          />
          <Select
            label={t('board.filters.assignedTo')}
            placeholder={any}
            data={[
              // "Mine" needs a signed-in person (an API key is nobody).
              ...(me ? [{ value: 'me', label: t('board.filters.me') }] : []),
              { value: 'none', label: t('board.filters.nobody') },
              ...people.filter((person) => person.value !== me),
            ]}
            value={server.assignedTo}
            onChange={setAssignedTo}
            clearable
            searchable
            w={170}
          />
          <Button
            variant="subtle"
            onClick={() => {
              setFilter(NO_FILTER);
              setServer(NO_SERVER_FILTER);
            }}
          >
            {t('board.filters.clear')}
          </Button>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="board-grouping">
              {t('board.grouping.label')}
            </Text>
            <SegmentedControl
              aria-labelledby="board-grouping"
              value={grouping}
              onChange={(value) => setGrouping(value as BoardGrouping)}
              data={[
                { value: 'due', label: t('board.grouping.due') },
                { value: 'employer', label: t('board.grouping.employer') },
              ]}
            />
          </Stack>
        </Group>
      </Paper>
      <ExportButtons
        deadlines={{
          asOf,
          to: addDays(asOf, 120),
          state: filter.state ?? 'open,overdue,upcoming',
          ...(filter.kind ? { kind: filter.kind } : {}),
          ...(server.owedBy ? { owedBy: server.owedBy } : {}),
          ...(server.employer ? { employer: server.employer } : {}),
          ...(server.assignedTo ? { assignedTo: server.assignedTo } : {}),
        }}
        filtered
      />
      <Group gap="xs" aria-live="polite" aria-busy={caseload.isFetching} data-testid="board-counts">
        {GROUPS.map((group) => (
          <Badge
            key={group}
            size="lg"
            variant="light"
            color={group === 'overdue' ? 'red' : group === 'thisWeek' ? 'orange' : 'gray'}
            data-testid={`count-${group}`}
          >
            {t(`board.groups.${group}`)}: {board.counts[group]}
          </Badge>
        ))}
      </Group>
      {caseload.isPending ? (
        <PageLoader />
      ) : caseload.isError ? (
        <Alert color="red" role="alert">
          {problemMessage(caseload.error, t)}
        </Alert>
      ) : board.items.length === 0 ? (
        <Text>{t('board.empty')}</Text>
      ) : (
        <DeadlineList items={board.items} asOf={asOf} />
      )}
    </Stack>
  );
}
