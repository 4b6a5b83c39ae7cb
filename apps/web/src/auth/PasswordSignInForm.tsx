/**
 * Signing in with e-mail and password, then — when the account has two-factor sign-in on and
 * the API answers TOTP_REQUIRED — the code from the authenticator app or a recovery code, as a
 * second step. The sign-in page and the expired-session dialog both sign in through it, so the
 * two ask the same things in the same order.
 */
import { Alert, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client';
import { problemMessage } from '../api/problem-message';
import { SecondFactorStep } from '../security/SecondFactorStep';
import type { Me } from './api';
import { useSession, type SecondFactor } from './session';

interface Props {
  initialEmail?: string;
  /** The form's name for assistive technology. */
  label?: string;
  /** Said above the fields while nothing went wrong (the password just set). */
  notice?: ReactNode;
  /** The password field takes the focus (the e-mail is already known). */
  focusPassword?: boolean;
  /** Beside the submit button (the dialog's sign-out). */
  aside?: ReactNode;
  onSignedIn?(me: Me | null): void | Promise<void>;
  /** The server has no password sign-in (an API-key-only deployment). */
  onUnavailable?(): void;
}

export function PasswordSignInForm({ initialEmail = '', label, notice, focusPassword, aside, onSignedIn, onUnavailable }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  // Set once the password was right and the account asks for its second factor.
  const [askingCode, setAskingCode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const attempt = async (second?: SecondFactor) => {
    setBusy(true);
    setError(null);
    try {
      const me = await session.signInWithPassword(email, password, second);
      setPassword('');
      setAskingCode(false);
      await onSignedIn?.(me);
    } catch (failure) {
      const status = failure instanceof ApiProblem ? failure.status : 0;
      const code = failure instanceof ApiProblem ? failure.problem.code : undefined;
      if (code === 'TOTP_REQUIRED') setAskingCode(true);
      else if (status === 404 || status === 405) {
        setError(t('signIn.unavailable'));
        onUnavailable?.();
      } else if (status === 401) setError(second ? t('security.signIn.codeWrong') : t('signIn.failed'));
      else setError(problemMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  if (askingCode)
    return (
      <SecondFactorStep
        email={email}
        busy={busy}
        error={error}
        onSubmit={(second) => void attempt(second)}
        onBack={() => {
          setAskingCode(false);
          setPassword('');
          setError(null);
        }}
      />
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void attempt();
  };
  return (
    <form onSubmit={submit} aria-label={label}>
      <Stack gap="sm">
        {error ? (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        ) : (
          notice
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
          data-autofocus={focusPassword || undefined}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        {aside ? (
          <Group justify="space-between">
            {aside}
            <Button type="submit" loading={busy}>
              {t('signIn.submit')}
            </Button>
          </Group>
        ) : (
          <Button type="submit" loading={busy}>
            {t('signIn.submit')}
          </Button>
        )}
      </Stack>
    </form>
  );
}
