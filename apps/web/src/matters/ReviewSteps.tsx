/**
 * What the bureau does during the review that the matter's page records on the resident (their
 * deadlines, shown on the board): a 出頭通知 and the attendance, and for a certificate of
 * eligibility its issue (the 3 months to land run from it, coe_entry).
 */
import { Button, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateText } from '../dates/DateText';
import { formatDate, todayInJapan } from '../dates/format-date';
import { parseDate } from '../dates/parse-date';
import { StatusSelect } from '../record/StatusSelect';
import { useRecordRequestFact, type Matter } from './api';
import { Failure, Section } from './MatterSteps';
import { OpenRequestAnswer } from './OpenRequestAnswer';
import { StepForm } from './StepForm';

export function SummonsSection({ matter }: { matter: Matter }) {
  const { t, i18n } = useTranslation();
  const record = useRecordRequestFact(matter);
  const [issuedOn, setIssuedOn] = useState(todayInJapan());
  const [appearOn, setAppearOn] = useState('');
  const [place, setPlace] = useState('');
  if (matter.filing === null || matter.stage === 'done') return null;
  const summons = matter.openRequests.find((request) => request.kind === 'summons_appearance');
  const issued = parseDate(issuedOn);
  const appear = parseDate(appearOn);
  return (
    <Section id="summons-title" title={t('matters.summons')}>
      {summons !== undefined && (
        <OpenRequestAnswer
          notice={t('matters.openSummons', { date: formatDate(summons.dueOn, i18n.language) })}
          testId="open-summons"
          dateLabel={t('matters.attendedOn')}
          buttonLabel={t('matters.recordAttendance')}
          pending={record.isPending}
          onAnswer={(day) => record.mutate({ type: 'SummonsAttended', occurredOn: day, data: {} })}
        />
      )}
      <StepForm
        onSubmit={() => {
          if (issued && appear)
            record.mutate(
              {
                type: 'SummonsIssued',
                occurredOn: issued,
                data: { issuedOn: issued, appearOn: appear, ...(place.trim() ? { place: place.trim() } : {}) },
              },
              { onSuccess: () => (setAppearOn(''), setPlace('')) },
            );
        }}
      >
        <DateText label={t('matters.summonsIssuedOn')} value={issuedOn} onChange={setIssuedOn} required />
        <DateText label={t('matters.appearOn')} value={appearOn} onChange={setAppearOn} required />
        <TextInput label={t('matters.place')} value={place} onChange={(event) => setPlace(event.currentTarget.value)} w={240} />
        <Button type="submit" variant="light" mt={25} disabled={!issued || !appear} loading={record.isPending}>
          {t('matters.recordSummons')}
        </Button>
      </StepForm>
      <Failure mutation={record} />
    </Section>
  );
}

/** 在留資格認定証明書: issued on a day for a status; the matter is granted by it (matter-kinds.ts). */
export function CoeSection({ matter }: { matter: Matter }) {
  const { t } = useTranslation();
  const record = useRecordRequestFact(matter);
  const [issuedOn, setIssuedOn] = useState(todayInJapan());
  const [status, setStatus] = useState<string | null>(matter.toStatus);
  if (matter.kind !== 'coe' || matter.filing === null || matter.result !== null || matter.closedOn !== null) return null;
  const issued = parseDate(issuedOn);
  return (
    <Section id="coe-title" title={t('matters.coe')}>
      <StepForm
        onSubmit={() => {
          if (issued && status) record.mutate({ type: 'CoeIssued', occurredOn: issued, data: { issuedOn: issued, status } });
        }}
      >
        <DateText label={t('matters.coeIssuedOn')} value={issuedOn} onChange={setIssuedOn} required />
        <StatusSelect label={t('matters.coeStatus')} value={status} onChange={setStatus} required />
        <Button type="submit" mt={25} disabled={!issued || !status} loading={record.isPending}>
          {t('matters.recordCoe')}
        </Button>
      </StepForm>
      <Failure mutation={record} />
    </Section>
  );
}
