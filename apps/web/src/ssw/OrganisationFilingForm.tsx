/**
 * The organisation's own duty met (residentId null), recorded on the organisation through
 * PATCH /v1/organisations/{orgId}: the day it applied for its renewal or filed a notice, and for
 * its yearly report (支援実施状況に係る届出) the fiscal year filed with the day. Managers only: the
 * API lets no one else change the organisation. After the write every caseload read is refreshed,
 * so the row is met on the board and the 特定技能 screen at once.
 */
import { Alert, Button, Group, NumberInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors, problemMessage } from '../api/problem-message';
import { useSession } from '../auth/session';
import type { CaseloadDeadline } from '../board/api';
import { DateText } from '../dates/DateText';
import { parseDate } from '../dates/parse-date';
import { useRefreshResident } from '../residents/api';
import { recordOrganisationFiling } from './api';
import { ORGANISATION_FILINGS, organisationReportYearOf } from './deadline-facts';

const LABELS: Record<string, string> = {
  registrationRenewalAppliedOn: 'ssw.renewalAppliedOn',
  annualReportFiledOn: 'ssw.annualReportFiledOn',
};

export function OrganisationFilingForm({ deadline, onDone }: { deadline: Pick<CaseloadDeadline, 'id' | 'kind'>; onDone(): void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const refresh = useRefreshResident('');
  const field = ORGANISATION_FILINGS[deadline.kind] ?? 'registrationRenewalAppliedOn';
  const owedYear = organisationReportYearOf(deadline);
  const [on, setOn] = useState('');
  const [fiscalYear, setFiscalYear] = useState<number | string>(owedYear ?? '');
  const save = useMutation({
    mutationFn: (day: string) =>
      recordOrganisationFiling(me?.organisationId ?? '', {
        [field]: day,
        ...(owedYear !== null ? { annualReportFiscalYear: Number(fiscalYear) } : {}),
      }),
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
  const parsed = parseDate(on);
  const yearOk = owedYear === null || (Number.isInteger(fiscalYear) && Number(fiscalYear) >= 2019);
  const errors = fieldErrors(save.error);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (parsed && yearOk) save.mutate(parsed);
      }}
    >
      <Stack>
        {owedYear !== null && (
          <NumberInput
            label={t('ssw.annualReportFiscalYear')}
            description={t('ssw.annualReportFiscalYearHint')}
            value={fiscalYear}
            onChange={setFiscalYear}
            min={2019}
            max={2100}
            allowDecimal={false}
            required
            error={errors.annualReportFiscalYear ? t('ssw.annualReportFiscalYearInvalid') : undefined}
            maw={420}
          />
        )}
        <DateText label={t(LABELS[field] ?? 'ssw.noticeFiledOn')} value={on} onChange={setOn} required />
        {save.isError && (
          <Alert color="red" role="alert">
            {problemMessage(save.error, t)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!parsed || !yearOk}>
            {t('record.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
