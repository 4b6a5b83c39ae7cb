/**
 * 未提出の書類: across the open matters, each document still requested (from the checklist or an
 * unanswered 資料提出通知), who provides it and by when, earliest due first; a table on a wide
 * screen, a card per document on a phone.
 */
import { Alert, Anchor, Box, Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemMessage } from '../api/problem-message';
import { formatDate } from '../dates/format-date';
import { TableScroll } from '../layout/ScrollRegion';
import { missingDocumentsQuery, type MissingDocument } from './api';

const keyOf = (item: MissingDocument, index: number) => `${item.matterId}-${item.code ?? index}-${item.label}`;

export function MissingDocuments() {
  const { t, i18n } = useTranslation();
  const missing = useQuery(missingDocumentsQuery());
  const date = (day: string | null) => (day ? formatDate(day, i18n.language) : '—');
  if (missing.isError)
    return (
      <Alert color="red" role="alert">
        {problemMessage(missing.error, t)}
      </Alert>
    );
  const items = missing.data?.items ?? [];
  return (
    <Stack gap="sm">
      <Text c="dimmed" size="sm">
        {t('matters.missingLead')}
      </Text>
      {missing.data && items.length === 0 && <Text>{t('matters.missingNone')}</Text>}
      {items.length > 0 && (
        <>
          <Box visibleFrom="sm">
            <TableScroll label={t('matters.tabs.missing')} minWidth={760}>
              <Table striped data-testid="missing-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('matters.dueOn')}</Table.Th>
                    <Table.Th>{t('matters.document')}</Table.Th>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('matters.providedBy')}</Table.Th>
                    <Table.Th>{t('matters.resident')}</Table.Th>
                    <Table.Th>{t('matters.kind')}</Table.Th>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('matters.missingSource')}</Table.Th>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('matters.caseworker')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item, index) => (
                    <Table.Tr key={keyOf(item, index)} data-matter={item.matterId} data-source={item.source}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(item.dueOn)}</Table.Td>
                      <Table.Td>{item.label}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`matters.providers.${item.providedBy}`)}</Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/matters/${item.matterId}`} fw={700}>
                          {item.residentName ?? '—'}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{t(`matters.kinds.${item.kind}`)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`matters.sources.${item.source}`)}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.caseworker ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </TableScroll>
          </Box>
          <Stack gap="xs" hiddenFrom="sm" data-testid="missing-cards">
            {items.map((item, index) => (
              <Paper key={keyOf(item, index)} withBorder p="xs" data-matter={item.matterId} data-source={item.source}>
                <Text fw={700} size="sm">
                  {item.label}
                </Text>
                <Anchor component={Link} to={`/matters/${item.matterId}`} size="sm">
                  {item.residentName ?? '—'}・{t(`matters.kinds.${item.kind}`)}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t('matters.dueOn')} {date(item.dueOn)}・{t('matters.providedBy')} {t(`matters.providers.${item.providedBy}`)}・
                  {t(`matters.sources.${item.source}`)}
                </Text>
              </Paper>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
