/**
 * The history: every fact in the order recorded, who recorded it and when, and a retract
 * action (EventRetracted with a reason, sent with If-Match like every write).
 */
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { employersQuery } from '../board/api';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem-message';
import type { RecordedEvent } from './api';
import { formatDate, formatTimestamp, todayInJapan } from '../dates/format-date';
import { statusName } from '../record/StatusSelect';
import { useRecordEvent } from '../record/api';
import { describeEventData } from './describe-event';
import { TableScroll } from '../layout/ScrollRegion';

/** Who recorded a fact, by name: a person, an integration's key (by its label), or the platform. */
export function recorderName(event: RecordedEvent, t: TFunction): string {
  const name = event.recordedByName;
  if (event.recordedBy.startsWith('key:')) return name ? t('history.byKey', { label: name }) : t('history.unknownKey');
  if (event.recordedBy === 'admin') return t('history.byAdmin');
  return name ?? t('history.unknownPerson');
}

const NOT_RETRACTABLE = new Set(['ResidentRegistered', 'EventRetracted']);

export function HistoryTable({
  residentId,
  events,
  version,
  onChanged,
  canRetract,
}: {
  residentId: string;
  events: RecordedEvent[];
  version: number;
  onChanged(): void;
  /** A viewer sees the history without the retract action. */
  canRetract: boolean;
}) {
  const { t, i18n } = useTranslation();
  const employers = useQuery(employersQuery());
  const employerNames = new Map((employers.data ?? []).map((employer) => [employer.id, employer.name]));
  const [target, setTarget] = useState<RecordedEvent | null>(null);
  const [reason, setReason] = useState('');
  const retract = useRecordEvent(residentId, version, () => {
    setTarget(null);
    setReason('');
    onChanged();
  });
  if (events.length === 0) return <Text size="sm">{t('resident.noEvents')}</Text>;
  const ordered = [...events].reverse();
  return (
    <>
      <TableScroll label={t('resident.history')} minWidth={700}>
        <Table data-testid="history-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('history.when')}</Table.Th>
              <Table.Th>{t('history.what')}</Table.Th>
              <Table.Th>{t('history.details')}</Table.Th>
              <Table.Th>{t('history.recorded')}</Table.Th>
              <Table.Th>
                <span className="visually-hidden">{t('history.retract')}</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ordered.map((event) => (
              <Table.Tr
                key={event.eventId}
                data-type={event.type}
                data-retracted={event.retracted || undefined}
                style={event.retracted ? { textDecoration: 'line-through' } : undefined}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(event.occurredOn, i18n.language)}</Table.Td>
                <Table.Td miw={150}>
                  <Text size="sm" fw={700}>
                    {t(`events.${event.type}`, { defaultValue: event.type })}
                  </Text>
                  {event.retracted && (
                    <Badge color="gray" size="sm">
                      {t('history.retracted')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {describeEventData(event.data, t, i18n.language, (code) => statusName(code, i18n.language), {
                      type: event.type,
                      nameOf: (kind, id) =>
                        kind === 'employer' ? (employerNames.get(id) ?? id) : (event.namedPeople?.[id] ?? t('history.unknownPerson')),
                    })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{formatTimestamp(event.recordedAt, i18n.language)}</Text>
                  <Text size="xs" data-testid="recorded-by">
                    {t('history.by')}: {recorderName(event, t)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {canRetract && !event.retracted && !NOT_RETRACTABLE.has(event.type) && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      onClick={() => setTarget(event)}
                      aria-label={`${t('history.retract')}: ${t(`events.${event.type}`, { defaultValue: event.type })} ${formatDate(event.occurredOn, i18n.language)}`}
                    >
                      {t('history.retract')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <Modal opened={target !== null} onClose={() => setTarget(null)} title={t('history.retractTitle')}>
        {target && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (reason.trim())
                retract.mutate({ type: 'EventRetracted', occurredOn: todayInJapan(), data: { eventId: target.eventId, reason } });
            }}
          >
            <Stack>
              <Text size="sm">
                {formatDate(target.occurredOn, i18n.language)} {t(`events.${target.type}`, { defaultValue: target.type })}
              </Text>
              <TextInput
                label={t('history.reason')}
                placeholder={t('history.reasonHint')}
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                required
                data-autofocus
              />
              {retract.isError && (
                <Alert color="red" role="alert">
                  {problemMessage(retract.error, t)}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setTarget(null)}>
                  {t('history.cancel')}
                </Button>
                <Button type="submit" color="red" loading={retract.isPending} disabled={!reason.trim()}>
                  {t('history.confirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
