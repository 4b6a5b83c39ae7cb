/**
 * One employer (所属機関) at a glance: its Specified Skilled Workers with their support, the
 * filings it owes (each 随時届出 with its draft), and the annual report of each fiscal year.
 */
import { Anchor, Badge, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LocalDate } from '@domain/calendar/local-date';
import { FIRST_ANNUAL_REPORT_FISCAL_YEAR, fiscalYearOf as fiscalYearOfDay } from '@domain/ssw/ssw-periods';
import { api, unwrap } from '../api/client';
import { formatDate, todayInJapan } from '../dates/format-date';
import { TableScroll } from '../layout/ScrollRegion';
import type { Employer } from './api';
import { DocumentButton } from './DocumentButton';
import { documentOf, saveAnnualReport } from './documents';
import { useSswWorkers } from './SswWorkersPanel';

export function EmployerDetail({ employer, onClose }: { employer: Employer; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const asOf = todayInJapan();
  const { shown } = useSswWorkers(employer.id, null);
  const filings = useQuery({
    queryKey: ['deadlines', 'employer', employer.id, asOf],
    queryFn: () =>
      unwrap(api.GET('/v1/deadlines', { params: { query: { asOf, employer: employer.id, owedBy: 'employer', pageSize: 200 } } })),
  });
  const years: number[] = [];
  for (let year = fiscalYearOfDay(asOf as LocalDate); year >= FIRST_ANNUAL_REPORT_FISCAL_YEAR; year--) years.push(year);
  const date = (value: string | null | undefined) => (value ? formatDate(value, i18n.language) : '—');
  return (
    <Modal opened onClose={onClose} title={t('ssw.employerDetail.title', { name: employer.name })} size="xl">
      <Stack gap="md" data-testid="employer-detail">
        <section>
          <Title order={4} size="h5" mb={4}>
            {t('ssw.employerDetail.workers')}
          </Title>
          {shown.length === 0 ? (
            <Text size="sm">{t('ssw.employerDetail.noWorkers')}</Text>
          ) : (
            <Stack gap={2}>
              {shown.map((resident) => (
                <Group key={resident.id} gap="xs">
                  <Anchor component={Link} to={`/residents/${resident.id}`} size="sm" fw={700}>
                    {resident.fullName}
                  </Anchor>
                  <Text size="sm">
                    {resident.ssw?.field ? (i18n.language === 'en' ? resident.ssw.field.en : resident.ssw.field.ja) : '—'}
                  </Text>
                  <Text size="sm">{t('ssw.employerDetail.contractLine', { since: date(resident.ssw?.supportSince) })}</Text>
                </Group>
              ))}
            </Stack>
          )}
        </section>
        <section>
          <Title order={4} size="h5" mb={4}>
            {t('ssw.employerDetail.filings')}
          </Title>
          {filings.data && filings.data.items.length === 0 && <Text size="sm">{t('ssw.employerDetail.noFilings')}</Text>}
          {filings.data && filings.data.items.length > 0 && (
            <TableScroll label={t('ssw.employerDetail.filings')} minWidth={560}>
              <Table verticalSpacing={4}>
                <Table.Tbody>
                  {filings.data.items.map((deadline) => {
                    const save = documentOf(deadline);
                    const label = i18n.language === 'en' ? deadline.label.en : deadline.label.ja;
                    return (
                      <Table.Tr key={`${deadline.residentId}:${deadline.id}`} data-testid="employer-filing">
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(deadline.dueOn)}</Table.Td>
                        <Table.Td>
                          <Text size="sm">{label}</Text>
                          <Text size="xs">{deadline.residentName}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge
                            variant="light"
                            color={deadline.state === 'overdue' ? 'red' : deadline.state.startsWith('met') ? 'teal' : 'gray'}
                          >
                            {t(`deadlineState.${deadline.state}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {save && (
                            <DocumentButton save={save} label={t('ssw.documents.draft')} name={`${deadline.residentName ?? ''} ${label}`} />
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </TableScroll>
          )}
        </section>
        <section>
          <Title order={4} size="h5" mb={4}>
            {t('ssw.employerDetail.annualReports')}
          </Title>
          <Group gap="xs">
            {years.map((year) => (
              <DocumentButton
                key={year}
                save={() => saveAnnualReport(employer.id, year)}
                label={`${t('ssw.annualReportRow', { year })} ${t('ssw.documents.annualReport')}`}
                name={employer.name}
              />
            ))}
          </Group>
        </section>
      </Stack>
    </Modal>
  );
}
