/** The organisation's security log for managers: when, who, what and from where, newest first, a page at a time. */
import { Alert, Anchor, Box, Group, Pagination, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemMessage } from '../api/problem-message';
import { useSession } from '../auth/session';
import { formatTimestamp } from '../dates/format-date';
import { PageLoader } from '../layout/Shell';
import { TableScroll } from '../layout/ScrollRegion';
import { usersQuery } from '../settings/api';
import { SECURITY_LOG_PAGE_SIZE, securityLogQuery, type SecurityEvent } from './api';
import { actorWords, whatWords } from './describe-security-event';

export function SecurityLogPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  if (me?.role && me.role !== 'manager')
    return (
      <Stack>
        <Title order={2}>{t('security.log.title')}</Title>
        <Alert color="yellow">{t('security.log.managersOnly')}</Alert>
      </Stack>
    );
  if (!me?.organisationId) return <PageLoader />;
  return <SecurityLog orgId={me.organisationId} />;
}

function SecurityLog({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const log = useQuery(securityLogQuery(orgId, page));
  const users = useQuery(usersQuery(orgId));
  const userNames = new Map((users.data ?? []).map((user) => [`user:${user.id}`, user.name]));
  const pages = Math.max(1, Math.ceil((log.data?.total ?? 0) / SECURITY_LOG_PAGE_SIZE));

  const subject = (entry: SecurityEvent) => {
    if (!entry.subject || entry.subject === entry.actor) return null;
    if (entry.subject.startsWith('resident:'))
      return (
        <Anchor component={Link} to={`/residents/${entry.subject.slice('resident:'.length)}`} size="sm">
          {t('security.log.openResident')}
        </Anchor>
      );
    const name = userNames.get(entry.subject);
    return name ? <Text size="sm">{`${t('security.log.user')}: ${name}`}</Text> : null;
  };

  return (
    <Stack>
      <Title order={2}>{t('security.log.title')}</Title>
      <Text size="sm">{t('security.log.lead')}</Text>
      {log.isError && (
        <Alert color="red" role="alert">
          {problemMessage(log.error, t)}
        </Alert>
      )}
      {log.isPending && <PageLoader />}
      {log.data && (
        <>
          <Text size="sm" data-testid="security-log-total">
            {t('security.log.count', { count: log.data.total })}
          </Text>
          {log.data.items.length === 0 ? (
            <Text size="sm">{t('security.log.none')}</Text>
          ) : (
            <>
              {/* On a phone each entry is a card: the table's four columns do not fit 390 px. */}
              <Stack gap="xs" hiddenFrom="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('security.log.title')}>
                {log.data.items.map((entry) => (
                  <Paper withBorder p="xs" component="li" key={entry.id} data-kind={entry.kind}>
                    <Text size="sm" fw={700}>
                      {whatWords(entry, t, i18n.language)}
                    </Text>
                    {subject(entry)}
                    <Text size="xs" c="dimmed">
                      {`${formatTimestamp(entry.at, i18n.language)} ・ ${actorWords(entry, t)} ・ ${entry.address ?? '—'}`}
                    </Text>
                  </Paper>
                ))}
              </Stack>
              <Box visibleFrom="sm">
                <TableScroll label={t('security.log.title')} minWidth={720}>
                  <Table data-testid="security-log" aria-busy={log.isFetching}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('security.log.when')}</Table.Th>
                        <Table.Th>{t('security.log.who')}</Table.Th>
                        <Table.Th>{t('security.log.what')}</Table.Th>
                        <Table.Th>{t('security.log.from')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {log.data.items.map((entry) => (
                        <Table.Tr key={entry.id} data-kind={entry.kind}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(entry.at, i18n.language)}</Table.Td>
                          <Table.Td>{actorWords(entry, t)}</Table.Td>
                          <Table.Td>
                            <Text size="sm">{whatWords(entry, t, i18n.language)}</Text>
                            {subject(entry)}
                          </Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{entry.address ?? '—'}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </TableScroll>
              </Box>
            </>
          )}
          {pages > 1 && (
            <Group justify="center">
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                getControlProps={(control) => ({
                  'aria-label': t(`security.log.pager.${control}`),
                })}
                getItemProps={(item) => ({ 'aria-label': `${t('security.log.page')} ${item}` })}
              />
            </Group>
          )}
        </>
      )}
    </Stack>
  );
}
