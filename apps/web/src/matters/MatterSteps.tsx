/**
 * A matter's steps after the documents: the filing (day, bureau, channel, 受付番号), the office's
 * 資料提出通知 and its submission (facts of the resident: the deadline is theirs and shows on the
 * board), the result, the close.
 */
import { Alert, Button, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem-message';
import { DateText } from '../dates/DateText';
import { formatDate, todayInJapan } from '../dates/format-date';
import { parseDate } from '../dates/parse-date';
import {
  CHANNELS,
  useCloseMatter,
  useDecideMatter,
  useFileMatter,
  useRecordRequestFact,
  type FilingInput,
  type Matter,
  type MatterResult,
} from './api';
import { OpenRequestAnswer } from './OpenRequestAnswer';
import { StepForm } from './StepForm';

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

export function Failure({ mutation }: { mutation: Pick<UseMutationResult<unknown, Error, never>, 'isError' | 'error'> }) {
  const { t } = useTranslation();
  return mutation.isError ? (
    <Alert color="red" role="alert">
      {problemMessage(mutation.error, t)}
    </Alert>
  ) : null;
}

export function FilingSection({ matter }: { matter: Matter }) {
  const { t } = useTranslation();
  const file = useFileMatter(matter);
  const [filedOn, setFiledOn] = useState(todayInJapan());
  const [bureau, setBureau] = useState('');
  const [channel, setChannel] = useState<string | null>('counter');
  const [receiptNumber, setReceiptNumber] = useState('');
  const filing = matter.filing;
  if (filing !== null)
    return (
      <Section id="filing-title" title={t('matters.filing')}>
        <Text data-testid="filing">
          {formatDate(filing.filedOn, 'ja')} {filing.bureau ?? ''} {filing.channel ? t(`matters.channels.${filing.channel}`) : ''}{' '}
          {filing.receiptNumber ? `${t('matters.receiptNumber')} ${filing.receiptNumber}` : ''}
        </Text>
      </Section>
    );
  if (matter.closedOn !== null || matter.result !== null) return null;
  const day = parseDate(filedOn);
  const submit = () => {
    if (!day) return;
    const input: FilingInput = { filedOn: day };
    if (bureau.trim()) input.bureau = bureau.trim();
    if (receiptNumber.trim()) input.receiptNumber = receiptNumber.trim();
    if (channel) input.channel = channel as FilingInput['channel'];
    file.mutate(input);
  };
  return (
    <Section id="filing-title" title={t('matters.filing')}>
      <Text size="sm" c="dimmed">
        {t('matters.notFiled')}
      </Text>
      <StepForm onSubmit={submit}>
        <DateText label={t('matters.filedOn')} value={filedOn} onChange={setFiledOn} required />
        <TextInput label={t('matters.bureau')} value={bureau} onChange={(event) => setBureau(event.currentTarget.value)} w={280} />
        <Select
          label={t('matters.channel')}
          data={CHANNELS.map((value) => ({ value, label: t(`matters.channels.${value}`) }))}
          value={channel}
          onChange={setChannel}
          w={160}
        />
        <TextInput
          label={t('matters.receiptNumber')}
          value={receiptNumber}
          onChange={(event) => setReceiptNumber(event.currentTarget.value)}
          w={200}
        />
        <Button type="submit" mt={25} disabled={!day} loading={file.isPending}>
          {t('matters.recordFiling')}
        </Button>
      </StepForm>
      <Failure mutation={file} />
    </Section>
  );
}

export function RequestSection({ matter }: { matter: Matter }) {
  const { t, i18n } = useTranslation();
  const record = useRecordRequestFact(matter);
  const [requestedOn, setRequestedOn] = useState(todayInJapan());
  const [dueOn, setDueOn] = useState('');
  const [items, setItems] = useState('');
  if (matter.filing === null || matter.stage === 'done') return null;
  const notice = matter.openRequests.find((request) => request.kind === 'additional_documents');
  const list = items
    .split('\n')
    .map((item) => item.trim())
    .filter(Boolean);
  const requested = parseDate(requestedOn);
  const due = parseDate(dueOn);
  return (
    <Section id="request-title" title={t('matters.request')}>
      {notice !== undefined && (
        <OpenRequestAnswer
          notice={t('matters.openRequest', { date: formatDate(notice.dueOn, i18n.language) })}
          testId="open-request"
          dateLabel={t('matters.submittedOn')}
          buttonLabel={t('matters.recordSubmission')}
          pending={record.isPending}
          onAnswer={(day) => record.mutate({ type: 'AdditionalDocumentsSubmitted', occurredOn: day, data: {} })}
        />
      )}
      <Stack
        gap="sm"
        component="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (requested && due && list.length > 0)
            record.mutate(
              { type: 'AdditionalDocumentsRequested', occurredOn: requested, data: { requestedOn: requested, dueOn: due, items: list } },
              { onSuccess: () => (setItems(''), setDueOn('')) },
            );
        }}
      >
        <Group align="flex-start" gap="sm">
          <DateText label={t('matters.requestedOn')} value={requestedOn} onChange={setRequestedOn} required />
          <DateText label={t('matters.requestDueOn')} value={dueOn} onChange={setDueOn} required />
        </Group>
        <Textarea
          label={t('matters.requestItems')}
          value={items}
          onChange={(event) => setItems(event.currentTarget.value)}
          autosize
          minRows={2}
          maw={560}
        />
        <Group>
          <Button type="submit" variant="light" disabled={!requested || !due || list.length === 0} loading={record.isPending}>
            {t('matters.recordRequest')}
          </Button>
        </Group>
      </Stack>
      <Failure mutation={record} />
    </Section>
  );
}

export function ResultSection({ matter }: { matter: Matter }) {
  const { t, i18n } = useTranslation();
  const decide = useDecideMatter(matter.matterId);
  const [result, setResult] = useState<string | null>('granted');
  const [decidedOn, setDecidedOn] = useState(todayInJapan());
  if (matter.result !== null)
    return (
      <Section id="result-title" title={t('matters.result')}>
        <Text fw={700} data-testid="result">
          {t('matters.resultValue', {
            result: t(`matters.results.${matter.result.result}`),
            date: formatDate(matter.result.on, i18n.language),
          })}
        </Text>
        {matter.result.result === 'granted' && <StampFee matter={matter} />}
      </Section>
    );
  if (matter.closedOn !== null) return null;
  const day = parseDate(decidedOn);
  // Only a withdrawal comes before the filing.
  const choices = (matter.filing === null ? ['withdrawn'] : ['granted', 'denied', 'withdrawn']) as MatterResult[];
  return (
    <Section id="result-title" title={t('matters.result')}>
      <StepForm
        onSubmit={() => {
          if (day && result && choices.includes(result as MatterResult)) decide.mutate({ result: result as MatterResult, decidedOn: day });
        }}
      >
        <Select
          label={t('matters.result')}
          allowDeselect={false}
          data={choices.map((value) => ({ value, label: t(`matters.results.${value}`) }))}
          value={choices.includes(result as MatterResult) ? result : choices[0]!}
          onChange={setResult}
          w={160}
        />
        <DateText label={t('matters.decidedOn')} value={decidedOn} onChange={setDecidedOn} required />
        <Button type="submit" mt={25} disabled={!day} loading={decide.isPending}>
          {t('matters.recordResult')}
        </Button>
      </StepForm>
      <Failure mutation={decide} />
    </Section>
  );
}

/** 手数料: the stamps the grant is paid with, by the filing's day and channel (施行令9条). */
function StampFee({ matter }: { matter: Matter }) {
  const { t, i18n } = useTranslation();
  const fee = matter.stampFee;
  if (fee === null) return null;
  const amount = fee.stamps
    .map(({ variant, yen }) => {
      const money = yen.toLocaleString('ja-JP');
      return variant === null ? t('matters.stampYen', { yen: money }) : t('matters.stampVariant', { variant, yen: money });
    })
    .join(t('matters.stampOr'));
  return (
    <Stack gap={2}>
      <Text data-testid="stamp-fee">{t('matters.stamp', { amount })}</Text>
      <Text size="xs" c="dimmed">
        {t('matters.stampBasis', { basis: fee.basis, date: formatDate(fee.receivedOn, i18n.language) })}
      </Text>
    </Stack>
  );
}

export function CloseSection({ matter }: { matter: Matter }) {
  const { t, i18n } = useTranslation();
  const close = useCloseMatter(matter.matterId);
  const [closedOn, setClosedOn] = useState(todayInJapan());
  const [note, setNote] = useState('');
  if (matter.closedOn !== null)
    return (
      <Section id="close-title" title={t('matters.close')}>
        <Text>{t('matters.closed', { date: formatDate(matter.closedOn, i18n.language) })}</Text>
      </Section>
    );
  const day = parseDate(closedOn);
  return (
    <Section id="close-title" title={t('matters.close')}>
      <StepForm
        onSubmit={() => {
          if (day) close.mutate({ closedOn: day, ...(note.trim() ? { note: note.trim() } : {}) });
        }}
      >
        <DateText label={t('matters.closedOn')} value={closedOn} onChange={setClosedOn} required />
        <TextInput label={t('matters.closeNote')} value={note} onChange={(event) => setNote(event.currentTarget.value)} w={280} />
        <Button type="submit" mt={25} color="gray" disabled={!day} loading={close.isPending}>
          {t('matters.closeMatter')}
        </Button>
      </StepForm>
      <Failure mutation={close} />
    </Section>
  );
}
