/**
 * The resident's 担当者, and changing it from their page: a CaseAssigned from the day chosen
 * (today by default), sent with If-Match like every other fact.
 */
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem-message';
import { DateText } from '../dates/DateText';
import { todayInJapan } from '../dates/format-date';
import { parseDate } from '../dates/parse-date';
import { AssigneeSelect, NOBODY } from '../people/AssigneeSelect';
import { isConflict, useRecordEvent } from '../record/api';
import type { ResidentSummary } from './api';

export function AssignCaseworker({ resident, canWrite, onChanged }: { resident: ResidentSummary; canWrite: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Group gap="xs" mt={4} wrap="nowrap">
      <Text size="sm" data-testid="resident-assignee">
        {t('assign.assignee')}: {resident.assignedToName ?? t('assign.none')}
      </Text>
      {canWrite && (
        <Button size="compact-xs" variant="default" onClick={() => setOpen(true)}>
          {t('assign.change')}
        </Button>
      )}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('assign.title')}>
        <AssignForm
          resident={resident}
          onDone={() => {
            setOpen(false);
            onChanged();
          }}
        />
      </Modal>
    </Group>
  );
}

function AssignForm({ resident, onDone }: { resident: ResidentSummary; onDone(): void }) {
  const { t } = useTranslation();
  const [assignee, setAssignee] = useState<string | null>(resident.assignedTo ?? NOBODY);
  const [from, setFrom] = useState(todayInJapan());
  const [note, setNote] = useState('');
  const [dateError, setDateError] = useState(false);
  const record = useRecordEvent(resident.id, resident.version, onDone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const occurredOn = parseDate(from);
    setDateError(!occurredOn);
    if (!occurredOn) return;
    const data: Record<string, string> = {};
    if (assignee && assignee !== NOBODY) data.assignedTo = assignee;
    if (note.trim()) data.note = note.trim();
    record.mutate({ type: 'CaseAssigned', occurredOn, data });
  };
  return (
    <form onSubmit={submit} aria-label={t('assign.title')}>
      <Stack gap="sm">
        <AssigneeSelect label={t('assign.assignee')} value={assignee} onChange={setAssignee} />
        <DateText label={t('assign.from')} value={from} onChange={setFrom} error={dateError ? t('record.dateInvalid') : undefined} />
        <TextInput label={t('assign.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {record.isError && (
          <Alert color={isConflict(record.error) ? 'orange' : 'red'} role="alert">
            {isConflict(record.error) ? t('record.conflict') : problemMessage(record.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending}>
            {t('assign.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
