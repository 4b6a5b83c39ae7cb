/**
 * 対応する on the board for the organisation's own deadline (its registration renewal, its
 * notices, its yearly report): no resident to open, so the form that meets it opens here, on the
 * organisation (OrganisationFilingForm.tsx). Shown to managers only, as the API allows.
 */
import { Button, Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllows } from '../auth/use-allows';
import { OrganisationFilingForm } from '../ssw/OrganisationFilingForm';
import type { CaseloadDeadline } from './api';

export function OrganisationAct({ deadline, label }: { deadline: CaseloadDeadline; label: string }) {
  const { t } = useTranslation();
  const manager = useAllows('manager');
  const [open, setOpen] = useState(false);
  if (!manager || deadline.residentId !== null) return null;
  const title = `${label} — ${t('board.organisationLevel')}`;
  return (
    <>
      <Button size="xs" variant="light" onClick={() => setOpen(true)} aria-label={`${t('board.act')}: ${title}`}>
        {t('board.act')}
      </Button>
      {open && (
        <Modal opened onClose={() => setOpen(false)} title={title} size="lg">
          <OrganisationFilingForm deadline={deadline} onDone={() => setOpen(false)} />
        </Modal>
      )}
    </>
  );
}
