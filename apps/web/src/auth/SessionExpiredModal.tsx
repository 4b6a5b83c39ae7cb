/**
 * The session ended while a screen was open (30 minutes idle, 12 hours in all, or ended
 * elsewhere): sign in again over the screen, which stays as it was — what was typed in a form is
 * still there to send again. Signing in as someone else reloads instead: their screen should not
 * show the other person's half-typed work.
 */
import { Button, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PasswordSignInForm } from './PasswordSignInForm';
import { useSession } from './session';

export function SessionExpiredModal() {
  const { t } = useTranslation();
  const session = useSession();
  const queries = useQueryClient();
  const before = session.me?.id;

  return (
    <Modal
      opened={session.expired}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t('session.expired')}
      centered
    >
      <Stack gap="sm">
        <Text size="sm">{t('session.expiredLead')}</Text>
        <PasswordSignInForm
          label={t('session.expired')}
          initialEmail={session.me?.email ?? ''}
          focusPassword
          aside={
            <Button variant="subtle" color="gray" onClick={() => void session.signOut()}>
              {t('app.signOut')}
            </Button>
          }
          onSignedIn={async (me) => {
            if (before && me?.id !== before) {
              location.reload();
              return;
            }
            await queries.invalidateQueries();
          }}
        />
      </Stack>
    </Modal>
  );
}
