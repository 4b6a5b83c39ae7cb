/**
 * 対応する: the form of the fact that meets the deadline, filled with what the deadline says
 * (deadline-facts.ts), for the resident it belongs to; the organisation's registration renewal,
 * its own notices and its yearly report are recorded on the organisation instead. After the write every caseload read is refreshed, so
 * the row shows met here and on the board at once.
 */
import { Alert, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem-message';
import type { CaseloadDeadline } from '../board/api';
import { PageLoader } from '../layout/Shell';
import { RecordFactForm } from '../record/RecordFactForm';
import { residentQuery, useRefreshResident } from '../residents/api';
import { factFor } from './deadline-facts';
import { OrganisationFilingForm } from './OrganisationFilingForm';

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
        <OrganisationFilingForm deadline={deadline} onDone={onDone} />
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
