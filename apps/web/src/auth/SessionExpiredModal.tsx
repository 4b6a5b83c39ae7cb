/**
 * The session ended while a screen was open (30 minutes idle, 12 hours in all, or ended
 * elsewhere): sign in again over the screen, which stays as it was — what was typed in a form is
 * still there to send again. Signing in as someone else reloads instead: their screen should not
 * show the other person's half-typed work.
 */
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client';
import { problemMessage } from '../api/problem-message';
import { useSession } from './session';

export function SessionExpiredModal() {
  const { t } = useTranslation();
  const session = useSession();
  const queries = useQueryClient();
  const [email, setEmail] = useState(session.me?.email ?? '');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const before = session.me?.id;

  const signIn = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const me = await session.signInWithPassword(email, password, totp ? { totp } : undefined);
      if (before && me?.id !== before) {
        location.reload();
        return;
      }
      setPassword('');
      setTotp('');
      await queries.invalidateQueries();
    } catch (failure) {
      setError(failure instanceof ApiProblem && failure.status === 401 ? t('signIn.failed') : problemMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

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
      <form onSubmit={signIn} aria-label={t('session.expired')}>
        <Stack gap="sm">
          <Text size="sm">{t('session.expiredLead')}</Text>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <TextInput
            label={t('signIn.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('signIn.password')}
            autoComplete="current-password"
            required
            data-autofocus
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <TextInput
            label={t('signIn.totp')}
            description={t('signIn.totpHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            value={totp}
            onChange={(e) => setTotp(e.currentTarget.value)}
          />
          <Group justify="space-between">
            <Button variant="subtle" color="gray" onClick={() => void session.signOut()}>
              {t('app.signOut')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('signIn.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
