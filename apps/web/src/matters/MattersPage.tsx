/**
 * 申請: the office's matters by stage (書類収集中 / 申請済・審査中 / 資料提出待ち / 結果待ち / 完了), with
 * the days each has been open, the documents still missing, the next deadline; 受任 and the
 * register (帳簿) from here.
 */
import { Alert, Anchor, Badge, Box, Button, Chip, Group, Modal, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { problemMessage } from '../api/problem-message';
import { formatDate, todayInJapan } from '../dates/format-date';
import { TableScroll } from '../layout/ScrollRegion';
import { AcceptMatterForm } from './AcceptMatterForm';
import { MATTER_STAGES, mattersQuery, saveRegister, type Matter, type MatterStage } from './api';
import { daysPending, nextDeadline } from './matter-days';
import { MissingDocuments } from './MissingDocuments';

type Filter = MatterStage | 'open';

export function MattersPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const matters = useQuery(mattersQuery());
  const [filter, setFilter] = useState<Filter>('open');
  const [accepting, setAccepting] = useState(false);
  const [tab, setTab] = useState<'matters' | 'missing'>('matters');
  const [exportError, setExportError] = useState<unknown>(null);
  const today = todayInJapan();
  const all = matters.data?.items ?? [];
  const count = (stage: Filter) => all.filter((matter) => (stage === 'open' ? matter.stage !== 'done' : matter.stage === stage)).length;
  const shown = all.filter((matter) => (filter === 'open' ? matter.stage !== 'done' : matter.stage === filter));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('matters.title')}</Title>
        <Group gap="sm">
          <Button variant="default" onClick={() => void saveRegister().then(() => setExportError(null), setExportError)}>
            {t('matters.register')}
          </Button>
          <Button onClick={() => setAccepting(true)}>{t('matters.accept')}</Button>
        </Group>
      </Group>
      <Text c="dimmed" size="sm">
        {t('matters.lead')}
      </Text>
      {exportError !== null && (
        <Alert color="red" role="alert">
          {t('matters.registerFailed')} {problemMessage(exportError, t)}
        </Alert>
      )}
      <Tabs value={tab} onChange={(value) => setTab(value === 'missing' ? 'missing' : 'matters')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="matters">{t('matters.tabs.matters')}</Tabs.Tab>
          <Tabs.Tab value="missing">{t('matters.tabs.missing')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="matters" pt="sm">
          <Stack>
            <Chip.Group value={filter} onChange={(value) => setFilter(value as Filter)}>
              <Group gap="xs" role="radiogroup" aria-label={t('matters.stageFilter')}>
                {(['open', ...MATTER_STAGES] as const).map((value) => (
                  <Chip key={value} value={value} type="radio" variant="outline">
                    {value === 'open' ? t('matters.allStages') : t(`matters.stages.${value}`)} ({count(value)})
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {matters.isError && (
              <Alert color="red" role="alert">
                {problemMessage(matters.error, t)}
              </Alert>
            )}
            {matters.data &&
              (shown.length === 0 ? (
                <Text>{t('matters.none')}</Text>
              ) : (
                <>
                  <Box visibleFrom="sm">
                    <TableScroll label={t('matters.title')} minWidth={760}>
                      <Table striped highlightOnHover data-testid="matters-table">
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>{t('matters.resident')}</Table.Th>
                            <Table.Th>{t('matters.kind')}</Table.Th>
                            <Table.Th>{t('matters.stage')}</Table.Th>
                            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('matters.daysPending')}</Table.Th>
                            <Table.Th>{t('matters.missing')}</Table.Th>
                            <Table.Th>{t('matters.next')}</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {shown.map((matter) => (
                            <MatterRow key={matter.matterId} matter={matter} today={today} language={i18n.language} />
                          ))}
                        </Table.Tbody>
                      </Table>
                    </TableScroll>
                  </Box>
                  {/* On a phone each matter is a card: who, what, the stage, and the rest on two lines. */}
                  <Stack gap="xs" hiddenFrom="sm" data-testid="matters-cards">
                    {shown.map((matter) => (
                      <MatterCard key={matter.matterId} matter={matter} today={today} language={i18n.language} />
                    ))}
                  </Stack>
                </>
              ))}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="missing" pt="sm">
          <MissingDocuments />
        </Tabs.Panel>
      </Tabs>
      <Modal opened={accepting} onClose={() => setAccepting(false)} title={t('matters.acceptTitle')} size="lg">
        <AcceptMatterForm onCancel={() => setAccepting(false)} onAccepted={(matter) => void navigate(`/matters/${matter.matterId}`)} />
      </Modal>
    </Stack>
  );
}

function MatterRow({ matter, today, language }: { matter: Matter; today: string; language: string }) {
  const { t } = useTranslation();
  const next = nextDeadline(matter);
  return (
    <Table.Tr data-matter={matter.matterId} data-stage={matter.stage}>
      <Table.Td>
        <Anchor component={Link} to={`/matters/${matter.matterId}`} fw={700}>
          {matter.residentName ?? '—'}
        </Anchor>
      </Table.Td>
      <Table.Td>{t(`matters.kinds.${matter.kind}`)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <StageBadge stage={matter.stage} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('matters.days', { count: daysPending(matter, today) })}</Table.Td>
      <Table.Td>
        {matter.missing.length === 0 ? (
          t('matters.nothingMissing')
        ) : (
          <Text size="sm" title={matter.missing.map((item) => item.label).join('、')}>
            {t('matters.missingCount', { count: matter.missing.length })}:{' '}
            {matter.missing
              .map((item) => item.label)
              .slice(0, 2)
              .join('、')}
            {matter.missing.length > 2 ? '…' : ''}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{next ? formatDate(next, language) : '—'}</Table.Td>
    </Table.Tr>
  );
}

function StageBadge({ stage }: { stage: MatterStage }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      // A stage name is short and must read whole: the badge grows rather than clip it.
      styles={{ root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } }}
      color={stage === 'documents_requested' ? 'orange' : stage === 'done' ? 'gray' : 'blue'}
    >
      {t(`matters.stages.${stage}`)}
    </Badge>
  );
}

function MatterCard({ matter, today, language }: { matter: Matter; today: string; language: string }) {
  const { t } = useTranslation();
  const next = nextDeadline(matter);
  return (
    <Paper withBorder p="xs" data-matter={matter.matterId} data-stage={matter.stage}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Anchor component={Link} to={`/matters/${matter.matterId}`} fw={700}>
          {matter.residentName ?? '—'}
        </Anchor>
        <StageBadge stage={matter.stage} />
      </Group>
      <Text size="sm">{t(`matters.kinds.${matter.kind}`)}</Text>
      <Text size="sm" c="dimmed">
        {t('matters.daysPending')} {t('matters.days', { count: daysPending(matter, today) })}・{t('matters.missing')}{' '}
        {matter.missing.length === 0 ? t('matters.nothingMissing') : t('matters.missingCount', { count: matter.missing.length })}・
        {t('matters.next')} {next ? formatDate(next, language) : '—'}
      </Text>
    </Paper>
  );
}
