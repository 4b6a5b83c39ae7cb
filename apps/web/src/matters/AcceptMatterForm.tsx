/** 受任: the resident (chosen from the caseload), the kind of application, the fee agreed, the caseworker, the day. */
import { Alert, Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem-message';
import { DateText } from '../dates/DateText';
import { todayInJapan } from '../dates/format-date';
import { parseDate } from '../dates/parse-date';
import { StatusSelect } from '../record/StatusSelect';
import { residentsQuery } from '../residents/api';
import { MATTER_KINDS, useAcceptMatter, type AcceptMatter, type Matter, type MatterKind } from './api';

export function AcceptMatterForm({ onAccepted, onCancel }: { onAccepted(matter: Matter): void; onCancel(): void }) {
  const { t } = useTranslation();
  const residents = useQuery(residentsQuery({ pageSize: 100 }));
  const [residentId, setResidentId] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>('extension');
  const [toStatus, setToStatus] = useState<string | null>(null);
  const [fee, setFee] = useState<string | number>('');
  const [caseworker, setCaseworker] = useState('');
  const [acceptedOn, setAcceptedOn] = useState(todayInJapan());
  const accept = useAcceptMatter(onAccepted);
  const day = parseDate(acceptedOn);
  const ready = residentId !== null && kind !== null && typeof fee === 'number' && day !== null;

  const submit = () => {
    if (!ready) return;
    const body: AcceptMatter = { residentId, kind: kind as MatterKind, feeYen: fee, acceptedOn: day };
    if (caseworker.trim()) body.caseworker = caseworker.trim();
    if (kind === 'status_change' && toStatus) body.toStatus = toStatus as AcceptMatter['toStatus'];
    accept.mutate(body);
  };

  return (
    <Stack component="form" onSubmit={(event) => (event.preventDefault(), submit())}>
      <Select
        label={t('matters.resident')}
        placeholder={t('matters.residentPlaceholder')}
        searchable
        required
        data={(residents.data?.items ?? []).map((resident) => ({ value: resident.id, label: resident.fullName }))}
        value={residentId}
        onChange={setResidentId}
        nothingFoundMessage="—"
      />
      <Select
        label={t('matters.kind')}
        required
        allowDeselect={false}
        data={MATTER_KINDS.map((value) => ({ value, label: t(`matters.kinds.${value}`) }))}
        value={kind}
        onChange={setKind}
      />
      {kind === 'status_change' && <StatusSelect label={t('matters.toStatus')} value={toStatus} onChange={setToStatus} />}
      <NumberInput label={t('matters.fee')} required min={0} step={1000} thousandSeparator="," value={fee} onChange={setFee} w={220} />
      <TextInput
        label={t('matters.caseworker')}
        value={caseworker}
        onChange={(event) => setCaseworker(event.currentTarget.value)}
        maw={320}
      />
      <DateText label={t('matters.acceptedOn')} value={acceptedOn} onChange={setAcceptedOn} required />
      {accept.isError && (
        <Alert color="red" role="alert">
          {problemMessage(accept.error, t)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('matters.cancel')}
        </Button>
        <Button type="submit" disabled={!ready} loading={accept.isPending}>
          {t('matters.save')}
        </Button>
      </Group>
    </Stack>
  );
}
