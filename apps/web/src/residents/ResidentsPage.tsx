/** Residents: search as you type (name in any script, katakana, card number, reference) and filters. */
import { Alert, Anchor, Button, Checkbox, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemMessage } from '../api/problem-message';
import { useAllows } from '../auth/use-allows';
import { countryName } from '../countries/countries';
import { DateText } from '../dates/DateText';
import { formatDate } from '../dates/format-date';
import { parseDate } from '../dates/parse-date';
import { StatusSelect, statusName } from '../record/StatusSelect';
import { ExportButtons } from '../imports/ExportButtons';
import { TableScroll } from '../layout/ScrollRegion';
import { employersQuery } from '../board/api';
import { residentsQuery, type ResidentFilters } from './api';
import { BulkAssignBar } from './BulkAssignBar';
import { cardStateLabel } from './card-state';

/** Short cells and dates in one line: a date never breaks in the middle; a wide table scrolls in its frame. */
const NOWRAP = { whiteSpace: 'nowrap' } as const;

export function ResidentsPage() {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [inJapan, setInJapan] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const [closed, setClosed] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(query, 250);
  const canRegister = useAllows('caseworker');
  // Ticked residents, for reassigning them at once (a caseworker's; a viewer sees no boxes).
  const [selected, setSelected] = useState<ReadonlyMap<string, string>>(new Map());
  const toggle = (id: string, name: string) =>
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(id)) next.delete(id);
      else next.set(id, name);
      return next;
    });

  const params: ResidentFilters = { pageSize: 100 };
  if (debounced.trim()) params.query = debounced.trim();
  if (status) params.status = status as ResidentFilters['status'];
  if (parseDate(from)) params.periodExpiresFrom = parseDate(from)!;
  if (parseDate(to)) params.periodExpiresTo = parseDate(to)!;
  if (inJapan) params.inJapan = inJapan as ResidentFilters['inJapan'];
  if (pending) params.pending = pending as ResidentFilters['pending'];
  if (closed) params.closed = closed as ResidentFilters['closed'];

  const residents = useQuery({ ...residentsQuery(params), placeholderData: keepPreviousData });
  // Imported residents name their employer by its record's id: shown by the record's name.
  const employers = useQuery(employersQuery());
  const employerNames = new Map((employers.data ?? []).map((employer) => [employer.id, employer.name]));
  const employerName = (employer: string | null) => (employer ? (employerNames.get(employer) ?? employer) : '—');
  const yesNo = [
    { value: 'true', label: t('residents.yes') },
    { value: 'false', label: t('residents.no') },
  ];
  const date = (d: string | null | undefined) => formatDate(d, i18n.language);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('residents.title')}</Title>
        {canRegister && (
          <Button component={Link} to="/residents/new" variant="light">
            {t('residents.register')}
          </Button>
        )}
      </Group>
      <Paper withBorder p="sm" component="section" aria-label={t('board.filters.title')}>
        <Stack gap="sm">
          <TextInput
            label={t('residents.search')}
            description={t('residents.searchHint')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            type="search"
            data-testid="resident-search"
            maw={480}
          />
          <Group align="flex-end" gap="sm">
            <StatusSelect label={t('residents.status')} value={status} onChange={setStatus} clearable placeholder={t('residents.any')} />
            <DateText label={t('residents.expiresFrom')} value={from} onChange={setFrom} />
            <DateText label={t('residents.expiresTo')} value={to} onChange={setTo} />
            <Select
              label={t('residents.inJapan')}
              data={yesNo}
              value={inJapan}
              onChange={setInJapan}
              clearable
              placeholder={t('residents.any')}
              w={120}
            />
            <Select
              label={t('residents.pending')}
              data={(['any', 'extension', 'status_change', 'permanent', 'acquisition'] as const).map((value) => ({
                value,
                label: t(`residents.pendingKinds.${value}`),
              }))}
              value={pending}
              onChange={setPending}
              clearable
              placeholder={t('residents.any')}
              w={150}
            />
            <Select
              label={t('residents.closed')}
              data={[...yesNo, { value: 'any', label: t('residents.any') }]}
              value={closed}
              onChange={setClosed}
              clearable
              placeholder={t('residents.no')}
              w={140}
            />
          </Group>
        </Stack>
      </Paper>
      <ExportButtons residents={exportFilters(params)} filtered />
      {residents.isError && (
        <Alert color="red" role="alert">
          {problemMessage(residents.error, t)}
        </Alert>
      )}
      {canRegister && <BulkAssignBar selected={[...selected].map(([id, name]) => ({ id, name }))} onDone={() => setSelected(new Map())} />}
      {residents.data && (
        <>
          <Text size="sm" aria-live="polite">
            {t('residents.count', { count: residents.data.total })}
          </Text>
          {residents.data.items.length === 0 ? (
            <Text>{t('residents.none')}</Text>
          ) : (
            <TableScroll label={t('residents.title')} minWidth={1000}>
              <Table striped highlightOnHover data-testid="residents-table" styles={{ th: NOWRAP }}>
                <Table.Thead>
                  <Table.Tr>
                    {canRegister && (
                      <Table.Th>
                        <Checkbox
                          aria-label={t('assign.selectAll')}
                          checked={residents.data.items.length > 0 && residents.data.items.every((r) => selected.has(r.id))}
                          indeterminate={selected.size > 0 && !residents.data.items.every((r) => selected.has(r.id))}
                          onChange={(e) =>
                            setSelected(e.currentTarget.checked ? new Map(residents.data.items.map((r) => [r.id, r.fullName])) : new Map())
                          }
                        />
                      </Table.Th>
                    )}
                    <Table.Th>{t('residents.nameAndBirth')}</Table.Th>
                    <Table.Th>{t('residents.nationality')}</Table.Th>
                    <Table.Th>{t('residents.employer')}</Table.Th>
                    <Table.Th>{t('residents.assignee')}</Table.Th>
                    <Table.Th>{t('residents.status')}</Table.Th>
                    <Table.Th>{t('residents.period')}</Table.Th>
                    <Table.Th>{t('residents.card')}</Table.Th>
                    <Table.Th>{t('residents.next')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {residents.data.items.map((resident) => (
                    <Table.Tr key={resident.id}>
                      {canRegister && (
                        <Table.Td>
                          <Checkbox
                            aria-label={t('assign.select', { name: resident.fullName })}
                            checked={selected.has(resident.id)}
                            onChange={() => toggle(resident.id, resident.fullName)}
                          />
                        </Table.Td>
                      )}
                      <Table.Td>
                        <Anchor component={Link} to={`/residents/${resident.id}`} fw={700}>
                          {resident.fullName}
                        </Anchor>
                        {resident.nameKana && <Text size="xs">{resident.nameKana}</Text>}
                        <Text size="xs" style={NOWRAP} data-testid="date-of-birth">
                          {t('residents.bornOn', { date: date(resident.dateOfBirth) })}
                        </Text>
                      </Table.Td>
                      <Table.Td style={NOWRAP}>{countryName(resident.nationality, i18n.language)}</Table.Td>
                      <Table.Td data-testid="employer">{employerName(resident.employer)}</Table.Td>
                      <Table.Td data-testid="assignee" style={NOWRAP}>
                        {resident.assignedToName ?? '—'}
                      </Table.Td>
                      <Table.Td style={NOWRAP}>{statusName(resident.status.residence.status, i18n.language)}</Table.Td>
                      <Table.Td style={NOWRAP}>{date(resident.status.residence.periodExpiresOn)}</Table.Td>
                      <Table.Td>
                        {resident.status.card.number ?? '—'} ({cardStateLabel(resident.status.card, t)})
                      </Table.Td>
                      <Table.Td>
                        {resident.nextDeadline
                          ? `${i18n.language === 'en' ? resident.nextDeadline.label.en : resident.nextDeadline.label.ja} ${date(resident.nextDeadline.dueOn)}`
                          : '—'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
        </>
      )}
    </Stack>
  );
}

/** The list's filters without its paging: an export writes every row that matches. */
function exportFilters({ page: _page, pageSize: _pageSize, ...filters }: ResidentFilters) {
  return filters;
}
