/**
 * 対応する: the form of the fact that meets the deadline, filled with what the deadline says
 * (deadline-facts.ts), for the resident it belongs to; the organisation's registration renewal
 * and its own notices are recorded on the organisation instead. After the write every caseload read is refreshed, so
 * the row shows met here and on the board at once.
 */
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem-message';
import { useSession } from '../auth/session';
import type { CaseloadDeadline } from '../board/api';
import { DateText } from '../dates/DateText';
import { parseDate } from '../dates/parse-date';
import { PageLoader } from '../layout/Shell';
import { RecordFactForm } from '../record/RecordFactForm';
import { residentQuery, useRefreshResident } from '../residents/api';
import { recordOrganisationFiling } from './api';
import { factFor, ORGANISATION_FILINGS } from './deadline-facts';

interface Props {
  deadline: CaseloadDeadline;
  title: string;
  onClose(): void;
  onDone(): void;
}

export function ActOnDeadline({ deadline, title, onClose, onDone }: Props) {
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      {deadline.residentId ? (
        <ResidentFact deadline={deadline} residentId={deadline.residentId} onDone={onDone} />
      ) : (
        <OrganisationFiling field={ORGANISATION_FILINGS[deadline.kind] ?? 'registrationRenewalAppliedOn'} onDone={onDone} />
      )}
    </Modal>
  );
}

function ResidentFact({ deadline, residentId, onDone }: { deadline: CaseloadDeadline; residentId: string; onDone(): void }) {
  const { t } = useTranslation();
  const resident = useQuery(residentQuery(residentId));
  const refresh = useRefreshResident(residentId);
  const fact = factFor(deadline);
  if (resident.isPending) return <PageLoader />;
  if (resident.isError)
    return (
      <Alert color="red" role="alert">
        {problemMessage(resident.error, t)}
      </Alert>
    );
  return (
    <Stack gap="xs">
      {deadline.employerName && (
        <Text size="sm">
          {t('facts.fields.employer')}: {deadline.employerName}
        </Text>
      )}
      <RecordFactForm
        residentId={residentId}
        version={resident.data.version}
        reloading={resident.isFetching}
        prefill={fact}
        onRecorded={() => {
          refresh();
          onDone();
        }}
        onReload={refresh}
      />
    </Stack>
  );
}

function OrganisationFiling({ field, onDone }: { field: string; onDone(): void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const refresh = useRefreshResident('');
  const [appliedOn, setAppliedOn] = useState('');
  const save = useMutation({
    mutationFn: (day: string) => recordOrganisationFiling(me?.organisationId ?? '', field, day),
    onSuccess: () => {
      refresh();
      onDone();
    },
  });
  const parsed = parseDate(appliedOn);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (parsed) save.mutate(parsed);
      }}
    >
      <Stack>
        <DateText
          label={t(field === 'registrationRenewalAppliedOn' ? 'ssw.renewalAppliedOn' : 'ssw.noticeFiledOn')}
          value={appliedOn}
          onChange={setAppliedOn}
          required
        />
        {save.isError && (
          <Alert color="red" role="alert">
            {problemMessage(save.error, t)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending} disabled={!parsed}>
            {t('record.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
