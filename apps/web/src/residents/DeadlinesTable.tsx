/** The resident's deadlines as of the chosen date: what, legal basis, statutory and moved due dates, state. */
import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deadline } from './api';
import { formatDate } from '../dates/format-date';
import { toneOf } from '../board/group-deadlines';
import { TableScroll } from '../layout/ScrollRegion';

const STATE_COLOUR: Record<string, string> = {
  overdue: 'red',
  open: 'orange',
  upcoming: 'gray',
  met: 'teal',
  met_late: 'grape',
  void: 'gray',
};

export function DeadlinesTable({ deadlines, asOf }: { deadlines: Deadline[]; asOf: string }) {
  const { t, i18n } = useTranslation();
  // data-as-of: the date these deadlines were read for, which a browser test waits for after moving the date.
  if (deadlines.length === 0)
    return (
      <Text size="sm" data-as-of={asOf}>
        {t('resident.noDeadlines')}
      </Text>
    );
  const date = (d: string | null) => formatDate(d, i18n.language);
  return (
    <TableScroll label={t('resident.deadlines')} minWidth={640}>
      <Table striped data-testid="deadlines-table" data-as-of={asOf}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('board.what')}</Table.Th>
            <Table.Th>{t('board.basis')}</Table.Th>
            <Table.Th>{t('board.statutory')}</Table.Th>
            <Table.Th>{t('board.moved')}</Table.Th>
            <Table.Th>{t('resident.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deadlines.map((deadline) => {
            const tone = toneOf(deadline, asOf);
            return (
              <Table.Tr key={deadline.id} data-kind={deadline.kind} data-state={deadline.state}>
                <Table.Td>
                  <Text fw={700} size="sm">
                    {i18n.language === 'en' ? deadline.label.en : deadline.label.ja}
                  </Text>
                  {deadline.opensOn && (
                    <Text size="xs">
                      <span className="date">{t('board.opensOn', { date: date(deadline.opensOn) })}</span>
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{deadline.legalBasis}</Table.Td>
                <Table.Td className="date">{date(deadline.statutoryDueOn)}</Table.Td>
                <Table.Td className="date">
                  <Text size="sm" fw={tone ? 700 : undefined} c={tone === 'red' ? 'red.9' : tone === 'amber' ? 'orange.9' : undefined}>
                    {date(deadline.dueOn)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATE_COLOUR[deadline.state] ?? 'gray'} variant={deadline.state === 'overdue' ? 'filled' : 'light'}>
                    {t(`deadlineState.${deadline.state}`)}
                  </Badge>
                  {deadline.metOn && (
                    <Text size="xs">
                      {t('resident.metOn')}: <span className="date">{date(deadline.metOn)}</span>
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
