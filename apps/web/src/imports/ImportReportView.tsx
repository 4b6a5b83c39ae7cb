/**
 * A dry run's or a real run's report: the counts at the top, then every row with its result
 * and, for each error and warning, the column (as the file headed it) and the reason in
 * Japanese; a switch narrows the table to the rows with something to fix. After a real run,
 * each created or updated row links to the person.
 */
import { Alert, Anchor, Badge, Group, List, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableScroll } from '../layout/ScrollRegion';
import type { ImportIssue, ImportReport, ImportRowResult } from './api';
import { issueColumn, issueText } from './issue-text';

const STATUS_COLOR: Record<ImportRowResult['status'], string> = { created: 'green', updated: 'blue', unchanged: 'gray', error: 'red' };

const hasProblem = (row: ImportRowResult) => (row.errors?.length ?? 0) > 0 || (row.warnings?.length ?? 0) > 0;

export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const [problemsOnly, setProblemsOnly] = useState(false);
  const warned = report.results.filter((row) => (row.warnings?.length ?? 0) > 0).length;
  const rows = problemsOnly ? report.results.filter(hasProblem) : report.results;
  const statusLabel = (status: ImportRowResult['status']) => t(report.dryRun ? `imports.planned.${status}` : `imports.status.${status}`);

  const issue = (kind: 'error' | 'warning', item: ImportIssue, index: number) => (
    <List.Item key={`${kind}-${index}`}>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        <Badge size="xs" variant="light" color={kind === 'error' ? 'red' : 'orange'} mr={6} component="span">
          {t(`imports.${kind}`)}
        </Badge>
        <Text span fw={700} size="sm">
          {issueColumn(item, t)}
        </Text>
        : {issueText(item, t)}
      </Text>
    </List.Item>
  );

  return (
    <Paper withBorder p={{ base: 'xs', sm: 'md' }} component="section" aria-label={t('imports.report')} data-testid="import-report">
      <Stack gap="sm">
        <Title order={3}>{report.dryRun ? t('imports.dryRunDone') : t('imports.importDone')}</Title>
        <Group gap="xs" data-testid="import-counts" aria-live="polite">
          <Badge size="lg" variant="outline" color="dark">
            {t('imports.counts.rows', { count: report.rows })}
          </Badge>
          <Badge size="lg" variant="light" color="green">
            {t('imports.counts.created', { count: report.created })}
          </Badge>
          <Badge size="lg" variant="light" color="blue">
            {t('imports.counts.updated', { count: report.updated })}
          </Badge>
          <Badge size="lg" variant="light" color="gray">
            {t('imports.counts.unchanged', { count: report.unchanged })}
          </Badge>
          <Badge size="lg" variant="light" color="red">
            {t('imports.counts.errors', { count: report.errors })}
          </Badge>
          {warned > 0 && (
            <Badge size="lg" variant="light" color="orange">
              {t('imports.counts.warnings', { count: warned })}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {t('imports.file', { format: report.format.toUpperCase() })}
          {report.encoding && ` ・ ${t('imports.encoding', { encoding: report.encoding === 'shift_jis' ? 'Shift_JIS' : 'UTF-8' })}`}
        </Text>
        {report.headerRow > 1 && <Text size="sm">{t('imports.headerRow', { row: report.headerRow })}</Text>}
        {report.ignoredColumns.length > 0 && (
          <Text size="sm">{t('imports.ignoredColumns', { columns: report.ignoredColumns.join('、') })}</Text>
        )}
        {report.errors > 0 && (
          <Alert color="yellow" p="xs">
            {t('imports.errorRowsSkipped')}
          </Alert>
        )}
        <Switch
          label={t('imports.problemsOnly')}
          checked={problemsOnly}
          onChange={(event) => setProblemsOnly(event.currentTarget.checked)}
        />
        {rows.length === 0 ? (
          <Text>{t('imports.noRows')}</Text>
        ) : (
          <TableScroll label={t('imports.rowsTable')} minWidth={300}>
            <Table striped data-testid="import-rows" verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={120}>{t('imports.table.row')}</Table.Th>
                  <Table.Th>{t('imports.table.reasons')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.row} data-row={row.row}>
                    <Table.Td>
                      <Stack gap={4} align="flex-start">
                        <Text size="sm" fw={700}>
                          {t('imports.rowNumber', { row: row.row })}
                        </Text>
                        <Badge variant="light" color={STATUS_COLOR[row.status]}>
                          {statusLabel(row.status)}
                        </Badge>
                        {!report.dryRun && row.residentId && (row.status === 'created' || row.status === 'updated') && (
                          <Anchor
                            component={Link}
                            to={`/residents/${row.residentId}`}
                            size="sm"
                            aria-label={t('imports.openRow', { row: row.row })}
                          >
                            {t('imports.open')}
                          </Anchor>
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      {row.employer && (
                        <Text size="sm" mb={hasProblem(row) ? 4 : 0}>
                          {t(`imports.employer.${row.employer.match}`, { name: row.employer.name })}
                        </Text>
                      )}
                      {hasProblem(row) ? (
                        <List spacing={4} listStyleType="none" pl={0}>
                          {(row.errors ?? []).map((item, index) => issue('error', item, index))}
                          {(row.warnings ?? []).map((item, index) => issue('warning', item, index))}
                        </List>
                      ) : (
                        !row.employer && '—'
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
      </Stack>
    </Paper>
  );
}
