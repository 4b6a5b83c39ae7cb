/** Sign-in: e-mail and password, then the second factor when the account has it on; an API key in development. */
import {
  Alert,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
  Divider,
  Anchor,
  Collapse,
} from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client';
import { SecondFactorStep } from '../security/SecondFactorStep';
import { useSession, type SecondFactor } from './session';

/** The API-key sign-in is for development: offered on this machine only (localhost), never on a deployed host. */
const DEVELOPMENT = import.meta.env.DEV || ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);

export function SignInPage({ languageSwitch, passwordSetFor }: { languageSwitch: ReactNode; passwordSetFor?: string | null }) {
  const { t } = useTranslation();
  const session = useSession();
  const [email, setEmail] = useState(passwordSetFor ?? '');
  const [password, setPassword] = useState('');
  // Set once the password was right and the account asks for its second factor (TOTP_REQUIRED).
  const [askingCode, setAskingCode] = useState(false);
  const [key, setKey] = useState('');
  const [showKey, setShowKey] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const attempt = async (second?: SecondFactor) => {
    setBusy(true);
    setError(null);
    try {
      await session.signInWithPassword(email, password, second);
    } catch (failure) {
      const code = failure instanceof ApiProblem ? failure.problem.code : undefined;
      const missing = failure instanceof ApiProblem && (failure.status === 404 || failure.status === 405);
      if (code === 'TOTP_REQUIRED') setAskingCode(true);
      else if (failure instanceof ApiProblem && failure.status === 429) setError(t('errors.tooMany'));
      else setError(missing ? t('signIn.unavailable') : second ? t('security.signIn.codeWrong') : t('signIn.failed'));
      if (missing) setShowKey(true);
    } finally {
      setBusy(false);
    }
  };
  const signIn = (event: FormEvent) => {
    event.preventDefault();
    void attempt();
  };

  const useKey = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await session.signInWithKey(key);
    } catch {
      setError(t('signIn.keyFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w={420} maw="100%">
        <Stack>
          <Group justify="space-between">
            <Title order={1} size="h2">
              {t('app.title')}
            </Title>
            {languageSwitch}
          </Group>
          <Title order={2} size="h4">
            {t('signIn.title')}
          </Title>
          <Text size="sm">{t('signIn.lead')}</Text>
          {passwordSetFor !== null && passwordSetFor !== undefined && !error && (
            <Alert color="teal" role="status">
              {t('invitation.done')}
            </Alert>
          )}
          {error && !askingCode && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          {askingCode ? (
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
          ) : (
            <form onSubmit={signIn}>
              <Stack gap="sm">
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
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                />
                <Button type="submit" loading={busy}>
                  {t('signIn.submit')}
                </Button>
              </Stack>
            </form>
          )}
          {DEVELOPMENT && <Divider />}
          {DEVELOPMENT && (
            <Anchor component="button" type="button" size="sm" onClick={() => setShowKey((shown) => !shown)} aria-expanded={showKey}>
              {t('signIn.keyTitle')}
            </Anchor>
          )}
          <Collapse expanded={showKey && DEVELOPMENT}>
            <form onSubmit={useKey}>
              <Stack gap="sm">
                <Text size="xs" c="dimmed">
                  {t('signIn.keyHint')}
                </Text>
                <PasswordInput label={t('signIn.key')} value={key} onChange={(e) => setKey(e.currentTarget.value)} required />
                <Button type="submit" variant="light" loading={busy}>
                  {t('signIn.keySubmit')}
                </Button>
              </Stack>
            </form>
          </Collapse>
        </Stack>
      </Paper>
    </Center>
  );
}
